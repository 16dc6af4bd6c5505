import type { I18n, MessageKeys } from '../i18n/i18n';
import type sharedEnglish from '../locales/en-US.json';
import { formatTarget } from './duration';

/** The shared catalogue's keys (static/shared/locales), which every UI's translator also finds. */
export type SharedKey = MessageKeys<typeof sharedEnglish>;

/** A goal's target as the engine's formats write it: exactly one of the three is set (docs/engine-contract.md, "Agreement"). */
export interface GoalTargetTerms {
  readonly targetMinutes?: number | null;
  readonly businessDays?: {
    readonly days: number;
    readonly cutoff?: string | undefined;
    readonly dueAt?: string | undefined;
  };
  readonly dueDateField?: string;
}

/** True for the goals whose deadline is a time of day rather than an amount of working time. */
export const isCalendarDeadline = (goal: GoalTargetTerms): boolean =>
  goal.businessDays !== undefined || goal.dueDateField !== undefined;

/**
 * A goal's target in the user's words: `4h`, `1 business day, due 17:00, raised after 12:00: next day`, `the
 * date in Due date`; null for a goal measured only.
 * @example goalTerms({ businessDays: { days: 1 } }, i18n) === '1 business day'
 */
export function goalTerms(goal: GoalTargetTerms, i18n: I18n<SharedKey>): string | null {
  const { t, locale } = i18n;
  if (goal.businessDays !== undefined) {
    const { days, cutoff, dueAt } = goal.businessDays;
    const parts = [days === 0 ? t('goal.sameBusinessDay') : t('goal.businessDays', { count: days })];
    if (dueAt !== undefined) parts.push(t('goal.dueAt', { time: formatWallTime(dueAt, locale) }));
    if (cutoff !== undefined) parts.push(t('goal.cutoff', { time: formatWallTime(cutoff, locale) }));
    return parts.join(', ');
  }
  if (goal.dueDateField !== undefined) {
    const field = goal.dueDateField.toLowerCase() === 'duedate' ? t('goal.duedate') : goal.dueDateField;
    return t('goal.dateField', { field });
  }
  const minutes = goal.targetMinutes ?? null;
  return minutes === null ? null : formatTarget(minutes, locale);
}

/**
 * A local "HH:mm" of a calendar as the locale writes a time of day (`17:00`, `5:00 PM`); `24:00`, the end of a
 * day, as written, since no clock shows it.
 * @example formatWallTime('17:00', 'en-US') === '5:00 PM'
 */
export function formatWallTime(text: string, locale: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const h = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || h > 23 || m > 59) return text;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(
    Date.UTC(2000, 0, 1, h, m),
  );
}

const SIX_DAYS = 6 * 86_400_000;

/**
 * A deadline as a contract states it, in the goal calendar's zone (where "17:00" was agreed), in the user's
 * locale: `Tue 17:00` within the coming six days, `Tue 1 Dec, 17:00` further away or in the past.
 * @example formatBy(Date.UTC(2026, 2, 3, 16), { locale: 'en-GB', timeZone: 'Europe/Berlin', now }) // 'Tue 17:00'
 */
export function formatBy(
  deadline: number,
  where: { readonly locale: string; readonly timeZone: string; readonly now: number },
): string {
  const near = deadline >= where.now && deadline - where.now < SIX_DAYS;
  return new Intl.DateTimeFormat(where.locale, {
    timeZone: where.timeZone,
    weekday: 'short',
    ...(near ? {} : { day: 'numeric', month: 'short' }),
    // `17:00` where the locale counts hours 0–23, `5:00 PM` where it counts 1–12, as formatInstant does.
    hour: usesTwelveHours(where.locale) ? 'numeric' : '2-digit',
    minute: '2-digit',
  }).format(deadline);
}

function usesTwelveHours(locale: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12';
}
