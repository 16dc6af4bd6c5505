/**
 * Child process: the parse-only baseline. It reads the same NDJSON file with the same streaming as the
 * command line (its line reader over a read stream) and does nothing but `JSON.parse` each line.
 * Argument: the issues file.
 */
import { createReadStream } from 'node:fs';
import { readLines } from '../src/cli/lines';

import { cpuMsSince, peakRssMb, report } from './child-process';
import { since } from './report';

/** What the parse-only child reports. */
export interface ParseRun {
  readonly ms: number;
  readonly cpuMs: number;
  readonly lines: number;
  readonly peakRssMb: number;
}

async function run(): Promise<ParseRun> {
  const [file = ''] = process.argv.slice(2);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let parsed = 0;
  for await (const line of readLines(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    if (line.trim() === '') continue;
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object') parsed++;
  }
  return { ms: since(start), cpuMs: cpuMsSince(cpu), lines: parsed, peakRssMb: peakRssMb() };
}

run().then(report, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
