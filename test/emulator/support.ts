/**
 * Jest support for the emulator's integration suite: a MariaDB server or a clear skip (a failure under CI,
 * where MariaDB is part of the pipeline), the handlers loaded in a fresh module registry per cold start, and an
 * emulator seeded with the examples' calendars and agreements.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement } from '../../src/engine/agreement/types';
import type { Calendar } from '../../src/engine/calendar/types';
import { ForgeEmulator, type EmulatorOptions, type HandlerModule } from './emulator';
import { migrateDirectly, seedConfig } from './seed';

/** The server to run against, if any (e.g. `mysql://root@127.0.0.1:3306/test`). */
export const mysqlUrl = process.env.ACCORD_MYSQL_URL;

const NOTE =
  'skipped: set ACCORD_MYSQL_URL (e.g. mysql://root@127.0.0.1:3306/test) to run the Forge emulator on MariaDB';

/**
 * Registers `suite` when a server is configured. Without one it is skipped with a note, except under CI, where
 * a missing server is a failing test: the emulator suite is the proof of the Forge limits and must not vanish.
 */
export function describeOnMysql(suite: string, body: (url: string) => void): void {
  if (mysqlUrl !== undefined) {
    describe(suite, () => {
      body(mysqlUrl);
    });
    return;
  }
  if (process.env.CI === 'true') {
    describe(suite, () => {
      it('needs MariaDB: ACCORD_MYSQL_URL is not set under CI', () => {
        throw new Error(`${suite}: ACCORD_MYSQL_URL is not set, and CI must run the Forge emulator suite`);
      });
    });
    return;
  }
  describe(suite, () => {
    it.skip(NOTE, () => undefined);
  });
  process.stderr.write(`${suite}: ${NOTE}\n`);
}

/**
 * Libraries without module state that matters here, loaded once and shared by every instance: a cold start
 * re-evaluates `src/` and `@forge/*` (whose state it is about), not 3 s of zod, kysely and holiday data.
 */
const STATELESS_LIBRARIES = ['zod', 'kysely', 'date-holidays', 'ical.js'];
let librariesShared = false;

/** The app's handlers in a fresh module registry: `@forge/*` and `src/` with none of their module state. */
export function freshHandlers(): HandlerModule {
  if (!librariesShared) {
    for (const name of STATELESS_LIBRARIES) {
      const library: unknown = jest.requireActual(name);
      jest.doMock(name, () => library);
    }
    librariesShared = true;
  }
  let handlers: HandlerModule | undefined;
  jest.isolateModules(() => {
    handlers = jest.requireActual<HandlerModule>('../../src/index');
  });
  if (!handlers) throw new Error('src/index did not load');
  return handlers;
}

const root = join(__dirname, '..', '..');
export const exampleCalendars = JSON.parse(
  readFileSync(join(root, 'examples', 'calendars.json'), 'utf8'),
) as Calendar[];
export const exampleAgreements = JSON.parse(
  readFileSync(join(root, 'examples', 'agreements.json'), 'utf8'),
) as Agreement[];

/** Monday 2 March 2026, 09:00 in Berlin. */
export const MONDAY_9 = Date.UTC(2026, 2, 2, 8, 0);
export const MINUTE = 60_000;

/** The JSM organization field for Acme, whose requests the gold agreement covers. */
export const acme = {
  customfield_10002: [
    {
      id: '1',
      name: 'Acme Corp',
      _links: { self: 'https://example.atlassian.net/rest/servicedeskapi/organization/1' },
    },
  ],
};

/**
 * An emulator on a fresh database; `migrated` applies the schema directly and `seeded` also saves the
 * examples' calendars and agreements for project IT.
 */
export async function startEmulator(
  url: string,
  options: Partial<EmulatorOptions> & { readonly migrated?: boolean; readonly seeded?: boolean } = {},
): Promise<ForgeEmulator> {
  const emulator = await ForgeEmulator.start({
    mysqlUrl: url,
    loader: freshHandlers,
    manifestPath: join(root, 'manifest.yml'),
    now: MONDAY_9,
    scheduled: false,
    ...options,
  });
  if (options.migrated !== false || options.seeded === true) await migrateDirectly(emulator);
  if (options.seeded === true) {
    await seedConfig(emulator, {
      calendars: exampleCalendars,
      agreements: exampleAgreements,
      projects: { IT: exampleAgreements.map((a) => a.id) },
    });
  }
  return emulator;
}
