import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import type { Span } from '../../../../src/engine/calendar/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { FieldErrors } from '../ui/field';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { checkSpans, normalizeTime, type SpanIssue } from './week-check';

/**
 * The working hours of one day (a weekday or an exception day): spans `from`–`to` in local `HH:mm`, several a
 * day, `24:00` as an end. Each span's problems show under it, found in the browser as the admin types
 * (the backend's, from a save, where the browser found none).
 */
export function SpanList(props: {
  /** The day's spans' path, e.g. `$.week.mon` or `$.exceptions[0].hours`. */
  readonly path: string;
  /** The day, as read out with each field (`Monday`). */
  readonly dayLabel: string;
  readonly spans: readonly Span[];
  readonly onChange: (spans: Span[]) => void;
  readonly problems: FieldProblems;
  /** What an empty list means: `Closed`. */
  readonly emptyText: string;
}) {
  const i18n = useT();
  const { t } = i18n;
  const issues = checkSpans(props.spans);
  const set = (index: number, patch: Partial<Span>) => {
    props.onChange(props.spans.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  };
  const message = (issue: SpanIssue, span: Span): string => {
    switch (issue.kind) {
      case 'from':
        return t('week.errors.from', { value: span.from });
      case 'to':
        return t('week.errors.to', { value: span.to });
      case 'order':
        return t('week.errors.order', { from: span.from, to: span.to });
      case 'overlap': {
        const other = props.spans[issue.other];
        return t('week.errors.overlap', { from: other?.from ?? '', to: other?.to ?? '' });
      }
    }
  };
  return (
    <div className="accord-spans">
      {props.spans.length === 0 ? <p className="accord-spans__empty">{props.emptyText}</p> : null}
      <ul className="accord-spans__list">
        {props.spans.map((span, i) => {
          const spanPath = `${props.path}[${i}]`;
          const own = issues.filter((issue) => issue.index === i);
          const local = own.map((issue) => message(issue, span));
          const remote = [
            ...props.problems.at(spanPath),
            ...props.problems.at(`${spanPath}.from`),
            ...props.problems.at(`${spanPath}.to`),
          ].map((p) => problemText(p, i18n));
          const errors = local.length > 0 ? local : remote;
          const errorId = errors.length > 0 ? `${fieldId(spanPath)}-error` : undefined;
          const fromInvalid = own.some((x) => x.kind !== 'to');
          const toInvalid = own.some((x) => x.kind !== 'from');
          const input = (which: 'from' | 'to', invalid: boolean) => {
            const id = fieldId(`${spanPath}.${which}`);
            return (
              <span className="accord-spans__time">
                <label className="accord-visually-hidden" htmlFor={id}>
                  {t(which === 'from' ? 'week.fromLabel' : 'week.toLabel', { day: props.dayLabel, n: i + 1 })}
                </label>
                <Textfield
                  id={id}
                  width="xsmall"
                  autoComplete="off"
                  inputMode="numeric"
                  value={span[which]}
                  isInvalid={invalid || (errors.length > 0 && local.length === 0)}
                  aria-describedby={errorId}
                  onChange={(e) => {
                    set(i, { [which]: e.currentTarget.value });
                  }}
                  onBlur={(e) => {
                    const normal = normalizeTime(e.currentTarget.value);
                    if (normal !== span[which]) set(i, { [which]: normal });
                  }}
                />
              </span>
            );
          };
          return (
            <li key={i} className="accord-spans__item" data-path={spanPath}>
              <div className="accord-spans__row">
                {input('from', fromInvalid)}
                <span aria-hidden="true">–</span>
                {input('to', toInvalid)}
                <Button
                  appearance="subtle"
                  onClick={() => {
                    props.onChange(props.spans.filter((_, j) => j !== i));
                  }}
                >
                  {t('week.remove')}
                  <span className="accord-visually-hidden">
                    {' '}
                    {t('week.spanName', { day: props.dayLabel, from: span.from, to: span.to })}
                  </span>
                </Button>
              </div>
              <FieldErrors {...(errorId ? { id: errorId } : {})} errors={errors} />
            </li>
          );
        })}
      </ul>
      <Button
        appearance="subtle"
        onClick={() => {
          const last = props.spans[props.spans.length - 1];
          // A new span follows the last one: after 09:00–12:00 comes 13:00–17:00.
          const next =
            last && /^\d\d:\d\d$/.test(last.to) && last.to < '23:00'
              ? nextSpan(last.to)
              : { from: '09:00', to: '17:00' };
          props.onChange([...props.spans, next]);
        }}
      >
        {t('week.add')}
        <span className="accord-visually-hidden"> {props.dayLabel}</span>
      </Button>
    </div>
  );
}

function nextSpan(after: string): Span {
  const hours = Number(after.slice(0, 2));
  const from = `${String(Math.min(hours + 1, 23)).padStart(2, '0')}:00`;
  const to = hours + 5 >= 24 ? '24:00' : `${String(hours + 5).padStart(2, '0')}:00`;
  return { from, to };
}
