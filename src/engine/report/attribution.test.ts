import { at, compileForTest, hours } from '../calendar/test-support';
import { attributeCycle, totalAttribution, type Holder } from './attribution';

const berlin = compileForTest();
const span = (from: string, to: string) => ({ start: at(from), end: at(to) });

describe('who held the time of a breached SLA cycle', () => {
  // Monday 2 March 09:00 to Tuesday 13:00 (Berlin 9–17), waiting for the customer Monday 14:00–16:00:
  // Monday 9–14 and 16–17, Tuesday 9–13, ten running hours.
  const cycle = span('2026-03-02T09:00+01:00', '2026-03-03T13:00+01:00');
  const pauses = [span('2026-03-02T14:00+01:00', '2026-03-02T16:00+01:00')];
  const secondLevel: Holder = {
    agreementId: 'second-level',
    kind: 'OLA',
    counterparty: 'Second Level',
    // Monday 11–15 (of which 14–15 the SLA was paused), Tuesday 9–10.
    intervals: [
      span('2026-03-02T11:00+01:00', '2026-03-02T15:00+01:00'),
      span('2026-03-03T09:00+01:00', '2026-03-03T10:00+01:00'),
    ],
  };
  const netco: Holder = {
    agreementId: 'netco-uc',
    kind: 'UC',
    counterparty: 'NetCo',
    // Monday 16:30 overnight to Tuesday 11:00; overlaps the second level Tuesday 9–10.
    intervals: [span('2026-03-02T16:30+01:00', '2026-03-03T11:00+01:00')],
  };
  const result = attributeCycle({ cycle, pauses, calendar: berlin, holders: [netco, secondLevel] });

  it('counts only running working time: pauses and nights are nobody’s', () => {
    expect(result.runningMs).toBe(hours(10));
  });

  it('gives each OLA team and supplier the running time its cycles overlapped, most first', () => {
    expect(
      result.holders.map((h) => [h.agreementId, h.counterparty, h.heldMs / hours(1), h.percent]),
    ).toEqual([
      ['second-level', 'Second Level', 4, 40],
      ['netco-uc', 'NetCo', 2.5, 25],
    ]);
  });

  it('leaves to the service desk what nobody held, counting an overlap once', () => {
    // Held by someone: Monday 11–14, 16:30–17, Tuesday 9–11 = 5.5 hours.
    expect(result.unattributedMs).toBe(hours(4.5));
  });

  it('adds attributions up per holder over many cycles', () => {
    const again = attributeCycle({
      cycle: span('2026-03-04T09:00+01:00', '2026-03-04T11:00+01:00'),
      pauses: [],
      calendar: berlin,
      holders: [{ ...secondLevel, intervals: [span('2026-03-04T10:00+01:00', '2026-03-04T12:00+01:00')] }],
    });
    const total = totalAttribution([result, again]);
    expect(total.runningMs).toBe(hours(12));
    expect(total.holders.map((h) => [h.agreementId, h.heldMs / hours(1), h.percent])).toEqual([
      ['second-level', 5, (5 / 12) * 100],
      ['netco-uc', 2.5, (2.5 / 12) * 100],
    ]);
    expect(total.unattributedMs).toBe(hours(5.5));
  });

  it('has nothing to split when no OLA or UC ran', () => {
    const alone = attributeCycle({ cycle, pauses, calendar: berlin, holders: [] });
    expect(alone).toEqual({ runningMs: hours(10), holders: [], unattributedMs: hours(10) });
  });
});
