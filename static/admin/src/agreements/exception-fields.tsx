import Toggle from '@atlaskit/toggle';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { Field, FieldErrors } from '../ui/field';
import { ListInput } from '../ui/text-fields';
import { useT } from '../messages';
import { problemText } from '../problem-text';

/**
 * Who may extend a deadline or excuse a breach on the agreement's issues (Jira admins always may), and whether
 * an excused breach still counts in compliance and credits (docs/engine-contract.md).
 */
export function ExceptionFields(props: {
  readonly draft: Agreement;
  readonly update: (patch: Partial<Agreement>, remove?: readonly (keyof Agreement)[]) => void;
  readonly problems: FieldProblems;
}) {
  const i18n = useT();
  const { t } = i18n;
  const d = props.draft;
  return (
    <div className="accord-grid">
      <Field
        path="$.extensionGroups"
        label={t('agreements.extensionGroups')}
        help={t('agreements.extensionGroupsHelp')}
        problems={props.problems.at('$.extensionGroups')}
      >
        {(c) => (
          <ListInput
            control={c}
            value={d.extensionGroups}
            onChange={(groups) => {
              if (groups === undefined) props.update({}, ['extensionGroups']);
              else props.update({ extensionGroups: groups });
            }}
          />
        )}
      </Field>
      <div className="accord-field" data-path="$.countExcusedBreaches">
        <span className="accord-field__label">{t('agreements.countExcusedBreaches')}</span>
        <span className="accord-toggle-row">
          <Toggle
            id={fieldId('$.countExcusedBreaches')}
            label={t('agreements.countExcusedBreaches')}
            isChecked={d.countExcusedBreaches === true}
            onChange={(e) => {
              if (e.currentTarget.checked) props.update({ countExcusedBreaches: true });
              else props.update({}, ['countExcusedBreaches']);
            }}
          />
          <span className="accord-field__help">{t('agreements.countExcusedBreachesHelp')}</span>
        </span>
        <FieldErrors errors={props.problems.at('$.countExcusedBreaches').map((p) => problemText(p, i18n))} />
      </div>
    </div>
  );
}
