/**
 * The report queries of the Store contract: SQL aggregates over stored cycles, checked on every database the
 * store runs on against counts worked out by hand (and against the engine's own counting rule).
 */
import type { Store, StoredCycle } from '../../src/app/ports/store';
import { countByPeriod } from '../../src/engine/report/count-cycles';
import type { EpochMs } from '../../src/engine/time/units';
import { HOUR, T0, makeCycle, makeResult, stamp, storeCycleAgreements } from './builders';

/** Three buckets of ten hours from T0. */
const BOUNDS = [T0, T0 + 10 * HOUR, T0 + 20 * HOUR, T0 + 30 * HOUR];

const sd = (n: number, over: Partial<StoredCycle> = {}): StoredCycle =>
  makeCycle({ issueId: `1000${n}`, issueKey: `SD-${n}`, ...over });

/**
 * SD-1: two met cycles and a breached one ended, and a breached one still open; rated 2.
 * SD-2: a cycle that began before the first bucket and ended in it (goal 1), and a first response (rated 5).
 * IT-3: another project; met, ended after the last bucket, and open.
 * SD-4: an OLA, out of the scope.
 * SD-5: first written breached and rated 1, then rewritten met and unrated: only the rewrite counts.
 * SD-6: a cycle no goal matched; its metric is paused now.
 */
async function seed(store: Store): Promise<void> {
  await storeCycleAgreements(store.config);
  const write = (
    n: number,
    cycles: StoredCycle[],
    results = [makeResult({ issueId: `1000${n}` })],
    s = 1,
    rating?: number,
  ) =>
    store.results.replaceIssue(
      `1000${n}`,
      stamp(s),
      results.map((r) => ({ ...r, stamp: stamp(s) })),
      cycles,
      {
        satisfaction: rating ?? null,
      },
    );
  await write(
    1,
    [
      sd(1, { cycle: 0, stoppedAt: T0 + HOUR }),
      sd(1, { cycle: 1, stoppedAt: T0 + 2 * HOUR }),
      sd(1, { cycle: 2, stoppedAt: T0 + 12 * HOUR, breached: true, breachedAt: T0 + 11 * HOUR }),
      sd(1, {
        cycle: 3,
        startedAt: T0 + 15 * HOUR,
        stoppedAt: null,
        breached: true,
        breachedAt: T0 + 20 * HOUR,
      }),
    ],
    [makeResult({ issueId: '10001', issueKey: 'SD-1', breached: true, deadline: T0 + 19 * HOUR })],
    1,
    2,
  );
  await write(
    2,
    [
      sd(2, {
        goalIndex: 1,
        targetMinutes: 480,
        objectivePercent: 90,
        startedAt: T0 - 5 * HOUR,
        stoppedAt: T0 + 2 * HOUR,
      }),
      sd(2, { metricId: 'frt', stoppedAt: T0 + 25 * HOUR }),
    ],
    [makeResult({ issueId: '10002', issueKey: 'SD-2', state: 'met', deadline: null })],
    1,
    5,
  );
  await write(
    3,
    [
      sd(3, { issueKey: 'IT-3', projectKey: 'IT', cycle: 0, stoppedAt: T0 + 3 * HOUR }),
      sd(3, { issueKey: 'IT-3', projectKey: 'IT', cycle: 1, stoppedAt: T0 + 35 * HOUR }),
      sd(3, { issueKey: 'IT-3', projectKey: 'IT', cycle: 2, startedAt: T0 + 36 * HOUR, stoppedAt: null }),
    ],
    [makeResult({ issueId: '10003', issueKey: 'IT-3', projectKey: 'IT', deadline: T0 + 40 * HOUR })],
  );
  await write(
    4,
    [sd(4, { agreementId: 'ola-l2', kind: 'OLA', counterparty: 'L2', stoppedAt: T0 + HOUR })],
    [makeResult({ issueId: '10004', issueKey: 'SD-4', agreementId: 'ola-l2', kind: 'OLA' })],
  );
  await write(5, [sd(5, { stoppedAt: T0 + HOUR, breached: true, breachedAt: T0 })], undefined, 1, 1);
  await write(5, [sd(5, { stoppedAt: T0 + HOUR })], [makeResult({ issueId: '10005', state: 'met' })], 2);
  await write(
    6,
    [sd(6, { goalIndex: null, targetMinutes: null, objectivePercent: null, stoppedAt: T0 + 4 * HOUR })],
    [makeResult({ issueId: '10006', issueKey: 'SD-6', state: 'paused', deadline: null })],
  );
}

const gold = { agreementIds: ['gold'] };
const sorted = <T>(rows: T[]): T[] => rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Registers the report queries' tests; `store()` is the current test's store (see contract.ts). */
export function describeReportContract(store: () => Store): void {
  describe('reports', () => {
    beforeEach(async () => {
      await seed(store());
    });

    it('counts ended cycles per agreement, metric, goal and bucket, in the bucket they ended', async () => {
      const rows = await store().reports.endedCounts(gold, BOUNDS);
      const g = (
        metricId: string,
        goalIndex: number | null,
        bucket: number,
        met: number,
        breached: number,
      ) => ({
        agreementId: 'gold',
        metricId,
        goalIndex,
        projectKey: null,
        bucket,
        met,
        breached,
        extended: 0,
        excused: 0,
      });
      expect(sorted(rows)).toEqual(
        sorted([
          g('ttr', 0, 0, 4, 0), // SD-1 twice, IT-3, and SD-5's rewrite (not its first, breached write)
          g('ttr', 0, 1, 0, 1),
          g('ttr', 1, 0, 1, 0), // SD-2 began before the first bucket
          g('ttr', null, 0, 1, 0),
          g('frt', 0, 2, 1, 0),
        ]),
      );
    });

    it('agrees with the engine’s counting rule', async () => {
      const cycles = (await store().results.cycles({ agreementId: 'gold' })).filter(
        (c) => c.metricId === 'ttr' && c.goalIndex === 0,
      );
      const now = (T0 + 25 * HOUR) as EpochMs;
      const expected = countByPeriod(cycles, BOUNDS as EpochMs[], now);
      const ended = (
        await store().reports.endedCounts({ agreementIds: ['gold'], metricId: 'ttr' }, BOUNDS)
      ).filter((r) => r.goalIndex === 0);
      const open = (await store().reports.openCounts({ agreementIds: ['gold'], metricId: 'ttr' })).find(
        (r) => r.goalIndex === 0,
      );
      expect(
        BOUNDS.slice(1).map((_, bucket) => {
          const row = ended.find((r) => r.bucket === bucket);
          return {
            met: row?.met ?? 0,
            breached: row?.breached ?? 0,
            running: bucket === 2 ? (open?.running ?? 0) : 0,
            runningBreached: bucket === 2 ? (open?.runningBreached ?? 0) : 0,
          };
        }),
      ).toEqual(expected);
    });

    it('splits counts by project when asked, and narrows to a metric or a project', async () => {
      const byProject = await store().reports.endedCounts(
        { ...gold, metricId: 'ttr', byProject: true },
        BOUNDS,
      );
      expect(
        sorted(
          byProject.filter((r) => r.goalIndex === 0 && r.bucket === 0).map((r) => [r.projectKey, r.met]),
        ),
      ).toEqual([
        ['IT', 1],
        ['SD', 3],
      ]);
      const it = await store().reports.endedCounts({ ...gold, projectKey: 'IT' }, BOUNDS);
      expect(it.map((r) => [r.metricId, r.goalIndex, r.bucket, r.met])).toEqual([['ttr', 0, 0, 1]]);
      expect(await store().reports.endedCounts({ agreementIds: [] }, BOUNDS)).toEqual([]);
      expect(await store().reports.endedCounts(gold, [T0])).toEqual([]);
    });

    it('leaves out the cycles and results of metrics an agreement no longer has', async () => {
      const live = { agreementIds: ['gold', 'ola-l2'], liveMetrics: { gold: ['frt'], 'ola-l2': [] } };
      expect((await store().reports.endedCounts(live, BOUNDS)).map((r) => r.metricId)).toEqual(['frt']);
      expect(await store().reports.openCounts(live)).toEqual([]);
      expect(await store().reports.openResults(live, 10)).toEqual([]);
      const listed = await store().reports.cycleListing(
        live,
        { from: T0, to: T0 + 48 * HOUR, includeOpen: true },
        { limit: 100 },
      );
      expect(listed.map((c) => [c.agreementId, c.metricId])).toEqual([['gold', 'frt']]);
      const ttrToo = { agreementIds: ['gold'], liveMetrics: { gold: ['frt', 'ttr'] } };
      expect(await store().reports.openCounts(ttrToo)).toEqual(await store().reports.openCounts(gold));
    });

    it('counts open cycles, and those already past their target', async () => {
      expect(await store().reports.openCounts(gold)).toEqual([
        {
          agreementId: 'gold',
          metricId: 'ttr',
          goalIndex: 0,
          projectKey: null,
          running: 2,
          runningBreached: 1,
          runningExcused: 0,
        },
      ]);
    });

    it('averages ratings of the issues behind the counts, each issue once, from current writes only', async () => {
      const rows = await store().reports.ratingCounts(gold, BOUNDS);
      expect(sorted(rows.map((r) => [r.metricId, r.goalIndex, r.bucket, r.count, r.sum]))).toEqual(
        sorted([
          ['ttr', 0, 0, 1, 2], // SD-1, once for its two cycles; SD-5's rating went with its first write
          ['ttr', 0, 1, 1, 2],
          ['ttr', 1, 0, 1, 5],
          ['frt', 0, 2, 1, 5],
        ]),
      );
      await store().results.deleteIssue('10001');
      expect((await store().reports.ratingCounts(gold, BOUNDS)).map((r) => r.sum)).toEqual([5, 5]);
    });

    it('lists cycles ended in a range by end instant, then open ones, page by page', async () => {
      const range = { from: T0, to: T0 + 30 * HOUR, includeOpen: true };
      const all = await store().reports.cycleListing(gold, range, { limit: 100 });
      expect(all.map((c) => `${c.issueKey}/${c.metricId}/${c.cycle}`)).toEqual([
        'SD-1/ttr/0', // T0 + 1 h, with SD-5: ties go by issue
        'SD-5/ttr/0',
        'SD-1/ttr/1', // T0 + 2 h, with SD-2
        'SD-2/ttr/0',
        'IT-3/ttr/0',
        'SD-6/ttr/0',
        'SD-1/ttr/2',
        'SD-2/frt/0',
        'SD-1/ttr/3', // open
        'IT-3/ttr/2',
      ]);
      for (const size of [1, 2, 3]) {
        const pages: StoredCycle[] = [];
        for (let last: StoredCycle | undefined, n = 0; n < 20; n++) {
          const page = await store().reports.cycleListing(gold, range, {
            limit: size,
            ...(last ? { after: last } : {}),
          });
          pages.push(...page);
          last = page[page.length - 1];
          if (page.length < size) break;
        }
        expect([size, pages]).toEqual([size, all]);
      }
      const closed = await store().reports.cycleListing(
        gold,
        { ...range, includeOpen: false },
        { limit: 100 },
      );
      expect(closed).toHaveLength(8);
      // Several agreements: one after the other, in id order.
      const both = await store().reports.cycleListing({ agreementIds: ['ola-l2', 'gold'] }, range, {
        limit: 100,
      });
      expect(both.map((c) => c.agreementId)).toEqual([...Array<string>(10).fill('gold'), 'ola-l2']);
    });

    it('lists breaches, latest first, with open ones when asked', async () => {
      const range = { from: T0, to: T0 + 30 * HOUR, includeOpen: true };
      const keys = (cycles: StoredCycle[]) => cycles.map((c) => `${c.issueKey}/${c.cycle}`);
      expect(keys(await store().reports.breaches(gold, range, 10))).toEqual(['SD-1/3', 'SD-1/2']);
      expect(keys(await store().reports.breaches(gold, { ...range, includeOpen: false }, 10))).toEqual([
        'SD-1/2',
      ]);
      expect(keys(await store().reports.breaches(gold, range, 1))).toEqual(['SD-1/3']);
    });

    it('lists open results: past their target first, then the soonest deadline, paused last', async () => {
      const open = await store().reports.openResults(gold, 10);
      expect(open.map((r) => [r.issueId, r.state, r.breached])).toEqual([
        ['10001', 'running', true],
        ['10003', 'running', false],
        ['10006', 'paused', false],
      ]);
      expect(
        (await store().reports.openResults({ ...gold, projectKey: 'IT' }, 10)).map((r) => r.issueId),
      ).toEqual(['10003']);
    });

    it('reads the current cycles and results of given issues', async () => {
      const cycles = await store().reports.cyclesOfIssues(['10001', '10004', '99999'], ['OLA', 'UC']);
      expect(cycles.map((c) => `${c.issueKey}/${c.agreementId}`)).toEqual(['SD-4/ola-l2']);
      expect((await store().reports.cyclesOfIssues(['10005'])).map((c) => c.breached)).toEqual([false]);
      const results = await store().reports.resultsOfIssues(['10001', '10004'], ['gold']);
      expect(results.map((r) => r.issueId)).toEqual(['10001']);
      expect(await store().reports.resultsOfIssues([])).toEqual([]);
    });
  });
}
