/**
 * A month of a busy site's stored results, written straight into an emulated installation's database (outside
 * every limit, as a seed): `issues` requests of the Gold SLA (first response, resolution) raised over one month
 * in Berlin, about one in ten first responses and one in fourteen resolutions breached, one in eight still open,
 * three in ten rated. The counts it wrote come back, for a report to be checked against.
 */
import type { ForgeEmulator } from './emulator';
import { seeded } from '../../bench/prng';
import type { StoredResult } from '../../src/app/ports/store';
import type { MetricResult } from '../../src/engine/evaluate/result';
import { pack } from '../../src/store/result-store';

export interface ReportRowsWritten {
  /** Cycles that ended in the month, per metric: met and breached. */
  readonly ended: Readonly<Record<'first-response' | 'resolution', { met: number; breached: number }>>;
  /** Resolution cycles still open. */
  readonly open: number;
  readonly cycles: number;
}

const HOUR = 3_600_000;
const ROWS_PER_INSERT = 2000;

/** Writes the rows for `issues` requests raised in `[monthStart, monthEnd)`; ids start at `firstId`. */
export async function writeReportRows(
  emulator: ForgeEmulator,
  options: {
    readonly issues: number;
    readonly monthStart: number;
    readonly monthEnd: number;
    readonly firstId?: number;
    readonly seed?: number;
  },
): Promise<ReportRowsWritten> {
  const random = seeded(options.seed ?? 3);
  const firstId = options.firstId ?? 100_000;
  const span = options.monthEnd - options.monthStart - 12 * HOUR;
  const ended = { 'first-response': { met: 0, breached: 0 }, resolution: { met: 0, breached: 0 } };
  let open = 0;
  let cycles = 0;
  const sets: unknown[][] = [];
  const cycleRows: unknown[][] = [];
  const openRows: unknown[][] = [];
  const ratings: unknown[][] = [];
  const flush = async (force: boolean): Promise<void> => {
    const tables: [string, string[], unknown[][]][] = [
      ['accord_result_sets', ['issue_id', 'stamp', 'write_id', 'results', 'next_due'], sets],
      [
        'accord_cycles',
        [
          'issue_id',
          'write_id',
          'agreement_id',
          'metric_id',
          'cycle',
          'issue_key',
          'project_key',
          'agreement_version',
          'goal_index',
          'started_at',
          'stopped_at',
          'elapsed_ms',
          'paused_ms',
          'breached',
          'breached_at',
        ],
        cycleRows,
      ],
      [
        'accord_open_results',
        ['issue_id', 'write_id', 'agreement_id', 'metric_id', 'project_key', 'breached', 'deadline'],
        openRows,
      ],
      ['accord_ratings', ['issue_id', 'write_id', 'rating', 'stamp'], ratings],
    ];
    for (const [table, columns, rows] of tables) {
      if (rows.length === 0 || (!force && rows.length < ROWS_PER_INSERT)) continue;
      const placeholders = `(${columns.map(() => '?').join(',')})`;
      await emulator.sql.direct(
        `INSERT INTO ${table} (${columns.join(',')}) VALUES ${rows.map(() => placeholders).join(',')}`,
        rows.flat(),
      );
      rows.length = 0;
    }
  };

  for (let n = 0; n < options.issues; n++) {
    const issueId = String(firstId + n);
    const key = `IT-${firstId + n}`;
    const writeId = `${String(n).padStart(18, '0')}-seed`;
    const stamp = '000000000000001.000001.000000000000001';
    const created = options.monthStart + Math.floor(random() * span);
    const goal = Math.floor(random() * 3);
    const results: StoredResult[] = [];
    const cycle = (metricId: 'first-response' | 'resolution', target: number, stoppedAt: number | null) => {
      const breached = stoppedAt === null ? false : random() < (metricId === 'first-response' ? 0.1 : 0.07);
      if (stoppedAt !== null) ended[metricId][breached ? 'breached' : 'met']++;
      cycles++;
      cycleRows.push([
        issueId,
        writeId,
        'gold',
        metricId,
        0,
        key,
        'IT',
        1,
        goal,
        created,
        stoppedAt,
        Math.round(random() * target * 60_000),
        0,
        breached ? 1 : 0,
        breached ? created + target * 60_000 : null,
      ]);
    };
    cycle('first-response', 30, created + Math.round(random() * 4 * HOUR));
    const resolved = random() < 7 / 8;
    cycle('resolution', 480, resolved ? created + Math.round(random() * 10 * HOUR) : null);
    if (!resolved) {
      open++;
      const deadline = created + 8 * HOUR;
      const result = {
        id: 'resolution',
        name: 'Time to resolution',
        state: 'running',
        breached: false,
        everBreached: false,
        goal: { index: goal, targetMinutes: 480, calendar: 'berlin-9-17', objectivePercent: 95 },
        cycles: [],
        next: null,
      };
      results.push({
        issueId,
        issueKey: key,
        projectKey: 'IT',
        agreementId: 'gold',
        agreementVersion: 1,
        calendarVersions: {},
        kind: 'SLA',
        metricId: 'resolution',
        state: 'running',
        breached: false,
        everBreached: false,
        deadline,
        nextDue: null,
        evaluatedAt: created,
        stamp,
        result: result as unknown as MetricResult,
      });
      openRows.push([issueId, writeId, 'gold', 'resolution', 'IT', 0, deadline]);
    }
    const packed = pack(stamp, results);
    sets.push([issueId, stamp, writeId, packed.results, packed.next_due]);
    if (random() < 0.3) ratings.push([issueId, writeId, 1 + Math.floor(random() * 5), stamp]);
    if (n % 500 === 499) await flush(false);
  }
  await flush(true);
  return { ended, open, cycles };
}
