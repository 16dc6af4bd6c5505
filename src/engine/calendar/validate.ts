import { z } from 'zod';
import type { Result } from '../errors';
import { beyondConfigJson, LIMITS, list, nonEmptyText, text } from '../config/limits';
import { zodProblems } from '../config/zod-problems';
import { checkCalendar, type CalendarCheckOptions, type ValidCalendar } from './check';
import { WEEKDAYS, type Calendar } from './types';

export { checkCalendar, type CalendarCheckOptions, type ValidCalendar } from './check';

// ── Shape ──────────────────────────────────────────────────────────────────────────────────────────────

// Every string and list is bounded (`config/limits.ts`): a calendar travels with every issue reply.
const short = text(LIMITS.shortText);
const span = z.strictObject({ from: short, to: short });
const spans = list(span, LIMITS.spansPerDay);
const calendarSchema = z.strictObject({
  id: nonEmptyText(LIMITS.id),
  name: text(LIMITS.name),
  timeZone: short,
  week: z.strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, spans.optional()])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodOptional<typeof spans>
    >,
  ),
  holidays: list(
    z.strictObject({ date: short, name: text(LIMITS.name).optional(), annual: z.boolean().optional() }),
    LIMITS.holidays,
  ).optional(),
  exceptions: list(z.strictObject({ date: short, hours: spans }), LIMITS.exceptions).optional(),
  holidayRegion: short.optional(),
});

/**
 * Checks a calendar and normalizes it for compiling. Problems name the JSON path under `path`: an unknown
 * zone or region, a bad `HH:mm`, `from >= to`, overlapping spans, an impossible date, a repeated exception
 * date, and a week with no working time at all (a deadline on it would never come).
 * @example validateCalendar(JSON.parse(text), '$.calendars[0]')
 */
export function validateCalendar(
  input: unknown,
  path = '$',
  options: CalendarCheckOptions = {},
): Result<ValidCalendar> {
  const shape = calendarSchema.safeParse(input);
  if (!shape.success) return { ok: false, problems: zodProblems(shape.error, path, 'calendar', input) };
  const tooLarge = beyondConfigJson(shape.data, path, 'calendar');
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  return checkCalendar(shape.data as Calendar, path, options);
}
