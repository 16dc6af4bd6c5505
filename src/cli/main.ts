import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { formatProblem, type Problem } from '../engine/errors';
import { dateHolidaysLookup } from '../engine/calendar/region-lookup';
import { loadConfig } from '../engine/config/load';
import { evaluateHistory, type CompiledConfig } from '../engine/evaluate/evaluate';
import { historyOf, parseIssue, parseStatuses, type StatusCatalog } from '../engine/issue';
import { parseInstant } from '../engine/time/iso';
import type { EpochMs } from '../engine/time/units';
import { parseArgs, USAGE, type Args } from './args';
import { parseJsonText } from './json';
import { readLines } from './lines';

/** Where the command line reads and writes; tests pass their own. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly now: () => number;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

/** Expected failures: bad arguments or bad input. Reported as one message, exit 2, never a stack trace. */
class InvalidInput extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

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
  const statuses = statusesFile === undefined ? undefined : await loadStatuses(statusesFile);
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
    const result = evaluateOne(config, json, now, statuses);
    if (!result.ok) throw new InvalidInput(result.problems.map((p) => formatProblem(p, one)));
    io.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    return EXIT_OK;
  }
  return evaluateStream(config, many ?? '-', now, statuses, io);
}

/** One result line per input line, written in batches; a bad line is reported and the rest go on. */
async function evaluateStream(
  config: CompiledConfig,
  file: string,
  now: EpochMs,
  statuses: StatusCatalog | undefined,
  io: CliIo,
): Promise<number> {
  const input = file === '-' ? io.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
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
  let failed = 0;
  let lineNo = 0;
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const chunk = batch.join('');
    batch = [];
    if (!io.stdout.write(chunk)) await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
  };
  for await (const line of readLines(input)) {
    lineNo++;
    if (line.trim() === '') continue;
    const where = `${file === '-' ? 'stdin' : file}:${lineNo}`;
    const parsed = parseJsonText(line);
    const result = parsed.ok
      ? evaluateOne(config, parsed.value, now, statuses)
      : { ok: false as const, problems: [parsed.problem] };
    if (result.ok) {
      batch.push(`${JSON.stringify(result.value)}\n`);
      if (batch.length >= 512) await flush();
    } else {
      failed++;
      io.stderr.write(`${result.problems.map((p) => formatProblem(p, where)).join('\n')}\n`);
    }
  }
  await flush();
  return failed > 0 ? EXIT_INVALID : EXIT_OK;
}

function evaluateOne(
  config: CompiledConfig,
  json: unknown,
  now: EpochMs,
  statuses: StatusCatalog | undefined,
): { ok: true; value: unknown } | { ok: false; problems: readonly Problem[] } {
  const data = parseIssue(json, statuses === undefined ? {} : { statuses });
  if (!data.ok) return data;
  return { ok: true, value: evaluateHistory(config, historyOf(data.value), now) };
}

// ── Files ──────────────────────────────────────────────────────────────────────────────────────────────

async function loadConfigFiles(args: Args): Promise<CompiledConfig> {
  const agreementsFile = args.options.get('agreements');
  const calendarsFile = args.options.get('calendars');
  if (agreementsFile === undefined || calendarsFile === undefined) {
    throw new InvalidInput(['--agreements and --calendars are required', USAGE]);
  }
  const [agreements, calendars] = await Promise.all([readJson(agreementsFile), readJson(calendarsFile)]);
  const config = loadConfig(
    { agreements, calendars },
    { regionHolidays: dateHolidaysLookup, agreementsFile, calendarsFile },
  );
  if (!config.ok) throw new InvalidInput(config.problems.map((p) => formatProblem(p)));
  return config.value;
}

async function loadStatuses(file: string): Promise<StatusCatalog> {
  const statuses = parseStatuses(await readJson(file), '$');
  if (!statuses.ok) throw new InvalidInput(statuses.problems.map((p) => formatProblem(p, file)));
  return statuses.value;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidInput([
      `${file}: cannot read${code === 'ENOENT' ? ': no such file' : `: ${String(error)}`}`,
    ]);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new InvalidInput([formatProblem(parsed.problem, file)]);
  return parsed.value;
}
