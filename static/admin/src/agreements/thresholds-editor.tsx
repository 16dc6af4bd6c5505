import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import type { Action, Threshold } from '../../../../src/engine/agreement/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { Field } from '../ui/field';
import { KindRows, type Option } from '../ui/kind-rows';
import { ListInput, NumberInput } from '../ui/text-fields';
import { useT } from '../messages';
import { without } from '../omit';
import { useSelectTexts } from '../../../shared/ui/select-texts';

type AtKind = 'percent' | 'minutesBefore' | 'minutesAfterBreach';
type ActionType = Action['type'];
const ACTION_TYPES: readonly ActionType[] = [
  'comment',
  'notify',
  'assign',
  'priority',
  'transition',
  'label',
];

const atKind = (at: Threshold['at']): AtKind =>
  'percent' in at ? 'percent' : 'minutesBefore' in at ? 'minutesBefore' : 'minutesAfterBreach';
const atValue = (at: Threshold['at']): number =>
  'percent' in at ? at.percent : 'minutesBefore' in at ? at.minutesBefore : at.minutesAfterBreach;
const atOf = (kind: AtKind, value: number): Threshold['at'] =>
  kind === 'percent'
    ? { percent: value }
    : kind === 'minutesBefore'
      ? { minutesBefore: value }
      : { minutesAfterBreach: value };

function actionOf(type: ActionType): Action {
  switch (type) {
    case 'comment':
      return { type, body: '{metric} on {issue} is due at {deadline} ({remaining} left).', internal: true };
    case 'notify':
      return {
        type,
        to: ['assignee'],
        subject: '{issue}: {metric} at risk',
        body: '{metric} is due at {deadline}.',
      };
    case 'assign':
      return { type, accountId: null };
    case 'priority':
      return { type, name: 'Highest' };
    case 'transition':
      return { type, to: '' };
    case 'label':
      return { type, add: 'sla-at-risk' };
  }
}

/**
 * What happens before and at a breach: thresholds (a share of the target used, minutes before the deadline,
 * or minutes after the breach, optionally repeating), each with its actions.
 */
export function ThresholdsEditor(props: {
  readonly path: string;
  readonly thresholds: readonly Threshold[];
  readonly onChange: (thresholds: Threshold[]) => void;
  readonly problems: FieldProblems;
}) {
  const selectText = useSelectTexts();
  const { t } = useT();
  const set = (index: number, threshold: Threshold) => {
    props.onChange(props.thresholds.map((x, i) => (i === index ? threshold : x)));
  };
  const kinds: Option<AtKind>[] = [
    { value: 'percent', label: t('thresholds.percent') },
    { value: 'minutesBefore', label: t('thresholds.minutesBefore') },
    { value: 'minutesAfterBreach', label: t('thresholds.minutesAfterBreach') },
  ];
  return (
    <div className="accord-thresholds" data-path={props.path}>
      {props.thresholds.length === 0 ? <p className="accord-muted">{t('thresholds.none')}</p> : null}
      <ol className="accord-rows">
        {props.thresholds.map((threshold, i) => {
          const path = `${props.path}[${i}]`;
          const kind = atKind(threshold.at);
          const value = atValue(threshold.at);
          const kindId = fieldId(`${path}.at`);
          return (
            <li key={i} className="accord-rows__item accord-threshold" data-path={path}>
              <div className="accord-goal__head">
                <h5 className="accord-goal__title">{t('thresholds.heading', { n: i + 1 })}</h5>
                <Button
                  appearance="subtle"
                  onClick={() => {
                    props.onChange(props.thresholds.filter((_, j) => j !== i));
                  }}
                >
                  {t('remove')}
                  <span className="accord-visually-hidden"> {t('thresholds.heading', { n: i + 1 })}</span>
                </Button>
              </div>
              <div className="accord-rows__row">
                <span className="accord-rows__cell accord-rows__cell--select">
                  <label className="accord-field__label" htmlFor={kindId}>
                    {t('thresholds.at')}
                  </label>
                  <Select<Option<AtKind>>
                    {...selectText}
                    inputId={kindId}
                    options={kinds}
                    value={kinds.find((k) => k.value === kind) ?? null}
                    onChange={(o) => {
                      if (o) set(i, { ...threshold, at: atOf(o.value, o.value === 'percent' ? 75 : value) });
                    }}
                    spacing="compact"
                  />
                </span>
                <Field
                  className="accord-rows__cell"
                  path={`${path}.at.${kind}`}
                  label={kind === 'percent' ? t('thresholds.percentValue') : t('thresholds.minutesValue')}
                  errors={
                    kind === 'percent' && (value <= 0 || value > 100)
                      ? [t('thresholds.percentRange')]
                      : value < 0
                        ? [t('thresholds.notNegative')]
                        : []
                  }
                  problems={[...props.problems.at(`${path}.at`), ...props.problems.at(`${path}.at.${kind}`)]}
                >
                  {(control) => (
                    <NumberInput
                      control={control}
                      width="xsmall"
                      value={value}
                      elemAfterInput={
                        <span className="accord-unit">{kind === 'percent' ? '%' : t('units.min')}</span>
                      }
                      onChange={(v) => {
                        set(i, { ...threshold, at: atOf(kind, v ?? 0) });
                      }}
                    />
                  )}
                </Field>
                <Field
                  className="accord-rows__cell"
                  path={`${path}.repeatEveryMinutes`}
                  label={t('thresholds.repeat')}
                  help={t('thresholds.repeatHelp')}
                  problems={props.problems.at(`${path}.repeatEveryMinutes`)}
                >
                  {(control) => (
                    <NumberInput
                      control={control}
                      width="xsmall"
                      value={threshold.repeatEveryMinutes}
                      elemAfterInput={<span className="accord-unit">{t('units.min')}</span>}
                      onChange={(v) => {
                        const rest = without(threshold, 'repeatEveryMinutes');
                        set(i, v === undefined || v === 0 ? rest : { ...rest, repeatEveryMinutes: v });
                      }}
                    />
                  )}
                </Field>
              </div>
              <ActionsEditor
                path={`${path}.actions`}
                actions={threshold.actions}
                problems={props.problems}
                onChange={(actions) => {
                  set(i, { ...threshold, actions });
                }}
              />
            </li>
          );
        })}
      </ol>
      <Button
        onClick={() => {
          props.onChange([...props.thresholds, { at: { percent: 75 }, actions: [actionOf('comment')] }]);
        }}
      >
        {t('thresholds.add')}
      </Button>
    </div>
  );
}

function ActionsEditor(props: {
  readonly path: string;
  readonly actions: readonly Action[];
  readonly onChange: (actions: Action[]) => void;
  readonly problems: FieldProblems;
}) {
  const { t } = useT();
  return (
    <KindRows<Action, ActionType>
      className="accord-actions"
      path={props.path}
      legend={t('actions.title')}
      help={t('actions.help')}
      items={props.actions}
      onChange={props.onChange}
      problems={props.problems}
      kinds={ACTION_TYPES}
      kindKey="type"
      kindOf={(a) => a.type}
      kindName={(type) => t(`actions.type.${type}`)}
      kindLabel={t('actions.typeLabel')}
      make={actionOf}
      addKind="comment"
      addLabel={t('actions.add')}
      renderSettings={(action, path, onChange) => (
        <ActionSettings path={path} action={action} problems={props.problems} onChange={onChange} />
      )}
    />
  );
}

function ActionSettings(props: {
  readonly path: string;
  readonly action: Action;
  readonly problems: FieldProblems;
  readonly onChange: (action: Action) => void;
}) {
  const { t } = useT();
  const a = props.action;
  const text = (key: string, label: string, value: string, onChange: (v: string) => void, help?: string) => (
    <Field
      className="accord-rows__cell accord-rows__cell--grow"
      path={`${props.path}.${key}`}
      label={label}
      {...(help ? { help } : {})}
      errors={value.trim() === '' && key !== 'accountId' ? [t('actions.required')] : []}
      problems={props.problems.at(`${props.path}.${key}`)}
    >
      {(control) => (
        <Textfield
          {...control}
          autoComplete="off"
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
          }}
        />
      )}
    </Field>
  );
  const body = (value: string, onChange: (v: string) => void) => (
    <Field
      className="accord-rows__cell accord-rows__cell--wide"
      path={`${props.path}.body`}
      label={t('actions.body')}
      help={t('actions.placeholders')}
      errors={value.trim() === '' ? [t('actions.required')] : []}
      problems={props.problems.at(`${props.path}.body`)}
    >
      {(control) => (
        <TextArea
          id={control.id}
          isInvalid={control.isInvalid}
          {...(control['aria-describedby'] ? { 'aria-describedby': control['aria-describedby'] } : {})}
          resize="vertical"
          minimumRows={2}
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
          }}
        />
      )}
    </Field>
  );
  switch (a.type) {
    case 'comment':
      return (
        <>
          {body(a.body, (v) => {
            props.onChange({ ...a, body: v });
          })}
          <span className="accord-rows__cell accord-rows__cell--end">
            <Checkbox
              isChecked={a.internal === true}
              label={t('actions.internal')}
              onChange={(e) => {
                props.onChange({ ...a, internal: e.currentTarget.checked });
              }}
            />
          </span>
        </>
      );
    case 'notify':
      return (
        <>
          <fieldset className="accord-rows__cell" data-path={`${props.path}.to`}>
            <legend className="accord-field__label">{t('actions.to')}</legend>
            {(['assignee', 'reporter', 'watchers'] as const).map((who) => (
              <Checkbox
                key={who}
                isChecked={a.to.includes(who)}
                label={t(`actions.who.${who}`)}
                onChange={(e) => {
                  const to = e.currentTarget.checked ? [...a.to, who] : a.to.filter((x) => x !== who);
                  props.onChange({ ...a, to });
                }}
              />
            ))}
          </fieldset>
          <Field
            className="accord-rows__cell"
            path={`${props.path}.groups`}
            label={t('actions.groups')}
            help={t('actions.listHelp')}
            problems={props.problems.at(`${props.path}.groups`)}
          >
            {(control) => (
              <ListInput
                control={control}
                value={a.groups}
                onChange={(v) => {
                  const rest = without(a, 'groups');
                  props.onChange(v ? { ...rest, groups: v } : rest);
                }}
              />
            )}
          </Field>
          <Field
            className="accord-rows__cell"
            path={`${props.path}.users`}
            label={t('actions.users')}
            help={t('actions.usersHelp')}
            problems={props.problems.at(`${props.path}.users`)}
          >
            {(control) => (
              <ListInput
                control={control}
                value={a.users}
                onChange={(v) => {
                  const rest = without(a, 'users');
                  props.onChange(v ? { ...rest, users: v } : rest);
                }}
              />
            )}
          </Field>
          {text('subject', t('actions.subject'), a.subject, (v) => {
            props.onChange({ ...a, subject: v });
          })}
          {body(a.body, (v) => {
            props.onChange({ ...a, body: v });
          })}
        </>
      );
    case 'assign':
      return text(
        'accountId',
        t('actions.accountId'),
        a.accountId ?? '',
        (v) => {
          props.onChange({ ...a, accountId: v.trim() === '' ? null : v.trim() });
        },
        t('actions.accountIdHelp'),
      );
    case 'priority':
      return text('name', t('actions.priority'), a.name, (v) => {
        props.onChange({ ...a, name: v });
      });
    case 'transition':
      return text('to', t('actions.transition'), a.to, (v) => {
        props.onChange({ ...a, to: v });
      });
    case 'label':
      return text('add', t('actions.label'), a.add, (v) => {
        props.onChange({ ...a, add: v });
      });
  }
}
