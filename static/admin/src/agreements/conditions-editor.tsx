import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { Condition } from '../../../../src/engine/agreement/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { Field } from '../ui/field';
import { KindRows, type Option } from '../ui/kind-rows';
import { ListInput } from '../ui/text-fields';
import { useT } from '../messages';
import { without } from '../omit';
import { useSelectTexts } from '../../../shared/ui/select-texts';

type Event = Condition['event'];
const EVENTS: readonly Event[] = ['created', 'status', 'comment', 'assignee', 'resolution', 'field'];

/** A condition of the kind `event`, with the usual settings. */
function conditionOf(event: Event): Condition {
  switch (event) {
    case 'created':
      return { event };
    case 'status':
      return { event, toCategory: 'done' };
    case 'comment':
      return { event, by: 'agent', public: true };
    case 'assignee':
      return { event, change: 'set' };
    case 'resolution':
      return { event, change: 'set' };
    case 'field':
      return { event, field: '' };
  }
}

/**
 * The events that start, stop or reset a metric's clock: any of them does. Each condition is an event (created,
 * a status change, a comment, an assignee or resolution change, any field's change) with its settings.
 */
export function ConditionsEditor(props: {
  /** `$.metrics[0].start` */
  readonly path: string;
  readonly label: string;
  readonly help: string;
  readonly conditions: readonly Condition[];
  readonly onChange: (conditions: Condition[]) => void;
  readonly problems: FieldProblems;
  readonly addLabel: string;
}) {
  const { t } = useT();
  return (
    <KindRows<Condition, Event>
      className="accord-conditions"
      path={props.path}
      legend={props.label}
      help={props.help}
      empty={t('conditions.none')}
      items={props.conditions}
      onChange={props.onChange}
      problems={props.problems}
      kinds={EVENTS}
      kindKey="event"
      kindOf={(c) => c.event}
      kindName={(e) => t(`conditions.event.${e}`)}
      kindLabel={t('conditions.when')}
      make={conditionOf}
      addKind="status"
      addLabel={props.addLabel}
      renderSettings={(condition, path, onChange) => (
        <ConditionSettings path={path} condition={condition} problems={props.problems} onChange={onChange} />
      )}
    />
  );
}

function ConditionSettings(props: {
  readonly path: string;
  readonly condition: Condition;
  readonly problems: FieldProblems;
  readonly onChange: (condition: Condition) => void;
}) {
  const selectText = useSelectTexts();
  const { t } = useT();
  const c = props.condition;
  const select = <V extends string>(
    key: string,
    label: string,
    options: Option<V>[],
    value: V | undefined,
    onChange: (v: V) => void,
  ) => {
    const id = fieldId(`${props.path}.${key}`);
    return (
      <span className="accord-rows__cell accord-rows__cell--select">
        <label className="accord-field__label" htmlFor={id}>
          {label}
        </label>
        <Select<Option<V>>
          {...selectText}
          inputId={id}
          options={options}
          value={options.find((o) => o.value === value) ?? null}
          onChange={(o) => {
            if (o) onChange(o.value);
          }}
          spacing="compact"
        />
      </span>
    );
  };
  const list = (
    key: 'to' | 'from',
    label: string,
    value: readonly string[] | undefined,
    help: string,
    onChange: (v: string[] | undefined) => void,
  ) => (
    <Field
      className="accord-rows__cell accord-rows__cell--grow"
      path={`${props.path}.${key}`}
      label={label}
      help={help}
      problems={props.problems.at(`${props.path}.${key}`)}
    >
      {(control) => <ListInput control={control} value={value} onChange={onChange} />}
    </Field>
  );
  switch (c.event) {
    case 'created':
      return null;
    case 'status': {
      const categories: Option<'any' | 'new' | 'indeterminate' | 'done'>[] = [
        { value: 'any', label: t('conditions.category.any') },
        { value: 'new', label: t('conditions.category.new') },
        { value: 'indeterminate', label: t('conditions.category.indeterminate') },
        { value: 'done', label: t('conditions.category.done') },
      ];
      return (
        <>
          {select('toCategory', t('conditions.toCategory'), categories, c.toCategory ?? 'any', (v) => {
            props.onChange(v === 'any' ? without(c, 'toCategory') : { ...c, toCategory: v });
          })}
          {list('to', t('conditions.toStatus'), c.to, t('conditions.statusHelp'), (v) => {
            props.onChange(v ? { ...c, to: v } : without(c, 'to'));
          })}
          {list('from', t('conditions.fromStatus'), c.from, t('conditions.statusHelp'), (v) => {
            props.onChange(v ? { ...c, from: v } : without(c, 'from'));
          })}
        </>
      );
    }
    case 'comment': {
      const by: Option<'agent' | 'customer' | 'any'>[] = [
        { value: 'agent', label: t('conditions.by.agent') },
        { value: 'customer', label: t('conditions.by.customer') },
        { value: 'any', label: t('conditions.by.any') },
      ];
      const visibility: Option<'any' | 'public' | 'internal'>[] = [
        { value: 'any', label: t('conditions.visibility.any') },
        { value: 'public', label: t('conditions.visibility.public') },
        { value: 'internal', label: t('conditions.visibility.internal') },
      ];
      const current = c.public === undefined ? 'any' : c.public ? 'public' : 'internal';
      return (
        <>
          {select('by', t('conditions.byLabel'), by, c.by, (v) => {
            props.onChange({ ...c, by: v });
          })}
          {select('public', t('conditions.visibilityLabel'), visibility, current, (v) => {
            const rest = without(c, 'public');
            props.onChange(v === 'any' ? rest : { ...rest, public: v === 'public' });
          })}
        </>
      );
    }
    case 'assignee': {
      const changes: Option<'set' | 'cleared' | 'changed'>[] = [
        { value: 'set', label: t('conditions.assignee.set') },
        { value: 'cleared', label: t('conditions.assignee.cleared') },
        { value: 'changed', label: t('conditions.assignee.changed') },
      ];
      return select('change', t('conditions.changeLabel'), changes, c.change, (v) => {
        props.onChange({ ...c, change: v });
      });
    }
    case 'resolution': {
      const changes: Option<'set' | 'cleared'>[] = [
        { value: 'set', label: t('conditions.resolution.set') },
        { value: 'cleared', label: t('conditions.resolution.cleared') },
      ];
      return select('change', t('conditions.changeLabel'), changes, c.change, (v) => {
        props.onChange({ ...c, change: v });
      });
    }
    case 'field':
      return (
        <>
          <Field
            className="accord-rows__cell"
            path={`${props.path}.field`}
            label={t('conditions.fieldName')}
            help={t('conditions.fieldHelp')}
            errors={c.field.trim() === '' ? [t('conditions.fieldMissing')] : []}
            problems={props.problems.at(`${props.path}.field`)}
          >
            {(control) => (
              <Textfield
                {...control}
                autoComplete="off"
                value={c.field}
                onChange={(e) => {
                  props.onChange({ ...c, field: e.currentTarget.value });
                }}
              />
            )}
          </Field>
          {list('to', t('conditions.toValue'), c.to, t('conditions.valueHelp'), (v) => {
            const rest = without(c, 'to');
            props.onChange(v ? { ...c, to: v } : rest);
          })}
        </>
      );
  }
}
