import type { Threshold } from '../agreement/types';
import type { CheckedAgreement, CheckedMetric } from '../agreement/validate';
import { resolveFieldName, SYSTEM_FIELDS, type FieldKey } from '../fields';
import type { WorkingTime } from '../calendar/timeline';
import type { IssueHistory, IssueHistoryData } from '../issue';
import { formatInstant } from '../time/iso';
import { MS_PER_MINUTE, type EpochMs, type WorkingMs } from '../time/units';
import { adjustmentsFor, isExcused, type Adjustment, type CycleAdjustments } from './adjustments';
import { compileConditions } from './conditions';
import { measureCycle, type GoalSpan, type MeasuredCycle } from './measure';
import {
  fixedDeadline,
  goalMatches,
  goalTargetFields,
  measureFixedDeadline,
  workingTarget,
  type DeadlineChange,
} from './targets';
import { isPaused, replayCycles, type MetricRules, type ReplayedCycle } from './replay';
import type {
  AgreementResult,
  CycleResult,
  GoalResult,
  IssueResult,
  MetricResult,
  ThresholdResult,
} from './result';

/** Agreements and calendars, checked and compiled once, for any number of issues. */
export interface CompiledConfig {
  readonly agreements: readonly CompiledAgreement[];
  readonly calendars: ReadonlyMap<string, WorkingTime>;
}

export interface CompiledAgreement {
  readonly checked: CheckedAgreement;
  readonly metrics: readonly CompiledMetric[];
}

interface CompiledMetric {
  readonly checked: CheckedMetric;
  readonly rules: MetricRules;
  /** The fields the goals' `when` read: where they change, the goal in force may change. */
  readonly goalFields: readonly FieldKey[];
}

/** Compiles the condition matchers of checked agreements. */
export function compileAgreements(agreements: readonly CheckedAgreement[]): CompiledAgreement[] {
  return agreements.map((checked) => ({
    checked,
    metrics: checked.metrics.map((m) => ({
      checked: m,
      rules: {
        start: compileConditions(m.metric.start),
        stop: compileConditions(m.metric.stop),
        reset: compileConditions(m.metric.reset),
        pauseWhile: m.pauseWhile,
      },
      goalFields: [...new Set(m.goals.flatMap((g) => [...(g.when?.fields ?? []), ...goalTargetFields(g)]))],
    })),
  }));
}

/**
 * Evaluates one issue's history against compiled agreements at `now`: a pure function of its inputs.
 * Agreements whose validity or `appliesTo` leave the issue out are left out of the result. `adjustments` are
 * the issue's extensions and excused breaches (docs/engine-contract.md, "Extensions and excused breaches").
 */
export function evaluateHistory(
  config: CompiledConfig,
  history: IssueHistory,
  now: EpochMs,
  adjustments: readonly Adjustment[] = NO_ADJUSTMENT_LIST,
): IssueResult {
  const valuesNow = history.at(now);
  const agreements: AgreementResult[] = [];
  for (const { checked, metrics } of config.agreements) {
    if (checked.validFrom !== undefined && history.created < checked.validFrom) continue;
    if (checked.validTo !== undefined && history.created >= checked.validTo) continue;
    if (checked.appliesTo && !checked.appliesTo.matches(valuesNow)) continue;
    const { agreement } = checked;
    const { id, name, kind, counterparty } = agreement;
    const results: MetricResult[] = [];
    for (const metric of metrics) {
      const own =
        adjustments.length === 0
          ? adjustments
          : adjustments.filter((a) => a.agreement === id && a.metric === metric.checked.metric.id);
      results.push(evaluateMetric(config, metric, history, now, own));
    }
    agreements.push(
      counterparty === undefined
        ? { id, name, kind, metrics: results }
        : { id, name, kind, counterparty, metrics: results },
    );
  }
  return { issue: history.key, evaluatedAt: formatInstant(now), agreements };
}

function evaluateMetric(
  config: CompiledConfig,
  compiled: CompiledMetric,
  history: IssueHistory,
  now: EpochMs,
  adjustments: readonly Adjustment[],
): MetricResult {
  const { metric, goals } = compiled.checked;
  const keep = metric.goalChange === 'keep';
  const thresholds = metric.thresholds ?? NO_THRESHOLDS;

  const replayed = replayCycles(history, compiled.rules, now);
  // Where the goal in force may change: wherever a field that a goal's `when` reads changes.
  const goalChanges = keep || replayed.length === 0 ? NO_INSTANTS : history.changesOf(compiled.goalFields);
  const cycles: CycleResult[] = [];
  let everBreached = false;
  let lastGoal = -1;
  let lastMeasured: MeasuredCycle | undefined;
  for (const cycle of replayed) {
    const adjust = adjustmentsFor(adjustments, cycle, now);
    const spans = goalSpans(config, goals, history, cycle, goalChanges, now, adjust.extraMs);
    // A date-field goal in force at the cycle's end is a fixed instant, not working time (targets.ts).
    const span = spans[spans.length - 1];
    const fixed = span && fixedDeadline(goals[span.goalIndex], cycle, span.calendar, history, now);
    // An extension of a fixed deadline: that much more working time of the goal's calendar after it.
    const fixedAt =
      fixed && adjust.extraMs > 0
        ? (span.calendar.deadline(fixed.deadline, adjust.extraMs as WorkingMs) ?? fixed.deadline)
        : fixed?.deadline;
    const measured =
      fixed && fixedAt !== undefined
        ? measureFixedDeadline(cycle, fixedAt, thresholds, span, now)
        : measureCycle(cycle, spans, thresholds, now);
    cycles.push(cycleResult(cycle, measured, fixed?.changes, adjust));
    everBreached ||= measured.breached;
    lastGoal = measured.goal.goalIndex;
    lastMeasured = measured;
  }

  const last = replayed[replayed.length - 1];
  if (!last) lastGoal = goalAt(goals, history, now);
  const paused = last !== undefined && isPaused(last);
  const running = last?.stoppedAt === null;
  const breached = lastMeasured?.breached ?? false;
  const calendar = lastMeasured?.goal.calendar ?? calendarOf(config, goals, lastGoal);
  const outOfHours = running && !paused && !calendar.isWorking(now);
  const state = !last
    ? 'not-started'
    : !running
      ? breached
        ? 'breached'
        : 'met'
      : paused
        ? 'paused'
        : outOfHours
          ? 'out-of-hours'
          : 'running';

  let next: number | null = null;
  if (running && !paused && lastMeasured) {
    if (!lastMeasured.breached) next = earliestDue(next, lastMeasured.deadline, now);
    for (const t of lastMeasured.thresholds) next = earliestDue(next, t.nextAt, now);
  } else if (running && lastMeasured && !lastMeasured.breached && (lastMeasured.remainingMs ?? 1) <= 0) {
    // Paused at the very instant its breach falls due (raised to a goal its elapsed time already exceeds): it is
    // breached as soon as the clock moves on, paused or not, so it is due now, or no one would look again.
    next = now;
  }

  const id = metric.id;
  const name = metric.name;
  const goal = goalResult(compiled.checked, lastGoal);
  const due = formatNullable(next as EpochMs | null);
  // One literal for each combination of the optional fields rather than spreads: each stays one shape, in the
  // output's key order, and the spreads cost more than the rest of the result.
  if (paused && metric.pauseWhile !== undefined) {
    const pausedBy = metric.pauseWhile;
    return { id, name, state, breached, everBreached, goal, cycles, pausedBy, next: due };
  }
  if (outOfHours) {
    const resumesAt = formatNullable(calendar.nextWorkingStart(now) ?? null);
    return { id, name, state, breached, everBreached, goal, cycles, resumesAt, next: due };
  }
  return { id, name, state, breached, everBreached, goal, cycles, next: due };
}

const NO_THRESHOLDS: readonly Threshold[] = [];
const NO_ADJUSTMENT_LIST: readonly Adjustment[] = [];
const NO_INSTANTS: readonly EpochMs[] = [];

/**
 * The goals in force over a cycle (docs/engine-contract.md, "Goal changes"): the goal of the issue's state at
 * the cycle's start, then each other goal its state selects, from the instant it does. Under 'keep', `changes`
 * is empty and the goal at the start stays. A change at the stop does not govern the stopped cycle; one at
 * `now` governs a running cycle's projection.
 */
function goalSpans(
  config: CompiledConfig,
  goals: CheckedMetric['goals'],
  history: IssueHistory,
  cycle: ReplayedCycle,
  changes: readonly EpochMs[],
  now: EpochMs,
  extraMs: number,
): GoalSpan[] {
  let index = goalAt(goals, history, cycle.startedAt);
  const spans = [goalSpan(config, goals, cycle, cycle.startedAt, index, extraMs)];
  for (const t of changes) {
    if (t <= cycle.startedAt) continue;
    if (cycle.stoppedAt === null ? t > now : t >= cycle.stoppedAt) break;
    const next = goalAt(goals, history, t);
    if (next === index) continue;
    index = next;
    spans.push(goalSpan(config, goals, cycle, t, index, extraMs));
  }
  return spans;
}

function goalSpan(
  config: CompiledConfig,
  goals: CheckedMetric['goals'],
  cycle: ReplayedCycle,
  from: EpochMs,
  index: number,
  extraMs: number,
): GoalSpan {
  const calendar = calendarOf(config, goals, index);
  // Working minutes, or a business-day goal's working time from the cycle's start (targets.ts); an extension
  // adds to the target of every goal the cycle runs under (a measure-only goal stays without one).
  const target = workingTarget(goals[index], cycle.startedAt, calendar);
  return {
    from,
    goalIndex: index,
    targetMs: target === null || extraMs === 0 ? target : target + extraMs,
    calendar,
  };
}

/** The first goal whose `when` holds at `instant`, or -1. */
function goalAt(goals: CheckedMetric['goals'], history: IssueHistory, instant: EpochMs): number {
  const values = history.at(instant);
  for (let i = 0; i < goals.length; i++) {
    const goal = goals[i];
    if (goal !== undefined && goalMatches(goal, values)) return i;
  }
  return -1;
}

/** A goal's calendar; a cycle whose goals all fail to match is measured on the first goal's, with no target. */
function calendarOf(config: CompiledConfig, goals: CheckedMetric['goals'], index: number): WorkingTime {
  const id = (goals[index] ?? goals[0])?.goal.calendar ?? '';
  const calendar = config.calendars.get(id);
  if (!calendar) throw new Error(`calendar ${id} was not compiled`); // validation guarantees it
  return calendar;
}

/** `next`, or `t` if it is due (not before `now`) and earlier. */
const earliestDue = (next: number | null, t: number | null, now: EpochMs): number | null =>
  t !== null && t >= now && (next === null || t < next) ? t : next;

function cycleResult(
  cycle: ReplayedCycle,
  measured: MeasuredCycle,
  deadlineChanges: readonly DeadlineChange[] | undefined,
  adjust: CycleAdjustments,
): CycleResult {
  const goalIndex = measured.goal.goalIndex;
  const pauses: CycleResult['pauses'] = [];
  for (const p of cycle.pauses) pauses.push({ from: formatInstant(p.from), to: formatNullable(p.to) });
  const thresholds: ThresholdResult[] = [];
  for (const t of measured.thresholds) {
    thresholds.push({
      index: thresholds.length,
      crossings: t.crossings,
      lastAt: formatNullable(t.lastAt),
      nextAt: formatNullable(t.nextAt),
    });
  }
  const deadline = formatNullable(measured.deadline);
  const result: CycleResult = {
    startedAt: formatInstant(cycle.startedAt),
    stoppedAt: formatNullable(cycle.stoppedAt),
    elapsedMs: measured.elapsedMs,
    pausedMs: measured.pausedMs,
    remainingMs: measured.remainingMs,
    deadline: isPaused(cycle) ? null : deadline,
    breached: measured.breached,
    // The breach is the deadline passed: one instant, formatted once.
    breachedAt: measured.breachedAt === measured.deadline ? deadline : formatNullable(measured.breachedAt),
    goalIndex: goalIndex < 0 ? null : goalIndex,
    pauses,
    thresholds,
  };
  if (deadlineChanges !== undefined && deadlineChanges.length > 0) {
    result.deadlineChanges = deadlineChanges.map((c) => ({
      at: formatInstant(c.at),
      deadline: formatNullable(c.deadline),
    }));
  }
  if (adjust.extensions > 0) {
    result.extended = { minutes: adjust.extraMs / MS_PER_MINUTE, count: adjust.extensions };
  }
  if (measured.breached && isExcused(adjust, measured.breachedAt)) result.excused = true;
  return result;
}

function goalResult(metric: CheckedMetric, index: number): GoalResult | null {
  const goal = metric.goals[index]?.goal;
  if (!goal) return null;
  const { calendar, objectivePercent, businessDays, dueDateField } = goal;
  const targetMinutes = goal.targetMinutes ?? null;
  const result: GoalResult =
    objectivePercent === undefined
      ? { index, targetMinutes, calendar }
      : { index, targetMinutes, calendar, objectivePercent };
  // The kind of a goal beyond working minutes, for the UIs to say "by Tue 17:00" rather than a duration.
  if (businessDays !== undefined) {
    // A copy in a fixed key order, which the fast JSON writer (result-json.ts) follows.
    const { days, cutoff, dueAt } = businessDays;
    const copy: NonNullable<GoalResult['businessDays']> = { days };
    if (cutoff !== undefined) copy.cutoff = cutoff;
    if (dueAt !== undefined) copy.dueAt = dueAt;
    result.businessDays = copy;
  }
  if (dueDateField !== undefined) result.dueDateField = dueDateField;
  return result;
}

const formatNullable = (t: EpochMs | null): string | null => (t === null ? null : formatInstant(t));

/**
 * Every field the agreements read: in `appliesTo`, goals' `when` and date fields, `pauseWhile`, and field
 * conditions. A stored
 * history that never saw one of these must be read from Jira again before it is re-evaluated.
 */
export function fieldsUsed(config: CompiledConfig): readonly FieldKey[] {
  // A recalculation asks once per issue with the same compiled configuration: work it out once per config.
  let used = fieldsUsedByConfig.get(config);
  if (!used) {
    used = collectFieldsUsed(config);
    fieldsUsedByConfig.set(config, used);
  }
  return used;
}

const fieldsUsedByConfig = new WeakMap<CompiledConfig, readonly FieldKey[]>();

function collectFieldsUsed(config: CompiledConfig): FieldKey[] {
  const keys = new Set<FieldKey>();
  for (const { checked } of config.agreements) {
    for (const key of checked.appliesTo?.fields ?? []) keys.add(key);
    for (const { metric, pauseWhile, goals } of checked.metrics) {
      for (const key of pauseWhile?.fields ?? []) keys.add(key);
      for (const goal of goals) {
        for (const key of goal.when?.fields ?? []) keys.add(key);
        if (goal.target.kind === 'dueDateField') keys.add(goal.target.field);
      }
      for (const condition of [...metric.start, ...metric.stop, ...(metric.reset ?? [])]) {
        if (condition.event === 'field') keys.add(resolveFieldName(condition.field));
      }
    }
  }
  return [...keys];
}

const SYSTEM = new Set<string>(SYSTEM_FIELDS);

/**
 * The fields among `needed` that a stored history cannot answer for: custom fields the issue's JSON did not
 * carry when it was read. System fields are always read; a field the history has values for is known.
 */
export function unknownFields(data: IssueHistoryData, needed: readonly FieldKey[]): FieldKey[] {
  const known = new Set<string>(data.known ?? []);
  for (const timeline of data.fields) for (const key of timeline.keys) known.add(key);
  return needed.filter((key) => !SYSTEM.has(key) && !known.has(key));
}
