import type { LogCode, LogEntry, LogFields, Logger, LogLevel } from '../app/ports';

/** The sandbox's {@link Logger}: keeps the last entries for tests and the sandbox's pages, optionally echoing them. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];

  constructor(private readonly echo?: (entry: LogEntry) => void) {}

  log(level: LogLevel, code: LogCode, fields: LogFields = {}): void {
    const entry: LogEntry = { ...fields, level, code };
    this.entries.push(entry);
    if (this.entries.length > 1000) this.entries.splice(0, this.entries.length - 1000);
    this.echo?.(entry);
  }

  /** The entries with this code. */
  withCode(code: LogCode): LogEntry[] {
    return this.entries.filter((e) => e.code === code);
  }
}
