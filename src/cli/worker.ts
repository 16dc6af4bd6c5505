/**
 * A worker thread of `accord evaluate --issues`: loads its code while the main thread validates the configuration,
 * compiles the configuration once when told to, then evaluates the blocks of lines the main thread sends,
 * answering each with its output.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { RegionHolidayLookup } from '../engine/calendar/compile';
import { loadConfig } from '../engine/config/load';
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
 * so that the worker can compile the configuration without loading the holiday data itself (25 MB a thread).
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
  let compiled: { config: CompiledConfig; statuses: StatusCatalog | undefined } | undefined;
  port.on('message', (message: WorkerConfiguration | WorkerRequest) => {
    if ('regionDates' in message) {
      compiled = compile(setup, message.regionDates);
      port.postMessage({ ready: true });
      return;
    }
    if (!compiled) throw new Error('worker: a block came before the configuration');
    const output = evaluateBlock(
      compiled.config,
      message.batch,
      setup.now as EpochMs,
      compiled.statuses,
      setup.file,
    );
    // The output goes back as UTF-8 bytes in memory of its own, transferred rather than copied, so the main
    // thread only writes it.
    const text = typeof output.out === 'string' ? output.out : '';
    const out = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
    out.write(text);
    const reply: WorkerReply = { seq: message.seq, out, errors: output.errors };
    port.postMessage(reply, [out.buffer]);
  });
}

serve();

/** The configuration, compiled from the files the main thread has validated: a failure here is a bug. */
function compile(
  setup: WorkerSetup,
  regionDates: RegionDates,
): { config: CompiledConfig; statuses: StatusCatalog | undefined } {
  const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
  const config = loadConfig(
    { agreements: read(setup.agreementsFile), calendars: read(setup.calendarsFile) },
    { regionHolidays: lookupFrom(regionDates) },
  );
  if (!config.ok) throw new Error(`worker: configuration does not load: ${JSON.stringify(config.problems)}`);
  const statuses = setup.statusesFile === undefined ? undefined : parseStatuses(read(setup.statusesFile));
  return { config: config.value, statuses: statuses?.ok ? statuses.value : undefined };
}

/** Holidays from the dates the main thread resolved; a year outside them loads the holiday data after all. */
function lookupFrom(dates: RegionDates): RegionHolidayLookup {
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
