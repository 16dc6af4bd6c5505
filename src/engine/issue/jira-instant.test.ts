import fc from 'fast-check';
import { parseInstant } from '../time/iso';
import { parseJiraInstant } from './jira-instant';

describe('parseJiraInstant', () => {
  it("reads Jira's timestamps with their offset", () => {
    expect(parseJiraInstant('2026-03-02T10:00:00.000+0100')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(parseJiraInstant('2026-03-02T10:00:00.123-0530')).toBe(Date.UTC(2026, 2, 2, 15, 30, 0, 123));
    expect(parseJiraInstant('2026-03-02T10:00:00.000Z')).toBe(Date.UTC(2026, 2, 2, 10));
  });

  it('leaves other ISO forms to parseInstant', () => {
    expect(parseJiraInstant('2026-03-02T10:00:00+01:00')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(parseJiraInstant('2026-03-02')).toBe(Date.UTC(2026, 2, 2));
  });

  it.each([
    '2026-02-29T10:00:00.000+0100',
    '2026-03-02T24:00:00.000+0100',
    '2026-03-02T10:00:60.000+0100',
    '2026-13-02T10:00:00.000+0100',
    '2026-03-02T1a:00:00.000+0100',
    'yesterday',
    '',
  ])('rejects %j', (text) => {
    expect(parseJiraInstant(text)).toBeUndefined();
  });

  // The fast path must never disagree with the general parser it stands in for.
  it('agrees with parseInstant on every Jira-shaped string, valid or not', () => {
    // Components a little beyond their ranges, so that invalid dates and times are drawn as often as valid ones.
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const int = (min: number, max: number) => fc.integer({ min, max });
    const shaped = fc
      .tuple(
        int(0, 9999),
        int(0, 13),
        int(0, 32),
        int(0, 25),
        int(0, 61),
        int(0, 61),
        int(0, 999),
        fc.constantFrom('+', '-', 'Z'),
        int(0, 1459),
      )
      .map(
        ([y, mo, d, h, mi, s, ms, sign, off]) =>
          `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}${sign === 'Z' ? 'Z' : sign + pad(off, 4)}`,
      );
    fc.assert(
      fc.property(shaped, (text) => {
        expect(parseJiraInstant(text)).toBe(parseInstant(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(2199, 11, 31)),
          noInvalidDate: true,
        }),
        (date) => {
          const text = date.toISOString();
          expect(parseJiraInstant(text)).toBe(date.getTime());
        },
      ),
    );
  });
});
