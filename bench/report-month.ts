/**
 * Issue 6's benchmark: a month's service level report over 100,000 stored results in the embedded SQLite
 * database, through the real resolver routes, against the plainest thing a report could do instead (reading
 * every stored cycle row of the same agreements once) measured in the same run.
 *
 * The store is filled through its own port (`replaceIssue`, the write every evaluation makes): 40,000 requests
 * under the examples' Gold SLA (first response and resolution: 80,000 results) of which 20,000 also went
 * through the second-level OLA (20,000 results), created from mid-February to early April 2026, with the
 * cycles, breaches, open metrics and satisfaction ratings a real site has.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { StoredCycle, StoredResult } from '../src/app/ports/store';
import { dispatch } from '../src/app/resolvers/dispatch';
import type { CsvPage, MonthlyReport } from '../src/app/resolvers/report-types';
import type { Agreement } from '../src/engine/agreement/types';
import type { Calendar } from '../src/engine/calendar/types';
import type { CycleResult, MetricResult, MetricState } from '../src/engine/evaluate/result';
import { formatInstant } from '../src/engine/time/iso';
import type { EpochMs } from '../src/engine/time/units';
import { SandboxApp } from '../src/sandbox/app';
import type { KyselyStore } from '../src/store/kysely-store';
import { openSqliteStore } from '../src/store/sqlite';
import { below, seeded, type Random } from './prng';
import { heading, int, ms, since, table, times } from './report';

/** `examples/`, from `bench/` (tsx) or `dist/bench/` (npm run bench). */
const EXAMPLES =
  [join(__dirname, '..', 'examples'), join(__dirname, '..', '..', 'examples')].find((dir) =>
    existsSync(join(dir, 'agreements.json')),
  ) ?? join(__dirname, '..', '..', 'examples');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 10 April 2026, 10:00 in Berlin: March is over, April runs. */
const NOW = Date.UTC(2026, 3, 10, 8);
const CREATED_FROM = Date.UTC(2026, 1, 15);
const ADMIN = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };

export interface ReportFigures {
  readonly results: number;
  readonly cycles: number;
  readonly fillMs: number;
  /** `reports/monthly` for March 2026, all three agreements: best and median of the rounds. */
  readonly monthlyMs: number;
  readonly monthlyMedianMs: number;
  readonly gadgetMs: number;
  readonly complianceMs: number;
  readonly csvMs: number;
  readonly csvRows: number;
  /** Reading every stored cycle row once, in the same run. */
  readonly scanMs: number;
  /** `monthlyMs / scanMs`. */
  readonly ratio: number;
}

// ── The stored results ───────────────────────────────────────────────────────────────────────────────

interface Spec {
  readonly agreementId: string;
  readonly kind: 'SLA' | 'OLA';
  readonly counterparty: string;
  readonly metricId: string;
  readonly name: string;
  readonly goalIndex: number;
  readonly targetMinutes: number;
  readonly objective: number;
  readonly calendar: string;
}

const iso = (t: number | null): string | null => (t === null ? null : formatInstant(t as EpochMs));

/** One cycle: started at `start`, ended after `duration` unless that is after now, breached by chance. */
function cycleOf(random: Random, spec: Spec, start: number, duration: number, breachRate: number) {
  const stoppedAt = start + duration <= NOW ? start + duration : null;
  const breached = random() < breachRate;
  const target = spec.targetMinutes * MINUTE;
  const elapsedMs = breached ? target + below(random, 4 * HOUR) : below(random, target);
  return {
    startedAt: start,
    stoppedAt,
    elapsedMs,
    pausedMs: random() < 0.2 ? below(random, 6 * HOUR) : 0,
    breached,
    breachedAt: breached ? start + target : null,
  };
}

function metricResult(spec: Spec, cycles: readonly ReturnType<typeof cycleOf>[]): MetricResult {
  const last = cycles[cycles.length - 1];
  const open = last?.stoppedAt === null;
  const state: MetricState = open ? 'running' : last?.breached ? 'breached' : 'met';
  const target = spec.targetMinutes * MINUTE;
  return {
    id: spec.metricId,
    name: spec.name,
    state,
    breached: last?.breached ?? false,
    everBreached: cycles.some((c) => c.breached),
    goal: {
      index: spec.goalIndex,
      targetMinutes: spec.targetMinutes,
      calendar: spec.calendar,
      objectivePercent: spec.objective,
    },
    cycles: cycles.map((c): CycleResult => ({
      startedAt: iso(c.startedAt) ?? '',
      stoppedAt: iso(c.stoppedAt),
      elapsedMs: c.elapsedMs,
      pausedMs: c.pausedMs,
      remainingMs: target - c.elapsedMs,
      deadline: c.stoppedAt === null ? iso(c.startedAt + target) : null,
      breached: c.breached,
      breachedAt: iso(c.breachedAt),
      goalIndex: spec.goalIndex,
      pauses:
        c.pausedMs > 0
          ? [{ from: iso(c.startedAt + HOUR) ?? '', to: iso(c.startedAt + HOUR + c.pausedMs) }]
          : [],
      thresholds: [{ index: 0, crossings: c.elapsedMs > 0.75 * target ? 1 : 0, lastAt: null, nextAt: null }],
    })),
    next: last?.stoppedAt === null ? iso(last.startedAt + target) : null,
  };
}

const GOLD_GOALS = {
  'first-response': [
    [30, 100, 'always'],
    [120, 95, 'berlin-9-17'],
    [480, 90, 'berlin-9-17'],
  ],
  resolution: [
    [240, 100, 'always'],
    [480, 95, 'berlin-9-17'],
    [1440, 90, 'berlin-9-17'],
  ],
} as const;

/** Request `n`: its results and cycles under Gold (and the OLA for every other one), and its rating. */
function request(random: Random, n: number) {
  const issueId = String(100_000 + n);
  const issueKey = `IT-${n}`;
  const created = CREATED_FROM + below(random, NOW - CREATED_FROM);
  const urgency = random();
  const specs: { spec: Spec; cycles: ReturnType<typeof cycleOf>[] }[] = [];
  for (const [metricId, goals] of Object.entries(GOLD_GOALS)) {
    const goalIndex = urgency < 0.25 ? 0 : urgency < 0.7 ? 1 : 2;
    const [targetMinutes, objective, calendar] = goals[goalIndex];
    const spec: Spec = {
      agreementId: 'gold',
      kind: 'SLA',
      counterparty: 'Acme Corp',
      metricId,
      name: metricId === 'resolution' ? 'Time to resolution' : 'Time to first response',
      goalIndex,
      targetMinutes,
      objective,
      calendar,
    };
    const duration =
      metricId === 'resolution'
        ? HOUR + below(random, 10 * 24 * HOUR)
        : 5 * MINUTE + below(random, 2 * 24 * HOUR);
    const cycles = [cycleOf(random, spec, created, duration, metricId === 'resolution' ? 0.06 : 0.08)];
    // A reopened request: a second resolution cycle.
    const first = cycles[0];
    if (metricId === 'resolution' && first?.stoppedAt != null && random() < 0.05)
      cycles.push(cycleOf(random, spec, first.stoppedAt + 2 * 24 * HOUR, below(random, 3 * 24 * HOUR), 0.06));
    specs.push({ spec, cycles });
  }
  if (n % 2 === 0) {
    const spec: Spec = {
      agreementId: 'second-level',
      kind: 'OLA',
      counterparty: 'Second Level',
      metricId: 'handling',
      name: 'Second-level handling time',
      goalIndex: urgency < 0.25 ? 0 : 1,
      targetMinutes: urgency < 0.25 ? 120 : 360,
      objective: urgency < 0.25 ? 95 : 90,
      calendar: 'berlin-9-17',
    };
    specs.push({ spec, cycles: [cycleOf(random, spec, created + HOUR, below(random, 2 * 24 * HOUR), 0.1)] });
  }
  const stamp = `${String(created).padStart(15, '0')}.000001.000001`;
  const results: StoredResult[] = specs.map(({ spec, cycles }) => {
    const result = metricResult(spec, cycles);
    const last = cycles[cycles.length - 1];
    return {
      issueId,
      issueKey,
      projectKey: 'IT',
      agreementId: spec.agreementId,
      agreementVersion: 1,
      calendarVersions: { 'berlin-9-17': 1, always: 1 },
      kind: spec.kind,
      metricId: spec.metricId,
      state: result.state,
      breached: result.breached,
      everBreached: result.everBreached,
      deadline: last?.stoppedAt === null ? last.startedAt + spec.targetMinutes * MINUTE : null,
      nextDue: null,
      evaluatedAt: NOW,
      stamp,
      result,
    };
  });
  const cycles: StoredCycle[] = specs.flatMap(({ spec, cycles: list }) =>
    list.map((c, cycle) => ({
      issueId,
      issueKey,
      projectKey: 'IT',
      agreementId: spec.agreementId,
      agreementVersion: 1,
      kind: spec.kind,
      counterparty: spec.counterparty,
      metricId: spec.metricId,
      cycle,
      goalIndex: spec.goalIndex,
      targetMinutes: spec.targetMinutes,
      objectivePercent: spec.objective,
      ...c,
    })),
  );
  const resolved = cycles.some((c) => c.metricId === 'resolution' && c.stoppedAt !== null);
  const satisfaction = resolved && random() < 0.4 ? 1 + below(random, 5) : null;
  return { issueId, stamp, results, cycles, satisfaction };
}

async function fill(store: KyselyStore, requests: number): Promise<{ results: number; cycles: number }> {
  const calendars = JSON.parse(readFileSync(join(EXAMPLES, 'calendars.json'), 'utf8')) as Calendar[];
  const agreements = JSON.parse(readFileSync(join(EXAMPLES, 'agreements.json'), 'utf8')) as Agreement[];
  const meta = { expectedVersion: 0, savedAt: 0, savedBy: 'bench' };
  for (const c of calendars) await store.config.put('calendar', c.id, c, meta);
  for (const a of agreements) await store.config.put('agreement', a.id, a, meta);
  await store.config.setProjectAgreements(
    'IT',
    agreements.map((a) => a.id),
  );
  const random = seeded(6);
  let results = 0;
  let cycles = 0;
  await store.grouped(async () => {
    for (let n = 1; n <= requests; n++) {
      const r = request(random, n);
      results += r.results.length;
      cycles += r.cycles.length;
      await store.results.replaceIssue(r.issueId, r.stamp, r.results, r.cycles, {
        satisfaction: r.satisfaction,
      });
    }
  });
  return { results, cycles };
}

// ── Timing ───────────────────────────────────────────────────────────────────────────────────────────

/** Best and median wall time of `rounds` runs of `work`, after one warm-up run. */
async function timed(
  rounds: number,
  work: () => Promise<unknown>,
): Promise<{ best: number; median: number }> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await work();
    samples.push(since(start));
  }
  samples.sort((a, b) => a - b);
  return { best: samples[0] ?? 0, median: samples[Math.floor(samples.length / 2)] ?? 0 };
}

async function route<T>(app: SandboxApp, key: string, payload: unknown): Promise<T> {
  const reply = await dispatch(app.deps, key, payload, ADMIN);
  if (!reply.ok) throw new Error(`${key}: ${reply.error.message}`);
  return reply.data as T;
}

/**
 * Fills an SQLite file with `requests` requests' results and times the report routes over it.
 * @example const figures = await benchReportMonth(); // 40,000 requests, 100,000 results
 */
export async function benchReportMonth(requests = 40_000, rounds = 5): Promise<ReportFigures> {
  heading(`7. A month's service level report over ${int(requests * 2.5)} stored results (SQLite file)`);
  const dir = mkdtempSync(join(tmpdir(), 'accord-report-'));
  const store = await openSqliteStore(join(dir, 'report.sqlite'));
  try {
    const fillStart = process.hrtime.bigint();
    const { results, cycles } = await fill(store, requests);
    const fillMs = since(fillStart);
    const app = new SandboxApp(store, { now: NOW });

    let report: MonthlyReport | undefined;
    const monthly = await timed(rounds, async () => {
      report = await route<MonthlyReport>(app, 'reports/monthly', { month: '2026-03' });
    });
    const gadget = await timed(rounds, () => route(app, 'reports/gadget', { agreementId: 'gold' }));
    const compliance = await timed(rounds, () => route(app, 'reports/compliance', { count: 12 }));
    let csvRows = 0;
    const csv = await timed(1, async () => {
      csvRows = 0;
      let cursor: string | null = null;
      do {
        const page: CsvPage = await route<CsvPage>(app, 'reports/csv', {
          from: '2026-03-01',
          limit: 5000,
          ...(cursor === null ? {} : { cursor }),
        });
        csvRows += page.rows;
        cursor = page.nextCursor;
      } while (cursor !== null);
    });
    // The baseline: every stored cycle of the same agreements, read once (current writes only), no arithmetic.
    const scan = await timed(rounds, () => store.results.cycles({}));

    const gold = report?.counterparties.find((c) => c.counterparty === 'Acme Corp')?.agreements[0];
    const counted = gold?.metrics.reduce((n, m) => n + m.overall.completed, 0) ?? 0;
    table([
      ['stored', 'results', 'cycles', 'fill time (replaceIssue)'],
      ['', int(results), int(cycles), ms(fillMs)],
    ]);
    table([
      ['route (March 2026, Europe/Berlin)', 'best', 'median', 'vs reading every cycle'],
      [
        'reports/monthly: 3 agreements, credits, availability, attribution',
        ms(monthly.best),
        ms(monthly.median),
        times(monthly.best / scan.best),
      ],
      [
        'reports/gadget: 6 months, at-risk issues, breaches',
        ms(gadget.best),
        ms(gadget.median),
        times(gadget.best / scan.best),
      ],
      [
        'reports/compliance: every agreement, 12 months',
        ms(compliance.best),
        ms(compliance.median),
        times(compliance.best / scan.best),
      ],
      [
        `reports/csv: the month, ${int(csvRows)} rows in pages of 5,000`,
        ms(csv.best),
        '',
        times(csv.best / scan.best),
      ],
      ['baseline: read every stored cycle row once', ms(scan.best), ms(scan.median), '1.00×'],
    ]);
    console.log(
      `\n  Gold in March: ${int(counted)} cycles counted, ${gold?.credits?.amount ?? 0} ${gold?.credits?.currency ?? ''} in credits, ` +
        `${int(gold?.attribution?.cycles ?? 0)} breached cycles attributed`,
    );
    return {
      results,
      cycles,
      fillMs,
      monthlyMs: monthly.best,
      monthlyMedianMs: monthly.median,
      gadgetMs: gadget.best,
      complianceMs: compliance.best,
      csvMs: csv.best,
      csvRows,
      scanMs: scan.best,
      ratio: monthly.best / scan.best,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [requests] = process.argv.slice(2).map(Number);
  void benchReportMonth(requests ?? 40_000);
}
