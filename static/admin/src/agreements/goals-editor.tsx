import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import type { Goal } from '../../../../src/engine/agreement/types';
import { goalTerms } from '../../../shared/format/goal-terms';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { Field, FieldErrors } from '../ui/field';
import { NumberInput } from '../ui/text-fields';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { without } from '../omit';
import { GoalTargetEditor } from './goal-target-editor';
import { JqlField } from './jql-field';
import { useSelectTexts } from '../../../shared/ui/select-texts';

export interface CalendarChoice {
  readonly id: string;
  readonly name: string;
}

interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * A metric's goals, in order: the first whose condition matches the issue applies, a goal without one matches
 * every issue. Each has a target in working time on a calendar (or none: measure only) and an objective, the
 * share of cycles per period that must meet it.
 */
export function GoalsEditor(props: {
  readonly path: string;
  readonly goals: readonly Goal[];
  readonly onChange: (goals: Goal[]) => void;
  readonly calendars: readonly CalendarChoice[];
  readonly problems: FieldProblems;
}) {
  const selectText = useSelectTexts();
  const i18n = useT();
  const { t } = i18n;
  const set = (index: number, goal: Goal) => {
    props.onChange(props.goals.map((g, i) => (i === index ? goal : g)));
  };
  const move = (from: number, to: number) => {
    const goals = [...props.goals];
    const [goal] = goals.splice(from, 1);
    if (goal) goals.splice(to, 0, goal);
    props.onChange(goals);
  };
  const calendarOptions: Option[] = props.calendars.map((c) => ({ value: c.id, label: c.name }));
  const catchAll = props.goals.findIndex((g) => g.when === undefined);
  return (
    <div className="accord-goals" data-path={props.path}>
      <FieldErrors errors={props.problems.at(props.path).map((p) => problemText(p, i18n))} />
      {props.goals.length === 0 ? <p className="accord-muted">{t('goals.none')}</p> : null}
      <ol className="accord-rows accord-goals__list">
        {props.goals.map((goal, i) => {
          const path = `${props.path}[${i}]`;
          const calendarId = fieldId(`${path}.calendar`);
          const unreachable = catchAll >= 0 && i > catchAll;
          const terms = goalTerms(goal, i18n);
          const knownCalendar = props.calendars.some((c) => c.id === goal.calendar);
          return (
            <li key={i} className="accord-rows__item accord-goal" data-path={path}>
              <div className="accord-goal__head">
                <h5 className="accord-goal__title">
                  {t('goals.heading', { n: i + 1 })}
                  {terms !== null ? ` · ${terms}` : ''}
                </h5>
                <span className="accord-toolbar">
                  <Button
                    appearance="subtle"
                    isDisabled={i === 0}
                    onClick={() => {
                      move(i, i - 1);
                    }}
                  >
                    {t('moveUp')}
                    <span className="accord-visually-hidden"> {t('goals.heading', { n: i + 1 })}</span>
                  </Button>
                  <Button
                    appearance="subtle"
                    isDisabled={i === props.goals.length - 1}
                    onClick={() => {
                      move(i, i + 1);
                    }}
                  >
                    {t('moveDown')}
                    <span className="accord-visually-hidden"> {t('goals.heading', { n: i + 1 })}</span>
                  </Button>
                  <Button
                    appearance="subtle"
                    onClick={() => {
                      props.onChange(props.goals.filter((_, j) => j !== i));
                    }}
                  >
                    {t('remove')}
                    <span className="accord-visually-hidden"> {t('goals.heading', { n: i + 1 })}</span>
                  </Button>
                </span>
              </div>
              {unreachable ? (
                <p className="accord-warning-text">{t('goals.unreachable', { n: catchAll + 1 })}</p>
              ) : null}
              <JqlField
                path={`${path}.when`}
                label={t('goals.when')}
                help={t('goals.whenHelp')}
                value={goal.when}
                problems={props.problems.at(`${path}.when`)}
                onChange={(when) => {
                  const rest = without(goal, 'when');
                  set(i, when === undefined ? rest : { ...rest, when });
                }}
              />
              <div className="accord-rows__row">
                <GoalTargetEditor
                  path={path}
                  index={i}
                  goal={goal}
                  onChange={(g) => {
                    set(i, g);
                  }}
                  problems={props.problems}
                />
                <span
                  className="accord-rows__cell accord-rows__cell--select accord-rows__cell--grow"
                  data-path={`${path}.calendar`}
                >
                  <label className="accord-field__label" htmlFor={calendarId}>
                    {t('goals.calendar')}
                  </label>
                  <Select<Option>
                    {...selectText}
                    inputId={calendarId}
                    options={calendarOptions}
                    value={
                      calendarOptions.find((o) => o.value === goal.calendar) ??
                      (goal.calendar ? { value: goal.calendar, label: goal.calendar } : null)
                    }
                    isInvalid={!knownCalendar || props.problems.at(`${path}.calendar`).length > 0}
                    onChange={(o) => {
                      if (o) set(i, { ...goal, calendar: o.value });
                    }}
                    noOptionsMessage={() => t('goals.noCalendars')}
                    spacing="compact"
                  />
                  <FieldErrors
                    errors={
                      !knownCalendar
                        ? [
                            goal.calendar
                              ? t('goals.unknownCalendar', { id: goal.calendar })
                              : t('goals.pickCalendar'),
                          ]
                        : props.problems.at(`${path}.calendar`).map((p) => problemText(p, i18n))
                    }
                  />
                </span>
                <Field
                  className="accord-rows__cell"
                  path={`${path}.objectivePercent`}
                  label={t('goals.objective')}
                  help={t('goals.objectiveHelp')}
                  errors={
                    goal.objectivePercent !== undefined &&
                    (goal.objectivePercent <= 0 || goal.objectivePercent > 100)
                      ? [t('goals.objectiveRange')]
                      : []
                  }
                  problems={props.problems.at(`${path}.objectivePercent`)}
                >
                  {(control) => (
                    <NumberInput
                      control={control}
                      width="xsmall"
                      value={goal.objectivePercent}
                      elemAfterInput={<span className="accord-unit">%</span>}
                      onChange={(v) => {
                        const rest = without(goal, 'objectivePercent');
                        set(i, v === undefined ? rest : { ...rest, objectivePercent: v });
                      }}
                    />
                  )}
                </Field>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        onClick={() => {
          const last = props.goals[props.goals.length - 1];
          props.onChange([
            ...props.goals,
            { targetMinutes: 480, calendar: last?.calendar ?? props.calendars[0]?.id ?? '' },
          ]);
        }}
      >
        {t('goals.add')}
      </Button>
    </div>
  );
}
