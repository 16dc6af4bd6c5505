import { makeCalendar } from '../../../../src/engine/calendar/test-support';
import { previewDays } from './working-weeks';

const days = (...args: Parameters<typeof previewDays>) => {
  const result = previewDays(...args);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.days;
};

describe('previewDays', () => {
  it('shows each day’s hours, holidays and exception days as the engine counts them', () => {
    const calendar = makeCalendar({
      holidays: [{ date: '2026-03-04', name: 'Company day' }],
      exceptions: [{ date: '2026-03-05', hours: [{ from: '09:00', to: '13:00' }] }],
      holidayRegion: 'DE-BE',
    });
    const week = days(calendar, [{ date: '2026-03-08', name: 'Frauentag' }], '2026-03-02', 7);
    expect(week.map((d) => [d.date, d.reason, d.spans, d.minutes, d.name])).toEqual([
      ['2026-03-02', 'open', [[540, 1020]], 480, undefined],
      ['2026-03-03', 'open', [[540, 1020]], 480, undefined],
      ['2026-03-04', 'holiday', [], 0, 'Company day'],
      ['2026-03-05', 'exception', [[540, 780]], 240, undefined],
      ['2026-03-06', 'open', [[540, 1020]], 480, undefined],
      ['2026-03-07', 'closed', [], 0, undefined],
      ['2026-03-08', 'region-holiday', [], 0, 'Frauentag'],
    ]);
    expect(week.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('counts the real working time of a night across a DST change, and 24:00 as the end of the day', () => {
    const calendar = makeCalendar({ week: { sun: [{ from: '00:00', to: '24:00' }] } });
    // Sunday 29 March 2026: Berlin skips 02:00–03:00, so the day has 23 hours.
    const [sunday] = days(calendar, [], '2026-03-29', 1);
    expect(sunday?.spans).toEqual([[0, 1440]]);
    expect(sunday?.minutes).toBe(23 * 60);
  });

  it('gives the problems of a calendar that cannot compile, for the preview to say so', () => {
    expect(
      previewDays(makeCalendar({ week: { mon: [{ from: '17:00', to: '09:00' }] } }), [], '2026-03-02', 7),
    ).toEqual(expect.objectContaining({ ok: false }));
  });
});
