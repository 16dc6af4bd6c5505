import Button from '@atlaskit/button/new';
import type { ExceptionDay } from '../../../../src/engine/calendar/types';
import type { FieldProblems } from '../problems';
import { fieldId } from '../problems';
import { FieldErrors } from '../ui/field';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { localDateExample } from '../../../shared/format/local-date';
import { DateCell, LOCAL_DATE } from './date-cell';
import { formatLocalDay } from './dates';
import { SpanList } from './span-list';

/**
 * Exception days: a date whose hours replace the weekday's (a short day before a holiday, a Saturday on call),
 * or close it (no hours).
 */
export function ExceptionsEditor(props: {
  readonly exceptions: readonly ExceptionDay[];
  readonly onChange: (exceptions: ExceptionDay[]) => void;
  readonly problems: FieldProblems;
  readonly today: string;
}) {
  const i18n = useT();
  const { t, locale } = i18n;
  const set = (index: number, patch: Partial<ExceptionDay>) => {
    props.onChange(props.exceptions.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  };
  const dates = props.exceptions.map((e) => e.date);
  return (
    <div className="accord-exceptions" data-path="$.exceptions">
      {props.exceptions.length === 0 ? <p className="accord-muted">{t('exceptions.none')}</p> : null}
      <ul className="accord-rows">
        {props.exceptions.map((exception, i) => {
          const path = `$.exceptions[${i}]`;
          const dateId = fieldId(`${path}.date`);
          const local = !LOCAL_DATE.test(exception.date)
            ? [t('holidays.badDate', { example: localDateExample(locale) })]
            : dates.indexOf(exception.date) !== i
              ? [t('exceptions.duplicate')]
              : [];
          const errors =
            local.length > 0 ? local : props.problems.at(`${path}.date`).map((p) => problemText(p, i18n));
          const errorId = errors.length > 0 ? `${dateId}-error` : undefined;
          const label = LOCAL_DATE.test(exception.date)
            ? formatLocalDay(exception.date, locale)
            : exception.date;
          return (
            <li key={i} className="accord-rows__item accord-exception" data-path={path}>
              <div className="accord-rows__row">
                <DateCell
                  id={dateId}
                  label={t('exceptions.date')}
                  value={exception.date}
                  errorId={errorId}
                  onChange={(date) => {
                    set(i, { date });
                  }}
                />
                <span className="accord-rows__cell accord-rows__cell--grow">
                  <span className="accord-field__label">{t('exceptions.hours')}</span>
                  <SpanList
                    path={`${path}.hours`}
                    dayLabel={label}
                    spans={exception.hours}
                    onChange={(hours) => {
                      set(i, { hours });
                    }}
                    problems={props.problems}
                    emptyText={t('exceptions.closed')}
                  />
                </span>
                <span className="accord-rows__cell accord-rows__cell--end">
                  <Button
                    appearance="subtle"
                    onClick={() => {
                      props.onChange(props.exceptions.filter((_, j) => j !== i));
                    }}
                  >
                    {t('exceptions.remove')}
                    <span className="accord-visually-hidden"> {label}</span>
                  </Button>
                </span>
              </div>
              <FieldErrors {...(errorId ? { id: errorId } : {})} errors={errors} />
            </li>
          );
        })}
      </ul>
      <Button
        onClick={() => {
          props.onChange([...props.exceptions, { date: props.today, hours: [] }]);
          const index = props.exceptions.length;
          requestAnimationFrame(() =>
            document.getElementById(fieldId(`$.exceptions[${index}].date`))?.focus(),
          );
        }}
      >
        {t('exceptions.add')}
      </Button>
    </div>
  );
}
