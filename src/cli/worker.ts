/**
 * A worker thread of `accord evaluate --issues`: loads its code and the configuration while the main thread
 * validates the configuration, then evaluates the blocks of lines the main thread sends, answering each with its
 * output.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { RegionHolidayLookup } from '../engine/calendar/compile';
import { loadConfig } from '../engine/config/load';
import { fail, ok, type Result } from '../engine/errors';
import type { CompiledConfig } from '../engine/evaluate/evaluate';
import { parseStatuses, type StatusCatalog } from '../engine/issue';
import type { EpochMs } from '../engine/time/units';
import { evaluateBlock, type ByteBatch } from './batch';

export interface WorkerSetup {
  readonly agreementsFile: string;
  readonly calendarsFile: string;
  readonly statusesFile: string | undefined;
  readonly now: number;
  readonly file: string;
}

/** Region → year → dates, resolved by the main thread (see `regionDatesFor`). */
export type RegionDates = Readonly<Record<string, Readonly<Record<number, readonly string[]>>>>;

/**
 * The first message: the main thread has validated the configuration files, and resolved their regions' holidays,
 * so that the worker's calendars need not load the holiday data themselves (25 MB a thread).
 */
export interface WorkerConfiguration {
  readonly regionDates: RegionDates;
}

export interface WorkerRequest {
  readonly seq: number;
  readonly batch: ByteBatch;
}

export interface WorkerReply {
  readonly seq: number;
  readonly out: Uint8Array;
  readonly errors: readonly string[];
}

function serve(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort;
  if (!port) return;
  // The configuration is read and checked now, while the main thread does the same; a calendar asks for a
  // year's holidays only when an issue reaches that year, after the main thread has sent them.
  let regionDates: RegionDates = {};
  const loaded = load(
    setup,
    lookupFrom(() => regionDates),
  );
  port.on('message', (message: WorkerConfiguration | WorkerRequest) => {
    if ('regionDates' in message) {
      regionDates = message.regionDates;
      port.postMessage({ ready: true });
      return;
    }
    // The main thread has validated the files before it sent anything: a failure here is a bug.
    if (!loaded.ok)
      throw new Error(`worker: configuration does not load: ${JSON.stringify(loaded.problems)}`);
    const { config, statuses } = loaded.value;
    const { out, errors } = evaluateBlock(config, message.batch, setup.now as EpochMs, statuses, setup.file);
    // The output's bytes move to the main thread; nothing is copied.
    const reply: WorkerReply = { seq: message.seq, out, errors };
    port.postMessage(reply, [out.buffer as ArrayBuffer]);
  });
}

serve();

/** The configuration files, checked and compiled; problems (which the main thread reports) are kept, not thrown. */
function load(
  setup: WorkerSetup,
  regionHolidays: RegionHolidayLookup,
): Result<{ config: CompiledConfig; statuses: StatusCatalog | undefined }> {
  try {
    const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
    const config = loadConfig(
      { agreements: read(setup.agreementsFile), calendars: read(setup.calendarsFile) },
      { regionHolidays },
    );
    if (!config.ok) return config;
    const statuses = setup.statusesFile === undefined ? undefined : parseStatuses(read(setup.statusesFile));
    return ok({ config: config.value, statuses: statuses?.ok ? statuses.value : undefined });
  } catch (error) {
    return fail({ code: 'worker.load', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Holidays from the dates the main thread resolved; a year outside them loads the holiday data after all. */
function lookupFrom(dates: () => RegionDates): RegionHolidayLookup {
  let fallback: RegionHolidayLookup | undefined;
  return (region, year) => {
    const known = dates()[region]?.[year];
    if (known) return known;
    fallback ??=
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when needed, see above
      (require('../engine/calendar/region-lookup') as typeof import('../engine/calendar/region-lookup'))
        .dateHolidaysLookup;
    return fallback(region, year);
  };
}
