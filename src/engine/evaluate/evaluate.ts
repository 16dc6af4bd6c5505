import type { Threshold } from '../agreement/types';
import type { CheckedAgreement, CheckedMetric } from '../agreement/validate';
import { resolveFieldName, SYSTEM_FIELDS, type FieldKey } from '../fields';
import type { WorkingTime } from '../calendar/timeline';
import type { IssueHistory, IssueHistoryData } from '../issue';
import { formatInstant } from '../time/iso';
import type { EpochMs } from '../time/units';
import { compileConditions } from './conditions';
import type { MeasuredCycle } from './measure';
import { goalMatches, measureGoal, type DeadlineChange } from './targets';
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
    })),
  }));
}

/**
 * Evaluates one issue's history against compiled agreements at `now`: a pure function of its inputs.
 * Agreements whose validity or `appliesTo` leave the issue out are left out of the result.
 */
export function evaluateHistory(config: CompiledConfig, history: IssueHistory, now: EpochMs): IssueResult {
  const valuesNow = history.at(now);
  const agreements: AgreementResult[] = [];
  for (const { checked, metrics } of config.agreements) {
    if (checked.validFrom !== undefined && history.created < checked.validFrom) continue;
    if (checked.validTo !== undefined && history.created >= checked.validTo) continue;
    if (checked.appliesTo && !checked.appliesTo.matches(valuesNow)) continue;
    const { agreement } = checked;
    const { id, name, kind, counterparty } = agreement;
    const results: MetricResult[] = [];
    for (const metric of metrics) results.push(evaluateMetric(config, metric, history, now));
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
): MetricResult {
  const { metric, goals } = compiled.checked;
  const keep = metric.goalChange === 'keep';
  const thresholds = metric.thresholds ?? NO_THRESHOLDS;

  const replayed = replayCycles(history, compiled.rules, now);
  const cycles: CycleResult[] = [];
  let everBreached = false;
  let lastGoal = -1;
  let lastMeasured: MeasuredCycle | undefined;
  for (const cycle of replayed) {
    // 'retarget': the goal of the issue's state at the evaluation instant (the stop, for a finished cycle).
    const goalIndex = goalAt(goals, history, keep ? cycle.startedAt : (cycle.stoppedAt ?? now));
    const calendar = calendarOf(config, goals, goalIndex);
    // The goal's target (working minutes, business days, a date field) is measured in targets.ts.
    const { measured, deadlineChanges } = measureGoal(
      goals[goalIndex],
      cycle,
      thresholds,
      calendar,
      history,
      now,
    );
    cycles.push(cycleResult(cycle, measured, goalIndex, deadlineChanges));
    everBreached ||= measured.breached;
    lastGoal = goalIndex;
    lastMeasured = measured;
  }

  const last = replayed[replayed.length - 1];
  if (!last) lastGoal = goalAt(goals, history, now);
  const paused = last !== undefined && isPaused(last);
  const running = last?.stoppedAt === null;
  const breached = lastMeasured?.breached ?? false;
  const calendar = calendarOf(config, goals, lastGoal);
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
  goalIndex: number,
  deadlineChanges: readonly DeadlineChange[] | undefined,
): CycleResult {
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
