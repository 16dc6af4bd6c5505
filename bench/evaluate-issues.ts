/**
 * Section 4: `accord evaluate --issues` on 100,000 generated issues against two agreements of two metrics each,
 * beside a baseline that only reads and parses the same NDJSON; each in its own process, for its peak memory.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXAMPLE_CALENDARS } from './calendars';
import { runChild } from './child-process';
import type { EvaluateRun } from './child-evaluate-issues';
import type { ParseRun } from './child-parse-issues';
import { BENCH_AGREEMENTS } from './issue-agreements';
import { generateIssue, type IssueWindow } from './issue-generator';
import { watchingElsewhere, type Elsewhere } from './machine';
import { seeded } from './prng';
import { heading, int, mb, ms, perSecond, since, table, times } from './report';

export const ISSUES = 100_000;
const RUNS = 2;
const NOW = '2026-09-01T08:00:00.000Z';
const WINDOW: IssueWindow = {
  createdFrom: Date.UTC(2026, 0, 5),
  createdTo: Date.UTC(2026, 7, 20),
  latest: Date.parse(NOW),
};

export interface IssueFigures {
  readonly issuesPerSecond: number;
  /** Evaluate time over parse-only time. */
  readonly ratio: number;
  readonly peakRssMb: number;
  /** Whether the command line exited 0 with one result line per issue. */
  readonly complete: boolean;
}

const elsewhereText = (seen: Elsewhere | undefined): string =>
  seen === undefined ? 'n/a' : `${int(seen.othersMs)} ms, ${int(seen.stealMs)} ms`;

const fastest = <T extends { readonly ms: number }>(runs: readonly T[]): T =>
  runs.reduce((best, run) => (run.ms < best.ms ? run : best));

/** Writes the issues as NDJSON, a thousand lines per write; returns the changelog entries written. */
function writeIssues(file: string): { entries: number; comments: number } {
  const random = seeded(20260901);
  const fd = openSync(file, 'w');
  let entries = 0;
  let comments = 0;
  try {
    let chunk: string[] = [];
    for (let n = 1; n <= ISSUES; n++) {
      const issue = generateIssue(random, n, WINDOW) as {
        changelog: { histories: unknown[] };
        fields: { comment: { comments: unknown[] } };
      };
      entries += issue.changelog.histories.length;
      comments += issue.fields.comment.comments.length;
      chunk.push(`${JSON.stringify(issue)}\n`);
      if (chunk.length === 1000) {
        writeSync(fd, chunk.join(''));
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join(''));
  } finally {
    closeSync(fd);
  }
  return { entries, comments };
}

export async function benchIssues(): Promise<IssueFigures> {
  heading(`4. accord evaluate --issues on ${int(ISSUES)} generated issues (2 agreements × 2 metrics)`);
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  try {
    const issuesFile = join(dir, 'issues.ndjson');
    const agreementsFile = join(dir, 'agreements.json');
    writeFileSync(agreementsFile, JSON.stringify(BENCH_AGREEMENTS));
    const generating = process.hrtime.bigint();
    const { entries, comments } = writeIssues(issuesFile);
    const size = statSync(issuesFile).size;
    console.log(
      `  generated ${int(ISSUES)} issues in ${ms(since(generating))}: ${(entries / ISSUES).toFixed(1)} changelog entries and ` +
        `${(comments / ISSUES).toFixed(1)} comments an issue, ${mb(size / 2 ** 20)} of NDJSON (${int(size / ISSUES)} bytes an issue)`,
    );

    // Two runs of each, alternating, so that a burst of load from elsewhere does not decide the ratio alone;
    // the faster run of each counts.
    // Beside each run, what other processes and the host took from the cores meanwhile: a slow run with much
    // of either was slowed from outside.
    const parses: ParseRun[] = [];
    const evaluates: EvaluateRun[] = [];
    const elsewhere = new Map<ParseRun | EvaluateRun, Elsewhere | undefined>();
    const watch = async <T extends ParseRun | EvaluateRun>(run: () => Promise<T>): Promise<T> => {
      const watched = await watchingElsewhere(run, (result) => result.cpuMs);
      elsewhere.set(watched.result, watched.elsewhere);
      return watched.result;
    };
    for (let round = 0; round < RUNS; round++) {
      parses.push(await watch(() => runChild<ParseRun>('parse-issues', [issuesFile])));
      evaluates.push(
        await watch(() =>
          runChild<EvaluateRun>('evaluate-issues', [agreementsFile, EXAMPLE_CALENDARS, issuesFile, NOW]),
        ),
      );
    }
    const rate = (took: number): number => (ISSUES / took) * 1000;
    const row = (name: string, run: ParseRun | EvaluateRun): string[] => [
      name,
      ms(run.ms),
      ms(run.cpuMs),
      perSecond(rate(run.ms)),
      mb(run.peakRssMb),
      elsewhereText(elsewhere.get(run)),
    ];
    table([
      ['run (each in its own process)', 'wall time', 'CPU time', 'issues', 'peak RSS', 'other CPU, steal'],
      ...parses.map((run, i) => row(`parse only (read lines + JSON.parse), run ${i + 1}`, run)),
      ...evaluates.map((run, i) => row(`accord evaluate --issues, run ${i + 1}`, run)),
    ]);
    const parse = fastest(parses);
    const evaluate = fastest(evaluates);
    const peak = Math.max(...evaluates.map((run) => run.peakRssMb));
    const complete =
      evaluates.every((run) => run.exitCode === 0 && run.lines === ISSUES) &&
      parses.every((run) => run.lines === ISSUES);
    console.log(
      `\n  faster runs: evaluate ${perSecond(rate(evaluate.ms))}, evaluate / parse only ${times(evaluate.ms / parse.ms)} ` +
        `(by CPU time ${times(evaluate.cpuMs / parse.cpuMs)}), peak RSS of evaluate ${mb(peak)}`,
    );
    for (const [i, run] of evaluates.entries()) {
      const verdict = run.exitCode === 0 && run.lines === ISSUES ? 'ok' : 'WRONG';
      console.log(
        `  evaluate run ${i + 1}: exit code ${run.exitCode}, ${int(run.lines)} result lines (expected ${int(ISSUES)}): ${verdict}`,
      );
      if (run.stderr !== '') console.log(`  stderr: ${run.stderr.slice(0, 1000)}`);
    }
    return {
      issuesPerSecond: rate(evaluate.ms),
      ratio: evaluate.ms / parse.ms,
      peakRssMb: peak,
      complete,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
