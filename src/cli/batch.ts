import { formatProblem, type Problem } from '../engine/errors';
import { evaluateHistory, type CompiledConfig } from '../engine/evaluate/evaluate';
import type { IssueResult } from '../engine/evaluate/result';
import { JsonBytes, writeResultJson } from '../engine/evaluate/result-json';
import { historyOf, parseIssue, type StatusCatalog } from '../engine/issue';
import type { EpochMs } from '../engine/time/units';
import { parseJsonText } from './json';

/** Whole lines of NDJSON as bytes (what the main thread hands a worker), with the number of the first. */
export interface ByteBatch {
  readonly first: number;
  readonly bytes: Uint8Array;
}

/** A block's output, as UTF-8 bytes in memory of their own (which a worker transfers to the main thread). */
export interface BlockOutput {
  /** One result line per issue that could be read, in input order. */
  readonly out: Uint8Array;
  /** One message per line that could not, naming the file and line. */
  readonly errors: readonly string[];
}

/**
 * Evaluates a block of whole NDJSON lines, as bytes, into bytes: the unit of work the command line runs in
 * process or hands to a worker thread. Pure apart from its inputs; a bad line becomes a message, and the others
 * go on.
 *
 * Each line is decoded when its turn comes, and each result is written straight into the output bytes: what
 * stays alive on the heap while the block is evaluated is one issue, not the block's lines and results, so
 * collections of the young generation have little to copy. The output bytes are outside the heap, where they
 * wait for the blocks before them without being copied at all.
 */
export function evaluateBlock(
  config: CompiledConfig,
  block: ByteBatch,
  now: EpochMs,
  statuses: StatusCatalog | undefined,
  file: string,
): BlockOutput {
  const bytes = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength);
  const out = new JsonBytes(bytes.length >>> 1);
  const errors: string[] = [];
  const options = statuses === undefined ? {} : { statuses };
  let number = block.first;
  for (let start = 0; start < bytes.length; number++) {
    let nl = bytes.indexOf(NEWLINE, start);
    if (nl === -1) nl = bytes.length;
    const end = nl > start && bytes[nl - 1] === RETURN ? nl - 1 : nl;
    const line = bytes.toString('utf8', start, end);
    start = nl + 1;
    if (line.length === 0 || (line.charCodeAt(0) !== OPEN_BRACE && line.trim() === '')) continue;
    const parsed = parseJsonText(line);
    const result = parsed.ok
      ? evaluateOne(config, parsed.value, now, options)
      : { ok: false as const, problems: [parsed.problem] };
    if (result.ok) {
      writeResultJson(result.value, out);
      out.newline();
    } else errors.push(result.problems.map((p) => formatProblem(p, `${file}:${number}`)).join('\n'));
  }
  return { out: out.bytes(), errors };
}

const NEWLINE = 10;
const RETURN = 13;
const OPEN_BRACE = 123;

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
