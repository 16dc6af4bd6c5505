/**
 * A worker thread of `accord evaluate --issues`: compiles the configuration once, then evaluates the batches of
 * lines the main thread sends, answering each with its output in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EpochMs } from '../engine/time/units';
import { evaluateBatch, type ByteBatch } from './batch';
import { splitLines } from './lines';
import type { RegionHolidayLookup } from '../engine/calendar/compile';
import { loadConfig } from '../engine/config/load';
import { parseStatuses } from '../engine/issue';
import { readJson } from './json-files';

export interface WorkerSetup {
  readonly agreementsFile: string;
  readonly calendarsFile: string;
  readonly statusesFile: string | undefined;
  readonly now: number;
  readonly file: string;
  /** Region → year → dates, resolved by the main thread (see `regionDatesFor`). */
  readonly regionDates: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>>;
}

export interface WorkerReply {
  readonly seq: number;
  readonly out: Uint8Array;
  readonly errors: readonly string[];
}

export interface WorkerRequest {
  readonly seq: number;
  readonly batch: ByteBatch;
}

async function serve(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const port = parentPort;
  if (!port) return;
  // The main thread has already validated these files; a failure here is a bug, reported as one.
  const [agreements, calendars, statusesJson] = await Promise.all([
    readJson(setup.agreementsFile),
    readJson(setup.calendarsFile),
    setup.statusesFile === undefined ? undefined : readJson(setup.statusesFile),
  ]);
  const config = loadConfig({ agreements, calendars }, { regionHolidays: lookupFrom(setup.regionDates) });
  if (!config.ok) throw new Error(`worker: configuration does not load: ${JSON.stringify(config.problems)}`);
  const parsedStatuses = statusesJson === undefined ? undefined : parseStatuses(statusesJson);
  const statuses = parsedStatuses?.ok ? parsedStatuses.value : undefined;
  port.on('message', (request: WorkerRequest) => {
    const { first, bytes } = request.batch;
    const output = evaluateBatch(
      config.value,
      { first, lines: splitLines(bytes) },
      setup.now as EpochMs,
      statuses,
      setup.file,
    );
    // The output goes back as UTF-8 bytes in memory of its own, transferred rather than copied, so the main
    // thread only writes it.
    const text = typeof output.out === 'string' ? output.out : '';
    const out = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
    out.write(text);
    const reply: WorkerReply = { seq: request.seq, out, errors: output.errors };
    port.postMessage(reply, [out.buffer]);
  });
  port.postMessage({ ready: true });
}

void serve();

/** Holidays from the dates the main thread resolved; a year outside them loads the holiday data after all. */
function lookupFrom(dates: WorkerSetup['regionDates']): RegionHolidayLookup {
  let fallback: RegionHolidayLookup | undefined;
  return (region, year) => {
    const known = dates[region]?.[year];
    if (known) return known;
    fallback ??=
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when needed, see above
      (require('../engine/calendar/region-lookup') as typeof import('../engine/calendar/region-lookup'))
        .dateHolidaysLookup;
    return fallback(region, year);
  };
}
