/**
 * Child process: the real command line, `accord evaluate --issues <file>`, with its output dropped (a
 * Writable that counts result lines, not a terminal) and its peak memory reported.
 * Arguments: agreements file, calendars file, issues file, the evaluation instant.
 */
import { Readable, Writable } from 'node:stream';

import { main } from '../src/cli/main';
import { cpuMsSince, peakRssMb, report } from './child-process';
import { since } from './report';

/** What the evaluate child reports. */
export interface EvaluateRun {
  readonly ms: number;
  /** CPU time over the same span: less than `ms` when other processes share the machine's cores. */
  readonly cpuMs: number;
  readonly exitCode: number;
  readonly lines: number;
  readonly stderr: string;
  readonly peakRssMb: number;
}

function countNewlines(chunk: string | Buffer): number {
  let count = 0;
  let i = chunk.indexOf('\n');
  while (i !== -1) {
    count++;
    i = chunk.indexOf('\n', i + 1);
  }
  return count;
}

async function run(): Promise<EvaluateRun> {
  const [agreements = '', calendars = '', issues = '', now = ''] = process.argv.slice(2);
  let lines = 0;
  let stderr = '';
  const stdout = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      lines += countNewlines(chunk);
      done();
    },
  });
  const errors = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      if (stderr.length < 4000) stderr += chunk.toString();
      done();
    },
  });
  const argv = [
    'evaluate',
    '--agreements',
    agreements,
    '--calendars',
    calendars,
    '--issues',
    issues,
    '--now',
    now,
  ];
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const exitCode = await main(argv, {
    stdin: Readable.from([]),
    stdout,
    stderr: errors,
    now: () => Date.parse(now),
  });
  return { ms: since(start), cpuMs: cpuMsSince(cpu), exitCode, lines, stderr, peakRssMb: peakRssMb() };
}

run().then(report, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
