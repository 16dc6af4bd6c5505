import SectionMessage from '@atlaskit/section-message';
import Button from '@atlaskit/button/new';
import { useMemo, type CSSProperties } from 'react';
import type { Calendar } from '../../../../src/engine/calendar/types';
import { formatTarget } from '../../../shared/format/duration';
import { useRefusalText, useT } from '../messages';
import type { RegionDates } from './use-region-holidays';
import { formatPreviewDay, wallTime } from './dates';
import { previewDays, type PreviewDay } from './working-weeks';

const WEEKS = 4;

/**
 * The next weeks' working time of the calendar being edited, day by day, computed in the browser with the
 * engine's own compiler (so it is what the backend will count), in the calendar's own zone.
 */
export function WorkingPreview(props: {
  readonly calendar: Calendar;
  /** The Monday the preview starts on, in the calendar's zone. */
  readonly from: string;
  readonly region: RegionDates;
  readonly onRetryRegion: () => void;
}) {
  const { t, locale } = useT();
  const refusal = useRefusalText();
  const region = props.region;
  const result = useMemo(
    () =>
      previewDays(props.calendar, region.status === 'ready' ? region.holidays : [], props.from, WEEKS * 7),
    [props.calendar, region, props.from],
  );
  if (!result.ok) {
    return <p className="accord-muted">{t('preview.fixFirst')}</p>;
  }
  const weeks: PreviewDay[][] = [];
  result.days.forEach((day, i) => {
    const w = Math.floor(i / 7);
    (weeks[w] ??= []).push(day);
  });
  return (
    <div className="accord-preview">
      <p className="accord-muted">{t('preview.intro', { zone: props.calendar.timeZone })}</p>
      {props.region.status === 'failed' ? (
        <SectionMessage appearance="warning" headingLevel="h4" title={t('preview.regionFailed')}>
          <p>{refusal(props.region.error)}</p>
          <Button onClick={props.onRetryRegion}>{t('retry')}</Button>
        </SectionMessage>
      ) : null}
      {props.region.status === 'loading' ? (
        <p className="accord-muted">{t('preview.regionLoading')}</p>
      ) : null}
      <table className="accord-preview__table">
        <caption className="accord-visually-hidden">{t('preview.caption', { weeks: WEEKS })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.day')}</th>
            <th scope="col" aria-hidden="true" className="accord-preview__axis">
              <span>00</span>
              <span>06</span>
              <span>12</span>
              <span>18</span>
              <span>24</span>
            </th>
            <th scope="col">{t('preview.hours')}</th>
            <th scope="col" className="accord-week__total">
              {t('preview.total')}
            </th>
          </tr>
        </thead>
        {weeks.map((week, w) => (
          <tbody key={w} className="accord-preview__week">
            {week.map((day) => (
              <tr key={day.date} className={`accord-preview__day accord-preview__day--${day.reason}`}>
                <th scope="row">{formatPreviewDay(day.date, locale)}</th>
                <td className="accord-preview__track" aria-hidden="true">
                  {day.spans.map(([from, to], i) => (
                    <span
                      key={i}
                      className="accord-preview__bar"
                      style={
                        {
                          '--accord-from': String(from / 1440),
                          '--accord-length': String((to - from) / 1440),
                        } as CSSProperties
                      }
                    />
                  ))}
                </td>
                <td>
                  {day.spans.length > 0
                    ? day.spans.map(([from, to]) => `${wallTime(from)}–${wallTime(to)}`).join(', ')
                    : null}
                  {day.reason !== 'open' ? (
                    <span className="accord-preview__note">
                      {day.spans.length > 0 ? ' · ' : ''}
                      {reasonText(day, t)}
                    </span>
                  ) : null}
                </td>
                <td className="accord-week__total">
                  {day.minutes > 0 ? formatTarget(day.minutes, locale) : '—'}
                </td>
              </tr>
            ))}
            <tr className="accord-preview__sum">
              <th scope="row" colSpan={3}>
                {t('preview.weekTotal', { from: formatPreviewDay(week[0]?.date ?? '', locale) })}
              </th>
              <td className="accord-week__total">
                {formatTarget(
                  week.reduce((n, d) => n + d.minutes, 0),
                  locale,
                )}
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}

function reasonText(day: PreviewDay, t: ReturnType<typeof useT>['t']): string {
  switch (day.reason) {
    case 'holiday':
      return day.name ? t('preview.holidayNamed', { name: day.name }) : t('preview.holiday');
    case 'region-holiday':
      return t('preview.publicHoliday', { name: day.name ?? '' });
    case 'exception':
      return day.minutes > 0 ? t('preview.exception') : t('preview.exceptionClosed');
    case 'closed':
      return t('preview.closed');
    case 'open':
      return '';
  }
}
