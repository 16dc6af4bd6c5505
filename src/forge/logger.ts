import type { LogCode, LogFields, Logger, LogLevel } from '../app/ports';

/**
 * The {@link Logger} on Forge: one JSON line per entry on the console, which is what `forge logs` shows
 * (`forge logs --grep issue.failed`). Errors go to `console.error`, warnings to `console.warn`.
 */
export class ConsoleLogger implements Logger {
  constructor(private readonly console: Pick<Console, 'log' | 'warn' | 'error'> = globalThis.console) {}

  log(level: LogLevel, code: LogCode, fields: LogFields = {}): void {
    const line = JSON.stringify({ level, code, ...fields });
    if (level === 'error') this.console.error(line);
    else if (level === 'warn') this.console.warn(line);
    else this.console.log(line);
  }
}
