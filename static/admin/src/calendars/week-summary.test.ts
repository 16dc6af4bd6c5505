import { shortDayNames, weekSummary } from './week-summary';

describe('weekSummary', () => {
  const names = shortDayNames('en-GB');
  const day = (i: number) => names[i] ?? '';

  it('groups days with the same hours', () => {
    const office = [{ from: '09:00', to: '17:00' }];
    expect(weekSummary({ mon: office, tue: office, wed: office, thu: office, fri: office }, day)).toBe(
      'Mon–Fri 09:00–17:00',
    );
    expect(
      weekSummary(
        {
          mon: office,
          wed: office,
          sat: [
            { from: '10:00', to: '12:00' },
            { from: '13:00', to: '14:00' },
          ],
        },
        day,
      ),
    ).toBe('Mon 09:00–17:00; Wed 09:00–17:00; Sat 10:00–12:00, 13:00–14:00');
  });

  it('names the days in the reader’s language', () => {
    expect(shortDayNames('de-DE').slice(0, 2)).toEqual(['Mo', 'Di']);
  });
});
