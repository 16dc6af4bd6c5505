import { formatProblem, type Problem } from '../engine/errors';
import { evaluateHistory, type CompiledConfig } from '../engine/evaluate/evaluate';
import type { IssueResult } from '../engine/evaluate/result';
import { resultJson } from '../engine/evaluate/result-json';
import { historyOf, parseIssue, type StatusCatalog } from '../engine/issue';
import type { EpochMs } from '../engine/time/units';
import { parseJsonText } from './json';
import { splitLines } from './lines';

/** Lines of NDJSON with the 1-based number of the first. */
export interface LineBatch {
  readonly first: number;
  readonly lines: readonly string[];
}

/** Whole lines of NDJSON as bytes (what the main thread hands a worker), with the number of the first. */
export interface ByteBatch {
  readonly first: number;
  readonly bytes: Uint8Array;
}

export interface BatchOutput {
  /** One result line per issue that could be read, in input order. */
  readonly out: string;
  /** One message per line that could not, naming the file and line. */
  readonly errors: readonly string[];
}

/** A block's output, as UTF-8 bytes in memory of their own (which a worker transfers to the main thread). */
export interface BlockOutput {
  readonly out: Uint8Array;
  readonly errors: readonly string[];
}

/**
 * Evaluates a batch of NDJSON lines: the unit of work the command line runs in process or hands to a worker
 * thread. Pure apart from its inputs; a bad line becomes a message, and the others go on.
 */
export function evaluateBatch(
  config: CompiledConfig,
  batch: LineBatch,
  now: EpochMs,
  statuses: StatusCatalog | undefined,
  file: string,
): BatchOutput {
  const out: string[] = [];
  const errors: string[] = [];
  const options = statuses === undefined ? {} : { statuses };
  batch.lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseJsonText(line);
    const result = parsed.ok
      ? evaluateOne(config, parsed.value, now, options)
      : { ok: false as const, problems: [parsed.problem] };
    if (result.ok) out.push(`${resultJson(result.value)}\n`);
    else errors.push(result.problems.map((p) => formatProblem(p, `${file}:${batch.first + i}`)).join('\n'));
  });
  return { out: out.join(''), errors };
}

/**
 * Evaluates a block of whole NDJSON lines as bytes (see {@link evaluateBatch}), into bytes. Bytes rather than a
 * string: the output waits for the blocks before it, and bytes outside the JavaScript heap are not copied by
 * every collection of the young generation meanwhile.
 */
export function evaluateBlock(
  config: CompiledConfig,
  block: ByteBatch,
  now: EpochMs,
  statuses: StatusCatalog | undefined,
  file: string,
): BlockOutput {
  const lines = splitLines(block.bytes);
  const { out: text, errors } = evaluateBatch(config, { first: block.first, lines }, now, statuses, file);
  const out = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  out.write(text);
  return { out, errors };
}

/** One issue's JSON → its result, or the problems that stop it. */
export function evaluateOne(
  config: CompiledConfig,
  json: unknown,
  now: EpochMs,
  options: { readonly statuses?: StatusCatalog },
): { ok: true; value: IssueResult } | { ok: false; problems: readonly Problem[] } {
  const data = parseIssue(json, options);
  if (!data.ok) return data;
  return { ok: true, value: evaluateHistory(config, historyOf(data.value), now) };
}
