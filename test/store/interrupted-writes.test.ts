/**
 * Without transactions, a consumer killed between two statements must leave the store readable and consistent,
 * and the next write must tidy up. The database here fails one chosen statement, as if the process died just
 * before sending it. Since 0043 an issue's results are packed in its pointer row; its open metrics have a row
 * each in accord_open_results, written and cleaned up like cycles.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyStore } from '../../src/store/kysely-store';
import { migrate } from '../../src/store/migrations';
import type { AccordDb } from '../../src/store/schema';
import { makeCycle, makeHistory, makeResult, stamp, storeCycleAgreements } from './builders';

/** A SQLite store whose next statement matching `killBefore` throws instead of running. */
async function killableStore() {
  const raw = new Database(':memory:');
  let killBefore: RegExp | null = null;
  const database = {
    close: () => raw.close(),
    prepare: (sql: string) => {
      if (killBefore?.test(sql)) {
        killBefore = null;
        throw new Error('killed');
      }
      return raw.prepare(sql);
    },
  };
  const db = new Kysely<AccordDb>({ dialect: new SqliteDialect({ database }) });
  await migrate(db, 'sqlite');
  const store = new KyselyStore(db, { dialect: 'sqlite' });
  await storeCycleAgreements(store.config);
  const rowCount = (table: string) =>
    (raw.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return {
    store,
    killBefore: (pattern: RegExp) => {
      killBefore = pattern;
    },
    rowCount,
  };
}

const gold = makeResult();
const ola = makeResult({ agreementId: 'ola-l2', kind: 'OLA' });
const v2 = (result: typeof gold) => ({ ...result, stamp: stamp(2), agreementVersion: 2 });

describe('a results write killed half-way', () => {
  it.each([
    ['before its cycles are inserted', /insert into "accord_cycles"/],
    ['before it becomes current', /update "accord_result_sets"/],
  ])('%s leaves the previous results in force, and the next write cleans up', async (_, statement) => {
    const { store, killBefore, rowCount } = await killableStore();
    await store.results.replaceIssue('10001', stamp(1), [gold, ola], [makeCycle()]);

    killBefore(statement);
    await expect(
      store.results.replaceIssue('10001', stamp(2), [v2(gold)], [makeCycle({ agreementVersion: 2 })]),
    ).rejects.toThrow('killed');
    expect(await store.results.forIssue('10001')).toEqual([gold, ola]);
    expect(await store.results.cycles({})).toEqual([makeCycle()]);
    expect(await store.results.due(Number.MAX_SAFE_INTEGER, 10)).toEqual([gold, ola]);

    // The redelivered event writes again: the new results are in force and the orphaned rows are gone.
    expect(
      await store.results.replaceIssue('10001', stamp(2), [v2(gold)], [makeCycle({ agreementVersion: 2 })]),
    ).toBe('written');
    expect(await store.results.forIssue('10001')).toEqual([v2(gold)]);
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([1, 1]);
    expect(rowCount('accord_result_writes')).toBe(0);
  });

  it('after it became current shows only the new results, though old rows are still there', async () => {
    const { store, killBefore, rowCount } = await killableStore();
    await store.results.replaceIssue(
      '10001',
      stamp(1),
      [gold, ola],
      [makeCycle(), makeCycle({ agreementId: 'ola-l2' })],
    );

    killBefore(/delete from "accord_cycles"/);
    await expect(
      store.results.replaceIssue('10001', stamp(2), [v2(gold)], [makeCycle({ agreementVersion: 2 })]),
    ).rejects.toThrow('killed');
    expect(rowCount('accord_open_results')).toBe(3);
    expect(await store.results.forIssue('10001')).toEqual([v2(gold)]);
    expect(await store.results.cycles({})).toEqual([makeCycle({ agreementVersion: 2 })]);

    await store.results.replaceIssue('10001', stamp(2), [v2(gold)], [makeCycle({ agreementVersion: 2 })]);
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([1, 1]);
  });

  it('of a new issue, before it becomes current, shows no results until the next write', async () => {
    const { store, killBefore, rowCount } = await killableStore();
    killBefore(/insert into "accord_result_sets"/);
    await expect(store.results.replaceIssue('10001', stamp(1), [gold], [makeCycle()])).rejects.toThrow(
      'killed',
    );
    expect(await store.results.forIssue('10001')).toEqual([]);
    expect(await store.results.cycles({})).toEqual([]);

    expect(await store.results.replaceIssue('10001', stamp(1), [gold], [makeCycle()])).toBe('written');
    expect(await store.results.forIssue('10001')).toEqual([gold]);
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([1, 1]);
  });

  it('keeps the rows of a newer write still under way when an older one becomes current', async () => {
    const { store, killBefore, rowCount } = await killableStore();
    await store.results.replaceIssue('10001', stamp(1), [gold], [makeCycle()]);
    const v3 = { ...gold, stamp: stamp(3), agreementVersion: 3 };
    const newer = () =>
      store.results.replaceIssue('10001', stamp(3), [v3], [makeCycle({ agreementVersion: 3 })]);
    // The newer history's write has inserted its rows and not yet moved the pointer ...
    killBefore(/update "accord_result_sets"/);
    await expect(newer()).rejects.toThrow('killed');
    // ... when an older history's write becomes current and cleans up behind it: cycle and open-result rows
    // carry no stamp, the newer write's record in accord_result_writes says it is newer.
    expect(
      await store.results.replaceIssue('10001', stamp(2), [v2(gold)], [makeCycle({ agreementVersion: 2 })]),
    ).toBe('written');
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([2, 2]);

    expect(rowCount('accord_result_writes')).toBe(1);

    expect(await newer()).toBe('written');
    expect(await store.results.cycles({})).toEqual([makeCycle({ agreementVersion: 3 })]);
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([1, 1]);
    expect(rowCount('accord_result_writes')).toBe(0);
  });

  it('leaves nothing behind when it loses to a newer write', async () => {
    const { store, rowCount } = await killableStore();
    await store.results.replaceIssue('10001', stamp(3), [{ ...gold, stamp: stamp(3) }], [makeCycle()]);
    expect(await store.results.replaceIssue('10001', stamp(2), [v2(gold)], [makeCycle()])).toBe('stale');
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([1, 1]);
  });
});

describe('a batch of results writes (replaceIssues)', () => {
  const other = (r: typeof gold) => ({ ...r, issueId: '10002', issueKey: 'SD-2' });
  const otherCycle = (overrides: Parameters<typeof makeCycle>[0] = {}) =>
    makeCycle({ issueId: '10002', issueKey: 'SD-2', ...overrides });
  const batch = () => [
    { issueId: '10001', stamp: stamp(2), results: [v2(gold)], cycles: [makeCycle({ agreementVersion: 2 })] },
    {
      issueId: '10002',
      stamp: stamp(2),
      results: [v2(other(gold))],
      cycles: [otherCycle({ agreementVersion: 2 })],
    },
  ];

  it('killed before its pointers move leaves every issue as it was, and the next batch cleans up', async () => {
    const { store, killBefore, rowCount } = await killableStore();
    await store.results.replaceIssue('10001', stamp(1), [gold, ola], [makeCycle()]);
    await store.results.replaceIssue('10002', stamp(1), [other(gold)], [otherCycle()]);

    killBefore(/insert into "accord_result_sets"/);
    await expect(store.results.replaceIssues(batch())).rejects.toThrow('killed');
    expect(await store.results.forIssue('10001')).toEqual([gold, ola]);
    expect(await store.results.forIssue('10002')).toEqual([other(gold)]);

    expect(await store.results.replaceIssues(batch())).toEqual(['written', 'written']);
    expect(await store.results.forIssue('10001')).toEqual([v2(gold)]);
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([2, 2]);
  });

  it('killed after its pointers moved shows only the new results, and the next write cleans up', async () => {
    const { store, killBefore, rowCount } = await killableStore();
    await store.results.replaceIssue('10001', stamp(1), [gold, ola], [makeCycle()]);
    await store.results.replaceIssue('10002', stamp(1), [other(gold)], [otherCycle()]);

    killBefore(/delete from "accord_cycles"/);
    await expect(store.results.replaceIssues(batch())).rejects.toThrow('killed');
    expect(await store.results.forIssue('10001')).toEqual([v2(gold)]);
    expect(await store.results.forIssue('10002')).toEqual([v2(other(gold))]);
    expect(rowCount('accord_open_results')).toBe(5);

    expect(await store.results.replaceIssues(batch())).toEqual(['written', 'written']);
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([2, 2]);
  });

  it('leaves nothing of an issue that lost to a newer write, and nothing older of the others', async () => {
    const { store, rowCount } = await killableStore();
    await store.results.replaceIssue('10001', stamp(3), [{ ...gold, stamp: stamp(3) }], [makeCycle()]);
    await store.results.replaceIssue('10002', stamp(1), [other(gold), other(ola)], [otherCycle()]);

    expect(await store.results.replaceIssues(batch())).toEqual(['stale', 'written']);
    expect(await store.results.forIssue('10001')).toEqual([{ ...gold, stamp: stamp(3) }]);
    expect([rowCount('accord_open_results'), rowCount('accord_cycles')]).toEqual([2, 2]);
  });
});

describe('a history write killed half-way', () => {
  it('keeps the stored history until a write completes', async () => {
    const { store, killBefore } = await killableStore();
    await store.histories.put(makeHistory({ stamp: stamp(1) }));
    killBefore(/update "accord_histories"/);
    await expect(store.histories.put(makeHistory({ stamp: stamp(2) }))).rejects.toThrow('killed');
    expect((await store.histories.get('10001'))?.stamp).toBe(stamp(1));
  });
});
