import { validateAgreements } from '../agreement/validate';
import { compileCalendar, type RegionHolidayLookup } from '../calendar/compile';
import type { WorkingTime } from '../calendar/timeline';
import { validateCalendar, type ValidCalendar } from '../calendar/validate';
import { joinPath, type Problem, type Result } from '../errors';
import { compileAgreements, type CompiledConfig } from '../evaluate/evaluate';

export interface LoadOptions {
  /** Public holidays for calendars that name a `holidayRegion`. */
  readonly regionHolidays?: RegionHolidayLookup;
  /** Whether a region is known (see `validateCalendar`); without it only the region's form is checked. */
  readonly isKnownRegion?: (region: string) => boolean;
  /** The files the lists came from, named in every problem. */
  readonly agreementsFile?: string;
  readonly calendarsFile?: string;
}

/**
 * Validates and compiles agreements and calendars once, for any number of evaluations. Every problem in
 * either list is reported, each with its JSON path; nothing is half-compiled.
 * @example loadConfig({ agreements, calendars }, { regionHolidays: dateHolidaysLookup })
 */
export function loadConfig(
  input: { readonly agreements: unknown; readonly calendars: unknown },
  options: LoadOptions = {},
): Result<CompiledConfig> {
  const calendarsPath = '$';
  const problems: Problem[] = [];
  const valid: ValidCalendar[] = [];
  if (!Array.isArray(input.calendars)) {
    problems.push({
      code: 'calendar.invalid',
      message: 'expected an array of calendars',
      path: calendarsPath,
    });
  } else {
    const seen = new Set<string>();
    input.calendars.forEach((raw: unknown, index) => {
      const at = joinPath(calendarsPath, index);
      const result = validateCalendar(
        raw,
        at,
        options.isKnownRegion ? { isKnownRegion: options.isKnownRegion } : {},
      );
      if (!result.ok) {
        problems.push(...result.problems);
        return;
      }
      if (seen.has(result.value.calendar.id)) {
        problems.push({
          code: 'calendar.id.duplicate',
          message: `calendar id "${result.value.calendar.id}" is used twice`,
          path: joinPath(at, 'id'),
        });
      }
      if (result.value.plan.holidayRegion !== undefined && options.regionHolidays === undefined) {
        problems.push({
          code: 'calendar.region.unavailable',
          message: 'holiday regions are not available here',
          path: joinPath(at, 'holidayRegion'),
        });
      }
      seen.add(result.value.calendar.id);
      valid.push(result.value);
    });
  }
  const ids = new Set(valid.map((c) => c.calendar.id));
  const agreements = validateAgreements(input.agreements, ids, '$');
  const inFile =
    (file: string | undefined) =>
    (p: Problem): Problem =>
      file === undefined ? p : { ...p, file };
  if (problems.length > 0 || !agreements.ok) {
    return {
      ok: false,
      problems: [
        ...problems.map(inFile(options.calendarsFile)),
        ...(agreements.ok ? [] : agreements.problems.map(inFile(options.agreementsFile))),
      ],
    };
  }

  const calendars = new Map<string, WorkingTime>();
  for (const { plan } of valid) calendars.set(plan.id, compileCalendar(plan, options.regionHolidays));
  return { ok: true, value: { agreements: compileAgreements(agreements.value), calendars } };
}
