import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { Metric } from '../../../../src/engine/agreement/types';
import type { FieldProblems } from '../problems';
import { fieldId, hasProblemsUnder } from '../problems';
import { Field } from '../ui/field';
import { useT } from '../messages';
import { without } from '../omit';
import { ConditionsEditor } from './conditions-editor';
import { GoalsEditor, type CalendarChoice } from './goals-editor';
import { JqlField } from './jql-field';
import { ThresholdsEditor } from './thresholds-editor';
import { useSelectTexts } from '../../../shared/ui/select-texts';

interface Option {
  readonly value: 'retarget' | 'keep';
  readonly label: string;
}

/**
 * One metric: its name, when its clock starts, stops, pauses and resets, its goals, and its thresholds.
 * Folded, it is one line (its name, how many goals and thresholds it has) with a button that unfolds it; a
 * metric with a problem to fix is always unfolded.
 */
export function MetricEditor(props: {
  readonly index: number;
  readonly metric: Metric;
  readonly onChange: (metric: Metric) => void;
  readonly onRemove: () => void;
  readonly calendars: readonly CalendarChoice[];
  readonly problems: FieldProblems;
  /** Whether the metric's id may still change (not saved yet). */
  readonly isNew: boolean;
  /** Whether it is unfolded (the metric being edited). */
  readonly open: boolean;
  readonly onToggle: () => void;
}) {
  const { t } = useT();
  const path = `$.metrics[${props.index}]`;
  const m = props.metric;
  const bodyId = `${fieldId(path)}-body`;
  const open = props.open || hasProblemsUnder(props.problems, path);
  const title = m.name.trim() === '' ? t('metric.untitled', { n: props.index + 1 }) : m.name;
  const headingId = `${fieldId(path)}-heading`;
  return (
    <section
      className={open ? 'accord-metric-editor' : 'accord-metric-editor accord-metric-editor--folded'}
      aria-labelledby={headingId}
      data-path={path}
    >
      <div className="accord-goal__head">
        <h4 id={headingId} className="accord-metric-editor__title">
          <button
            type="button"
            className="accord-section__toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={props.onToggle}
          >
            {title}
          </button>
        </h4>
        {open ? null : (
          <span className="accord-muted accord-metric-editor__summary">
            {t('metric.summary', { count: m.goals.length })}
            {m.thresholds && m.thresholds.length > 0
              ? ` · ${t('metric.summaryThresholds', { count: m.thresholds.length })}`
              : ''}
          </span>
        )}
        <Button appearance="subtle" onClick={props.onRemove}>
          {t('metric.remove')}
          <span className="accord-visually-hidden"> {m.name}</span>
        </Button>
      </div>
      {open ? <MetricBody {...props} /> : <div id={bodyId} hidden />}
    </section>
  );
}

/** The unfolded metric's fields. */
function MetricBody(props: {
  readonly index: number;
  readonly metric: Metric;
  readonly onChange: (metric: Metric) => void;
  readonly calendars: readonly CalendarChoice[];
  readonly problems: FieldProblems;
  readonly isNew: boolean;
}) {
  const selectText = useSelectTexts();
  const { t } = useT();
  const path = `$.metrics[${props.index}]`;
  const m = props.metric;
  const set = (patch: Partial<Metric>) => {
    props.onChange({ ...m, ...patch });
  };
  const goalChange: Option[] = [
    { value: 'retarget', label: t('metric.retarget') },
    { value: 'keep', label: t('metric.keep') },
  ];
  const goalChangeId = fieldId(`${path}.goalChange`);
  return (
    <div id={`${fieldId(path)}-body`} className="accord-metric-editor__body">
      <div className="accord-grid">
        <Field
          path={`${path}.name`}
          label={t('metric.name')}
          isRequired
          errors={m.name.trim() === '' ? [t('metric.nameMissing')] : []}
          problems={props.problems.at(`${path}.name`)}
        >
          {(c) => (
            <Textfield
              {...c}
              autoComplete="off"
              value={m.name}
              onChange={(e) => {
                set({ name: e.currentTarget.value });
              }}
            />
          )}
        </Field>
        <Field
          path={`${path}.id`}
          label={t('metric.id')}
          help={props.isNew ? t('metric.idHelp') : t('metric.idFixed')}
          problems={props.problems.at(`${path}.id`)}
        >
          {(c) =>
            props.isNew ? (
              <Textfield
                {...c}
                autoComplete="off"
                value={m.id}
                onChange={(e) => {
                  set({ id: e.currentTarget.value });
                }}
              />
            ) : (
              <p id={c.id} className="accord-mono">
                {m.id}
              </p>
            )
          }
        </Field>
      </div>
      <div className="accord-metric-editor__clock">
        <ConditionsEditor
          path={`${path}.start`}
          label={t('metric.start')}
          help={t('metric.startHelp')}
          addLabel={t('metric.addStart')}
          conditions={m.start}
          problems={props.problems}
          onChange={(start) => {
            set({ start });
          }}
        />
        <ConditionsEditor
          path={`${path}.stop`}
          label={t('metric.stop')}
          help={t('metric.stopHelp')}
          addLabel={t('metric.addStop')}
          conditions={m.stop}
          problems={props.problems}
          onChange={(stop) => {
            set({ stop });
          }}
        />
        <JqlField
          path={`${path}.pauseWhile`}
          label={t('metric.pauseWhile')}
          help={t('metric.pauseHelp')}
          value={m.pauseWhile}
          problems={props.problems.at(`${path}.pauseWhile`)}
          onChange={(pauseWhile) => {
            const rest = without(m, 'pauseWhile');
            props.onChange(pauseWhile === undefined ? rest : { ...rest, pauseWhile });
          }}
        />
        <ConditionsEditor
          path={`${path}.reset`}
          label={t('metric.reset')}
          help={t('metric.resetHelp')}
          addLabel={t('metric.addReset')}
          conditions={m.reset ?? []}
          problems={props.problems}
          onChange={(reset) => {
            const rest = without(m, 'reset');
            props.onChange(reset.length === 0 ? rest : { ...rest, reset });
          }}
        />
      </div>
      <div className="accord-subsection">
        <h5 className="accord-subsection__title">{t('metric.goals')}</h5>
        <p className="accord-field__help">{t('metric.goalsHelp')}</p>
        <GoalsEditor
          path={`${path}.goals`}
          goals={m.goals}
          calendars={props.calendars}
          problems={props.problems}
          onChange={(goals) => {
            set({ goals });
          }}
        />
        <div className="accord-field accord-field--narrow" data-path={`${path}.goalChange`}>
          <label className="accord-field__label" htmlFor={goalChangeId}>
            {t('metric.goalChange')}
          </label>
          <Select<Option>
            {...selectText}
            inputId={goalChangeId}
            options={goalChange}
            value={goalChange.find((o) => o.value === (m.goalChange ?? 'retarget')) ?? null}
            onChange={(o) => {
              if (!o) return;
              const rest = without(m, 'goalChange');
              props.onChange(o.value === 'retarget' ? rest : { ...rest, goalChange: o.value });
            }}
            spacing="compact"
          />
          <span className="accord-field__help">{t('metric.goalChangeHelp')}</span>
        </div>
      </div>
      <div className="accord-subsection">
        <h5 className="accord-subsection__title">{t('metric.thresholds')}</h5>
        <p className="accord-field__help">{t('metric.thresholdsHelp')}</p>
        <ThresholdsEditor
          path={`${path}.thresholds`}
          thresholds={m.thresholds ?? []}
          problems={props.problems}
          onChange={(thresholds) => {
            const rest = without(m, 'thresholds');
            props.onChange(thresholds.length === 0 ? rest : { ...rest, thresholds });
          }}
        />
      </div>
    </div>
  );
}
