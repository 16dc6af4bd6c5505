import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { Metric } from '../../../../src/engine/agreement/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { Field } from '../ui/field';
import { useT } from '../messages';
import { without } from '../omit';
import { ConditionsEditor } from './conditions-editor';
import { GoalsEditor, type CalendarChoice } from './goals-editor';
import { JqlField } from './jql-field';
import { ThresholdsEditor } from './thresholds-editor';

interface Option {
  readonly value: 'retarget' | 'keep';
  readonly label: string;
}

/** One metric: its name, when its clock starts, stops, pauses and resets, its goals, and its thresholds. */
export function MetricEditor(props: {
  readonly index: number;
  readonly metric: Metric;
  readonly onChange: (metric: Metric) => void;
  readonly onRemove: () => void;
  readonly calendars: readonly CalendarChoice[];
  readonly problems: FieldProblems;
  /** Whether the metric's id may still change (not saved yet). */
  readonly isNew: boolean;
}) {
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
  const headingId = `${fieldId(path)}-heading`;
  return (
    <section className="accord-metric-editor" aria-labelledby={headingId} data-path={path}>
      <div className="accord-goal__head">
        <h4 id={headingId} className="accord-metric-editor__title">
          {m.name.trim() === '' ? t('metric.untitled', { n: props.index + 1 }) : m.name}
        </h4>
        <Button appearance="subtle" onClick={props.onRemove}>
          {t('metric.remove')}
          <span className="accord-visually-hidden"> {m.name}</span>
        </Button>
      </div>
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
    </section>
  );
}
