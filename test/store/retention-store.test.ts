/**
 * The retention store on both dialects (SQLite always, MariaDB when ACCORD_MYSQL_URL is set): compact JSON
 * columns, histories dropped, months folded with the same counts as the raw cycles gave.
 */
import { compactJson, readCompactJson } from '../../src/store/compact-json';
import type { KyselyStore } from '../../src/store/kysely-store';
import { openMysqlStore } from '../../src/store/mysql';
import { openSqliteStore } from '../../src/store/sqlite';
import { makeCycle, makeHistory, makeHistoryData, makeResult, stamp, storeCycleAgreements } from './builders';
import { mysqlUrl, scratchDatabase } from './mysql-support';

const DAY = 24 * 3_600_000;
/** Month starts (UTC) of January to April 2026, and May's. */
const MONTHS = [0, 1, 2, 3, 4].map((m) => Date.UTC(2026, m, 1));

describe('compact JSON', () => {
  it('reads back what it wrote, and JSON an older Accord wrote', () => {
    const value = { a: [1, 'zwei', null], b: { 'ä€': true } };
    expect(readCompactJson(compactJson(value))).toEqual(value);
    expect(readCompactJson(JSON.stringify(value))).toEqual(value);
    expect(compactJson(value).startsWith('~1:')).toBe(true);
  });
});

const stores: [string, () => Promise<{ store: KyselyStore; close: () => Promise<void> }>][] = [
  [
    'SQLite',
    async () => {
      const store = await openSqliteStore(':memory:');
      return { store, close: () => store.close() };
    },
  ],
];
if (mysqlUrl !== undefined) {
  const url = mysqlUrl;
  stores.push([
    'MariaDB',
    async () => {
      const db = await scratchDatabase(url);
      const store = await openMysqlStore(db.url);
      return {
        store,
        close: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  ]);
}

describe.each(stores)('retention on %s', (_, open) => {
  let store: KyselyStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await open());
  });
  afterEach(async () => {
    await close();
  });

  it('drops the histories of issues closed before the instant, and keeps open ones', async () => {
    const done = (id: string, closedAt: number) =>
      makeHistory({
        issueId: id,
        data: makeHistoryData({
          id,
          fields: [{ keys: ['statusCategory'], at: [closedAt], values: [['new'], ['done', '3']] }],
        }),
      });
    await store.histories.put(done('1', MONTHS[0] ?? 0));
    await store.histories.put(done('2', MONTHS[2] ?? 0));
    await store.histories.put(makeHistory({ issueId: '3', data: makeHistoryData({ id: '3' }) }));
    expect(await store.histories.dropClosed(MONTHS[1] ?? 0, 10)).toBe(1);
    expect(await store.histories.get('1')).toBeUndefined();
    expect(await store.histories.get('2')).toEqual(done('2', MONTHS[2] ?? 0));
    expect((await store.histories.page({ limit: 10 })).map((e) => [e.issueId, e.data === null])).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
    ]);
    // Stored again (read from Jira), it is whole again.
    await store.histories.put({ ...done('1', MONTHS[0] ?? 0), stamp: stamp(2) });
    expect(await store.histories.get('1')).toBeDefined();
  });

  it('drops the results of issues whose history it drops; their cycles stay for reports', async () => {
    const history = makeHistory({
      issueId: '1',
      data: makeHistoryData({
        id: '1',
        fields: [{ keys: ['statusCategory'], at: [MONTHS[0] ?? 0], values: [['new'], ['done', '3']] }],
      }),
    });
    await store.histories.put(history);
    await storeCycleAgreements(store.config);
    const result = makeResult({ issueId: '1', nextDue: MONTHS[0] ?? 0, deadline: MONTHS[0] ?? 0 });
    const cycle = makeCycle({ issueId: '1' });
    await store.results.replaceIssue('1', history.stamp, [result], [cycle]);
    const due = () => store.results.due(MONTHS[1] ?? 0, 10);
    const open = () => store.reports.openResults({ agreementIds: ['gold'] }, 10);
    expect([await due(), await open()]).toEqual([[result], [result]]);

    expect(await store.histories.dropClosed(MONTHS[1] ?? 0, 10)).toBe(1);
    expect(await store.results.forIssue('1')).toEqual([]);
    expect(await store.reports.resultsOfIssues(['1'])).toEqual([]);
    expect([await due(), await open()]).toEqual([[], []]);
    // Nor do they take the place of others in the sweep's or the report's first rows.
    const later = makeResult({
      issueId: '2',
      issueKey: 'SD-2',
      nextDue: MONTHS[1] ?? 0,
      deadline: MONTHS[1] ?? 0,
    });
    await store.results.replaceIssue('2', stamp(1), [later], []);
    expect(await store.results.due(MONTHS[1] ?? 0, 1)).toEqual([later]);
    expect(await store.reports.openResults({ agreementIds: ['gold'] }, 1)).toEqual([later]);
    expect(await store.reports.cyclesOfIssues(['1'])).toEqual([cycle]);
  });

  it('folds months into aggregates that count as the raw cycles did, and deletes the raw rows', async () => {
    // 40 issues, two projects, cycles ending from January to April, some breached, some without a goal, rated.
    for (let n = 0; n < 40; n++) {
      const issueId = String(1000 + n);
      const cycles = [0, 1].map((cycle) =>
        makeCycle({
          issueId,
          projectKey: n % 2 === 0 ? 'SD' : 'IT',
          metricId: cycle === 0 ? 'frt' : 'ttr',
          cycle: 0,
          goalIndex: n % 7 === 0 ? null : n % 3,
          breached: (n + cycle) % 4 === 0,
          stoppedAt: (MONTHS[0] ?? 0) + ((n * 3 + cycle) % 110) * DAY + 5000,
        }),
      );
      const results = [makeResult({ issueId, metricId: 'frt' }), makeResult({ issueId, metricId: 'ttr' })];
      await store.results.replaceIssue(issueId, stamp(1), results, cycles, {
        satisfaction: n % 5 === 0 ? null : 1 + (n % 5),
      });
    }
    const scope = { agreementIds: ['gold'] };
    const byProject = { agreementIds: ['gold'], byProject: true };
    const quarter = [MONTHS[0] ?? 0, Date.UTC(2026, 3, 1), Date.UTC(2026, 6, 1)];
    const sorted = (rows: readonly object[]): string[] => rows.map((r) => JSON.stringify(r)).sort();
    const counts = async () => ({
      months: sorted(await store.reports.endedCounts(scope, MONTHS)),
      projects: sorted(await store.reports.endedCounts(byProject, MONTHS)),
      quarters: sorted(await store.reports.endedCounts(scope, quarter)),
      ttr: sorted(await store.reports.endedCounts({ ...scope, metricId: 'ttr', projectKey: 'IT' }, MONTHS)),
      ratings: sorted(await store.reports.ratingCounts(byProject, MONTHS)),
    });
    const raw = await counts();
    expect(raw.months.length).toBeGreaterThan(10);

    for (let m = 0; m < 3; m++) await store.retention.foldMonth('gold', MONTHS[m] ?? 0, MONTHS[m + 1] ?? 0);
    // Folded twice: idempotent.
    await store.retention.foldMonth('gold', MONTHS[2] ?? 0, MONTHS[3] ?? 0);
    expect(await store.retention.foldedBefore('gold')).toBe(MONTHS[3]);
    expect(await counts()).toEqual(raw);
    let deleted = 0;
    for (let from = MONTHS[0] ?? 0; from < (MONTHS[3] ?? 0); from += 10 * DAY)
      deleted += await store.retention.deleteFolded('gold', from, from + 10 * DAY);
    expect(deleted).toBeGreaterThan(50);
    expect(await store.retention.oldestEnded('gold')).toBeGreaterThanOrEqual(MONTHS[3] ?? 0);
    expect(await counts()).toEqual(raw);
  });

  it('forgets issues whose history is dropped and whose cycles are all folded, and only those', async () => {
    const done = (id: string, closedAt: number, n = 1) =>
      makeHistory({
        issueId: id,
        stamp: stamp(n),
        data: makeHistoryData({
          id,
          fields: [{ keys: ['statusCategory'], at: [closedAt], values: [['new'], ['done', '3']] }],
        }),
      });
    const jan = MONTHS[0] ?? 0;
    // 1: dropped, no raw cycle left. 2: dropped, a raw cycle left. 3: closed after the instant. 4: open.
    for (const [id, closed] of [
      ['1', jan],
      ['2', jan],
      ['3', MONTHS[3] ?? 0],
    ] as const) {
      await store.histories.put(done(id, closed + DAY));
      const cycles = id === '2' ? [makeCycle({ issueId: id, stoppedAt: closed + DAY })] : [];
      await store.results.replaceIssue(id, stamp(1), [makeResult({ issueId: id })], cycles, {
        satisfaction: 4,
      });
      await store.actions.claim(`${id}/gold/frt/0/0/1/0`, id, closed + DAY, 60_000);
    }
    await store.histories.put(makeHistory({ issueId: '4', data: makeHistoryData({ id: '4' }) }));
    await store.actions.claim('4/gold/frt/0/0/1/0', '4', jan, 60_000);
    expect(await store.histories.dropClosed(MONTHS[4] ?? 0, 10)).toBe(3);
    // Dropping a closed issue's history drops its action log rows too; the open issue keeps its own.
    expect(await store.actions.forIssue('2')).toEqual([]);
    expect(await store.actions.forIssue('4')).toHaveLength(1);

    expect(await store.retention.forgetFolded(MONTHS[2] ?? 0, 10)).toBe(1);
    expect((await store.histories.page({ limit: 10 })).map((e) => e.issueId)).toEqual(['2', '3', '4']);
    expect(await store.reports.ratingCounts({ agreementIds: ['gold'] }, [jan, MONTHS[4] ?? 0])).toHaveLength(
      1,
    );
    // Again: nothing left to forget before the instant.
    expect(await store.retention.forgetFolded(MONTHS[2] ?? 0, 10)).toBe(0);

    // An issue measured again between the choice and the deletes keeps everything: its history is not dropped.
    await store.histories.put(done('3', MONTHS[3] ?? 0, 2));
    await store.results.replaceIssue('3', stamp(2), [makeResult({ issueId: '3', stamp: stamp(2) })], []);
    expect(await store.retention.forgetFolded(MONTHS[4] ?? 0, 10)).toBe(0);
    expect(await store.results.forIssue('3')).toHaveLength(1);
  });

  it('keeps the policy an admin set', async () => {
    expect(await store.retention.policy()).toBeUndefined();
    await store.retention.setPolicy({ historyDays: 45, rawCycleMonths: 2 });
    await store.retention.setPolicy({ historyDays: 60, rawCycleMonths: 2 });
    expect(await store.retention.policy()).toEqual({ historyDays: 60, rawCycleMonths: 2 });
  });
});
