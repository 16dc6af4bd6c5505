import type { BusinessDayRule } from '../calendar/business-days';
import { parseWallTime } from '../calendar/check';
import { joinPath, type Problem } from '../errors';
import { resolveFieldName, SYSTEM_FIELDS, type FieldKey } from '../fields';
import { minutesToMs, type WorkingMs } from '../time/units';
import type { Goal } from './types';

/**
 * A goal's target, checked and parsed (docs/engine-contract.md, "Agreement"): exactly one of
 * - `minutes`: working minutes of the goal's calendar (`targetMinutes`; null: measure only);
 * - `businessDays`: a deadline in whole working days, turned into working time at the cycle's start;
 * - `dueDateField`: a fixed deadline read from a date or date-time field.
 */
export type GoalTarget =
  | { readonly kind: 'minutes'; readonly ms: WorkingMs | null }
  | { readonly kind: 'businessDays'; readonly rule: BusinessDayRule }
  | { readonly kind: 'dueDateField'; readonly field: FieldKey };

/** The most working days a business-day goal may count: a year of working days is already no promise. */
export const MAX_BUSINESS_DAYS = 366;

/** The date fields among the system fields; any custom field may hold a date. */
const SYSTEM_DATE_FIELDS: ReadonlySet<string> = new Set(['duedate']);
const SYSTEM: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

/**
 * Checks that a goal names exactly one target and that its parts are well-formed, pushing problems with their
 * JSON path; returns the parsed target, or undefined when a problem was found.
 * @example checkGoalTarget({ calendar: 'c', businessDays: { days: 1, cutoff: '12:00' } }, '$.metrics[0].goals[0]', problems)
 */
export function checkGoalTarget(goal: Goal, path: string, problems: Problem[]): GoalTarget | undefined {
  const given = (['targetMinutes', 'businessDays', 'dueDateField'] as const).filter(
    (key) => goal[key] !== undefined,
  );
  if (given.length !== 1) {
    problems.push({
      code: given.length === 0 ? 'agreement.goal.target.missing' : 'agreement.goal.target.ambiguous',
      message:
        given.length === 0
          ? 'a goal needs a target: "targetMinutes", "businessDays" or "dueDateField"'
          : `a goal has exactly one target; this one has ${given.map((k) => `"${k}"`).join(' and ')}`,
      path: given.length === 0 ? path : joinPath(path, given[1] ?? ''),
    });
    return undefined;
  }

  if (goal.businessDays !== undefined) {
    const at = joinPath(path, 'businessDays');
    const { days, cutoff, dueAt } = goal.businessDays;
    const before = problems.length;
    if (!Number.isInteger(days) || days < 0 || days > MAX_BUSINESS_DAYS) {
      problems.push({
        code: 'agreement.goal.businessDays.days',
        message: `"days" is a whole number of working days from 0 to ${MAX_BUSINESS_DAYS}: ${String(days)}`,
        path: joinPath(at, 'days'),
      });
    }
    const time = (text: string | undefined, key: string): number | undefined => {
      if (text === undefined) return undefined;
      const minutes = parseWallTime(text, true);
      if (minutes === undefined) {
        problems.push({
          code: 'agreement.goal.businessDays.time',
          message: `not a local time of day "HH:mm" (00:00 to 24:00): "${text}"`,
          path: joinPath(at, key),
        });
      }
      return minutes;
    };
    const cutoffMinutes = time(cutoff, 'cutoff');
    const dueAtMinutes = time(dueAt, 'dueAt');
    if (
      days === 0 &&
      cutoffMinutes !== undefined &&
      dueAtMinutes !== undefined &&
      dueAtMinutes <= cutoffMinutes
    ) {
      problems.push({
        code: 'agreement.goal.businessDays.dueBeforeCutoff',
        message: `with "days": 0, "dueAt" (${dueAt ?? ''}) must be later than "cutoff" (${cutoff ?? ''}): a request raised just before the cut-off would be due before it was raised`,
        path: joinPath(at, 'dueAt'),
      });
    }
    if (problems.length > before) return undefined;
    return { kind: 'businessDays', rule: { days, cutoff: cutoffMinutes, dueAt: dueAtMinutes } };
  }

  if (goal.dueDateField !== undefined) {
    const field = resolveFieldName(goal.dueDateField);
    if (goal.dueDateField.trim() === '' || (SYSTEM.has(field) && !SYSTEM_DATE_FIELDS.has(field))) {
      problems.push({
        code: 'agreement.goal.dueDateField',
        message: `"dueDateField" names a date or date-time field ("duedate", "customfield_10040", "cf[10040]" or a custom field's name), not "${goal.dueDateField}"`,
        path: joinPath(path, 'dueDateField'),
      });
      return undefined;
    }
    return { kind: 'dueDateField', field };
  }

  const minutes = goal.targetMinutes ?? null;
  return { kind: 'minutes', ms: minutes === null ? null : minutesToMs(minutes) };
}
