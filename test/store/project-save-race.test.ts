/**
 * `projects/save` loses no update on a real MySQL-dialect server (MariaDB in CI): of two saves from the same
 * loaded list, exactly one is ok and the other a conflict, however they interleave over the pool's connections.
 * Runs only when `ACCORD_MYSQL_URL` is set.
 */
import { dispatch } from '../../src/app/resolvers/dispatch';
import { SandboxApp } from '../../src/sandbox/app';
import { openMysqlStore } from '../../src/store/mysql';
import type { KyselyStore } from '../../src/store/kysely-store';
import { exampleAgreements, exampleCalendars, MONDAY_9 } from '../app/sandbox-world';
import { mysqlUrl, scratchDatabase, skipWithoutMysql } from './mysql-support';

const PAIRS = 30;

if (mysqlUrl === undefined) {
  skipWithoutMysql('projects/save on MySQL');
} else {
  const server = mysqlUrl;
  let store: KyselyStore;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await scratchDatabase(server);
    drop = () => database.drop();
    store = await openMysqlStore(database.url);
    for (const calendar of exampleCalendars) {
      await store.config.put('calendar', calendar.id, calendar, {
        expectedVersion: 0,
        savedAt: 0,
        savedBy: 'seed',
      });
    }
    for (const agreement of exampleAgreements) {
      await store.config.put('agreement', agreement.id, agreement, {
        expectedVersion: 0,
        savedAt: 0,
        savedBy: 'seed',
      });
    }
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await drop();
  });

  describe('projects/save on MySQL', () => {
    it(`lets exactly one of each of ${PAIRS} pairs of saves from the same list win`, async () => {
      const app = new SandboxApp(store, { now: MONDAY_9 });
      // Alex administers the IT project.
      const alex = {
        accountId: 'alex-agent',
        accountType: 'licensed' as const,
        module: 'project-settings' as const,
        projectKey: 'IT',
      };
      const lists = [['gold'], ['gold', 'second-level'], ['second-level', 'gold'], ['netco-uc', 'gold'], []];
      const save = (expected: string[], agreementIds: string[]) =>
        dispatch(app.deps, 'projects/save', { projectKey: 'IT', expected, agreementIds }, alex);

      const outcomes: string[] = [];
      for (let pair = 0; pair < PAIRS; pair++) {
        const expected = await store.config.projectAgreements('IT');
        // Two admins who loaded the same list save different lists at once.
        const others = lists.filter((l) => JSON.stringify(l) !== JSON.stringify(expected));
        const [mine, theirs] = [others[pair % others.length] ?? [], others[(pair + 1) % others.length] ?? []];
        const replies = await Promise.all([save(expected, mine), save(expected, theirs)]);
        const ok = replies.flatMap((r, i) => (r.ok ? [i === 0 ? mine : theirs] : []));
        const conflicts = replies.filter((r) => !r.ok && r.error.code === 'conflict').length;
        outcomes.push(`${ok.length} ok, ${conflicts} conflict`);
        // What is stored is the winner's list, whole.
        if (ok.length === 1) expect(await store.config.projectAgreements('IT')).toEqual(ok[0]);
      }
      expect(outcomes).toEqual(Array.from({ length: PAIRS }, () => '1 ok, 1 conflict'));
    });
  });
}
