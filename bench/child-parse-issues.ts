/**
 * Child process: the parse-only baseline. It reads the same NDJSON file with the same streaming as the
 * command line (readline over a read stream) and does nothing but `JSON.parse` each line.
 * Argument: the issues file.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

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
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let parsed = 0;
  for await (const line of lines) {
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
