import { formatCountdown, formatTarget, spokenDuration } from './duration';

const s = 1000;
const min = 60 * s;
const h = 60 * min;

describe('formatCountdown', () => {
  it('shows hours, minutes and seconds, dropping the leading units that are zero', () => {
    expect(formatCountdown(h + 5 * min + 9 * s, 'en')).toBe('1h 05m 09s');
    expect(formatCountdown(26 * h, 'en')).toBe('26h 00m 00s');
    expect(formatCountdown(5 * min + 9 * s, 'en')).toBe('5m 09s');
    expect(formatCountdown(9 * s, 'en')).toBe('9s');
  });

  it('rounds up, so 0s shows only during the second the time runs out', () => {
    expect(formatCountdown(1, 'en')).toBe('1s');
    expect(formatCountdown(0, 'en')).toBe('0s');
    expect(formatCountdown(-999, 'en')).toBe('0s');
    expect(formatCountdown(-1000, 'en')).toBe('\u22121s');
  });

  it('shows overdue time negative', () => {
    expect(formatCountdown(-(12 * min + 5 * s), 'en')).toBe('\u221212m 05s');
  });

  it("uses the locale's own units", () => {
    expect(formatCountdown(h + 5 * min + 9 * s, 'de-DE')).toBe('1h 05 Min. 09 Sek.');
    expect(formatCountdown(h + 5 * min + 9 * s, 'da-DK')).toBe('1 t 05 m 09 s');
  });
});

describe('spokenDuration', () => {
  it('says the time to the minute, in words, rounding away from zero like the countdown', () => {
    expect(spokenDuration(h + 5 * min + 9 * s, 'en')).toBe('1 hour, 6 minutes');
    expect(spokenDuration(h, 'en')).toBe('1 hour');
    expect(spokenDuration(30 * s, 'en')).toBe('1 minute');
    expect(spokenDuration(0, 'en')).toBe('0 minutes');
    expect(spokenDuration(-(2 * min + 1), 'en')).toBe('3 minutes');
    expect(spokenDuration(2 * h + 30 * min, 'de-DE')).toBe('2 Stunden, 30 Minuten');
    // Overdue, said as the digits show it: −6m 03s is 6 minutes, never 7; under a minute is one.
    expect(formatCountdown(-(6 * min + 3 * s), 'en')).toBe('−6m 03s');
    expect(spokenDuration(-(6 * min + 3 * s), 'en', 'down')).toBe('6 minutes');
    expect(spokenDuration(-(20 * s), 'en', 'down')).toBe('1 minute');
    expect(spokenDuration(-(h + 59 * s), 'en', 'down')).toBe('1 hour');
  });

  it('changes at most once a minute while a countdown ticks', () => {
    const labels = new Set<string>();
    for (let t = 10 * min; t > 9 * min; t -= s) labels.add(spokenDuration(t, 'en'));
    expect([...labels]).toEqual(['10 minutes']);
  });
});

describe('formatTarget', () => {
  it('writes a target in hours and minutes', () => {
    expect(formatTarget(240, 'en')).toBe('4h');
    expect(formatTarget(90, 'en')).toBe('1h 30m');
    expect(formatTarget(45, 'en')).toBe('45m');
    expect(formatTarget(0, 'en')).toBe('0m');
  });
});
