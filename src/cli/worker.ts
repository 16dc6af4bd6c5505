/**
 * A worker thread of `accord evaluate --issues`: loads its code while the main thread validates the
 * configuration, compiles the configuration the main thread then sends it, and evaluates the blocks of lines
 * the main thread sends, answering each with its output.
 *
 * ATTENTION: nothing this module imports may load zod or date-holidays (worker.test.ts walks the imports):
 * zod and its locales cost a thread some 220 ms to load, the holiday data 25 MB, and the main thread has
 * validated the configuration and resolved its regions' holidays already.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RegionHolidayLookup } from '../engine/calendar/compile';
import { compileCheckedConfig } from '../engine/config/compile-checked';
import { ok, type Result } from '../engine/errors';
import type { CompiledConfig } from '../engine/evaluate/evaluate';
import { parseStatuses, type StatusCatalog } from '../engine/issue';
import type { EpochMs } from '../engine/time/units';
import { evaluateBlock, type BlockOutput, type ByteBatch } from './batch';

export interface WorkerSetup {
  readonly now: number;
  readonly file: string;
}

/** Region → year → dates, resolved by the main thread (see `regionDatesFor`). */
export type RegionDates = Readonly<Record<string, Readonly<Record<number, readonly string[]>>>>;

/**
 * The first message: the configuration as the main thread read and validated it (the files are not read
 * again, so a file changed meanwhile cannot make the threads differ), with its regions' holidays resolved, so
 * that the worker's calendars need not load the holiday data themselves.
 */
export interface WorkerConfiguration {
  readonly agreements: unknown;
  readonly calendars: unknown;
  /** Jira's statuses as the file gave them, if any. */
  readonly statuses: unknown;
  readonly regionDates: RegionDates;
}

export interface WorkerRequest {
  readonly seq: number;
  readonly batch: ByteBatch;
}

export interface WorkerReply extends BlockOutput {
  readonly seq: number;
  /** The block's bytes, handed back for a later read (see `FileBlocks.recycle`). */
  readonly input: Uint8Array;
}

interface Compiled {
  readonly config: CompiledConfig;
  readonly statuses: StatusCatalog | undefined;
}

function serve(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort;
  if (!port) return;
  let compiled: Compiled | undefined;
  port.on('message', (message: WorkerConfiguration | WorkerRequest) => {
    if (!('batch' in message)) {
      const result = compile(message);
      // The main thread has validated this configuration before it sent it: a failure here is a bug, which
      // fails every block sent to this worker.
      if (!result.ok)
        throw new Error(`worker: configuration does not compile: ${JSON.stringify(result.problems)}`);
      compiled = result.value;
      port.postMessage({ ready: true });
      return;
    }
    if (!compiled) throw new Error('worker: a block came before the configuration');
    const { out, errors } = evaluateBlock(
      compiled.config,
      message.batch,
      setup.now as EpochMs,
      compiled.statuses,
      setup.file,
    );
    // The output's bytes move to the main thread, and the block's go back to it; nothing is copied.
    const input = message.batch.bytes;
    const reply: WorkerReply = { seq: message.seq, out, errors, input };
    port.postMessage(reply, [out.buffer as ArrayBuffer, input.buffer as ArrayBuffer]);
  });
}

serve();

/** The configuration the main thread validated, checked and compiled without zod. */
function compile(message: WorkerConfiguration): Result<Compiled> {
  const config = compileCheckedConfig(
    { agreements: message.agreements, calendars: message.calendars },
    { regionHolidays: lookupFrom(message.regionDates) },
  );
  if (!config.ok) return config;
  if (message.statuses === undefined) return ok({ config: config.value, statuses: undefined });
  const statuses = parseStatuses(message.statuses);
  return statuses.ok ? ok({ config: config.value, statuses: statuses.value }) : statuses;
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
