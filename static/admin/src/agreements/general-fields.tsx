import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import type { Agreement, AgreementKind } from '../../../../src/engine/agreement/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { Field, FieldErrors } from '../ui/field';
import { DateInput } from '../ui/date-input';
import { ListInput } from '../ui/text-fields';
import { localDateExample } from '../../../shared/format/local-date';
import { LOCAL_DATE } from '../calendars/date-cell';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { CommitmentCommentsField } from './commitment-comments-field';
import { ExceptionFields } from './exception-fields';
import { JqlField } from './jql-field';
import { useSelectTexts } from '../../../shared/ui/select-texts';

const ID = /^[A-Za-z0-9][\w.-]*$/;

interface KindOption {
  readonly value: AgreementKind;
  readonly label: string;
}

/** The agreement's name, id, kind, counterparty, validity, review date and where it applies. */
export function GeneralFields(props: {
  readonly draft: Agreement;
  readonly isNew: boolean;
  readonly takenIds: ReadonlySet<string>;
  readonly onName: (name: string) => void;
  readonly onId: (id: string) => void;
  readonly update: (patch: Partial<Agreement>, remove?: readonly (keyof Agreement)[]) => void;
  readonly projects: readonly string[];
  readonly onProjects: (projects: string[]) => void;
  readonly problems: FieldProblems;
}) {
  const selectText = useSelectTexts();
  const i18n = useT();
  const { t, locale } = i18n;
  const d = props.draft;
  const kinds: KindOption[] = (['SLA', 'OLA', 'UC'] as const).map((k) => ({
    value: k,
    label: t(`kinds.${k}`),
  }));
  const kindId = fieldId('$.kind');
  const idError =
    props.isNew && d.id !== '' && !ID.test(d.id)
      ? t('calendars.badId')
      : props.isNew && props.takenIds.has(d.id)
        ? t('agreements.idTaken', { id: d.id })
        : null;
  const date = (key: 'validFrom' | 'validTo' | 'reviewBy', label: string, help: string) => (
    <Field
      path={`$.${key}`}
      label={label}
      help={help}
      errors={
        d[key] === undefined || LOCAL_DATE.test(d[key].slice(0, 10))
          ? []
          : [t('holidays.badDate', { example: localDateExample(locale) })]
      }
      problems={props.problems.at(`$.${key}`)}
    >
      {(c) => (
        <DateInput
          control={c}
          locale={locale}
          value={d[key]?.slice(0, 10) ?? ''}
          onChange={(value) => {
            if (value === '') props.update({}, [key]);
            else props.update({ [key]: value });
          }}
        />
      )}
    </Field>
  );
  const validityError =
    d.validFrom && d.validTo && d.validTo.slice(0, 10) < d.validFrom.slice(0, 10)
      ? [t('agreements.validityOrder')]
      : [];
  return (
    <>
      <div className="accord-grid">
        <Field path="$.name" label={t('agreements.name')} isRequired problems={props.problems.at('$.name')}>
          {(c) => (
            <Textfield
              {...c}
              autoComplete="off"
              value={d.name}
              onChange={(e) => {
                props.onName(e.currentTarget.value);
              }}
            />
          )}
        </Field>
        <Field
          path="$.id"
          label={t('agreements.id')}
          help={props.isNew ? t('agreements.idHelp') : t('agreements.idFixed')}
          errors={idError ? [idError] : []}
          problems={props.problems.at('$.id')}
        >
          {(c) =>
            props.isNew ? (
              <Textfield
                {...c}
                autoComplete="off"
                value={d.id}
                onChange={(e) => {
                  props.onId(e.currentTarget.value);
                }}
              />
            ) : (
              <p id={c.id} className="accord-mono">
                {d.id}
              </p>
            )
          }
        </Field>
        <div className="accord-field" data-path="$.kind">
          <label className="accord-field__label" htmlFor={kindId}>
            {t('agreements.kind')}
          </label>
          <Select<KindOption>
            {...selectText}
            inputId={kindId}
            options={kinds}
            value={kinds.find((k) => k.value === d.kind) ?? null}
            onChange={(o) => {
              if (o)
                props.update(
                  { kind: o.value },
                  o.value === 'SLA' ? [] : ['customerVisible', 'commitmentComments'],
                );
            }}
            spacing="compact"
          />
          <FieldErrors errors={props.problems.at('$.kind').map((p) => problemText(p, i18n))} />
        </div>
        <Field
          path="$.counterparty"
          label={t(`agreements.counterparty.${d.kind}`)}
          help={t(`agreements.counterpartyHelp.${d.kind}`)}
          problems={props.problems.at('$.counterparty')}
        >
          {(c) => (
            <Textfield
              {...c}
              autoComplete="off"
              value={d.counterparty ?? ''}
              onChange={(e) => {
                props.update({ counterparty: e.currentTarget.value });
              }}
            />
          )}
        </Field>
      </div>
      <div className="accord-grid">
        {date('validFrom', t('agreements.validFrom'), t('agreements.validFromHelp'))}
        <div>
          {date('validTo', t('agreements.validTo'), t('agreements.validToHelp'))}
          <FieldErrors errors={validityError} />
        </div>
        {date('reviewBy', t('agreements.reviewBy'), t('agreements.reviewByHelp'))}
      </div>
      <JqlField
        path="$.appliesTo"
        label={t('agreements.appliesTo')}
        help={t('agreements.appliesToHelp')}
        value={d.appliesTo}
        problems={props.problems.at('$.appliesTo')}
        onChange={(appliesTo) => {
          if (appliesTo === undefined) props.update({}, ['appliesTo']);
          else props.update({ appliesTo });
        }}
      />
      <div className="accord-grid">
        <Field path="$.projects" label={t('agreements.projects')} help={t('agreements.projectsHelp')}>
          {(c) => (
            <ListInput
              control={c}
              value={props.projects}
              onChange={(v) => {
                props.onProjects(v ?? []);
              }}
            />
          )}
        </Field>
        {d.kind === 'SLA' ? (
          <div className="accord-field" data-path="$.customerVisible">
            <span className="accord-field__label" id="accord-visible-label">
              {t('agreements.customerVisible')}
            </span>
            <span className="accord-toggle-row">
              <Toggle
                id={fieldId('$.customerVisible')}
                label={t('agreements.customerVisible')}
                isChecked={d.customerVisible === true}
                onChange={(e) => {
                  // Commitments are posted only for what customers may see.
                  if (e.currentTarget.checked) props.update({ customerVisible: true });
                  else props.update({ customerVisible: false }, ['commitmentComments']);
                }}
              />
              <span className="accord-field__help">{t('agreements.customerVisibleHelp')}</span>
            </span>
            <FieldErrors errors={props.problems.at('$.customerVisible').map((p) => problemText(p, i18n))} />
          </div>
        ) : null}
        {d.kind === 'SLA' ? (
          <CommitmentCommentsField draft={d} update={props.update} problems={props.problems} />
        ) : null}
      </div>
      <ExceptionFields draft={d} update={props.update} problems={props.problems} />
    </>
  );
}
