/**
 * The bounds on what Accord accepts (`src/engine/config/limits.ts`) fit the columns those values land in, so that
 * nothing accepted can later fail a write. On MySQL (MariaDB in CI) a counterparty longer than its `text` column
 * (64 KiB) would fail every measurement of its agreement; it is refused at save instead. The MySQL part runs only
 * when `ACCORD_MYSQL_URL` is set.
 */
import { dispatch } from '../../src/app/resolvers/dispatch';
import type { CallContext } from '../../src/app/resolvers/context';
import { LIMITS } from '../../src/engine/config/limits';
import { SandboxApp } from '../../src/sandbox/app';
import type { KyselyStore } from '../../src/store/kysely-store';
import { openMysqlStore } from '../../src/store/mysql';
import { KEY_LIMITS } from '../../src/store/schema';
import { acme, exampleAgreements, exampleCalendars, MINUTE, MONDAY_9 } from '../app/sandbox-world';
import { makeAgreement, makeCycle, makeResult, stamp } from './builders';
import { emptyTables, mysqlUrl, scratchDatabase, skipWithoutMysql } from './mysql-support';

/** MySQL's `text`: 65,535 bytes; a utf8mb4 character takes up to 4. */
const TEXT_BYTES = 65_535;
const BYTES_PER_CHAR = 4;
/** MySQL's `mediumtext`, the column of configuration bodies and audit changes. */
const MEDIUMTEXT_BYTES = 16_777_215;

describe('the bounds fit the columns', () => {
  it('keeps ids and project keys within their key columns', () => {
    expect(LIMITS.id).toBeLessThanOrEqual(KEY_LIMITS.id);
    expect(LIMITS.projectKey).toBeLessThanOrEqual(KEY_LIMITS.projectKey);
  });

  it('keeps a calendar or agreement, and its audit entry (before and after), within a mediumtext column', () => {
    expect(2 * LIMITS.configJson * BYTES_PER_CHAR).toBeLessThanOrEqual(MEDIUMTEXT_BYTES);
  });

  it('keeps a counterparty and a project’s list of agreement ids within a text column', () => {
    expect(LIMITS.counterparty * BYTES_PER_CHAR).toBeLessThanOrEqual(TEXT_BYTES);
    // ["id","id",…] as JSON.
    const listBytes = 2 + LIMITS.agreementsPerProject * (LIMITS.id * BYTES_PER_CHAR + 3);
    expect(listBytes).toBeLessThanOrEqual(TEXT_BYTES);
  });
});

if (mysqlUrl === undefined) {
  skipWithoutMysql('Counterparty on MySQL');
} else {
  const server = mysqlUrl;
  let store: KyselyStore;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await scratchDatabase(server);
    drop = () => database.drop();
    store = await openMysqlStore(database.url);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await drop();
  });
  beforeEach(async () => {
    await emptyTables(store.db);
  });

  /** Four bytes in utf8mb4. */
  const wide = (n: number): string => '😀'.repeat(n);

  describe('Counterparty on MySQL', () => {
    it('gives cycles the longest counterparty a save accepts, from the version (cycle rows do not hold it)', async () => {
      const agreement = makeAgreement({ counterparty: wide(LIMITS.counterparty) });
      await store.config.put('agreement', 'gold', agreement, {
        expectedVersion: 0,
        savedAt: 0,
        savedBy: 'admin-1',
      });
      const longest = makeCycle({ counterparty: wide(LIMITS.counterparty) });
      expect(await store.results.replaceIssue('10001', stamp(1), [makeResult()], [longest])).toBe('written');
      expect((await store.results.cycles({}))[0]?.counterparty).toBe(wide(LIMITS.counterparty));
    });

    it('refuses a long counterparty at save, so the agreement goes on measuring', async () => {
      for (const calendar of exampleCalendars) {
        await store.config.put('calendar', calendar.id, calendar, {
          expectedVersion: 0,
          savedAt: 0,
          savedBy: 'seed',
        });
      }
      const app = new SandboxApp(store, { now: MONDAY_9 });
      const admin: CallContext = { accountId: 'chris-admin', accountType: 'licensed', module: 'admin' };
      const gold = exampleAgreements.find((a) => a.id === 'gold');
      if (!gold) throw new Error('no gold in the examples');

      const refused = await dispatch(
        app.deps,
        'agreements/save',
        { agreement: { ...gold, counterparty: wide(TEXT_BYTES / BYTES_PER_CHAR + 1) }, expectedVersion: 0 },
        admin,
      );
      expect(refused).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'invalid-config',
          problems: [
            expect.objectContaining({
              path: '$.agreement.counterparty',
              message: `At most ${LIMITS.counterparty} characters.`,
            }),
          ],
        }),
      });
      expect(await store.config.list('agreement')).toEqual([]);

      const saved = await dispatch(
        app.deps,
        'agreements/save',
        { agreement: { ...gold, counterparty: wide(LIMITS.counterparty) }, expectedVersion: 0 },
        admin,
      );
      expect(saved.ok).toBe(true);
      await store.config.setProjectAgreements('IT', ['gold']);
      const issue = app.site.create({ reporter: 'carla-customer', fields: acme });
      await app.advance(10 * MINUTE);
      app.site.comment(issue.id, 'alex-agent', 'On it');
      await app.advance(10 * MINUTE);
      const cycles = await store.results.cycles({ agreementId: 'gold' });
      expect(cycles.length).toBeGreaterThan(0);
      expect(cycles.every((c) => c.counterparty === wide(LIMITS.counterparty))).toBe(true);
      expect(app.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    });
  });
}
