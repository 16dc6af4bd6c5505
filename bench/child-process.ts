/**
 * Runs one measurement in a fresh Node process, so that its peak memory and its "first ever" costs are its
 * own. The child sends one message with its figures and exits.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';

export type ChildName = 'compile-cold' | 'evaluate-issues' | 'parse-issues';

/**
 * Forks `child-<name>.js` beside this file with the same Node flags and resolves to the message it sends.
 * @example const figures = await runChild<CompileRun>('compile-cold', []);
 */
export function runChild<T>(name: ChildName, args: readonly string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = fork(join(__dirname, `child-${name}.js`), args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message: { value: T } | undefined;
    child.on('message', (value) => {
      message = { value: value as T };
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (message !== undefined && code === 0) resolve(message.value);
      else
        reject(
          new Error(`child ${name} ended with ${signal ?? `exit code ${code ?? '?'}`} without a report`),
        );
    });
  });
}

/** Sends the child's figures to the parent and lets the process end. */
export function report(value: object): void {
  if (!process.send) throw new Error('not started by runChild');
  process.send(value, () => {
    process.disconnect();
  });
}

/** CPU time (user and system, all threads) since an earlier `process.cpuUsage()`, in ms. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** This process's peak resident memory so far, in MB (`maxRSS` is in kilobytes). */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
