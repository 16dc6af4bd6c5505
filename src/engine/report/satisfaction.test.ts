import { ratingOf, satisfactionOf } from './satisfaction';

describe('satisfaction beside compliance', () => {
  it('flags a watermelon: the objective met, three ratings averaging 2.3', () => {
    expect(satisfactionOf(7, 3, true)).toEqual({ count: 3, average: 7 / 3, watermelon: true });
  });

  it('does not flag happy customers, a missed objective (already red) or too few ratings', () => {
    expect(satisfactionOf(13, 3, true).watermelon).toBe(false);
    expect(satisfactionOf(7, 3, false).watermelon).toBe(false);
    expect(satisfactionOf(3, 2, true).watermelon).toBe(false);
    expect(satisfactionOf(0, 0, true)).toEqual({ count: 0, average: null, watermelon: false });
  });

  it('takes the thresholds it is given', () => {
    expect(satisfactionOf(8, 2, true, { lowAverage: 4.5, minRatings: 1 }).watermelon).toBe(true);
  });

  it('reads JSM’s rating field by its shape', () => {
    expect(ratingOf({ rating: 4, _links: {} })).toBe(4);
    expect([ratingOf({ rating: 0 }), ratingOf({ rating: 6 }), ratingOf({ rating: 4.5 })]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([ratingOf(null), ratingOf('4'), ratingOf([{ rating: 4 }])]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
