import Toggle from '@atlaskit/toggle';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { Field, FieldErrors } from '../ui/field';
import { NumberInput } from '../ui/text-fields';
import { useT } from '../messages';
import { problemText } from '../problem-text';

/**
 * Whether a customer-visible SLA posts its commitments as a public comment (for customers the portal panel
 * does not reach), and by how many minutes a committed time must move before it posts again.
 */
export function CommitmentCommentsField(props: {
  readonly draft: Agreement;
  readonly update: (patch: Partial<Agreement>, remove?: readonly (keyof Agreement)[]) => void;
  readonly problems: FieldProblems;
}) {
  const i18n = useT();
  const { t } = i18n;
  const rule = props.draft.commitmentComments;
  const moveErrors =
    rule !== undefined && (!Number.isInteger(rule.moveMinutes) || rule.moveMinutes < 1)
      ? [t('agreements.commitmentMoveRange')]
      : [];
  return (
    <div className="accord-field" data-path="$.commitmentComments">
      <span className="accord-field__label">{t('agreements.commitmentComments')}</span>
      <span className="accord-toggle-row">
        <Toggle
          id={fieldId('$.commitmentComments')}
          label={t('agreements.commitmentComments')}
          isDisabled={props.draft.customerVisible !== true}
          isChecked={rule !== undefined}
          onChange={(e) => {
            if (e.currentTarget.checked) props.update({ commitmentComments: { moveMinutes: 60 } });
            else props.update({}, ['commitmentComments']);
          }}
        />
        <span className="accord-field__help">{t('agreements.commitmentCommentsHelp')}</span>
      </span>
      <FieldErrors errors={props.problems.at('$.commitmentComments').map((p) => problemText(p, i18n))} />
      {rule === undefined ? null : (
        <Field
          path="$.commitmentComments.moveMinutes"
          label={t('agreements.commitmentMove')}
          help={t('agreements.commitmentMoveHelp')}
          errors={moveErrors}
          problems={props.problems.at('$.commitmentComments.moveMinutes')}
        >
          {(control) => (
            <NumberInput
              control={control}
              width="xsmall"
              value={rule.moveMinutes}
              elemAfterInput={<span className="accord-unit">{t('units.min')}</span>}
              onChange={(v) => {
                props.update({ commitmentComments: { moveMinutes: v ?? Number.NaN } });
              }}
            />
          )}
        </Field>
      )}
    </div>
  );
}
