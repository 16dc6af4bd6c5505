/**
 * What the emulator benchmarks share (`site-simulation.ts`, `recalculation.ts`): the app's handlers loaded
 * afresh for each cold start, and an emulator on MariaDB with the schema applied and the examples' calendars
 * and agreements saved for project IT, whose handlers' log lines are counted by code instead of printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Agreement } from '../src/engine/agreement/types';
import type { Calendar } from '../src/engine/calendar/types';
import { ForgeEmulator, type EmulatorOptions, type HandlerModule } from '../test/emulator/emulator';
import { migrateDirectly, seedConfig } from '../test/emulator/seed';
import { int } from './report';

/** Instances each function may have at once in the benchmarks (see `maxInstances`). */
export const MAX_INSTANCES = 200;

/** Run from the repository's root (`npm run bench`, `npx tsx bench/…`). */
const ROOT = process.cwd();

/** The app's handlers in a fresh module registry (a cold start), outside jest: `src/` and `@forge/*` again. */
export function freshHandlers(): HandlerModule {
  const src = join(__dirname, '..', 'src');
  const forge = join('node_modules', '@forge');
  const cache = require.cache as Record<string, unknown>;
  for (const key of Object.keys(cache)) {
    // A cold start: the module registry without the app's and the SDKs' modules (their state is per instance).
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the registry is keyed by file name
    if (key.startsWith(src) || key.includes(forge)) delete cache[key];
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh load is what a cold start is
  const loaded = require(join(src, 'index.js')) as HandlerModule;
  // `require` lists each load among this module's children, which would keep every instance's registry alive
  // (4.4 MB a cold start, the --burst profile's heap exhausted after hundreds); the emulator holds its own.
  module.children = module.children.filter((child) => !child.filename.startsWith(src));
  return loaded;
}

export interface EmulatedSite {
  readonly emulator: ForgeEmulator;
  readonly calendars: Calendar[];
  readonly agreements: Agreement[];
  /** Prints the handlers' log lines by code (with the first line of each when `firstLines`), then stops. */
  readonly stop: (options?: { readonly firstLines?: boolean }) => Promise<void>;
}

/** An emulator as both benchmarks start it; `options` add to or replace the shared ones. */
export async function startEmulatedSite(
  url: string,
  options: Partial<Omit<EmulatorOptions, 'now'>> & { readonly now: number },
): Promise<EmulatedSite> {
  const calendars = JSON.parse(readFileSync(join(ROOT, 'examples', 'calendars.json'), 'utf8')) as Calendar[];
  const agreements = JSON.parse(
    readFileSync(join(ROOT, 'examples', 'agreements.json'), 'utf8'),
  ) as Agreement[];
  const emulator = await ForgeEmulator.start({
    mysqlUrl: url,
    loader: freshHandlers,
    manifestPath: join(ROOT, 'manifest.yml'),
    seed: 17,
    coldStartRate: 0.02,
    // A burst of thousands of deliveries would start thousands of instances, some 4 MB of module registry
    // each once run: more than this process can hold. Beyond this many a function, deliveries wait their turn.
    maxInstances: MAX_INSTANCES,
    ...options,
  });
  // The handlers' log lines (`forge logs` on Forge) are counted by code; the first of each code is kept.
  const quiet = { error: console.error, warn: console.warn, info: console.info, log: console.log };
  const logged = new Map<string, { count: number; first: string }>();
  const count = (line: unknown): void => {
    const text = typeof line === 'string' ? line : String(line);
    const code = /"code":"([^"]+)"/.exec(text)?.[1] ?? 'other';
    const seen = logged.get(code);
    logged.set(code, { count: (seen?.count ?? 0) + 1, first: seen?.first ?? text.slice(0, 300) });
  };
  // Info lines come through console.log (src/forge/logger.ts), as does the bench's own report.
  const log = (line: unknown, ...rest: unknown[]) => {
    if (typeof line === 'string' && line.startsWith('{"level":')) count(line);
    else quiet.log(line, ...rest);
  };
  Object.assign(console, { error: count, warn: count, info: count, log });
  const stop = async (how: { readonly firstLines?: boolean } = {}) => {
    Object.assign(console, quiet);
    if (how.firstLines === true) {
      for (const [code, { count: n, first }] of logged)
        console.log(`  log ${code} × ${int(n)}, first: ${first}`);
    } else if (logged.size > 0) {
      console.log(
        `  log lines by code: ${[...logged].map(([code, { count: n }]) => `${code} ${int(n)}`).join(', ')}`,
      );
    }
    await emulator.stop();
  };
  try {
    await migrateDirectly(emulator);
    await seedConfig(emulator, { calendars, agreements, projects: { IT: agreements.map((a) => a.id) } });
  } catch (error) {
    await stop();
    throw error;
  }
  return { emulator, calendars, agreements, stop };
}
