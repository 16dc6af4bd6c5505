import { z } from 'zod';
import type { Result } from '../errors';
import { zodProblems } from '../config/zod-problems';
import { checkCalendar, type CalendarCheckOptions, type ValidCalendar } from './check';
import { WEEKDAYS, type Calendar } from './types';

export { checkCalendar, type CalendarCheckOptions, type ValidCalendar } from './check';

// ── Shape ──────────────────────────────────────────────────────────────────────────────────────────────

const span = z.strictObject({ from: z.string(), to: z.string() });
const calendarSchema = z.strictObject({
  id: z.string().min(1).max(128),
  name: z.string(),
  timeZone: z.string(),
  week: z.strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(span).optional()])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodOptional<z.ZodArray<typeof span>>
    >,
  ),
  holidays: z
    .array(z.strictObject({ date: z.string(), name: z.string().optional(), annual: z.boolean().optional() }))
    .optional(),
  exceptions: z.array(z.strictObject({ date: z.string(), hours: z.array(span) })).optional(),
  holidayRegion: z.string().optional(),
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
  return checkCalendar(shape.data as Calendar, path, options);
}
