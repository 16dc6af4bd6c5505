import fc from 'fast-check';
import type { EpochMs, Interval } from '../time/units';
import { intersect, subtract, union } from './intervals';

const iv = (start: number, end: number): Interval => ({ start: start as EpochMs, end: end as EpochMs });
const arb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 })), { maxLength: 8 })
  .map((pairs) => pairs.map(([s, len]) => iv(s, s + len)));
/** The instants 0..120 a set holds, one by one: the oracle. */
const points = (set: readonly Interval[]): number[] =>
  Array.from({ length: 121 }, (_, t) => t).filter((t) => set.some((i) => i.start <= t && t < i.end));

describe('interval sets', () => {
  it('merge overlapping and touching intervals, and drop empty ones', () => {
    expect(union([iv(5, 9), iv(0, 6), iv(9, 12), iv(20, 20)])).toEqual([iv(0, 12)]);
  });

  it('intersect and subtract as sets of instants do', () => {
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const pa = new Set(points(a));
        const pb = new Set(points(b));
        expect(points(intersect(a, b))).toEqual([...pa].filter((t) => pb.has(t)));
        expect(points(subtract(a, b))).toEqual([...pa].filter((t) => !pb.has(t)));
        expect(points(union(a))).toEqual([...pa]);
      }),
    );
  });
});
