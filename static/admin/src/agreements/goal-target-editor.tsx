import Checkbox from '@atlaskit/checkbox';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { Goal } from '../../../../src/engine/agreement/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { Field, FieldErrors } from '../ui/field';
import { NumberInput } from '../ui/text-fields';
import { useT, type AdminI18n } from '../messages';
import { problemText } from '../problem-text';
import { without } from '../omit';
import { businessDayErrors, targetKindOf, type TargetKind, withTargetKind } from './goal-target';
import { useSelectTexts } from '../../../shared/ui/select-texts';

interface KindOption {
  readonly value: TargetKind;
  readonly label: string;
}

/**
 * A goal's target, one of three (docs/engine-contract.md, "Agreement"): working time of the calendar (or none: measure
 * only), whole business days with an optional due time and cut-off, or the date in a date field. Switching
 * the kind replaces the target, so a goal never carries two.
 */
export function GoalTargetEditor(props: {
  readonly path: string;
  readonly index: number;
  readonly goal: Goal;
  readonly onChange: (goal: Goal) => void;
  readonly problems: FieldProblems;
}) {
  const selectText = useSelectTexts();
  const i18n = useT();
  const { t } = i18n;
  const { goal, path } = props;
  const kind = targetKindOf(goal);
  const kindId = fieldId(`${path}.target`);
  const options: KindOption[] = [
    { value: 'minutes', label: t('goals.kind.minutes') },
    { value: 'businessDays', label: t('goals.kind.businessDays') },
    { value: 'dueDateField', label: t('goals.kind.dueDateField') },
  ];
  return (
    <fieldset className="accord-rows__cell accord-target" data-path={`${path}.target`}>
      <legend className="accord-field__label">{t('goals.target')}</legend>
      <label className="accord-visually-hidden" htmlFor={kindId}>
        {t('goals.kind.label', { n: props.index + 1 })}
      </label>
      <Select<KindOption>
        {...selectText}
        inputId={kindId}
        options={options}
        value={options.find((o) => o.value === kind) ?? null}
        onChange={(o) => {
          if (o && o.value !== kind) props.onChange(withTargetKind(goal, o.value));
        }}
        spacing="compact"
      />
      {kind === 'minutes' ? <MinutesTarget {...props} /> : null}
      {kind === 'businessDays' ? <BusinessDaysTarget {...props} i18n={i18n} /> : null}
      {kind === 'dueDateField' ? <DateFieldTarget {...props} /> : null}
    </fieldset>
  );
}

function MinutesTarget(props: {
  readonly path: string;
  readonly index: number;
  readonly goal: Goal;
  readonly onChange: (goal: Goal) => void;
  readonly problems: FieldProblems;
}) {
  const i18n = useT();
  const { t } = i18n;
  const { goal, path } = props;
  const target = goal.targetMinutes ?? null;
  const hours = target === null ? undefined : Math.floor(target / 60);
  const minutes = target === null ? undefined : target % 60;
  const setTarget = (h: number | undefined, m: number | undefined) => {
    props.onChange({ ...goal, targetMinutes: Math.round((h ?? 0) * 60 + (m ?? 0)) });
  };
  const targetErrors = target !== null && target <= 0 ? [t('goals.targetPositive')] : [];
  const id = fieldId(`${path}.targetMinutes`);
  return (
    <div data-path={`${path}.targetMinutes`}>
      <div className="accord-rows__row">
        <NumberInput
          control={{ id, isInvalid: targetErrors.length > 0, 'aria-describedby': undefined }}
          width="xsmall"
          value={hours}
          elemAfterInput={<span className="accord-unit">{t('units.h')}</span>}
          onChange={(h) => {
            setTarget(h, minutes);
          }}
        />
        <NumberInput
          control={{ id: `${id}-minutes`, isInvalid: false, 'aria-describedby': undefined }}
          width="xsmall"
          value={minutes}
          elemAfterInput={<span className="accord-unit">{t('units.min')}</span>}
          onChange={(m) => {
            setTarget(hours, m);
          }}
        />
      </div>
      <Checkbox
        isChecked={goal.targetMinutes === null}
        label={t('goals.measureOnly')}
        onChange={(e) => {
          props.onChange({ ...goal, targetMinutes: e.currentTarget.checked ? null : 240 });
        }}
      />
      <FieldErrors
        errors={
          targetErrors.length > 0
            ? targetErrors
            : props.problems.at(`${path}.targetMinutes`).map((p) => problemText(p, i18n))
        }
      />
      <label className="accord-visually-hidden" htmlFor={id}>
        {t('goals.targetHours', { n: props.index + 1 })}
      </label>
      <label className="accord-visually-hidden" htmlFor={`${id}-minutes`}>
        {t('goals.targetMinutes', { n: props.index + 1 })}
      </label>
    </div>
  );
}

function BusinessDaysTarget(props: {
  readonly path: string;
  readonly goal: Goal;
  readonly onChange: (goal: Goal) => void;
  readonly problems: FieldProblems;
  readonly i18n: AdminI18n;
}) {
  const { t } = props.i18n;
  const rule = props.goal.businessDays ?? { days: 1 };
  const at = `${props.path}.businessDays`;
  const errors = businessDayErrors(rule);
  const set = (next: typeof rule) => {
    props.onChange({ ...props.goal, businessDays: next });
  };
  const setTime = (key: 'cutoff' | 'dueAt', text: string) => {
    const rest = without(rule, key);
    set(text.trim() === '' ? rest : { ...rest, [key]: text.trim() });
  };
  return (
    <div className="accord-rows__row" data-path={at}>
      <Field
        path={`${at}.days`}
        label={t('goals.days')}
        help={t('goals.daysHelp')}
        errors={errors.days ? [t(`goals.error.${errors.days}`)] : []}
        problems={props.problems.at(`${at}.days`)}
      >
        {(control) => (
          <NumberInput
            control={control}
            width="xsmall"
            value={rule.days}
            onChange={(v) => {
              set({ ...rule, days: v ?? Number.NaN });
            }}
          />
        )}
      </Field>
      <Field
        path={`${at}.dueAt`}
        label={t('goals.dueAt')}
        help={t('goals.dueAtHelp')}
        errors={errors.dueAt ? [t(`goals.error.${errors.dueAt}`)] : []}
        problems={props.problems.at(`${at}.dueAt`)}
      >
        {(control) => (
          <Textfield
            {...control}
            width="xsmall"
            autoComplete="off"
            value={rule.dueAt ?? ''}
            onChange={(e) => {
              setTime('dueAt', e.currentTarget.value);
            }}
          />
        )}
      </Field>
      <Field
        path={`${at}.cutoff`}
        label={t('goals.cutoff')}
        help={t('goals.cutoffHelp')}
        errors={errors.cutoff ? [t(`goals.error.${errors.cutoff}`)] : []}
        problems={props.problems.at(`${at}.cutoff`)}
      >
        {(control) => (
          <Textfield
            {...control}
            width="xsmall"
            autoComplete="off"
            value={rule.cutoff ?? ''}
            onChange={(e) => {
              setTime('cutoff', e.currentTarget.value);
            }}
          />
        )}
      </Field>
    </div>
  );
}

function DateFieldTarget(props: {
  readonly path: string;
  readonly goal: Goal;
  readonly onChange: (goal: Goal) => void;
  readonly problems: FieldProblems;
}) {
  const { t } = useT();
  const value = props.goal.dueDateField ?? '';
  return (
    <Field
      path={`${props.path}.dueDateField`}
      label={t('goals.dueDateField')}
      help={t('goals.dueDateFieldHelp')}
      errors={value.trim() === '' ? [t('goals.error.fieldMissing')] : []}
      problems={props.problems.at(`${props.path}.dueDateField`)}
    >
      {(control) => (
        <Textfield
          {...control}
          autoComplete="off"
          value={value}
          onChange={(e) => {
            props.onChange({ ...props.goal, dueDateField: e.currentTarget.value });
          }}
        />
      )}
    </Field>
  );
}
