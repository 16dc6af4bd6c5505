import type { CheckedGoal } from '../agreement/check';
import type { Threshold } from '../agreement/types';
import { businessDayDeadline, endOfDueDate, type BusinessDayRule } from '../calendar/business-days';
import type { WorkingTime } from '../calendar/timeline';
import type { FieldKey, FieldValues } from '../fields';
import type { IssueHistory } from '../issue';
import { parseInstant } from '../time/iso';
import { parseLocalDate } from '../time/local-date';
import { MS_PER_MINUTE, type EpochMs, type WorkingMs } from '../time/units';
import type { GoalSpan, MeasuredCycle, MeasuredThreshold } from './measure';
import type { ReplayedCycle } from './replay';

/**
 * Goals beyond working minutes (docs/engine-contract.md, "Business-day goals" and "Date-field goals"), measured on a cycle:
 *
 * - a `businessDays` goal becomes, at the cycle's start, a target in working ms: the working time from the
 *   start to its deadline. From then on it is a `targetMinutes` goal (pauses push the deadline);
 * - a `dueDateField` goal is a fixed instant read from the field: pauses do not move it, and the cycle is
 *   breached once the clock passes it.
 */

/** A field change that moved a date-field goal's deadline inside a cycle; `deadline` null: the field was cleared. */
export interface DeadlineChange {
  readonly at: EpochMs;
  readonly deadline: EpochMs | null;
}

/**
 * Whether a goal applies to the issue's field values: its `when` holds, and a date-field goal's field holds a
 * date (while it is empty, the next goal in order applies).
 */
export function goalMatches(goal: CheckedGoal, values: FieldValues): boolean {
  if (goal.when !== undefined && !goal.when.matches(values)) return false;
  return goal.target.kind !== 'dueDateField' || fieldDate(values.get(goal.target.field)) !== undefined;
}

/** The fields that decide whether a goal matches beyond its `when`: a date-field goal's field. */
export function goalTargetFields(goal: CheckedGoal): readonly FieldKey[] {
  return goal.target.kind === 'dueDateField' ? [goal.target.field] : [];
}

/**
 * The working ms a goal allows a cycle that started at `start`: `targetMinutes`, or a business-day goal's
 * working time from the start to its deadline; null for a goal measured only, for no goal, and for a
 * date-field goal (a fixed instant, see {@link fixedDeadline}).
 * @example workingTarget(checked.goals[0], cycle.startedAt, calendar) // 15 * 3_600_000 for "next business day" at Mon 10:00
 */
export function workingTarget(
  goal: CheckedGoal | undefined,
  start: EpochMs,
  calendar: WorkingTime,
): WorkingMs | null {
  const target = goal?.target;
  if (target === undefined) return null;
  switch (target.kind) {
    case 'minutes':
      return target.ms;
    case 'businessDays':
      return businessDayTarget(calendar, start, target.rule);
    case 'dueDateField':
      return null;
  }
}

/** A date-field goal's deadline for a cycle, and each change of the field during the cycle. */
export interface FixedDeadline {
  readonly deadline: EpochMs;
  readonly changes: readonly DeadlineChange[];
}

/**
 * A date-field goal's deadline for a cycle: the field's date at the cycle's stop (or `now` while it runs), on
 * the goal's calendar; undefined for another kind of goal, or while the field is empty.
 */
export function fixedDeadline(
  goal: CheckedGoal | undefined,
  cycle: ReplayedCycle,
  calendar: WorkingTime,
  history: IssueHistory,
  now: EpochMs,
): FixedDeadline | undefined {
  const target = goal?.target;
  if (target?.kind !== 'dueDateField') return undefined;
  const end = cycle.stoppedAt ?? now;
  const deadline = fieldDeadline(history.at(end).get(target.field), calendar);
  if (deadline === undefined) return undefined;
  const changes: DeadlineChange[] = [];
  for (const at of history.changesOf([target.field])) {
    if (at < cycle.startedAt || at > end) continue;
    changes.push({ at, deadline: fieldDeadline(history.at(at).get(target.field), calendar) ?? null });
  }
  return { deadline, changes };
}

/**
 * The working time from a cycle's start to its business-day deadline: the target it is measured against.
 * Null (never breached) when the calendar has no working day within the 20 years it looks ahead.
 */
export function businessDayTarget(
  calendar: WorkingTime,
  start: EpochMs,
  rule: BusinessDayRule,
): WorkingMs | null {
  const deadline = businessDayDeadline(calendar, start, rule);
  return deadline === undefined ? null : calendar.elapsed(start, deadline);
}

// ── Date fields ────────────────────────────────────────────────────────────────────────────────────────

/** A field's value as a date-time (an instant) or a date (a local day number); undefined if it holds neither. */
type FieldDate = { readonly instant: EpochMs } | { readonly day: number };

/**
 * Reads a date or date-time from a field's aliases: Jira writes a date-time as `2026-03-06T17:00:00.000+0100`
 * and a date as `2026-03-06` (a changelog adds display strings such as `2026-03-06 00:00:00.0`, which are
 * neither and are skipped). An instant wins over a date when both are there.
 */
function fieldDate(values: readonly string[]): FieldDate | undefined {
  let day: number | undefined;
  for (const value of values) {
    if (value.length === 10) {
      day ??= parseLocalDate(value);
      continue;
    }
    // Values are lower-cased: `t` and `z` back to ISO's capitals.
    const instant = parseInstant(value.toUpperCase());
    if (instant !== undefined) return { instant };
  }
  return day === undefined ? undefined : { day };
}

/**
 * The deadline a date or date-time field names on the goal's calendar: a date-time is that instant; a date is
 * the end of that date's last working span, or the end of the date if it has no working time.
 */
export function fieldDeadline(values: readonly string[], calendar: WorkingTime): EpochMs | undefined {
  const date = fieldDate(values);
  if (date === undefined) return undefined;
  return 'instant' in date ? date.instant : endOfDueDate(calendar, date.day);
}

/**
 * Measures a cycle against a fixed deadline. Elapsed and paused time are counted as for any goal; the deadline
 * does not move with pauses, so the breach, the remaining time and the thresholds are read on the calendar's
 * working time from the cycle's start, pauses included.
 *
 * A cycle stopped at or before the deadline is met; a running one is breached once `now` passes it.
 * `breachedAt` is the deadline, or the cycle's start when the deadline had passed before the cycle began (a
 * breach never precedes its cycle). `remainingMs` is the working time from the end (or now) to the deadline,
 * negative past it.
 *
 * ATTENTION: thresholds count working time; a deadline outside working hours (a date-time at 20:00 on a
 * 9–17 calendar) is reached in working time at 17:00, so a 100 % threshold fires then, its breach at 20:00.
 */
export function measureFixedDeadline(
  cycle: ReplayedCycle,
  deadline: EpochMs,
  thresholds: readonly Threshold[],
  goal: GoalSpan,
  now: EpochMs,
): MeasuredCycle {
  const { calendar } = goal;
  const start = cycle.startedAt;
  const end = cycle.stoppedAt ?? now;
  let paused = 0;
  for (const pause of cycle.pauses) {
    paused += calendar.elapsed(pause.from, Math.min(pause.to ?? end, end) as EpochMs);
  }
  const elapsed = calendar.elapsed(start, end) - paused;
  const breached = end > deadline;
  const remaining =
    end <= deadline
      ? calendar.elapsed(end, deadline)
      : 0 - calendar.elapsed(Math.max(deadline, start) as EpochMs, end); // 0 - x: never -0
  const span = calendar.elapsed(start, deadline);
  const position = calendar.elapsed(start, end);
  const running = cycle.stoppedAt === null;
  const measured: MeasuredThreshold[] = [];
  for (const threshold of thresholds) {
    measured.push(fixedThreshold(threshold, span, position, running, start, calendar));
  }
  return {
    elapsedMs: elapsed as WorkingMs,
    pausedMs: paused as WorkingMs,
    remainingMs: remaining,
    deadline,
    breached,
    breachedAt: breached ? (Math.max(deadline, start) as EpochMs) : null,
    goal,
    thresholds: measured,
  };
}

/** A threshold on a fixed deadline: positions are working ms from the cycle's start, pauses included. */
function fixedThreshold(
  threshold: Threshold,
  span: number,
  position: number,
  running: boolean,
  start: EpochMs,
  calendar: WorkingTime,
): MeasuredThreshold {
  const at = threshold.at;
  const first =
    'percent' in at
      ? Math.floor((span * at.percent) / 100)
      : 'minutesBefore' in at
        ? Math.max(0, span - at.minutesBefore * MS_PER_MINUTE)
        : span + at.minutesAfterBreach * MS_PER_MINUTE;
  const every =
    threshold.repeatEveryMinutes === undefined ? 0 : Math.round(threshold.repeatEveryMinutes * MS_PER_MINUTE);
  const crossings = position < first ? 0 : every > 0 ? Math.floor((position - first) / every) + 1 : 1;
  const instant = (work: number): EpochMs | null => calendar.deadline(start, work as WorkingMs) ?? null;
  const lastAt = crossings > 0 ? instant(first + (crossings - 1) * every) : null;
  const nextAt = running && (crossings === 0 || every > 0) ? instant(first + crossings * every) : null;
  return { crossings, lastAt, nextAt };
}
