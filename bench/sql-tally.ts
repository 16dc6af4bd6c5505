/**
 * Forge SQL statements by kind, counted at the emulator's SQL service while a phase runs: what a recalculation
 * spends of the installation's 150 DML requests a second, per issue, read from the statements themselves.
 */
import type { ForgeEmulator } from '../test/emulator/emulator';
import { int, table } from './report';

/** What a statement does, by its verb and first table (`select … from accord_histories` → `read histories`). */
export function statementKind(query: string): string {
  const verb = /^\s*(\w+)/.exec(query)?.[1]?.toLowerCase() ?? '?';
  const tableName = /accord_[a-z_]+|__migrations/i.exec(query)?.[0]?.toLowerCase() ?? '(none)';
  const kind = KINDS[tableName];
  if (verb === 'select' || verb === 'with') return kind ? `read ${kind.read}` : `read ${tableName}`;
  if (verb === 'delete' && kind?.delete) return kind.delete;
  return kind ? `write ${kind.write}` : `${verb} ${tableName}`;
}

const KINDS: Record<string, { read: string; write: string; delete?: string }> = {
  accord_histories: { read: 'histories', write: 'histories' },
  accord_adjustments: { read: 'adjustments', write: 'adjustments' },
  accord_config: { read: 'config', write: 'config' },
  accord_project_agreements: { read: 'config', write: 'config' },
  accord_results: { read: 'results', write: 'results', delete: 'delete old result/cycle/rating rows' },
  accord_cycles: { read: 'cycles', write: 'cycles', delete: 'delete old result/cycle/rating rows' },
  accord_ratings: { read: 'ratings', write: 'ratings', delete: 'delete old result/cycle/rating rows' },
  accord_open_results: { read: 'results', write: 'results', delete: 'delete old result/cycle/rating rows' },
  accord_result_writes: {
    read: 'result-set pointers',
    write: 'result-set pointers',
    delete: 'delete old result/cycle/rating rows',
  },
  accord_result_sets: { read: 'results', write: 'results' },
  accord_jobs: { read: 'job progress', write: 'job progress' },
  accord_budgets: { read: 'leases and budgets', write: 'leases and budgets' },
  accord_pending: { read: 'pending marks', write: 'pending marks', delete: 'clear pending marks' },
  accord_action_log: { read: 'action log', write: 'action log' },
  __migrations: { read: 'schema check', write: 'schema bookkeeping' },
};

/** Counts the DML statements the emulator's SQL service executes while {@link active} (not those it refuses). */
export class SqlTally {
  active = false;
  readonly byKind = new Map<string, number>();

  constructor(emulator: ForgeEmulator) {
    const service = emulator.sql;
    const handle = service.handle.bind(service);
    service.handle = async (path, body, now) => {
      const query = (body as { query?: unknown } | undefined)?.query;
      const counted = this.active && path === '/api/v1/execute' && typeof query === 'string';
      const answer = await handle(path, body, now);
      if (counted && answer.reply.status !== 429) {
        const kind = statementKind(query);
        this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
      }
      return answer;
    };
  }

  get total(): number {
    return [...this.byKind.values()].reduce((a, b) => a + b, 0);
  }

  /** Prints the statements per issue (or `unit`) by kind, most first, with the Jira field writes beside them. */
  print(issues: number, fieldWrites: number, unit = 'issue'): void {
    const per = (n: number): string => (issues > 0 ? (n / issues).toFixed(3) : '–');
    table([
      [`statements (${int(issues)} ${unit}s)`, 'count', `per ${unit}`],
      ...[...this.byKind].sort((a, b) => b[1] - a[1]).map(([kind, n]) => [`  ${kind}`, int(n), per(n)]),
      ['  all DML requests', int(this.total), per(this.total)],
      ['Jira custom-field writes (calls)', int(fieldWrites), per(fieldWrites)],
    ]);
  }
}
