import { ConfigCache } from '../app/evaluation/config-cache';
import type { Deps } from '../app/evaluation/deps';
import { PeopleCache } from '../app/people/people-cache';
import { StatusCache } from '../app/evaluation/statuses';
import { VocabularyCache } from '../app/evaluation/vocabulary';
import { WorkQueue } from '../app/evaluation/work-queue';
import type { Clock } from '../app/ports';
import { dateHolidaysLookup } from '../engine/calendar/region-lookup';
import type { EpochMs } from '../engine/time/units';
import { createForgeJira } from './jira';
import { ConsoleLogger } from './logger';
import { ForgePublisher } from './publisher';
import { ForgeQueue } from './queue';
import { pendingMigrations, SchemaNotReadyError } from './sql-migrations';
import { openForgeStore } from './sql-store';

const systemClock: Clock = { now: () => Date.now() as EpochMs };
const logger = new ConsoleLogger();

let ready: Promise<Deps> | undefined;

/**
 * The use cases' dependencies on Forge, built once per function instance (Forge reuses warm instances), inside
 * the first invocation because the Jira adapter reads the app's context.
 *
 * A cold start sends no DDL: migrations run from the lifecycle trigger (`onLifecycle`). It checks once, with one
 * SELECT, that every migration this version needs has run, and rejects with {@link SchemaNotReadyError} while the
 * install or upgrade is still migrating (the handlers then ask Forge to deliver the work again later).
 */
export function forgeDeps(): Promise<Deps> {
  ready ??= (async () => {
    const pending = await pendingMigrations();
    if (pending.length > 0) throw new SchemaNotReadyError(pending.length);
    const jira = createForgeJira();
    const store = openForgeStore();
    return {
      jira,
      store,
      queue: new WorkQueue(new ForgeQueue(), store, systemClock, logger),
      publisher: new ForgePublisher(logger),
      clock: systemClock,
      logger,
      configs: new ConfigCache(store, dateHolidaysLookup, systemClock, 15_000),
      statuses: new StatusCache(jira, systemClock),
      vocabulary: new VocabularyCache(jira, systemClock),
      people: new PeopleCache(jira, systemClock),
    };
  })().catch((error: unknown) => {
    ready = undefined; // let the next invocation try again
    throw error;
  });
  return ready;
}
