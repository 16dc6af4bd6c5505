import { isDeepStrictEqual } from 'node:util';
import type { StoredCycle, StoredResult } from '../../../src/app/ports';
import { dispatch } from '../../../src/app/resolvers/dispatch';
import type { ComplianceReport } from '../../../src/app/resolvers/report-types';
import type { Action } from '../../../src/engine/agreement/types';
import { dateHolidaysKnows, dateHolidaysLookup } from '../../../src/engine/calendar/region-lookup';
import { loadConfig } from '../../../src/engine/config/load';
import { evaluateHistory, type CompiledConfig } from '../../../src/engine/evaluate/evaluate';
import type { CycleResult, IssueResult } from '../../../src/engine/evaluate/result';
import { historyOf, parseIssue, parseStatuses, type StatusCatalog } from '../../../src/engine/issue';
import { parseInstant } from '../../../src/engine/time/iso';
import type { EpochMs } from '../../../src/engine/time/units';
import { statusesReply } from '../../../src/sandbox/jira/issue-model';
import { APP_ACCOUNT } from '../../../src/sandbox/jira/site';
import { exampleCalendars, LOOP_AGREEMENT } from './agreement';
import type { LoopWorld } from './world';

/** A law of the live loop that a run broke, with what shows it. */
export class LoopViolation extends Error {
  override readonly name = 'LoopViolation';
}

const fail = (message: string): never => {
  throw new LoopViolation(message);
};

const at = (iso: string | null): number | null => (iso === null ? null : (parseInstant(iso) ?? null));
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A threshold's action that was due is visible in Jira once its cycle ran on this long after the crossing: a
 * due bucket (15 s) and, under a fault, a platform retry (60 s) or a stale claim re-taken (15 min).
 */
export const ACT_GRACE_MS = 20 * 60_000;

// ── Breach instants, watched after every consumer ───────────────────────────────────────────────────────

/**
 * Every stored cycle's breach as it was first reported, and the latest evaluation that reported it unbreached:
 * a breach instant never moves, and a breach found later is never before an evaluation that saw none
 * (docs/engine-contract.md, "Purity").
 */
export class BreachLedger {
  private readonly breachedAt = new Map<string, string>();
  private readonly clearAt = new Map<string, number>();

  /** Cycles seen breached. */
  breaches(): number {
    return this.breachedAt.size;
  }

  async observe(world: LoopWorld): Promise<void> {
    for (const issueId of world.app.site.issues.keys()) {
      for (const r of await world.app.store.results.forIssue(issueId)) {
        for (const c of r.result.cycles) {
          const key = `${issueId}/${r.metricId}/${c.startedAt}`;
          const first = this.breachedAt.get(key);
          if (first !== undefined) {
            if (c.breachedAt !== first)
              fail(
                `${key}: breached at ${first}, now reported ${String(c.breachedAt)} (at ${iso(r.evaluatedAt)})`,
              );
          } else if (c.breachedAt !== null) {
            const clear = this.clearAt.get(key);
            if (clear !== undefined && (at(c.breachedAt) ?? 0) < clear)
              fail(
                `${key}: breach found at ${c.breachedAt}, before ${iso(clear)}, when an evaluation saw none`,
              );
            this.breachedAt.set(key, c.breachedAt);
          } else {
            this.clearAt.set(key, Math.max(this.clearAt.get(key) ?? 0, r.evaluatedAt));
          }
        }
      }
    }
  }
}

// ── The engine, fresh ──────────────────────────────────────────────────────────────────────────────────

let fresh: { config: CompiledConfig; statuses: StatusCatalog } | undefined;

/** The engine compiled straight from the agreement and calendars, not through the app's config cache. */
function engine(): { config: CompiledConfig; statuses: StatusCatalog } {
  if (fresh) return fresh;
  const config = loadConfig(
    { agreements: [LOOP_AGREEMENT], calendars: exampleCalendars() },
    { regionHolidays: dateHolidaysLookup, isKnownRegion: dateHolidaysKnows },
  );
  const statuses = parseStatuses(statusesReply);
  if (!config.ok || !statuses.ok) throw new Error('the live-loop configuration does not compile');
  fresh = { config: config.value, statuses: statuses.value };
  return fresh;
}

/** The engine's result for the issue's history as Jira shows it now, evaluated at `now`. */
function evaluateFresh(world: LoopWorld, issueId: string, now: number): IssueResult {
  const json = world.app.site.find(issueId)?.json();
  const { config, statuses } = engine();
  const parsed = parseIssue(json, { statuses });
  if (!parsed.ok) return fail(`${issueId}: Jira's JSON does not parse: ${parsed.problems[0]?.message ?? ''}`);
  return evaluateHistory(config, historyOf(parsed.value), now as EpochMs);
}

const normal = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Stored results and cycles equal a fresh evaluation of the final history at the instant they were evaluated. */
async function checkStoredResults(world: LoopWorld, issueId: string): Promise<void> {
  const stored = await world.app.store.results.forIssue(issueId);
  if (stored.length === 0) fail(`${issueId}: no stored results`);
  const evaluatedAt = stored[0]?.evaluatedAt ?? 0;
  const result = evaluateFresh(world, issueId, evaluatedAt);
  const metrics = result.agreements.flatMap((a) => a.metrics.map((m) => ({ agreementId: a.id, metric: m })));
  const key = (agreementId: string, metricId: string) => `${agreementId}/${metricId}`;
  const byKey = new Map<string, StoredResult>(stored.map((r) => [key(r.agreementId, r.metricId), r]));
  if (byKey.size !== metrics.length)
    fail(`${issueId}: ${byKey.size} stored results, ${metrics.length} fresh`);
  const cycles = (await world.app.store.results.cycles({ agreementId: LOOP_AGREEMENT.id })).filter(
    (c) => c.issueId === issueId,
  );
  for (const { agreementId, metric } of metrics) {
    const row = byKey.get(key(agreementId, metric.id));
    if (!row) return fail(`${issueId}: no stored result for ${key(agreementId, metric.id)}`);
    if (!isDeepStrictEqual(normal(row.result), normal(metric)))
      fail(
        `${issueId} ${metric.id}: stored (at ${iso(evaluatedAt)}) differs from a fresh evaluation of the final ` +
          `history:\n stored ${JSON.stringify(row.result.cycles)}\n fresh  ${JSON.stringify(metric.cycles)}`,
      );
    const rows = cycles.filter((c) => c.metricId === metric.id).sort((a, b) => a.cycle - b.cycle);
    const want = metric.cycles.map((c, i) => cycleFacts(c, i));
    const got = rows.map((c) => ({
      cycle: c.cycle,
      startedAt: c.startedAt,
      stoppedAt: c.stoppedAt,
      breached: c.breached,
      breachedAt: c.breachedAt,
      goalIndex: c.goalIndex,
      elapsedMs: c.elapsedMs,
    }));
    if (!isDeepStrictEqual(normal(got), normal(want)))
      fail(`${issueId} ${metric.id}: stored cycles ${JSON.stringify(got)} ≠ fresh ${JSON.stringify(want)}`);
  }
}

const cycleFacts = (c: CycleResult, index: number) => ({
  cycle: index,
  startedAt: at(c.startedAt) ?? 0,
  stoppedAt: at(c.stoppedAt),
  breached: c.breached,
  breachedAt: at(c.breachedAt),
  goalIndex: c.goalIndex,
  elapsedMs: c.elapsedMs,
});

// ── Actions as Jira shows them ─────────────────────────────────────────────────────────────────────────

/** An action key, `issueId/agreementId/metricId/cycle start/threshold index/crossing/action index`. */
interface Firing {
  readonly key: string;
  readonly metricId: string;
  readonly cycleStart: string;
  readonly threshold: number;
  readonly crossing: number;
  readonly action: Action;
}

function firing(key: string): Firing {
  const [, agreementId, metricId, cycleStart, threshold, crossing, action] = key.split('/');
  const metric = LOOP_AGREEMENT.metrics.find((m) => m.id === metricId);
  const act = metric?.thresholds?.[Number(threshold)]?.actions[Number(action)];
  if (agreementId !== LOOP_AGREEMENT.id || metricId === undefined || cycleStart === undefined || !act)
    return fail(`action key ${key} names no action of the agreement`);
  return { key, metricId, cycleStart, threshold: Number(threshold), crossing: Number(crossing), action: act };
}

interface AppComment {
  readonly created: number;
  readonly marker: string | undefined;
}

function appComments(world: LoopWorld, issueId: string): AppComment[] {
  const json = world.app.site.find(issueId)?.json() as
    | {
        fields: {
          comment: {
            comments: {
              created: string;
              author: { accountId: string };
              properties?: { key: string; value: { key: string } }[];
            }[];
          };
        };
      }
    | undefined;
  return (json?.fields.comment.comments ?? [])
    .filter((c) => c.author.accountId === APP_ACCOUNT)
    .map((c) => ({
      created: Date.parse(c.created.replace(/\+0000$/, 'Z')),
      marker: c.properties?.find((p) => p.key === 'accord.action')?.value.key,
    }));
}

/** The app's changelog entries on the issue, by field. */
function appChanges(world: LoopWorld, issueId: string): Map<string, number> {
  const histories = (world.app.site.find(issueId)?.histories() ?? []) as {
    author: { accountId: string };
    items: { field: string }[];
  }[];
  const byField = new Map<string, number>();
  for (const h of histories) {
    if (h.author.accountId !== APP_ACCOUNT) continue;
    for (const item of h.items) byField.set(item.field, (byField.get(item.field) ?? 0) + 1);
  }
  return byField;
}

/**
 * Each firing is visible in Jira exactly once: a comment per (cycle, threshold, crossing, action), never two;
 * one (and its label) for every crossing whose cycle ran on for {@link ACT_GRACE_MS}; no more priority or label
 * changes than firings of those actions, and a notification for each recorded sent, none twice. A repeat's crossing lies in working time of the calendar of the
 * goal the cycle breached under, one repeat period of that calendar after the crossing before it.
 */
async function checkFirings(world: LoopWorld, issueId: string): Promise<void> {
  const comments = appComments(world, issueId);
  const seen = new Map<string, AppComment[]>();
  for (const c of comments) {
    if (c.marker === undefined)
      fail(`${issueId}: an app comment at ${iso(c.created)} without its action key`);
    else seen.set(c.marker, [...(seen.get(c.marker) ?? []), c]);
  }
  for (const [marker, list] of seen) {
    if (list.length > 1)
      fail(
        `${issueId}: ${marker} posted ${list.length} times, at ${list.map((c) => iso(c.created)).join(', ')}`,
      );
  }

  // At least once: the last crossing of every threshold, if its cycle ran on long enough for it to act.
  const now = world.now;
  const labels = (world.app.site.find(issueId)?.field('labels') as string[] | undefined) ?? [];
  const result = evaluateFresh(world, issueId, now);
  for (const metric of result.agreements.flatMap((a) => a.metrics)) {
    const thresholds = LOOP_AGREEMENT.metrics.find((m) => m.id === metric.id)?.thresholds ?? [];
    for (const cycle of metric.cycles) {
      const stoppedAt = at(cycle.stoppedAt) ?? Infinity;
      for (const t of cycle.thresholds) {
        const lastAt = at(t.lastAt);
        if (t.crossings === 0 || lastAt === null) continue;
        if (stoppedAt < lastAt + ACT_GRACE_MS || now < lastAt + ACT_GRACE_MS) continue;
        thresholds[t.index]?.actions.forEach((action, index) => {
          const key = [
            issueId,
            LOOP_AGREEMENT.id,
            metric.id,
            cycle.startedAt,
            t.index,
            t.crossings,
            index,
          ].join('/');
          if (action.type === 'comment' && !seen.has(key))
            fail(`${issueId}: ${key} (crossed at ${iso(lastAt)}) is not in Jira at ${iso(now)}`);
          // Nobody but Accord touches labels here: one added stays.
          if (action.type === 'label' && !labels.includes(action.add))
            fail(`${issueId}: ${key} (crossed at ${iso(lastAt)}): no label "${action.add}" at ${iso(now)}`);
        });
      }
    }
  }

  // Repeats: crossings in working time, a repeat period apart, and no crossing without the one before it.
  const marked = [...seen.keys()].map(firing);
  const crossingAt = new Map<string, number>();
  for (const f of marked) {
    const comment = seen.get(f.key)?.[0];
    if (!comment) continue;
    const then = evaluateFresh(world, issueId, comment.created);
    const metric = then.agreements.flatMap((a) => a.metrics).find((m) => m.id === f.metricId);
    const cycle = metric?.cycles.find((c) => c.startedAt === f.cycleStart);
    const t = cycle?.thresholds.find((x) => x.index === f.threshold);
    const lastAt = at(t?.lastAt ?? null);
    if (!cycle || !t || lastAt === null || t.crossings !== f.crossing)
      return fail(
        `${issueId}: ${f.key} posted at ${iso(comment.created)}, when the history shows crossing ` +
          `${String(t?.crossings)} of that threshold`,
      );
    crossingAt.set(`${f.metricId}/${f.cycleStart}/${f.threshold}/${f.crossing}`, lastAt);
    const repeat = LOOP_AGREEMENT.metrics.find((m) => m.id === f.metricId)?.thresholds?.[f.threshold]
      ?.repeatEveryMinutes;
    if (repeat === undefined || f.crossing < 2) continue;
    const goal = LOOP_AGREEMENT.metrics.find((m) => m.id === f.metricId)?.goals[cycle.goalIndex ?? -1];
    const calendar = goal && engine().config.calendars.get(goal.calendar);
    if (!calendar) return fail(`${issueId}: ${f.key}: no goal calendar for the cycle`);
    if (calendar.elapsed((lastAt - 1) as EpochMs, lastAt as EpochMs) !== 1)
      fail(`${issueId}: repeat ${f.key} crossed at ${iso(lastAt)}, outside working time of ${goal.calendar}`);
  }
  for (const [crossing, lastAt] of crossingAt) {
    const [metricId, cycleStart, threshold, n] = crossing.split('/');
    if (Number(n) < 2) continue;
    const before = crossingAt.get(`${metricId}/${cycleStart}/${threshold}/${Number(n) - 1}`);
    if (before === undefined) fail(`${issueId}: ${crossing} posted, crossing ${Number(n) - 1} never was`);
    const repeat = LOOP_AGREEMENT.metrics.find((m) => m.id === metricId)?.thresholds?.[Number(threshold)]
      ?.repeatEveryMinutes;
    const cycle = result.agreements
      .flatMap((a) => a.metrics)
      .find((m) => m.id === metricId)
      ?.cycles.find((c) => c.startedAt === cycleStart);
    const goal = LOOP_AGREEMENT.metrics.find((m) => m.id === metricId)?.goals[cycle?.goalIndex ?? -1];
    const calendar = goal && engine().config.calendars.get(goal.calendar);
    if (!calendar || !cycle || before === undefined || repeat === undefined) continue;
    // The cycle's working time: the calendar's, less what fell in the cycle's pauses.
    const paused = cycle.pauses.reduce((sum, p) => {
      const from = Math.max(at(p.from) ?? 0, before);
      const to = Math.min(at(p.to) ?? Infinity, lastAt);
      return sum + (to > from ? calendar.elapsed(from as EpochMs, to as EpochMs) : 0);
    }, 0);
    const gap = calendar.elapsed(before as EpochMs, lastAt as EpochMs) - paused;
    if (gap !== repeat * 60_000)
      fail(`${issueId}: ${crossing} came ${String(gap)} working ms after the one before, not ${repeat} min`);
  }

  // Changes and notifications: never more than the firings of their actions; what is recorded done is in Jira.
  const records = await world.app.store.actions.forIssue(issueId);
  const log = records.map((r) => ({ ...firing(r.key), status: r.status }));
  const firings = (type: Action['type'], status?: string) =>
    log.filter((f) => f.action.type === type && (status === undefined || f.status === status)).length;
  const changes = appChanges(world, issueId);
  for (const [field, type] of [
    ['priority', 'priority'],
    ['labels', 'label'],
  ] as const) {
    const n = changes.get(field) ?? 0;
    if (n > firings(type)) fail(`${issueId}: ${n} ${field} changes by the app for ${firings(type)} firings`);
  }
  for (const f of log) {
    if (f.action.type === 'comment' && f.status === 'done' && !seen.has(f.key))
      fail(`${issueId}: ${f.key} is recorded done, and no comment carries it`);
  }
  // A notification recorded done went out once; one recorded unknown may have (the reply was lost, the
  // consumer died) or not (Jira failed without saying): never twice either way.
  const notified = world.app.site.notifications.filter((n) => n.issueId === issueId).length;
  const sent = firings('notify', 'done');
  const maybe = firings('notify', 'unknown');
  if (notified < sent || notified > sent + maybe)
    fail(`${issueId}: ${notified} notifications for ${sent} sent and ${maybe} that may have gone out`);
}

// ── Reports ────────────────────────────────────────────────────────────────────────────────────────────

const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };

/** The compliance report's figures equal a count over the stored cycles, per goal and month. */
async function checkReport(world: LoopWorld): Promise<void> {
  const reply = await dispatch(
    world.app.deps,
    'reports/compliance',
    { agreementId: LOOP_AGREEMENT.id, count: 3 },
    admin,
  );
  if (!reply.ok) return fail(`reports/compliance: ${reply.error.code}: ${reply.error.message}`);
  const report = reply.data as ComplianceReport;
  const cycles = await world.app.store.results.cycles({ agreementId: LOOP_AGREEMENT.id });
  const now = world.now;
  for (const row of report.rows) {
    const goal = LOOP_AGREEMENT.metrics.find((m) => m.id === row.metricId)?.goals[row.goalIndex ?? -1];
    const mine = cycles.filter((c) => c.metricId === row.metricId && c.goalIndex === row.goalIndex);
    report.periods.forEach((period, i) => {
      const want = countIn(mine, Date.parse(period.start), Date.parse(period.end), now);
      const figures = row.periods[i];
      const completed = want.met + want.breached;
      const objective = goal?.objectivePercent ?? null;
      const expected = {
        ...want,
        completed,
        metPercent: completed === 0 ? null : (want.met / completed) * 100,
        objectiveMet: completed === 0 || objective === null ? null : want.met * 100 >= objective * completed,
      };
      const got = figures && {
        met: figures.met,
        breached: figures.breached,
        running: figures.running,
        runningBreached: figures.runningBreached,
        completed: figures.completed,
        metPercent: figures.metPercent,
        objectiveMet: figures.objectiveMet,
      };
      if (!isDeepStrictEqual(normal(got), normal(expected)))
        fail(
          `report ${row.metricId} goal ${String(row.goalIndex)} ${period.label}: ${JSON.stringify(got)} ≠ ` +
            `${JSON.stringify(expected)} counted from the stored cycles`,
        );
    });
  }
  const reported = new Set(report.rows.map((r) => `${r.metricId}/${String(r.goalIndex)}`));
  for (const c of cycles) {
    if (!reported.has(`${c.metricId}/${String(c.goalIndex)}`))
      fail(`report: no row for ${c.metricId} goal ${String(c.goalIndex)}, which has stored cycles`);
  }
}

function countIn(cycles: readonly StoredCycle[], start: number, end: number, now: number) {
  const counts = { met: 0, breached: 0, running: 0, runningBreached: 0 };
  for (const c of cycles) {
    if (c.stoppedAt === null) {
      if (start <= now && now < end) {
        counts.running++;
        if (c.breached) counts.runningBreached++;
      }
    } else if (start <= c.stoppedAt && c.stoppedAt < end) {
      if (c.breached) counts.breached++;
      else counts.met++;
    }
  }
  return counts;
}

/** Every check of the final state. */
export async function checkFinal(world: LoopWorld, issueIds: readonly string[]): Promise<void> {
  for (const issueId of issueIds) {
    await checkStoredResults(world, issueId);
    await checkFirings(world, issueId);
  }
  await checkReport(world);
}
