import { closeSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { formatProblem } from '../engine/errors';
import type { CompiledConfig } from '../engine/evaluate/evaluate';
import type { StatusCatalog } from '../engine/issue';
import { parseInstant } from '../engine/time/iso';
import type { EpochMs } from '../engine/time/units';
import { parseArgs, USAGE, type Args } from './args';
import { evaluateBlock, evaluateOne, type BlockOutput } from './batch';
import {
  loadConfigFromFiles,
  loadStatusesFromFile,
  readJson,
  regionDatesFor,
  type LoadedConfig,
} from './config-files';
import { InvalidInput } from './invalid-input';
import { FileBlocks, readLineBlocks } from './lines';
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
  const { config } = await loadConfigFiles(args);
  io.stdout.write(`ok: ${config.agreements.length} agreement(s), ${config.calendars.size} calendar(s)\n`);
  return EXIT_OK;
}

async function evaluateCommand(args: Args, io: CliIo): Promise<number> {
  const nowText = args.options.get('now');
  const now = nowText === undefined ? (io.now() as EpochMs) : parseInstant(nowText);
  if (now === undefined)
    throw new InvalidInput([`--now: not an ISO instant with an offset: "${nowText ?? ''}"`]);
  const one = args.options.get('issue');
  const many = args.options.get('issues');
  if ((one === undefined) === (many === undefined))
    throw new InvalidInput(['give exactly one of --issue or --issues', USAGE]);
  const threads = many === undefined ? 1 : threadsOf(args.options.get('workers'));
  const statusesFile = args.options.get('statuses');
  // Workers start before the configuration is loaded here: loading their code takes a few hundred
  // milliseconds, which this thread spends on the configuration meanwhile.
  const pool =
    threads > 1 && canUseWorkers()
      ? new WorkerPool(threads - 1, {
          now,
          file: many === '-' ? 'stdin' : (many ?? ''),
        })
      : undefined;
  try {
    const { config, agreements, calendars } = await loadConfigFiles(args);
    const loadedStatuses = statusesFile === undefined ? undefined : await loadStatusesFromFile(statusesFile);
    const statuses = loadedStatuses?.statuses;
    if (one !== undefined) {
      const json = await readJson(one);
      const result = evaluateOne(config, json, now, statuses === undefined ? {} : { statuses });
      if (!result.ok) throw new InvalidInput(result.problems.map((p) => formatProblem(p, one)));
      io.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
      return EXIT_OK;
    }
    // The workers compile what this thread read and validated, so the threads cannot see different files.
    pool?.configure({
      agreements,
      calendars,
      statuses: loadedStatuses?.json,
      regionDates: regionDatesFor(calendars, now),
    });
    return await evaluateStream({ config, file: many ?? '-', now, statuses, pool }, io);
  } finally {
    await pool?.close();
  }
}

/** `--workers`: the threads that evaluate, this one included; by default one per core, at most eight. */
function threadsOf(text: string | undefined): number {
  const threads = text === undefined ? Math.min(availableParallelism(), 8) : Number(text);
  if (!Number.isInteger(threads) || threads < 1)
    throw new InvalidInput([`--workers: not a whole number of at least 1: "${text ?? ''}"`]);
  return threads;
}

interface StreamOptions {
  readonly config: CompiledConfig;
  readonly file: string;
  readonly now: EpochMs;
  readonly statuses: StatusCatalog | undefined;
  /** Worker threads that evaluate besides this one, if any. */
  readonly pool: WorkerPool | undefined;
}

/**
 * One result line per input line, in input order, written a block at a time; a bad line is reported with its
 * line number and the rest go on. The input is cut into blocks of about a quarter megabyte; worker threads (each
 * compiles the configuration once), if any, take blocks while they have room and this thread evaluates the
 * others, so every core works and none only reads and writes. The output is the same either way.
 */
async function evaluateStream(options: StreamOptions, io: CliIo): Promise<number> {
  const { file } = options;
  let fd: number | undefined;
  if (file !== '-') {
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw new InvalidInput([
        `${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`,
      ]);
    }
  }
  // A file is read straight into the blocks, whose memory comes back for later reads once evaluated.
  const reader = fd === undefined ? undefined : new FileBlocks(fd);
  const blocks = reader?.blocks() ?? readLineBlocks(io.stdin as AsyncIterable<Buffer | string>);
  const where = file === '-' ? 'stdin' : file;
  const { pool } = options;
  let failed = 0;
  const write = async (output: BlockOutput): Promise<void> => {
    failed += output.errors.length;
    if (output.errors.length > 0) io.stderr.write(`${output.errors.join('\n')}\n`);
    if (output.out.length > 0 && !io.stdout.write(output.out)) {
      await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
    }
  };
  // Blocks in input order, each with its output once it has one (a worker's comes later). An output is written
  // as soon as those before it are: held longer, this thread's outputs would be copied by every collection of
  // its young generation.
  const queue: { output: BlockOutput | undefined; pending: Promise<BlockOutput> | undefined }[] = [];
  const writeReady = async (): Promise<void> => {
    for (let head = queue[0]; head?.output; head = queue[0]) {
      queue.shift();
      await write(head.output);
    }
  };
  const writeOldest = async (): Promise<void> => {
    await queue[0]?.pending;
    await writeReady();
  };
  // Blocks held, at most: this thread evaluates on while a worker is on an older block, and waits only when a
  // worker falls far behind.
  const limit = 32;
  try {
    let seq = 0;
    for await (const block of blocks) {
      const pending = pool?.offer(seq++, block);
      if (pending) {
        const entry = { output: undefined as BlockOutput | undefined, pending };
        // Failures are thrown by `writeOldest`, which awaits `pending` itself.
        pending
          .then((reply) => {
            entry.output = { out: reply.out, errors: reply.errors };
            reader?.recycle(reply.input.buffer);
          })
          .catch(() => undefined);
        queue.push(entry);
      } else {
        const output = evaluateBlock(options.config, block, options.now, options.statuses, where);
        reader?.recycle(block.bytes.buffer);
        queue.push({ output, pending: undefined });
        // Workers' replies are events: let them in, or the workers wait while this thread reads on.
        if (pool) await new Promise((resolve) => setImmediate(resolve));
      }
      await writeReady();
      while (queue.length > limit) await writeOldest();
    }
    while (queue.length > 0) await writeOldest();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return failed > 0 ? EXIT_INVALID : EXIT_OK;
}

// ── Files ──────────────────────────────────────────────────────────────────────────────────────────────

async function loadConfigFiles(args: Args): Promise<LoadedConfig> {
  const agreementsFile = args.options.get('agreements');
  const calendarsFile = args.options.get('calendars');
  if (agreementsFile === undefined || calendarsFile === undefined) {
    throw new InvalidInput(['--agreements and --calendars are required', USAGE]);
  }
  return loadConfigFromFiles(agreementsFile, calendarsFile);
}
