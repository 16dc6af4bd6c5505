import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../app/ports';
import { openSqliteStore } from '../store/sqlite';
import { SandboxApp } from './app';
import type { SiteSnapshot } from './jira/site';
import { sandboxNow } from './seed/office';
import { seedSandbox, type SeedOptions, type SeedReport } from './seed/seed';

/** The files of a sandbox kept between runs: Accord's database, and the simulated site with its clock. */
export const DATABASE_FILE = 'accord.sqlite';
export const SITE_FILE = 'site.json';

/** Bumped when the site file's shape changes: an older file is not read, the sandbox is seeded afresh. */
const FORMAT = 1;

interface SiteFile {
  readonly format: typeof FORMAT;
  /** The sandbox clock (epoch ms). */
  readonly now: number;
  readonly site: SiteSnapshot;
}

/** A running sandbox: the app, its store, and how to keep its state. */
export interface Sandbox {
  readonly app: SandboxApp;
  readonly store: Store & { close(): Promise<void> };
  /** What seeding made, when this run seeded; undefined when the kept sandbox was opened. */
  readonly seeded: SeedReport | undefined;
  /** Writes the site and the clock to disk (the database keeps itself); a no-op for an in-memory sandbox. */
  save(): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The folder for the files; undefined keeps everything in memory (tests). */
  readonly dataDir?: string;
  /** Start afresh: forget what was kept and seed again. */
  readonly reset?: boolean;
  /** The clock of a newly seeded sandbox; defaults to `sandboxNow` of the real date. */
  readonly now?: number;
  readonly seed?: Omit<SeedOptions, 'now'>;
}

/**
 * Opens the sandbox kept in `dataDir`, or seeds a new one there when there is none (the first run), when
 * `reset` is asked, or when what is kept cannot be read (half a seed, an older format): the database and the
 * site only make sense together, so one is never kept without the other.
 */
export async function openSandbox(options: OpenOptions = {}): Promise<Sandbox> {
  const dir = options.dataDir;
  if (dir === undefined) return seeded(await openSqliteStore(':memory:'), options, () => undefined);
  mkdirSync(dir, { recursive: true });
  const database = join(dir, DATABASE_FILE);
  const siteFile = join(dir, SITE_FILE);
  const kept = options.reset === true ? undefined : readSiteFile(siteFile);
  if (kept && existsSync(database)) {
    const store = await openSqliteStore(database);
    const app = new SandboxApp(store, { now: kept.now });
    app.site.restore(kept.site);
    return sandbox(app, store, undefined, () => {
      writeSiteFile(siteFile, app);
    });
  }
  for (const file of [database, `${database}-wal`, `${database}-shm`, siteFile])
    rmSync(file, { force: true });
  return seeded(await openSqliteStore(database), options, (app) => {
    writeSiteFile(siteFile, app);
  });
}

async function seeded(
  store: Store & { close(): Promise<void> },
  options: OpenOptions,
  write: (app: SandboxApp) => void,
): Promise<Sandbox> {
  const now = options.now ?? sandboxNow(Date.now());
  const { app, report } = await seedSandbox(store, { ...options.seed, now });
  write(app);
  return sandbox(app, store, report, () => {
    write(app);
  });
}

function sandbox(
  app: SandboxApp,
  store: Store & { close(): Promise<void> },
  report: SeedReport | undefined,
  write: () => void,
): Sandbox {
  // The site changes through its events, the clock, and Accord's writes that raise no event (custom fields,
  // notifications): when none of these moved, there is nothing new to write.
  let events = 0;
  app.site.onEvent(() => events++);
  const fingerprint = (): string =>
    [
      app.clock.now(),
      events,
      app.site.notifications.length,
      app.jira.calls.get('PUT /rest/api/3/app/field/value') ?? 0,
    ].join('/');
  let saved = fingerprint();
  const save = (): void => {
    const now = fingerprint();
    if (now === saved) return;
    write();
    saved = now;
  };
  return {
    app,
    store,
    seeded: report,
    save,
    close: async () => {
      save();
      await store.close();
    },
  };
}

/** The kept site, or undefined when there is none or it cannot be read as this version wrote it. */
function readSiteFile(file: string): SiteFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SiteFile> | null;
    if (parsed?.format !== FORMAT || typeof parsed.now !== 'number' || !Array.isArray(parsed.site?.issues)) {
      return undefined;
    }
    return parsed as SiteFile;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed over, so that a crash mid-write leaves the previous file whole. */
function writeSiteFile(file: string, app: SandboxApp): void {
  const body: SiteFile = { format: FORMAT, now: app.clock.now(), site: app.site.snapshot() };
  writeFileSync(`${file}.tmp`, JSON.stringify(body));
  renameSync(`${file}.tmp`, file);
}
