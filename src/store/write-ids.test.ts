import { writeIds } from './write-ids';

describe('writeIds', () => {
  it('makes ids that sort in the order they were made, under a clock that stands still or steps back', () => {
    let now = 1_780_000_000_000;
    const next = writeIds(() => now);
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      if (i === 500) now -= 60_000; // the clock is set back a minute
      if (i === 700) now += 120_000;
      ids.push(next());
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never makes the same id in two stores, even at the same tick', () => {
    const clock = () => 1_780_000_000_000;
    const a = writeIds(clock);
    const b = writeIds(clock);
    const first = Array.from({ length: 100 }, a);
    const second = Array.from({ length: 100 }, b);
    expect(new Set([...first, ...second]).size).toBe(200);
    expect(first[0]).toMatch(/^0[a-z][0-9a-z]{17}$/);
  });

  it('sorts after the ids an older Accord made, even those made later', () => {
    const next = writeIds(() => Date.UTC(2026, 0, 1));
    // The older form: an 18-digit microsecond tick, '-', 16 hex digits; this one from 2040.
    const older = `${(Date.UTC(2040, 0, 1) * 1000).toString().padStart(18, '0')}-318810f50edad936`;
    expect(next() > older).toBe(true);
    expect(next().length).toBe(19);
  });
});
