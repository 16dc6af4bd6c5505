/**
 * The Store contract: what every implementation of the port promises, run against each database the store
 * works on (embedded SQLite, MariaDB, Forge SQL's transport). A runner gives a factory that opens an empty,
 * migrated store; each test gets its own.
 */
import type { Store } from '../../src/app/ports/store';
import {
  HOUR,
  MINUTE,
  T0,
  makeAgreement,
  makeAudit,
  makeCalendar,
  makeCycle,
  storeCycleAgreements,
  makeHistory,
  makeHistoryData,
  makeJob,
  makeMetricResult,
  makeResult,
  stamp,
} from './builders';
import { describeReportContract } from './report-contract';

/** An opened store and how to dispose of it. */
export interface OpenedStore {
  readonly store: Store;
  close(): Promise<void>;
}

const meta = (expectedVersion: number, savedAt = T0, savedBy = 'admin-1') => ({
  expectedVersion,
  savedAt,
  savedBy,
});

/** Registers the contract's tests for one way of opening a store. */
export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: Store;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });

    afterEach(async () => {
      await opened.close();
    });

    // ── Configuration ───────────────────────────────────────────────────────────────────────────────

    describe('config', () => {
      it('numbers versions 1, 2, 3 and keeps every one', async () => {
        const v1 = await store.config.put('calendar', 'berlin', makeCalendar(), meta(0, T0));
        const v2 = await store.config.put(
          'calendar',
          'berlin',
          makeCalendar({ name: 'Berlin v2' }),
          meta(1, T0 + 1),
        );
        const v3 = await store.config.put(
          'calendar',
          'berlin',
          makeCalendar({ name: 'Berlin v3' }),
          meta(2, T0 + 2),
        );

        expect([v1, v2, v3].map((v) => (v === 'conflict' ? v : v.version))).toEqual([1, 2, 3]);
        expect((await store.config.get('calendar', 'berlin'))?.body?.name).toBe('Berlin v3');
        expect(await store.config.get('calendar', 'berlin', 1)).toEqual({
          id: 'berlin',
          version: 1,
          body: makeCalendar(),
          savedAt: T0,
          savedBy: 'admin-1',
        });
        const history = await store.config.history('calendar', 'berlin');
        expect(history.map((v) => [v.version, v.body?.name, v.savedAt])).toEqual([
          [1, 'Berlin office', T0],
          [2, 'Berlin v2', T0 + 1],
          [3, 'Berlin v3', T0 + 2],
        ]);
      });

      it('answers undefined and [] for what was never saved', async () => {
        expect(await store.config.get('agreement', 'nope')).toBeUndefined();
        expect(await store.config.get('agreement', 'nope', 1)).toBeUndefined();
        expect(await store.config.history('agreement', 'nope')).toEqual([]);
        expect(await store.config.list('agreement')).toEqual([]);
      });

      it('lets exactly one of two saves from the same version win', async () => {
        await store.config.put('agreement', 'gold', makeAgreement(), meta(0));
        const outcomes = await Promise.all([
          store.config.put('agreement', 'gold', makeAgreement({ name: 'by Ana' }), meta(1, T0 + 1, 'ana')),
          store.config.put('agreement', 'gold', makeAgreement({ name: 'by Ben' }), meta(1, T0 + 1, 'ben')),
          store.config.put('agreement', 'gold', makeAgreement({ name: 'by Cai' }), meta(1, T0 + 1, 'cai')),
        ]);

        const winners = outcomes.filter((o) => o !== 'conflict');
        expect(winners).toHaveLength(2 - 1);
        const stored = await store.config.get('agreement', 'gold');
        expect(stored).toEqual(winners[0]);
        expect(await store.config.history('agreement', 'gold')).toHaveLength(2);
      });

      it('refuses a save based on an outdated version', async () => {
        await store.config.put('agreement', 'gold', makeAgreement(), meta(0));
        await store.config.put('agreement', 'gold', makeAgreement({ name: 'newer' }), meta(1));
        expect(await store.config.put('agreement', 'gold', makeAgreement({ name: 'late' }), meta(1))).toBe(
          'conflict',
        );
        expect(await store.config.put('agreement', 'gold', makeAgreement({ name: 'new id?' }), meta(0))).toBe(
          'conflict',
        );
        expect((await store.config.get('agreement', 'gold'))?.body?.name).toBe('newer');
      });

      it('keeps a deletion as a tombstone version that list hides', async () => {
        await store.config.put('agreement', 'gold', makeAgreement(), meta(0));
        await store.config.put('agreement', 'silver', makeAgreement({ id: 'silver' }), meta(0));
        const deleted = await store.config.put('agreement', 'gold', null, meta(1, T0 + 5, 'ana'));

        expect(deleted).toEqual({ id: 'gold', version: 2, body: null, savedAt: T0 + 5, savedBy: 'ana' });
        expect((await store.config.list('agreement')).map((v) => v.id)).toEqual(['silver']);
        expect(await store.config.get('agreement', 'gold')).toEqual(deleted);
        expect((await store.config.get('agreement', 'gold', 1))?.body).toEqual(makeAgreement());
        expect((await store.config.history('agreement', 'gold')).map((v) => v.body === null)).toEqual([
          false,
          true,
        ]);

        // Re-creating after a deletion continues the numbering and shows it again.
        await store.config.put('agreement', 'gold', makeAgreement({ name: 'back' }), meta(2));
        expect((await store.config.list('agreement')).map((v) => [v.id, v.version, v.body?.name])).toEqual([
          ['gold', 3, 'back'],
          ['silver', 1, 'Gold support'],
        ]);
      });

      it('lists the newest version of each id, in id order, per kind', async () => {
        await store.config.put('agreement', 'zinc', makeAgreement({ id: 'zinc' }), meta(0));
        await store.config.put('agreement', 'gold', makeAgreement(), meta(0));
        await store.config.put('agreement', 'gold', makeAgreement({ name: 'Gold 2' }), meta(1));
        await store.config.put('calendar', 'gold', makeCalendar({ id: 'gold' }), meta(0));

        const agreements = await store.config.list('agreement');
        expect(agreements.map((v) => [v.id, v.version, v.body?.name])).toEqual([
          ['gold', 2, 'Gold 2'],
          ['zinc', 1, 'Gold support'],
        ]);
        expect((await store.config.list('calendar')).map((v) => [v.id, v.version])).toEqual([['gold', 1]]);
      });

      it('treats ids that differ only in case as different ids', async () => {
        await store.config.put('agreement', 'Gold', makeAgreement({ id: 'Gold', name: 'upper' }), meta(0));
        expect(
          await store.config.put('agreement', 'gold', makeAgreement({ name: 'lower' }), meta(0)),
        ).not.toBe('conflict');
        expect((await store.config.list('agreement')).map((v) => v.body?.name)).toEqual(['upper', 'lower']);
      });

      it('keeps the agreements of each project in order, replaced whole', async () => {
        expect(await store.config.projectAgreements('SD')).toEqual([]);
        await store.config.setProjectAgreements('SD', ['gold', 'ola-l2', 'uc-telco']);
        await store.config.setProjectAgreements('IT', ['silver']);
        expect(await store.config.projectAgreements('SD')).toEqual(['gold', 'ola-l2', 'uc-telco']);

        await store.config.setProjectAgreements('SD', ['uc-telco', 'gold']);
        expect(await store.config.projectAgreements('SD')).toEqual(['uc-telco', 'gold']);
        expect(await store.config.projects()).toEqual([
          { projectKey: 'IT', agreementIds: ['silver'] },
          { projectKey: 'SD', agreementIds: ['uc-telco', 'gold'] },
        ]);

        await store.config.setProjectAgreements('IT', []);
        expect(await store.config.projectAgreements('IT')).toEqual([]);
        expect((await store.config.projects()).map((p) => p.projectKey)).toEqual(['SD']);
      });

      it('swaps a project’s agreements only from the list it names, in one statement', async () => {
        // None set: the insert wins once.
        expect(await store.config.swapProjectAgreements('SD', [], ['gold'])).toBe(true);
        expect(await store.config.swapProjectAgreements('SD', [], ['silver'])).toBe(false);
        expect(await store.config.projectAgreements('SD')).toEqual(['gold']);
        // An update names the list it replaces; order counts.
        expect(await store.config.swapProjectAgreements('SD', ['gold'], ['gold', 'ola-l2'])).toBe(true);
        expect(await store.config.swapProjectAgreements('SD', ['ola-l2', 'gold'], ['uc-telco'])).toBe(false);
        expect(await store.config.swapProjectAgreements('SD', ['gold'], ['uc-telco'])).toBe(false);
        expect(await store.config.projectAgreements('SD')).toEqual(['gold', 'ola-l2']);
        // Saving the list it is: true while it still is, false once it is not.
        expect(await store.config.swapProjectAgreements('SD', ['gold', 'ola-l2'], ['gold', 'ola-l2'])).toBe(
          true,
        );
        expect(await store.config.swapProjectAgreements('SD', ['gold'], ['gold'])).toBe(false);
        // Emptying deletes the row, only from the named list.
        expect(await store.config.swapProjectAgreements('SD', ['gold'], [])).toBe(false);
        expect(await store.config.swapProjectAgreements('SD', ['gold', 'ola-l2'], [])).toBe(true);
        expect(await store.config.projects()).toEqual([]);
        expect(await store.config.swapProjectAgreements('SD', [], [])).toBe(true);
        expect(await store.config.swapProjectAgreements('SD', ['gold'], ['gold'])).toBe(false);
      });
    });

    // ── Results ─────────────────────────────────────────────────────────────────────────────────────

    describe('results', () => {
      beforeEach(async () => {
        await storeCycleAgreements(store.config);
      });
      const gold = makeResult();
      const goldFrt = makeResult({
        metricId: 'frt',
        result: makeMetricResult({ id: 'frt' }),
        nextDue: T0 + HOUR,
      });
      const ola = makeResult({
        agreementId: 'ola-l2',
        kind: 'OLA',
        nextDue: null,
        deadline: null,
        state: 'met',
      });

      it('stores and returns results (by agreement and metric id) and cycles as given', async () => {
        const cycles = [makeCycle(), makeCycle({ cycle: 1, startedAt: T0 + 3 * HOUR, stoppedAt: null })];
        expect(await store.results.replaceIssue('10001', stamp(1), [gold, goldFrt, ola], cycles)).toBe(
          'written',
        );

        expect(await store.results.forIssue('10001')).toEqual([goldFrt, gold, ola]);
        expect(await store.results.cycles({})).toEqual(cycles);
        expect(await store.results.forIssue('10002')).toEqual([]);
      });

      it('removes the rows of agreements and metrics that no longer apply', async () => {
        await store.results.replaceIssue(
          '10001',
          stamp(1),
          [gold, goldFrt, ola],
          [makeCycle(), makeCycle({ agreementId: 'ola-l2' })],
        );
        const newer = { ...gold, stamp: stamp(2), state: 'met' as const };

        expect(await store.results.replaceIssue('10001', stamp(2), [newer], [makeCycle()])).toBe('written');
        expect(await store.results.forIssue('10001')).toEqual([newer]);
        expect((await store.results.cycles({})).map((c) => c.agreementId)).toEqual(['gold']);

        // Nothing applies any more: the issue has no results at all.
        expect(await store.results.replaceIssue('10001', stamp(3), [], [])).toBe('written');
        expect(await store.results.forIssue('10001')).toEqual([]);
        expect(await store.results.cycles({})).toEqual([]);
      });

      it('replaces results of the same stamp (a recalculation under a new agreement version)', async () => {
        await store.results.replaceIssue('10001', stamp(1), [gold, ola], [makeCycle()]);
        const recalculated = { ...gold, agreementVersion: 2, evaluatedAt: T0 + 2 * HOUR };

        expect(
          await store.results.replaceIssue(
            '10001',
            stamp(1),
            [recalculated],
            [makeCycle({ agreementVersion: 2 })],
          ),
        ).toBe('written');
        expect(await store.results.forIssue('10001')).toEqual([recalculated]);
        expect((await store.results.cycles({})).map((c) => c.agreementVersion)).toEqual([2]);
      });

      it('refuses results from an older stamp and keeps the newer ones whole', async () => {
        const newer = { ...gold, stamp: stamp(5), state: 'met' as const };
        await store.results.replaceIssue('10001', stamp(5), [newer], [makeCycle({ elapsedMs: 5 })]);

        expect(
          await store.results.replaceIssue(
            '10001',
            stamp(4),
            [{ ...gold, stamp: stamp(4) }, ola],
            [makeCycle()],
          ),
        ).toBe('stale');
        expect(await store.results.forIssue('10001')).toEqual([newer]);
        expect((await store.results.cycles({})).map((c) => c.elapsedMs)).toEqual([5]);
      });

      it('converges on the newest stamp when writes race', async () => {
        const writes = [3, 1, 4, 2].map((n) =>
          store.results.replaceIssue(
            '10001',
            stamp(n),
            [{ ...gold, stamp: stamp(n), evaluatedAt: n }, ...(n % 2 ? [{ ...ola, stamp: stamp(n) }] : [])],
            [makeCycle({ cycle: 0, elapsedMs: n })],
          ),
        );
        const outcomes = await Promise.all(writes);

        expect(outcomes).toContain('written');
        const stored = await store.results.forIssue('10001');
        expect(stored).toEqual([{ ...gold, stamp: stamp(4), evaluatedAt: 4 }]);
        expect((await store.results.cycles({})).map((c) => c.elapsedMs)).toEqual([4]);
      });

      describe('replaceIssues (a batch)', () => {
        const of = (issueId: string, n: number) => ({
          result: (r: typeof gold) => ({ ...r, issueId, issueKey: `SD-${issueId}`, stamp: stamp(n) }),
          cycle: (overrides: Parameters<typeof makeCycle>[0] = {}) =>
            makeCycle({ issueId, issueKey: `SD-${issueId}`, ...overrides }),
        });
        const a = of('10001', 1);
        const b = of('10002', 1);
        const c = of('10003', 1);

        it('writes each issue as replaceIssue would, and leaves issues outside the batch alone', async () => {
          await store.results.replaceIssue(
            '10009',
            stamp(1),
            [of('10009', 1).result(gold)],
            [makeCycle({ issueId: '10009' })],
          );
          const outcomes = await store.results.replaceIssues([
            {
              issueId: '10001',
              stamp: stamp(1),
              results: [a.result(gold), a.result(ola)],
              cycles: [a.cycle()],
            },
            {
              issueId: '10002',
              stamp: stamp(1),
              results: [b.result(goldFrt)],
              cycles: [b.cycle(), b.cycle({ cycle: 1 })],
            },
            { issueId: '10003', stamp: stamp(1), results: [], cycles: [] },
          ]);

          expect(outcomes).toEqual(['written', 'written', 'written']);
          expect(await store.results.forIssue('10001')).toEqual([a.result(gold), a.result(ola)]);
          expect(await store.results.forIssue('10002')).toEqual([b.result(goldFrt)]);
          expect(await store.results.forIssue('10003')).toEqual([]);
          expect(await store.results.forIssue('10009')).toEqual([of('10009', 1).result(gold)]);
          expect((await store.results.cycles({})).map((x) => `${x.issueId}/${x.cycle}`)).toEqual([
            '10001/0',
            '10002/0',
            '10002/1',
            '10009/0',
          ]);
        });

        it('removes the rows of older writes of every issue in the batch', async () => {
          await store.results.replaceIssue(
            '10001',
            stamp(1),
            [a.result(gold), a.result(ola)],
            [a.cycle(), a.cycle({ agreementId: 'ola-l2' })],
          );
          await store.results.replaceIssue('10002', stamp(1), [b.result(gold)], [b.cycle()]);
          const recalculated = (r: typeof gold) => ({ ...r, agreementVersion: 2 });

          expect(
            await store.results.replaceIssues([
              {
                issueId: '10001',
                stamp: stamp(1),
                results: [recalculated(a.result(gold))],
                cycles: [a.cycle({ agreementVersion: 2 })],
              },
              { issueId: '10002', stamp: stamp(2), results: [], cycles: [] },
            ]),
          ).toEqual(['written', 'written']);
          expect(await store.results.forIssue('10001')).toEqual([recalculated(a.result(gold))]);
          expect(await store.results.forIssue('10002')).toEqual([]);
          expect(
            (await store.results.cycles({})).map((x) => [x.issueId, x.agreementId, x.agreementVersion]),
          ).toEqual([['10001', 'gold', 2]]);
        });

        it('keeps the newer results of an issue whose history moved on, and writes the rest', async () => {
          // Issue 10002 got a newer history (stamp 5) while the batch was computed from stamp 4.
          const newer = of('10002', 5).result({ ...gold, state: 'met' });
          await store.results.replaceIssue('10002', stamp(5), [newer], [b.cycle({ elapsedMs: 5 })]);
          const b4 = of('10002', 4);

          expect(
            await store.results.replaceIssues([
              {
                issueId: '10001',
                stamp: stamp(4),
                results: [of('10001', 4).result(gold)],
                cycles: [a.cycle()],
              },
              {
                issueId: '10002',
                stamp: stamp(4),
                results: [b4.result(gold), b4.result(ola)],
                cycles: [b.cycle()],
              },
              { issueId: '10003', stamp: stamp(4), results: [of('10003', 4).result(gold)], cycles: [] },
            ]),
          ).toEqual(['written', 'stale', 'written']);
          expect(await store.results.forIssue('10002')).toEqual([newer]);
          expect(
            (await store.results.cycles({})).filter((x) => x.issueId === '10002').map((x) => x.elapsedMs),
          ).toEqual([5]);
          expect(await store.results.forIssue('10001')).toEqual([of('10001', 4).result(gold)]);
          expect(await store.results.forIssue('10003')).toEqual([of('10003', 4).result(gold)]);
        });

        it('converges on the newest stamp when a batch races single writes', async () => {
          const writes = [
            store.results.replaceIssues([
              {
                issueId: '10001',
                stamp: stamp(2),
                results: [of('10001', 2).result(gold)],
                cycles: [a.cycle({ elapsedMs: 2 })],
              },
              {
                issueId: '10003',
                stamp: stamp(2),
                results: [of('10003', 2).result(gold)],
                cycles: [c.cycle({ elapsedMs: 2 })],
              },
            ]),
            store.results.replaceIssue(
              '10001',
              stamp(3),
              [of('10001', 3).result(gold)],
              [a.cycle({ elapsedMs: 3 })],
            ),
            store.results.replaceIssue(
              '10003',
              stamp(1),
              [of('10003', 1).result(gold)],
              [c.cycle({ elapsedMs: 1 })],
            ),
          ];
          await Promise.all(writes);

          expect(await store.results.forIssue('10001')).toEqual([of('10001', 3).result(gold)]);
          expect(await store.results.forIssue('10003')).toEqual([of('10003', 2).result(gold)]);
          expect((await store.results.cycles({})).map((x) => x.elapsedMs)).toEqual([3, 2]);
        });

        it('refuses an issue twice in one batch, or a row of another issue, before writing anything', async () => {
          const once = { issueId: '10001', stamp: stamp(1), results: [a.result(gold)], cycles: [] };
          await expect(store.results.replaceIssues([once, once])).rejects.toThrow(/issue 10001 twice/);
          await expect(store.results.replaceIssues([{ ...once, results: [b.result(gold)] }])).rejects.toThrow(
            /issue 10001 has a row of issue 10002/,
          );
          expect(await store.results.forIssue('10001')).toEqual([]);
          expect(await store.results.replaceIssues([])).toEqual([]);
        });
      });

      it('deletes everything stored for one issue', async () => {
        await store.results.replaceIssue('10001', stamp(1), [gold], [makeCycle()]);
        const other = makeResult({ issueId: '10002', issueKey: 'SD-2' });
        await store.results.replaceIssue(
          '10002',
          stamp(1),
          [other],
          [makeCycle({ issueId: '10002', issueKey: 'SD-2' })],
        );

        await store.results.deleteIssue('10001');
        await store.results.deleteIssue('99999');
        expect(await store.results.forIssue('10001')).toEqual([]);
        expect(await store.results.forIssue('10002')).toEqual([other]);
        expect((await store.results.cycles({})).map((c) => c.issueId)).toEqual(['10002']);
        expect((await store.results.due(T0 + 24 * HOUR, 10)).map((r) => r.issueId)).toEqual(['10002']);
      });

      it('finds results due at or before an instant, soonest first, up to a limit', async () => {
        const issue = (n: number, nextDue: number | null) =>
          makeResult({ issueId: `2000${n}`, issueKey: `SD-${n}`, nextDue });
        for (const [n, due] of [
          [1, T0 + 3 * HOUR],
          [2, T0 + HOUR],
          [3, null],
          [4, T0 + 2 * HOUR],
          [5, T0 + 9 * HOUR],
        ] as const) {
          await store.results.replaceIssue(`2000${n}`, stamp(1), [issue(n, due)], []);
        }

        const keys = async (before: number, limit: number) =>
          (await store.results.due(before, limit)).map((r) => r.issueKey);
        expect(await keys(T0 + 3 * HOUR, 10)).toEqual(['SD-2', 'SD-4', 'SD-1']);
        expect(await keys(T0 + 3 * HOUR, 2)).toEqual(['SD-2', 'SD-4']);
        expect(await keys(T0, 10)).toEqual([]);

        // A newer evaluation moves the instant; the old one is not reported any more.
        await store.results.replaceIssue(
          '20002',
          stamp(2),
          [{ ...issue(2, T0 + 8 * HOUR), stamp: stamp(2) }],
          [],
        );
        expect(await keys(T0 + 3 * HOUR, 10)).toEqual(['SD-4', 'SD-1']);
      });

      it('finds the due metrics of issues with several, in order across issues, up to a limit', async () => {
        // An issue's results are stored together (0043), indexed by their earliest due instant.
        const metric = (issue: number, metricId: string, nextDue: number | null) =>
          makeResult({ issueId: `3000${issue}`, issueKey: `SD-${issue}`, metricId, nextDue });
        await store.results.replaceIssue(
          '30001',
          stamp(1),
          [metric(1, 'frt', T0 + HOUR), metric(1, 'ttr', T0 + 5 * HOUR)],
          [],
        );
        await store.results.replaceIssue(
          '30002',
          stamp(1),
          [metric(2, 'frt', T0 + 2 * HOUR), metric(2, 'ttr', null)],
          [],
        );
        const due = async (before: number, limit: number) =>
          (await store.results.due(before, limit)).map((r) => `${r.issueKey}/${r.metricId}`);
        expect(await due(T0 + 3 * HOUR, 10)).toEqual(['SD-1/frt', 'SD-2/frt']);
        expect(await due(T0 + 6 * HOUR, 10)).toEqual(['SD-1/frt', 'SD-2/frt', 'SD-1/ttr']);
        expect(await due(T0 + 6 * HOUR, 2)).toEqual(['SD-1/frt', 'SD-2/frt']);
        expect(await due(T0 + 6 * HOUR, 1)).toEqual(['SD-1/frt']);
      });

      it('lists an open metric until a newer write of its issue closes it', async () => {
        const open = makeResult({ issueId: '30003', metricId: 'frt', deadline: T0 + HOUR });
        const other = makeResult({ issueId: '30003', metricId: 'ttr', state: 'met', deadline: null });
        await store.results.replaceIssue('30003', stamp(1), [open, other], []);
        const listed = async () =>
          (await store.reports.openResults({ agreementIds: ['gold'] }, 10)).map((r) => r.metricId);
        expect(await listed()).toEqual(['frt']);
        expect((await store.reports.openResults({ agreementIds: ['gold'] }, 10))[0]).toEqual(open);
        const met = { ...open, state: 'met' as const, stamp: stamp(2) };
        await store.results.replaceIssue('30003', stamp(2), [met, { ...other, stamp: stamp(2) }], []);
        expect(await listed()).toEqual([]);
      });

      it('filters cycles by agreement, project and a half-open range of stop instants', async () => {
        const c = (over: Parameters<typeof makeCycle>[0]) => makeCycle(over);
        await store.results.replaceIssue(
          '10001',
          stamp(1),
          [gold],
          [
            c({ cycle: 0, stoppedAt: T0 + HOUR }),
            c({ cycle: 1, stoppedAt: T0 + 2 * HOUR }),
            c({ cycle: 2, stoppedAt: null }),
            c({ agreementId: 'ola-l2', kind: 'OLA', counterparty: null, stoppedAt: T0 + HOUR }),
          ],
        );
        await store.results.replaceIssue(
          '30001',
          stamp(1),
          [makeResult({ issueId: '30001', projectKey: 'IT' })],
          [c({ issueId: '30001', issueKey: 'IT-1', projectKey: 'IT', stoppedAt: T0 + 30 * MINUTE })],
        );

        const pick = async (filter: Parameters<Store['results']['cycles']>[0]) =>
          (await store.results.cycles(filter)).map((x) => `${x.issueKey}/${x.agreementId}/${x.cycle}`);
        expect(await pick({ agreementId: 'gold' })).toEqual([
          'SD-1/gold/0',
          'SD-1/gold/1',
          'SD-1/gold/2',
          'IT-1/gold/0',
        ]);
        expect(await pick({ projectKey: 'IT' })).toEqual(['IT-1/gold/0']);
        expect(await pick({ stoppedFrom: T0 + HOUR, stoppedTo: T0 + 2 * HOUR })).toEqual([
          'SD-1/gold/0',
          'SD-1/ola-l2/0',
        ]);
        expect(await pick({ agreementId: 'gold', projectKey: 'SD', stoppedFrom: T0 })).toEqual([
          'SD-1/gold/0',
          'SD-1/gold/1',
        ]);
        expect(await pick({ stoppedTo: T0 + HOUR })).toEqual(['IT-1/gold/0']);
      });
    });

    // ── Adjustments ─────────────────────────────────────────────────────────────────────────────────

    describe('adjustments', () => {
      const decision = (at: number, kind: 'extension' | 'excuse' = 'extension') => ({
        kind,
        agreementId: 'gold',
        metricId: 'ttr',
        cycleStartedAt: T0,
        at,
        minutes: kind === 'extension' ? 60 : null,
        until: null,
        reason: `decided at ${at}`,
        actor: 'agent-1',
      });

      it('reads the decisions of several issues at once, each oldest first, as forIssue does', async () => {
        await store.adjustments.add('10002', decision(T0 + 2 * HOUR, 'excuse'));
        await store.adjustments.add('10001', decision(T0 + HOUR));
        await store.adjustments.add('10002', decision(T0 + HOUR));
        await store.adjustments.add('10003', decision(T0));

        const read = await store.adjustments.forIssues(['10002', '10001', '10004', '10002']);
        expect([...read.keys()].sort()).toEqual(['10001', '10002']);
        expect(read.get('10001')).toEqual(await store.adjustments.forIssue('10001'));
        expect(read.get('10002')).toEqual([decision(T0 + HOUR), decision(T0 + 2 * HOUR, 'excuse')]);
        expect(await store.adjustments.forIssues([])).toEqual(new Map());
      });
    });

    // ── Histories ───────────────────────────────────────────────────────────────────────────────────

    describe('histories', () => {
      it('stores a history and replaces it with a newer or equal stamp, never an older one', async () => {
        const first = makeHistory();
        expect(await store.histories.put(first)).toBe('written');
        expect(await store.histories.get('10001')).toEqual(first);

        const newer = makeHistory({ stamp: stamp(3), data: makeHistoryData({ created: T0 + 1 }) });
        expect(await store.histories.put(newer)).toBe('written');
        expect(await store.histories.put(makeHistory({ stamp: stamp(2) }))).toBe('stale');
        expect(await store.histories.get('10001')).toEqual(newer);

        // The same history again (a redelivered event) is a harmless re-write.
        expect(await store.histories.put(newer)).toBe('written');
        expect(await store.histories.get('10001')).toEqual(newer);
      });

      it('keeps the newest of racing puts', async () => {
        const outcomes = await Promise.all(
          [2, 5, 1, 4, 3].map((n) =>
            store.histories.put(makeHistory({ stamp: stamp(n), issueKey: `SD-${n}` })),
          ),
        );
        expect(outcomes).toContain('written');
        expect((await store.histories.get('10001'))?.issueKey).toBe('SD-5');
      });

      it('pages histories in issue-id order, per project, and counts them', async () => {
        for (const [id, project] of [
          ['103', 'SD'],
          ['101', 'SD'],
          ['201', 'IT'],
          ['102', 'SD'],
          ['104', 'SD'],
        ] as const) {
          await store.histories.put(
            makeHistory({ issueId: id, projectKey: project, issueKey: `${project}-${id}` }),
          );
        }

        const ids = async (options: Parameters<Store['histories']['page']>[0]) =>
          (await store.histories.page(options)).map((h) => h.issueId);
        expect(await ids({ limit: 10 })).toEqual(['101', '102', '103', '104', '201']);
        expect(await ids({ projectKey: 'SD', limit: 2 })).toEqual(['101', '102']);
        expect(await ids({ projectKey: 'SD', afterIssueId: '102', limit: 2 })).toEqual(['103', '104']);
        expect(await ids({ projectKey: 'SD', afterIssueId: '104', limit: 2 })).toEqual([]);
        expect(await store.histories.count()).toBe(5);
        expect(await store.histories.count('SD')).toBe(4);
        expect(await store.histories.count('XX')).toBe(0);

        await store.histories.delete('103');
        expect(await store.histories.get('103')).toBeUndefined();
        expect(await store.histories.count('SD')).toBe(3);
      });
    });

    // ── Action log ──────────────────────────────────────────────────────────────────────────────────

    describe('action log', () => {
      const key = '10001/gold/ttr/1772442000000/0/0/0';
      const STALE = 10 * MINUTE;

      it('lets the first claim win and shows the others the record', async () => {
        expect(await store.actions.claim(key, '10001', T0, STALE)).toBe('claimed');
        expect(await store.actions.claim(key, '10001', T0 + MINUTE, STALE)).toEqual({
          key,
          issueId: '10001',
          status: 'claimed',
          attempts: 1,
          updatedAt: T0,
          error: null,
        });
      });

      it('grants exactly one of many concurrent claims', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.actions.claim(key, '10001', T0 + i, STALE)),
        );
        expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
      });

      it('re-claims a failed action once, counting attempts', async () => {
        await store.actions.claim(key, '10001', T0, STALE);
        await store.actions.fail(key, T0 + 1, 'Jira answered 503');
        expect(await store.actions.forIssue('10001')).toEqual([
          {
            key,
            issueId: '10001',
            status: 'failed',
            attempts: 1,
            updatedAt: T0 + 1,
            error: 'Jira answered 503',
          },
        ]);

        const outcomes = await Promise.all(
          Array.from({ length: 5 }, () => store.actions.claim(key, '10001', T0 + 2, STALE)),
        );
        expect(outcomes.filter((o) => typeof o === 'string')).toEqual(['reclaimed-failed']);
        const [record] = await store.actions.forIssue('10001');
        expect(record).toMatchObject({ status: 'claimed', attempts: 2, updatedAt: T0 + 2 });
      });

      it('re-claims a claim whose claimant went quiet for longer than the stale limit', async () => {
        await store.actions.claim(key, '10001', T0, STALE);
        expect(await store.actions.claim(key, '10001', T0 + STALE, STALE)).toMatchObject({
          status: 'claimed',
        });

        const late = T0 + STALE + 1;
        const outcomes = await Promise.all(
          [1, 2, 3].map(() => store.actions.claim(key, '10001', late, STALE)),
        );
        // The claimant may have acted before it died: the winner is told so, to check before acting again.
        expect(outcomes.filter((o) => typeof o === 'string')).toEqual(['reclaimed-stale']);
        expect((await store.actions.forIssue('10001'))[0]).toMatchObject({ attempts: 2, updatedAt: late });
      });

      it('never re-claims an action whose outcome is unknown, and a late failure does not undo that', async () => {
        await store.actions.claim(key, '10001', T0, STALE);
        await store.actions.markUnknown(key, T0 + 1, 'Jira answered 503 to the notification');
        await store.actions.fail(key, T0 + 2, 'timed out');
        expect(await store.actions.claim(key, '10001', T0 + 100 * STALE, STALE)).toMatchObject({
          status: 'unknown',
          error: 'Jira answered 503 to the notification',
        });
      });

      it('never re-claims a done action, and a late failure does not undo it', async () => {
        await store.actions.claim(key, '10001', T0, STALE);
        await store.actions.complete(key, T0 + 1);
        expect(await store.actions.claim(key, '10001', T0 + 100 * STALE, STALE)).toMatchObject({
          status: 'done',
          attempts: 1,
        });

        await store.actions.fail(key, T0 + 2, 'timed out');
        expect((await store.actions.forIssue('10001'))[0]).toMatchObject({ status: 'done', error: null });
      });

      it("lists an issue's actions", async () => {
        await store.actions.claim('10001/b', '10001', T0, STALE);
        await store.actions.claim('10001/a', '10001', T0, STALE);
        await store.actions.claim('10002/a', '10002', T0, STALE);
        expect((await store.actions.forIssue('10001')).map((r) => r.key)).toEqual(['10001/a', '10001/b']);
        expect(await store.actions.forIssue('10003')).toEqual([]);
      });

      it("keeps issues' actions apart when their keys differ only in the issue id", async () => {
        await store.actions.claim('10001/a', '10001', T0, STALE);
        await store.actions.claim('10002/a', '10002', T0, STALE);
        await store.actions.fail('10001/a', T0 + 1, 'Jira answered 503');
        expect(await store.actions.claim('10002/a', '10002', T0 + 2, STALE)).toMatchObject({
          status: 'claimed',
        });
        expect(await store.actions.claim('10001/a', '10001', T0 + 2, STALE)).toBe('reclaimed-failed');
        await store.actions.complete('10002/a', T0 + 3);
        await store.actions.markUnknown('10001/a', T0 + 4, 'may have gone out');
        expect(await store.actions.forIssue('10001')).toEqual([
          {
            key: '10001/a',
            issueId: '10001',
            status: 'unknown',
            attempts: 2,
            updatedAt: T0 + 4,
            error: 'may have gone out',
          },
        ]);
        expect(await store.actions.forIssue('10002')).toEqual([
          { key: '10002/a', issueId: '10002', status: 'done', attempts: 1, updatedAt: T0 + 3, error: null },
        ]);
      });

      it('refuses a key that does not begin with its issue id and a slash', async () => {
        await expect(store.actions.claim('10002/a', '10001', T0, STALE)).rejects.toMatchObject({
          message: expect.stringMatching(/does not begin with 10001\//),
        });
        await expect(store.actions.complete('a', T0)).rejects.toMatchObject({
          message: expect.stringMatching(/issue id and a slash/),
        });
        expect(await store.actions.forIssue('10001')).toEqual([]);
        expect(await store.actions.forIssue('10002')).toEqual([]);
      });
    });

    // ── Jobs ────────────────────────────────────────────────────────────────────────────────────────

    describe('jobs', () => {
      it('creates a job once and returns it as given', async () => {
        const job = makeJob({
          spec: { scope: { kind: 'jql', jql: 'project = SD AND priority = "P1"' }, replaceCompleted: true },
        });
        await store.jobs.create(job);
        expect(await store.jobs.get('job-1')).toEqual(job);
        expect(await store.jobs.get('job-2')).toBeUndefined();

        // A retried create does not reset progress.
        await store.jobs.update('job-1', { state: 'running', done: 40, updatedAt: T0 + 1 });
        await store.jobs.create(job);
        expect(await store.jobs.get('job-1')).toMatchObject({ state: 'running', done: 40 });
      });

      it('writes only the fields of a patch', async () => {
        await store.jobs.create(makeJob());
        await store.jobs.update('job-1', {
          state: 'running',
          total: 1000,
          cursor: 'page-3',
          updatedAt: T0 + 5,
        });
        await store.jobs.update('job-1', { done: 300, failed: 2 });
        await store.jobs.update('job-1', {});
        expect(await store.jobs.get('job-1')).toEqual(
          makeJob({
            state: 'running',
            total: 1000,
            cursor: 'page-3',
            updatedAt: T0 + 5,
            done: 300,
            failed: 2,
          }),
        );

        await store.jobs.update('job-1', { state: 'failed', error: 'Jira answered 500', cursor: null });
        expect(await store.jobs.get('job-1')).toMatchObject({
          state: 'failed',
          error: 'Jira answered 500',
          cursor: null,
        });
      });

      it('never un-cancels a job', async () => {
        await store.jobs.create(makeJob({ state: 'running' }));
        await store.jobs.requestCancel('job-1');
        await store.jobs.update('job-1', { state: 'running', done: 10, updatedAt: T0 + 1 });
        expect(await store.jobs.get('job-1')).toMatchObject({
          cancelRequested: true,
          state: 'running',
          done: 10,
        });

        await store.jobs.update('job-1', { state: 'cancelled' });
        await store.jobs.update('job-1', { state: 'running', done: 11 });
        expect(await store.jobs.get('job-1')).toMatchObject({
          cancelRequested: true,
          state: 'cancelled',
          done: 11,
        });
        await store.jobs.requestCancel('job-404');
      });

      it('lists the newest jobs first', async () => {
        for (const [id, createdAt] of [
          ['a', T0 + 2],
          ['b', T0 + 3],
          ['c', T0 + 1],
        ] as const) {
          await store.jobs.create(makeJob({ id, createdAt }));
        }
        expect((await store.jobs.list(10)).map((j) => j.id)).toEqual(['b', 'a', 'c']);
        expect((await store.jobs.list(2)).map((j) => j.id)).toEqual(['b', 'a']);
      });
    });

    // ── Pending issues and budgets ──────────────────────────────────────────────────────────────────

    describe('pending issues', () => {
      it('marks an issue once, hands out due marks oldest first per shard, and clears only an unchanged mark', async () => {
        await store.pending.mark('20', 0, 't1', 1000);
        await store.pending.mark('10', 0, 't2', 2000);
        await store.pending.mark('30', 1, 't3', 500);
        await store.pending.mark('20', 0, 't4', 3000); // changed again: same row, new token, first mark kept
        expect(await store.pending.count()).toBe(3);
        expect(await store.pending.dueShards(5000)).toEqual([0, 1]);
        const due = await store.pending.due(0, 5000, 10);
        expect(due.map((p) => [p.issueId, p.token, p.markedAt, p.attempts])).toEqual([
          ['20', 't4', 1000, 0],
          ['10', 't2', 2000, 0],
        ]);
        expect(await store.pending.due(0, 5000, 1)).toHaveLength(1);
        // A drain that read t2 clears it; one that read t1 (a change came since) does not.
        expect(await store.pending.clear('10', 't2')).toBe(true);
        expect(await store.pending.clear('20', 't1')).toBe(false);
        expect((await store.pending.due(0, 5000, 10)).map((p) => p.issueId)).toEqual(['20']);
      });

      it('defers a failed mark until its instant, and keeps the wait when the issue changes again', async () => {
        await store.pending.mark('20', 2, 't1', 1000);
        await store.pending.defer('20', 't1', 3, 9000);
        expect(await store.pending.due(2, 8999, 10)).toEqual([]);
        expect(await store.pending.dueShards(8999)).toEqual([]);
        await store.pending.mark('20', 2, 't2', 2000);
        expect(await store.pending.due(2, 9000, 10)).toEqual([
          { issueId: '20', shard: 2, token: 't2', markedAt: 1000, attempts: 3, notBefore: 9000 },
        ]);
        // A defer on an old token changes nothing.
        await store.pending.defer('20', 't1', 4, 20_000);
        expect((await store.pending.due(2, 9000, 10))[0]?.attempts).toBe(3);
      });

      it('keeps a change whose mark a drain clears between the insert that found it and the update', async () => {
        await store.pending.mark('40', 1, 't1', 1000, '{"id":"1"}');
        // The drain's clear lands between the second mark's statements on SQLite (each is awaited on its own);
        // on a server it may land before or after them. Either way the second change stays marked.
        await Promise.all([
          store.pending.mark('40', 1, 't2', 2000, '{"id":"2"}'),
          store.pending.clear('40', 't1'),
        ]);
        const [mark] = await store.pending.due(1, 5000, 10);
        expect(mark).toEqual(expect.objectContaining({ issueId: '40', token: 't2' }));
        expect(mark?.carried?.at(-1)).toBe('{"id":"2"}');
      });
    });

    describe('budgets', () => {
      it('takes from a counter up to its limit, and forgets it once expired', async () => {
        expect(await store.budgets.take('push:1', 30, 50, 2000)).toBe(true);
        expect(await store.budgets.take('push:1', 20, 50, 2000)).toBe(true);
        expect(await store.budgets.take('push:1', 1, 50, 2000)).toBe(false);
        expect(await store.budgets.take('push:2', 60, 50, 3000)).toBe(false);
        await store.budgets.purge(2500);
        expect(await store.budgets.take('push:1', 50, 50, 4000)).toBe(true);
      });

      it('gives a one-shot budget to one taker, and never over-takes when racing', async () => {
        expect(await store.budgets.take('kick:0:1', 1, 1, 2000)).toBe(true);
        expect(await store.budgets.take('kick:0:1', 1, 1, 2000)).toBe(false);
        const racing = await Promise.all(
          Array.from({ length: 12 }, () => store.budgets.take('queue:7', 2, 15, 9000)),
        );
        expect(racing.filter(Boolean)).toHaveLength(7);
        expect(await store.budgets.take('queue:7', 1, 15, 9000)).toBe(true);
        expect(await store.budgets.take('queue:7', 1, 15, 9000)).toBe(false);
      });

      it('leases a key to one holder until it expires or is released', async () => {
        expect(await store.budgets.acquire('drain:0', 1000, 5000)).toBe(true);
        expect(await store.budgets.acquire('drain:0', 2000, 6000)).toBe(false);
        expect(await store.budgets.heldUntil('drain:0', 2000)).toBe(5000);
        expect(await store.budgets.acquire('drain:0', 5000, 9000)).toBe(true); // the first holder died
        await store.budgets.release('drain:0', 5000); // the first holder's late release changes nothing
        expect(await store.budgets.heldUntil('drain:0', 6000)).toBe(9000);
        await store.budgets.release('drain:0', 9000);
        expect(await store.budgets.heldUntil('drain:0', 6000)).toBe(0);
        expect(await store.budgets.acquire('drain:0', 6000, 7000)).toBe(true);
      });

      it('renews a lease only for its holder', async () => {
        expect(await store.budgets.acquire('drain:1', 1000, 5000)).toBe(true);
        expect(await store.budgets.renew('drain:1', 5000, 8000)).toBe(true);
        expect(await store.budgets.acquire('drain:1', 6000, 9000)).toBe(false); // renewed past 6000
        expect(await store.budgets.heldUntil('drain:1', 6000)).toBe(8000);
        expect(await store.budgets.renew('drain:1', 5000, 9000)).toBe(false); // not held until 5000 any more
        expect(await store.budgets.acquire('drain:1', 8000, 12000)).toBe(true); // expired: another holder
        expect(await store.budgets.renew('drain:1', 8000, 13000)).toBe(false); // the first holder lost it
        expect(await store.budgets.heldUntil('drain:1', 9000)).toBe(12000);
      });
    });

    // ── Audit ───────────────────────────────────────────────────────────────────────────────────────

    describe('audit', () => {
      it('appends an entry once however often it is appended', async () => {
        const entry = makeAudit();
        await store.audit.append(entry);
        await store.audit.append(entry);
        await Promise.all([store.audit.append(entry), store.audit.append(entry)]);
        expect(await store.audit.list({ limit: 10 })).toEqual([entry]);
      });

      it('keeps two different changes without a version in one millisecond, each once', async () => {
        const change = (after: string[]) =>
          makeAudit({
            action: 'project.agreements',
            entity: 'project',
            entityId: 'IT',
            version: null,
            changes: [{ path: '$.agreementIds', before: ['gold'], after }],
          });
        const first = change(['gold', 'ola']);
        const second = change(['ola']);
        await store.audit.append(first);
        await store.audit.append(second);
        // Appended again, each is found where it went: no third or fourth entry.
        await Promise.all([store.audit.append(first), store.audit.append(second)]);
        const listed = await store.audit.list({ limit: 10 });
        expect(listed.map((e) => [e.at - T0, e.changes[0]?.after])).toEqual([
          [1, ['ola']],
          [0, ['gold', 'ola']],
        ]);
        // A versioned entry is still known by its key alone.
        const saved = makeAudit({ version: 7 });
        await store.audit.append(saved);
        await store.audit.append({ ...saved, changes: [] });
        expect((await store.audit.list({ limit: 10, entityId: saved.entityId })).length).toBe(1);
      });

      it('lists newest first, pages by instant and filters by entity', async () => {
        const entries = [
          makeAudit({ at: T0 + 1, entityId: 'gold', version: 1 }),
          makeAudit({ at: T0 + 2, entity: 'calendar', entityId: 'berlin', action: 'calendar.save' }),
          makeAudit({ at: T0 + 3, entityId: 'gold', version: 2 }),
          makeAudit({
            at: T0 + 4,
            action: 'job.start',
            entity: 'job',
            entityId: 'job-1',
            version: null,
            changes: [],
          }),
          makeAudit({
            at: T0 + 5,
            action: 'agreement.delete',
            entityId: 'gold',
            version: 3,
            changes: [{ path: '$', before: { id: 'gold' } }],
          }),
        ];
        for (const entry of entries) await store.audit.append(entry);

        const ats = (list: { at: number }[]) => list.map((e) => e.at - T0);
        expect(ats(await store.audit.list({ limit: 10 }))).toEqual([5, 4, 3, 2, 1]);
        expect(ats(await store.audit.list({ limit: 2 }))).toEqual([5, 4]);
        expect(ats(await store.audit.list({ limit: 2, before: T0 + 4 }))).toEqual([3, 2]);
        expect(ats(await store.audit.list({ limit: 10, entityId: 'gold' }))).toEqual([5, 3, 1]);
        expect(ats(await store.audit.list({ limit: 10, entityId: 'gold', before: T0 + 3 }))).toEqual([1]);
        expect((await store.audit.list({ limit: 10 }))[0]).toEqual(entries[4]);
        expect((await store.audit.list({ limit: 10, entityId: 'job-1' }))[0]).toEqual(entries[3]);
      });
    });

    // ── Text and size ───────────────────────────────────────────────────────────────────────────────

    describe('values survive the round trip', () => {
      it('keeps any Unicode text', async () => {
        const name = 'Zürich Ω — 東京サポート 🚀👩🏽‍💻 مرحبا \u0301e "quoted" \\ back\nline';
        const calendar = makeCalendar({
          id: 'zürich-🚀',
          name,
          holidays: [{ date: '2026-08-01', name: 'Bundesfeier 🇨🇭' }],
        });
        await store.config.put('calendar', 'zürich-🚀', calendar, meta(0, T0, 'usér-ü'));
        expect(await store.config.get('calendar', 'zürich-🚀')).toMatchObject({
          body: calendar,
          savedBy: 'usér-ü',
        });
        expect((await store.config.list('calendar'))[0]?.id).toBe('zürich-🚀');

        await store.audit.append(
          makeAudit({ actor: 'usér-ü', changes: [{ path: '$.name', before: 'a', after: name }] }),
        );
        expect((await store.audit.list({ limit: 1 }))[0]?.changes).toEqual([
          { path: '$.name', before: 'a', after: name },
        ]);

        // A cycle reads its counterparty from its agreement's version.
        const counterparty = 'Société Générale 🏦';
        await store.config.put('agreement', 'gold', makeAgreement({ counterparty }), meta(0));
        await store.results.replaceIssue('10001', stamp(1), [makeResult()], [makeCycle({ counterparty })]);
        expect((await store.results.cycles({}))[0]?.counterparty).toBe(counterparty);
      });

      it('keeps large JSON bodies', async () => {
        const metrics = Array.from({ length: 400 }, (_, i) => ({
          ...makeAgreement().metrics[0]!,
          id: `m${i}`,
          name: `Metric ${i} ${'é'.repeat(1000)}`,
        }));
        const agreement = makeAgreement({ metrics });
        expect(JSON.stringify(agreement).length).toBeGreaterThan(400_000);
        await store.config.put('agreement', 'gold', agreement, meta(0));
        expect((await store.config.get('agreement', 'gold'))?.body).toEqual(agreement);

        const at = Array.from({ length: 20_000 }, (_, i) => T0 + i * MINUTE);
        const data = makeHistoryData({
          fields: [{ keys: ['labels'], at, values: [[], ...at.map((_, i) => [`label-${i}`, 'ü'])] }],
          events: at.map((t, i) => ({ kind: 'field' as const, at: t, field: 0, change: i })),
        });
        expect(JSON.stringify(data).length).toBeGreaterThan(1_000_000);
        await store.histories.put(makeHistory({ data }));
        expect((await store.histories.get('10001'))?.data).toEqual(data);

        const cycles = Array.from({ length: 250 }, (_, i) => makeCycle({ cycle: i, startedAt: T0 + i }));
        const result = makeResult({
          result: makeMetricResult({ cycles: cycles.map(() => makeMetricResult().cycles[0]!) }),
        });
        await store.results.replaceIssue('10001', stamp(1), [result], cycles);
        expect(await store.results.forIssue('10001')).toEqual([result]);
        expect(await store.results.cycles({})).toHaveLength(250);
      });
    });

    // ── Reports ─────────────────────────────────────────────────────────────────────────────────────

    describeReportContract(() => store);

    // ── Sequences that stop half-way ────────────────────────────────────────────────────────────────

    describe('a sequence that stops half-way', () => {
      it('leaves a saved version readable when its audit entry was never written', async () => {
        await store.config.put('agreement', 'gold', makeAgreement(), meta(0));
        await store.audit.append(makeAudit({ version: 1 }));
        // The save of version 2 stops after the version row, before its audit entry.
        await store.config.put('agreement', 'gold', makeAgreement({ name: 'v2' }), meta(1, T0 + 1));

        expect((await store.config.get('agreement', 'gold'))?.version).toBe(2);
        expect((await store.config.list('agreement')).map((v) => v.version)).toEqual([2]);
        expect((await store.audit.list({ limit: 10 })).map((e) => e.version)).toEqual([1]);
        // The retry finds its version taken, re-reads, and writes only the missing audit entry.
        expect(
          await store.config.put('agreement', 'gold', makeAgreement({ name: 'v2' }), meta(1, T0 + 1)),
        ).toBe('conflict');
        await store.audit.append(makeAudit({ at: T0 + 1, version: 2 }));
        expect((await store.audit.list({ limit: 10 })).map((e) => e.version)).toEqual([2, 1]);
      });

      it('leaves results readable when the history was stored but the results were not', async () => {
        await store.histories.put(makeHistory({ stamp: stamp(1) }));
        await store.results.replaceIssue('10001', stamp(1), [makeResult()], [makeCycle()]);
        // A newer history arrives; the consumer stops before writing results.
        await store.histories.put(makeHistory({ stamp: stamp(2) }));

        expect(await store.results.forIssue('10001')).toEqual([makeResult()]);
        // The redelivered event finishes the job.
        expect(
          await store.results.replaceIssue('10001', stamp(2), [makeResult({ stamp: stamp(2) })], []),
        ).toBe('written');
        expect((await store.results.forIssue('10001')).map((r) => r.stamp)).toEqual([stamp(2)]);
      });
    });
  });
}
