import { evaluateHistory } from '../../engine/evaluate/evaluate';
import type { CycleResult, MetricResult } from '../../engine/evaluate/result';
import { historyOf } from '../../engine/issue';
import { formatInstant, parseInstant } from '../../engine/time/iso';
import type { EpochMs } from '../../engine/time/units';
import type { JsmSla, JsmSlaCycle } from '../ports';
import type { Deps } from '../evaluation/deps';

/**
 * Trust before switching (issue 16): for a project's recent requests, one of JSM's own SLA metrics (by name) side
 * by side with the Accord metric an admin maps it to, cycle by cycle, saying where start, stop, elapsed time,
 * goal or breach differ and, where it can tell, why: another calendar, another pause condition, another goal,
 * another start or stop condition.
 */

/** What to compare. */
export interface JsmComparisonRequest {
  readonly projectKey: string;
  /** JSM's SLA metric, by its name (case-insensitive), e.g. `Time to first response`. */
  readonly jsmMetric: string;
  readonly agreementId: string;
  readonly metricId: string;
  /** How many of the project's most recent requests (default 20). */
  readonly count?: number;
}

/** One side of a cycle, instants as ISO text. */
export interface CycleSide {
  readonly startedAt: string;
  readonly stoppedAt: string | null;
  readonly elapsedMs: number;
  readonly goalMs: number | null;
  readonly breached: boolean;
  readonly paused: boolean;
}

export type Difference = 'start' | 'stop' | 'elapsed' | 'goal' | 'breach' | 'missing';
/**
 * Why, where it can be told: `calendar` (the same span counted differently), `pause` (time one paused and the
 * other counted), `goal`, `start` / `stop` (another condition starts or stops the clock).
 */
export type Reason = 'calendar' | 'pause' | 'goal' | 'start' | 'stop';

export interface CycleComparison {
  readonly index: number;
  readonly jsm: CycleSide | null;
  readonly accord: CycleSide | null;
  readonly differences: readonly Difference[];
  readonly reasons: readonly Reason[];
}

export type IssueComparisonStatus = 'compared' | 'not-a-request' | 'no-jsm-metric' | 'not-measured';

export interface IssueComparison {
  readonly issueId: string;
  readonly issueKey: string | null;
  readonly status: IssueComparisonStatus;
  readonly cycles: readonly CycleComparison[];
}

export interface JsmComparison {
  readonly request: JsmComparisonRequest;
  readonly comparedAt: string;
  /** Every JSM SLA metric name seen on these requests, to pick from when the one asked for is not there. */
  readonly jsmMetrics: readonly string[];
  readonly issues: readonly IssueComparison[];
  /** Requests compared, and how many of them differ in anything. */
  readonly compared: number;
  readonly differing: number;
}

/** Instants closer than this are the same event (JSM and Accord read the same changelog, to the millisecond). */
const SAME_INSTANT_MS = 1000;
/** Durations closer than this are the same (JSM's durations are whole; a minute absorbs its rounding). */
const SAME_DURATION_MS = 60_000;
export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 50;

/**
 * Compares, for the project's most recent requests (newest first), JSM's cycles of `jsmMetric` with Accord's
 * stored cycles of the mapped metric.
 * @example await compareWithJsm(deps, { projectKey: 'IT', jsmMetric: 'Time to resolution', agreementId: 'gold', metricId: 'resolution' })
 */
export async function compareWithJsm(deps: Deps, request: JsmComparisonRequest): Promise<JsmComparison> {
  const now = deps.clock.now();
  const count = Math.min(MAX_COUNT, request.count ?? DEFAULT_COUNT);
  const project = request.projectKey.replace(/"/g, '');
  const { issueIds } = await deps.jira.searchIssueIds(`project = "${project}" ORDER BY created DESC`, {
    maxResults: count,
  });
  const names = new Set<string>();
  const issues: IssueComparison[] = [];
  for (const issueId of issueIds.slice(0, count)) {
    const [slas, stored] = await Promise.all([
      deps.jira.getRequestSlas(issueId),
      measuredNow(deps, issueId, request, now),
    ]);
    for (const sla of slas ?? []) names.add(sla.name);
    const issueKey = stored?.issueKey ?? null;
    const sla = slas?.find((s) => s.name.toLowerCase() === request.jsmMetric.trim().toLowerCase());
    const status: IssueComparisonStatus =
      slas === undefined
        ? 'not-a-request'
        : sla === undefined
          ? 'no-jsm-metric'
          : stored?.metric === undefined
            ? 'not-measured'
            : 'compared';
    issues.push({
      issueId,
      issueKey,
      status,
      cycles: sla && stored?.metric ? compareCycles(sla, stored.metric) : [],
    });
  }
  const compared = issues.filter((i) => i.status === 'compared');
  return {
    request: { ...request, count },
    comparedAt: formatInstant(now),
    jsmMetrics: [...names].sort(),
    issues,
    compared: compared.length,
    differing: compared.filter((i) => i.cycles.some((c) => c.differences.length > 0)).length,
  };
}

/**
 * Accord's measure of the mapped metric at `now`, from the stored history (no Jira call), so that a running
 * cycle is compared with JSM's at the same instant rather than as of its last evaluation.
 */
async function measuredNow(
  deps: Deps,
  issueId: string,
  request: JsmComparisonRequest,
  now: EpochMs,
): Promise<{ issueKey: string; metric: MetricResult | undefined } | undefined> {
  const history = await deps.store.histories.get(issueId);
  if (history === undefined) return undefined;
  const config = await deps.configs.forProject(history.projectKey);
  if ('problems' in config) return { issueKey: history.issueKey, metric: undefined };
  const result = evaluateHistory(config.compiled, historyOf(history.data), now);
  const metric = result.agreements
    .find((a) => a.id === request.agreementId)
    ?.metrics.find((m) => m.id === request.metricId);
  return { issueKey: history.issueKey, metric };
}

/** Cycle by cycle, in order; a cycle only one side has is `missing` on the other. */
export function compareCycles(sla: JsmSla, metric: MetricResult): CycleComparison[] {
  const out: CycleComparison[] = [];
  const n = Math.max(sla.cycles.length, metric.cycles.length);
  for (let index = 0; index < n; index++) {
    const j = sla.cycles[index];
    const a = metric.cycles[index];
    const jsm = j === undefined ? null : jsmSide(j);
    const accord = a === undefined ? null : accordSide(a, metric, index === metric.cycles.length - 1);
    if (jsm === null || accord === null || j === undefined || a === undefined) {
      // A cycle one side never opened: it starts (or restarts, on a reopening) on another condition.
      out.push({ index, jsm, accord, differences: ['missing'], reasons: ['start'] });
      continue;
    }
    out.push({ index, jsm, accord, ...differencesOf(j, a, accord) });
  }
  return out;
}

function differencesOf(
  j: JsmSlaCycle,
  a: CycleResult,
  accord: CycleSide,
): { differences: Difference[]; reasons: Reason[] } {
  const differences: Difference[] = [];
  const reasons = new Set<Reason>();
  const accordStart = parseInstant(a.startedAt) ?? Number.NaN;
  const accordStop = a.stoppedAt === null ? null : (parseInstant(a.stoppedAt) ?? Number.NaN);
  const startDiffers = !(Math.abs(j.startedAt - accordStart) <= SAME_INSTANT_MS);
  const stopDiffers =
    (j.stoppedAt === null) !== (accordStop === null) ||
    (j.stoppedAt !== null && accordStop !== null && !(Math.abs(j.stoppedAt - accordStop) <= SAME_INSTANT_MS));
  if (startDiffers) {
    differences.push('start');
    reasons.add('start');
  }
  if (stopDiffers) {
    differences.push('stop');
    reasons.add('stop');
  }
  const goalDiffers =
    j.goalMs !== null && accord.goalMs !== null && Math.abs(j.goalMs - accord.goalMs) > SAME_DURATION_MS;
  if (goalDiffers) {
    differences.push('goal');
    reasons.add('goal');
  }
  if (Math.abs(j.elapsedMs - a.elapsedMs) > SAME_DURATION_MS) {
    differences.push('elapsed');
    // The same span, counted differently: time one side paused, or hours one side does not count.
    if (!startDiffers && !stopDiffers) {
      const pausedDiffers = (j.paused ?? false) !== accord.paused;
      const accordCountedPause = Math.abs(a.elapsedMs + a.pausedMs - j.elapsedMs) <= SAME_DURATION_MS;
      if (pausedDiffers || (a.pausedMs > SAME_DURATION_MS && accordCountedPause)) reasons.add('pause');
      else reasons.add('calendar');
    }
  }
  if (j.breached !== a.breached) {
    differences.push('breach');
    // A breach differs because of what the clock or the goal did; nothing new to say when neither differs.
  }
  return { differences, reasons: [...reasons] };
}

function jsmSide(c: JsmSlaCycle): CycleSide {
  return {
    startedAt: formatInstant(c.startedAt as EpochMs),
    stoppedAt: c.stoppedAt === null ? null : formatInstant(c.stoppedAt as EpochMs),
    elapsedMs: c.elapsedMs,
    goalMs: c.goalMs,
    breached: c.breached,
    paused: c.paused ?? false,
  };
}

function accordSide(c: CycleResult, metric: MetricResult, last: boolean): CycleSide {
  return {
    startedAt: c.startedAt,
    stoppedAt: c.stoppedAt,
    elapsedMs: c.elapsedMs,
    // The target the cycle had: working time, or what a business-day goal became at its start.
    goalMs: c.remainingMs === null ? null : c.elapsedMs + c.remainingMs,
    breached: c.breached,
    paused: last && c.stoppedAt === null && metric.state === 'paused',
  };
}
