import type { Agreement, AgreementKind, Metric } from '../../../../src/engine/agreement/types';
import { both, describe, EVERY_ISSUE, isEmptyScope, not, scopeOf, type Scope } from './scope';

/**
 * Whether OLA and UC targets fit inside the SLAs they underpin: an OLA of 6 h under an SLA of 4 h on the same
 * issues cannot help the SLA be met. Pure: the agreements (with where they apply) in, warnings out.
 *
 * The rules:
 * - An OLA or UC underpins an SLA where both can cover the same issue: their projects meet (when known), their
 *   validity periods meet, and their `appliesTo` conditions can hold together (see scope.ts).
 * - Goals are ordered, so a goal covers the issues its `when` matches and no earlier goal's did.
 * - What an underpinning goal must fit in is the SLA's longest commitment for those issues: the largest
 *   target among the SLA's metrics, each with the goal it would apply. (A first response of 30 minutes says
 *   nothing about a second-level team's day; the time to resolution does.) Measure-only goals (no target)
 *   commit to nothing.
 * - Targets count working time on their own calendars; `compare` decides whether one target ends later than
 *   another (by default: minutes, exact on the same calendar, approximate across calendars).
 */

/** An agreement, and the projects it is used in (undefined when not known: then it may apply anywhere). */
export interface FitInput {
  readonly agreement: Agreement;
  readonly projects?: readonly string[] | undefined;
}

/** A target on a calendar. */
export interface Timed {
  readonly minutes: number;
  readonly calendar: string;
}

/**
 * Whether `a` can end later than `b` when both start together: `exact` when the calendars allowed it, and a
 * start at which it happens when that depends on the start (targets on different calendars).
 */
export type Compare = (
  a: Timed,
  b: Timed,
) => { readonly later: boolean; readonly exact: boolean; readonly startedAt?: number };

export interface GoalRef {
  readonly agreementId: string;
  readonly agreementName: string;
  readonly kind: AgreementKind;
  readonly metricId: string;
  readonly metricName: string;
  /** 0-based position in the metric's goals. */
  readonly goalIndex: number;
  readonly targetMinutes: number;
  readonly calendar: string;
}

export interface FitWarning {
  /** The OLA or UC goal that cannot fit. */
  readonly underpinning: GoalRef;
  /** The SLA's longest commitment on the same issues. */
  readonly sla: GoalRef;
  /** The issues where it happens, as JQL; empty when it is every issue both cover. */
  readonly where: string;
  /** False when calendars differ and the comparison could only count minutes. */
  readonly exact: boolean;
  /** A start (epoch ms) at which the underpinning goal ends after the SLA's, when it depends on the start. */
  readonly startedAt?: number;
}

/** By minutes: exact on one calendar; across calendars a working minute is not the same everywhere. */
export const compareMinutes: Compare = (a, b) => ({
  later: a.minutes > b.minutes,
  exact: a.calendar === b.calendar,
});

// Combinations of SLA goals considered per pair of agreements; far beyond real agreements.
const MAX_COMBINATIONS = 1024;

/**
 * Every OLA or UC goal that cannot fit inside an SLA on the same issues, one warning per goal and SLA (the
 * tightest case), in the order of the input.
 * @example fitWarnings([{ agreement: sla4h }, { agreement: ola6h }]) // [{ underpinning: ola's goal, sla: … }]
 */
export function fitWarnings(inputs: readonly FitInput[], compare: Compare = compareMinutes): FitWarning[] {
  const warnings: FitWarning[] = [];
  const slas = inputs.filter((i) => i.agreement.kind === 'SLA');
  for (const under of inputs) {
    if (under.agreement.kind === 'SLA') continue;
    for (const sla of slas) {
      if (!projectsMeet(under.projects, sla.projects) || !periodsMeet(under.agreement, sla.agreement))
        continue;
      const shared = both(scopeOf(under.agreement.appliesTo), scopeOf(sla.agreement.appliesTo));
      if (isEmptyScope(shared)) continue;
      const ceilings = slaCeilings(sla.agreement, shared);
      for (const metric of under.agreement.metrics) {
        goalRegions(metric).forEach(({ index, region }) => {
          const goal = metric.goals[index];
          if (goal?.targetMinutes == null) return;
          const own: Timed = { minutes: goal.targetMinutes, calendar: goal.calendar };
          let worst: { ceiling: Ceiling; where: Scope; exact: boolean; startedAt?: number } | null = null;
          for (const ceiling of ceilings) {
            const where = both(region, ceiling.region);
            if (isEmptyScope(where)) continue;
            const verdict = compare(own, ceiling.target);
            if (!verdict.later) continue;
            if (worst === null || ceiling.target.minutes < worst.ceiling.target.minutes) {
              worst = {
                ceiling,
                where,
                exact: verdict.exact,
                ...(verdict.startedAt === undefined ? {} : { startedAt: verdict.startedAt }),
              };
            }
          }
          if (worst === null) return;
          warnings.push({
            underpinning: ref(under.agreement, metric, index, own),
            sla: worst.ceiling.ref,
            where: describeScope(worst.where),
            exact: worst.exact,
            ...(worst.startedAt === undefined ? {} : { startedAt: worst.startedAt }),
          });
        });
      }
    }
  }
  return warnings;
}

interface Ceiling {
  readonly region: Scope;
  readonly target: Timed;
  readonly ref: GoalRef;
}

/**
 * The SLA's longest commitment per kind of issue: each combination of one goal per metric (the one that would
 * apply), with the largest target among them.
 */
function slaCeilings(sla: Agreement, shared: Scope): Ceiling[] {
  let combos: { region: Scope; best: Ceiling | null }[] = [{ region: shared, best: null }];
  for (const metric of sla.metrics) {
    const next: typeof combos = [];
    for (const combo of combos) {
      for (const { index, region } of goalRegions(metric)) {
        const joined = both(combo.region, region);
        if (isEmptyScope(joined)) continue;
        const goal = metric.goals[index];
        let best = combo.best;
        // Only working-minutes goals are compared; business-day and date-field goals have no fixed length.
        const minutes = goal?.targetMinutes;
        if (goal && typeof minutes === 'number' && (best === null || minutes > best.target.minutes)) {
          const target = { minutes, calendar: goal.calendar };
          best = { region: joined, target, ref: ref(sla, metric, index, target) };
        }
        next.push({ region: joined, best });
        if (next.length > MAX_COMBINATIONS) return [];
      }
    }
    combos = next;
  }
  return combos.flatMap((c) => (c.best ? [{ ...c.best, region: c.region }] : []));
}

/** Each goal with the issues it applies to: its `when`, and no earlier goal's. Unreachable goals are left out. */
function goalRegions(metric: Metric): { index: number; region: Scope }[] {
  const out: { index: number; region: Scope }[] = [];
  let rest: Scope = EVERY_ISSUE;
  metric.goals.forEach((goal, index) => {
    if (isEmptyScope(rest)) return;
    const when = scopeOf(goal.when);
    const region = both(rest, when);
    if (!isEmptyScope(region)) out.push({ index, region });
    rest = both(rest, not(when));
  });
  return out;
}

function ref(agreement: Agreement, metric: Metric, goalIndex: number, target: Timed): GoalRef {
  return {
    agreementId: agreement.id,
    agreementName: agreement.name,
    kind: agreement.kind,
    metricId: metric.id,
    metricName: metric.name,
    goalIndex,
    targetMinutes: target.minutes,
    calendar: target.calendar,
  };
}

function describeScope(scope: Scope): string {
  const parts = scope.map(describe);
  if (parts.some((p) => p === '')) return '';
  return parts.length === 1 ? (parts[0] ?? '') : parts.map((p) => `(${p})`).join(' OR ');
}

function projectsMeet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const set = new Set(a.map((k) => k.toUpperCase()));
  return b.some((k) => set.has(k.toUpperCase()));
}

/** Validity as whole days (`validTo` inclusive); a missing bound is open. */
function periodsMeet(a: Agreement, b: Agreement): boolean {
  const day = (s: string | undefined) => s?.slice(0, 10);
  const [aFrom, aTo, bFrom, bTo] = [day(a.validFrom), day(a.validTo), day(b.validFrom), day(b.validTo)];
  if (aFrom !== undefined && bTo !== undefined && aFrom > bTo) return false;
  if (bFrom !== undefined && aTo !== undefined && bFrom > aTo) return false;
  return true;
}
