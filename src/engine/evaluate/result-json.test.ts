import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from './index';
import type { IssueResult } from './result';
import { JsonBytes, resultJson } from './result-json';

const examples = join(__dirname, '..', '..', '..', 'examples');
const read = (name: string): unknown => JSON.parse(readFileSync(join(examples, name), 'utf8'));

const cycle = {
  startedAt: '2026-03-02T09:00:00.000Z',
  stoppedAt: null,
  elapsedMs: 1_800_000,
  pausedMs: 0,
  remainingMs: -5,
  deadline: '2026-03-02T10:00:00.000Z',
  breached: false,
  breachedAt: null,
  goalIndex: 0,
  pauses: [
    { from: '2026-03-02T09:10:00.000Z', to: '2026-03-02T09:20:00.000Z' },
    { from: '2026-03-02T09:30:00.000Z', to: null },
  ],
  thresholds: [
    { index: 0, crossings: 1, lastAt: '2026-03-02T09:45:00.000Z', nextAt: null },
    { index: 1, crossings: 0, lastAt: null, nextAt: '2026-03-02T09:55:00.000Z' },
  ],
};

/** Every optional field, every null, and strings JSON must escape. */
const handWritten: IssueResult = {
  issue: 'IT-"1"',
  evaluatedAt: '2026-03-02T10:00:00.000Z',
  agreements: [
    {
      id: 'gold\u2028',
      name: 'Gold "support"\n\\ für Kunden',
      kind: 'SLA',
      counterparty: 'Acme\tCorp',
      metrics: [
        {
          id: 'first-response',
          name: 'Time to first response',
          state: 'paused',
          breached: false,
          everBreached: true,
          goal: { index: 0, targetMinutes: 60, calendar: 'berlin-9-17', objectivePercent: 99.5 },
          cycles: [cycle, { ...cycle, stoppedAt: '2026-03-02T11:00:00.000Z', remainingMs: null }],
          pausedBy: 'status = "Waiting for customer"',
          next: null,
        },
        {
          id: 'resolution',
          name: 'Time to resolution',
          state: 'out-of-hours',
          breached: false,
          everBreached: false,
          goal: { index: 1, targetMinutes: null, calendar: 'always' },
          cycles: [{ ...cycle, goalIndex: null, elapsedMs: Number.NaN, pausedMs: -0 }],
          resumesAt: null,
          next: '2026-03-03T08:00:00.000Z',
        },
        {
          id: 'pickup',
          name: 'Pick-up',
          state: 'not-started',
          breached: false,
          everBreached: false,
          goal: null,
          cycles: [],
          resumesAt: '+010000-01-01T00:00:00.000Z',
          next: null,
        },
      ],
    },
    { id: 'ola', name: 'OLA', kind: 'OLA', metrics: [] },
  ],
};

describe('resultJson', () => {
  it('writes what JSON.stringify writes, with every optional field, null and escape', () => {
    expect(resultJson(handWritten)).toBe(JSON.stringify(handWritten));
    expect(JSON.parse(resultJson(handWritten))).toEqual(JSON.parse(JSON.stringify(handWritten)));
  });

  it('writes what JSON.stringify writes for the examples at instants through their lives', () => {
    const agreements = read('agreements.json') as unknown[];
    const calendars = read('calendars.json') as unknown[];
    let states = new Set<string>();
    for (const issue of ['IT-42', 'IT-43', 'IT-44'].map((key) => read(join('issues', `${key}.json`))))
      for (let hour = 0; hour < 24 * 14; hour += 5) {
        const now = Date.UTC(2026, 2, 1, hour);
        const result = evaluate({ agreements, calendars, issue, now });
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(resultJson(result.value)).toBe(JSON.stringify(result.value));
        states = new Set([
          ...states,
          ...result.value.agreements.flatMap((a) => a.metrics.map((m) => m.state)),
        ]);
      }
    expect([...states].sort()).toEqual(expect.arrayContaining(['met', 'running']));
    // The walk met more than one state, so more than one shape of metric was written.
    expect(states.size).toBeGreaterThan(2);
  });
});

describe('JsonBytes', () => {
  // Each writer grows from the smallest buffer.
  const decoded = (out: JsonBytes): string => new TextDecoder().decode(out.bytes());
  const numberJson = (n: number | null): string => {
    const out = new JsonBytes(1);
    out.number(n);
    return decoded(out);
  };
  const stringJson = (s: string, how: 'string' | 'known'): string => {
    const out = new JsonBytes(1);
    out[how](s);
    return decoded(out);
  };

  it('writes numbers as JSON.stringify does', () => {
    const numbers = [
      0,
      -0,
      7,
      -7,
      10,
      99,
      100,
      1_000_000,
      -86_400_000,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      2 ** 53,
      2 ** 60,
      1e21,
      1.5,
      -0.25,
      99.5,
      1e-7,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
    ];
    for (const n of numbers) expect(numberJson(n)).toBe(JSON.stringify(n));
  });

  it('writes strings as JSON.stringify does, in UTF-8', () => {
    const strings = [
      '',
      'IT-1',
      'a"b',
      'back\\slash',
      'tab\t',
      '\u007f',
      'für',
      '€',
      '😀',
      '\ud800 lone',
      'x'.repeat(5000),
    ];
    for (const s of strings) {
      expect(stringJson(s, 'string')).toBe(JSON.stringify(s));
      expect(stringJson(s, 'known')).toBe(JSON.stringify(s));
      // A second time, from the cache.
      expect(stringJson(s, 'known')).toBe(JSON.stringify(s));
    }
  });
});
