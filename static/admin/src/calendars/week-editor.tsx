import Button from '@atlaskit/button/new';
import { WEEKDAYS, type Calendar, type Span, type Weekday } from '../../../../src/engine/calendar/types';
import { formatTarget } from '../../../shared/format/duration';
import type { FieldProblems } from '../problems';
import { FieldErrors } from '../ui/field';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { SpanList } from './span-list';
import { workingMinutes } from './week-check';

const nineToFive: Span[] = [{ from: '09:00', to: '17:00' }];
const allDay: Span[] = [{ from: '00:00', to: '24:00' }];

/**
 * The weekly hours: each weekday's working spans (several a day; a day without spans is closed), with the
 * day's and the week's working time, and shortcuts for the common weeks.
 */
export function WeekEditor(props: {
  readonly week: Calendar['week'];
  readonly onChange: (week: Calendar['week']) => void;
  readonly problems: FieldProblems;
}) {
  const i18n = useT();
  const { t, locale } = i18n;
  const setDay = (day: Weekday, spans: Span[]) => {
    props.onChange(withDay(props.week, day, spans));
  };
  const total = WEEKDAYS.reduce((n, d) => n + workingMinutes(props.week[d] ?? []), 0);
  const preset = (days: readonly Weekday[], spans: Span[]) => {
    props.onChange(Object.fromEntries(days.map((d) => [d, spans.map((s) => ({ ...s }))])));
  };
  const weekProblems = props.problems.at('$.week').map((p) => problemText(p, i18n));
  return (
    <div className="accord-week" data-path="$.week">
      <div className="accord-toolbar" role="group" aria-label={t('week.presets')}>
        <Button
          onClick={() => {
            preset(['mon', 'tue', 'wed', 'thu', 'fri'], nineToFive);
          }}
        >
          {t('week.presetOffice')}
        </Button>
        <Button
          onClick={() => {
            preset(WEEKDAYS, allDay);
          }}
        >
          {t('week.presetAlways')}
        </Button>
        <Button
          onClick={() => {
            const monday = props.week.mon ?? [];
            const week = (['tue', 'wed', 'thu', 'fri'] as const).reduce(
              (w, d) =>
                withDay(
                  w,
                  d,
                  monday.map((s) => ({ ...s })),
                ),
              props.week,
            );
            props.onChange(week);
          }}
        >
          {t('week.copyMonday')}
        </Button>
      </div>
      <FieldErrors errors={weekProblems} />
      <table className="accord-week__table">
        <caption className="accord-visually-hidden">{t('week.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('week.day')}</th>
            <th scope="col">{t('week.hours')}</th>
            <th scope="col" className="accord-week__total">
              {t('week.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day) => {
            const spans = props.week[day] ?? [];
            const minutes = workingMinutes(spans);
            return (
              <tr key={day}>
                <th scope="row">{t(`days.${day}`)}</th>
                <td>
                  <SpanList
                    path={`$.week.${day}`}
                    dayLabel={t(`days.${day}`)}
                    spans={spans}
                    onChange={(next) => {
                      setDay(day, next);
                    }}
                    problems={props.problems}
                    emptyText={t('week.closed')}
                  />
                </td>
                <td className="accord-week__total">{minutes > 0 ? formatTarget(minutes, locale) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('week.weekTotal')}
            </th>
            <td className="accord-week__total">{formatTarget(total, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The week with one day's spans replaced; a day without spans is left out (closed). */
function withDay(week: Calendar['week'], day: Weekday, spans: Span[]): Calendar['week'] {
  const rest = Object.fromEntries(Object.entries(week).filter(([d]) => d !== day)) as Calendar['week'];
  return spans.length === 0 ? rest : { ...rest, [day]: spans };
}
