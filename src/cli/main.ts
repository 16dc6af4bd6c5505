import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { formatProblem } from '../engine/errors';
import type { CompiledConfig } from '../engine/evaluate/evaluate';
import type { StatusCatalog } from '../engine/issue';
import { parseInstant } from '../engine/time/iso';
import type { EpochMs } from '../engine/time/units';
import { parseArgs, USAGE, type Args } from './args';
import { evaluateBatch, evaluateOne, type BatchOutput } from './batch';
import { loadConfigFromFiles, loadStatusesFromFile, readJson, regionDatesFor } from './config-files';
import { InvalidInput } from './invalid-input';
import { readLineBlocks, readLines } from './lines';
import { canUseWorkers, WorkerPool } from './pool';

/** Where the command line reads and writes; tests pass their own. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly now: () => number;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

/**
 * Runs `accord` and resolves to its exit code.
 * @example await main(['validate', '--agreements', 'a.json', '--calendars', 'c.json'])
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) throw new InvalidInput([parsed.message, USAGE]);
    const { args } = parsed;
    switch (args.command) {
      case 'evaluate':
        return await evaluateCommand(args, io);
      case 'validate':
        return await validateCommand(args, io);
      case undefined:
      case 'help':
      case '--help':
        io.stdout.write(`${USAGE}\n`);
        return args.command === undefined ? EXIT_INVALID : EXIT_OK;
      default:
        throw new InvalidInput([`unknown command "${args.command}"`, USAGE]);
    }
  } catch (error) {
    if (error instanceof InvalidInput) {
      io.stderr.write(`accord: ${error.lines.join('\n')}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
}

function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, now: () => Date.now() };
}

// ── Commands ───────────────────────────────────────────────────────────────────────────────────────────

async function validateCommand(args: Args, io: CliIo): Promise<number> {
  const config = await loadConfigFiles(args);
  io.stdout.write(`ok: ${config.agreements.length} agreement(s), ${config.calendars.size} calendar(s)\n`);
  return EXIT_OK;
}

async function evaluateCommand(args: Args, io: CliIo): Promise<number> {
  const config = await loadConfigFiles(args);
  const statusesFile = args.options.get('statuses');
  const statuses = statusesFile === undefined ? undefined : await loadStatusesFromFile(statusesFile);
  const nowText = args.options.get('now');
  const now = nowText === undefined ? (io.now() as EpochMs) : parseInstant(nowText);
  if (now === undefined)
    throw new InvalidInput([`--now: not an ISO instant with an offset: "${nowText ?? ''}"`]);

  const one = args.options.get('issue');
  const many = args.options.get('issues');
  if ((one === undefined) === (many === undefined))
    throw new InvalidInput(['give exactly one of --issue or --issues', USAGE]);
  if (one !== undefined) {
    const json = await readJson(one);
    const result = evaluateOne(config, json, now, statuses === undefined ? {} : { statuses });
    if (!result.ok) throw new InvalidInput(result.problems.map((p) => formatProblem(p, one)));
    io.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    return EXIT_OK;
  }
  const workersText = args.options.get('workers');
  const workers = workersText === undefined ? Math.min(availableParallelism(), 8) : Number(workersText);
  if (!Number.isInteger(workers) || workers < 1)
    throw new InvalidInput([`--workers: not a whole number of at least 1: "${workersText ?? ''}"`]);
  return evaluateStream(
    {
      config,
      file: many ?? '-',
      now,
      statuses,
      statusesFile,
      agreementsFile: args.options.get('agreements') ?? '',
      calendarsFile: args.options.get('calendars') ?? '',
      workers,
      regionDates:
        workers > 1 ? regionDatesFor(await readJson(args.options.get('calendars') ?? ''), now) : {},
    },
    io,
  );
}

/** Lines a batch holds: large enough to amortize a message to a worker, small enough to stream. */
const BATCH_LINES = 256;

interface StreamOptions {
  readonly config: CompiledConfig;
  readonly file: string;
  readonly now: EpochMs;
  readonly statuses: StatusCatalog | undefined;
  readonly statusesFile: string | undefined;
  readonly agreementsFile: string;
  readonly calendarsFile: string;
  readonly workers: number;
  readonly regionDates: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>>;
}

/**
 * One result line per input line, in input order, written in batches; a bad line is reported with its line
 * number and the rest go on. With more than one core, batches are evaluated on worker threads (each compiles
 * the configuration once); the output is the same either way.
 */
async function evaluateStream(options: StreamOptions, io: CliIo): Promise<number> {
  const { file } = options;
  const input = file === '-' ? io.stdin : createReadStream(file, { highWaterMark: 1 << 18 });
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') resolve();
    input.once('open', () => {
      resolve();
    });
    input.once('error', reject);
  });
  await opened.catch((error: unknown) => {
    throw new InvalidInput([
      `${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  });
  const where = file === '-' ? 'stdin' : file;
  const pool =
    options.workers > 1 && canUseWorkers()
      ? new WorkerPool(options.workers, {
          agreementsFile: options.agreementsFile,
          calendarsFile: options.calendarsFile,
          statusesFile: options.statusesFile,
          now: options.now,
          file: where,
          regionDates: options.regionDates,
        })
      : undefined;
  let failed = 0;
  const inFlight: Promise<BatchOutput>[] = [];
  const settle = async (): Promise<void> => {
    const output = await inFlight.shift();
    if (!output) return;
    failed += output.errors.length;
    if (output.errors.length > 0) io.stderr.write(`${output.errors.join('\n')}\n`);
    if (output.out.length > 0 && !io.stdout.write(output.out)) {
      await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
    }
  };
  try {
    if (pool) {
      // Blocks of a quarter megabyte go to the workers as raw bytes; each splits, parses and evaluates its own.
      let seq = 0;
      for await (const block of readLineBlocks(input)) {
        inFlight.push(pool.run(seq++, block));
        // Keep every worker busy with a block queued behind the one it is on, and no more.
        while (inFlight.length > 2 * pool.size) await settle();
      }
    } else {
      let lines: string[] = [];
      let first = 1;
      let lineNo = 0;
      for await (const line of readLines(input)) {
        lineNo++;
        lines.push(line);
        if (lines.length >= BATCH_LINES) {
          inFlight.push(
            Promise.resolve(
              evaluateBatch(options.config, { first, lines }, options.now, options.statuses, where),
            ),
          );
          await settle();
          lines = [];
          first = lineNo + 1;
        }
      }
      inFlight.push(
        Promise.resolve(
          evaluateBatch(options.config, { first, lines }, options.now, options.statuses, where),
        ),
      );
    }
    while (inFlight.length > 0) await settle();
  } finally {
    await pool?.close();
  }
  return failed > 0 ? EXIT_INVALID : EXIT_OK;
}

// ── Files ──────────────────────────────────────────────────────────────────────────────────────────────

async function loadConfigFiles(args: Args): Promise<CompiledConfig> {
  const agreementsFile = args.options.get('agreements');
  const calendarsFile = args.options.get('calendars');
  if (agreementsFile === undefined || calendarsFile === undefined) {
    throw new InvalidInput(['--agreements and --calendars are required', USAGE]);
  }
  return loadConfigFromFiles(agreementsFile, calendarsFile);
}
