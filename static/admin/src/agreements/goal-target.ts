import type { BusinessDays, Goal } from '../../../../src/engine/agreement/types';
import { without } from '../omit';

/** Which of a goal's three targets it has (docs/engine-contract.md, "Agreement"). */
export type TargetKind = 'minutes' | 'businessDays' | 'dueDateField';

/** @example targetKindOf({ calendar: 'c', businessDays: { days: 1 } }) === 'businessDays' */
export function targetKindOf(goal: Goal): TargetKind {
  if (goal.businessDays !== undefined) return 'businessDays';
  if (goal.dueDateField !== undefined) return 'dueDateField';
  return 'minutes';
}

/**
 * The goal with a target of another kind in place of its own, so it never has two: 8 h of working time, the
 * next business day, or Jira's due date, each a starting point the admin then edits.
 * @example withTargetKind({ calendar: 'c', targetMinutes: 60 }, 'businessDays') // { calendar: 'c', businessDays: { days: 1 } }
 */
export function withTargetKind(goal: Goal, kind: TargetKind): Goal {
  const bare = without(without(without(goal, 'targetMinutes'), 'businessDays'), 'dueDateField');
  switch (kind) {
    case 'minutes':
      return { ...bare, targetMinutes: 480 };
    case 'businessDays':
      return { ...bare, businessDays: { days: 1 } };
    case 'dueDateField':
      return { ...bare, dueDateField: 'duedate' };
  }
}

/** What is wrong with a business-day rule as typed, by part; the words are the page's (`goals.error.*`). */
export interface BusinessDayErrors {
  readonly days?: 'days';
  readonly cutoff?: 'time';
  readonly dueAt?: 'time' | 'dueBeforeCutoff';
}

const MAX_DAYS = 366;

/** "HH:mm" from 00:00 to 24:00, as minutes; undefined when it is not one. */
function minutesOf(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return undefined;
  return h * 60 + m;
}

/**
 * Checks a business-day rule the way the backend will (src/engine/agreement/goal-target.ts), so the admin sees
 * a mistake as they type: whole days from 0 to 366, times as "HH:mm", and with `days: 0` a due time after the
 * cut-off (else a request raised just before the cut-off would be due before it was raised).
 * @example businessDayErrors({ days: 0, cutoff: '12:00', dueAt: '11:00' }) // { dueAt: 'dueBeforeCutoff' }
 */
export function businessDayErrors(rule: BusinessDays): BusinessDayErrors {
  const out: { days?: 'days'; cutoff?: 'time'; dueAt?: 'time' | 'dueBeforeCutoff' } = {};
  if (!Number.isInteger(rule.days) || rule.days < 0 || rule.days > MAX_DAYS) out.days = 'days';
  const cutoff = rule.cutoff === undefined ? undefined : minutesOf(rule.cutoff);
  const dueAt = rule.dueAt === undefined ? undefined : minutesOf(rule.dueAt);
  if (rule.cutoff !== undefined && cutoff === undefined) out.cutoff = 'time';
  if (rule.dueAt !== undefined && dueAt === undefined) out.dueAt = 'time';
  else if (rule.days === 0 && cutoff !== undefined && dueAt !== undefined && dueAt <= cutoff)
    out.dueAt = 'dueBeforeCutoff';
  return out;
}
