import { checkAgreements, type CheckedAgreement } from '../agreement/check';
import { checkCalendar, type CalendarCheckOptions, type ValidCalendar } from '../calendar/check';
import { compileCalendar, type RegionHolidayLookup } from '../calendar/compile';
import type { WorkingTime } from '../calendar/timeline';
import type { Calendar } from '../calendar/types';
import { fail, joinPath, type Problem, type Result } from '../errors';
import { compileAgreements, type CompiledConfig } from '../evaluate/evaluate';

/**
 * Checking and compiling a configuration, without zod: `loadConfig` (load.ts) puts zod's shape checks in
 * front of the same walk, and code handed a configuration that was validated elsewhere (a worker thread of
 * `accord evaluate`, given it by the main thread) compiles it without loading zod and its locales.
 */

export interface CompileOptions {
  /** Public holidays for calendars that name a `holidayRegion`. */
  readonly regionHolidays?: RegionHolidayLookup;
  /** Whether a region is known (see `checkCalendar`); without it only the region's form is checked. */
  readonly isKnownRegion?: (region: string) => boolean;
  /** The files the lists came from, named in every problem. */
  readonly agreementsFile?: string;
  readonly calendarsFile?: string;
}

/** How each list's items are checked: with their shape (load.ts) or, already of the right shape, without. */
export interface ConfigCheckers {
  readonly calendar: (input: unknown, path: string, options: CalendarCheckOptions) => Result<ValidCalendar>;
  readonly agreements: (
    input: unknown,
    calendarIds: ReadonlySet<string>,
    path: string,
  ) => Result<CheckedAgreement[]>;
}

/**
 * Checks agreements and calendars with `checkers` and compiles them: every problem in either list is
 * reported, each with its JSON path (and file, if given); nothing is half-compiled.
 * @example checkAndCompileConfig({ agreements, calendars }, {}, { calendar: validateCalendar, agreements: validateAgreements })
 */
export function checkAndCompileConfig(
  input: { readonly agreements: unknown; readonly calendars: unknown },
  options: CompileOptions,
  checkers: ConfigCheckers,
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
    const checkOptions = options.isKnownRegion ? { isKnownRegion: options.isKnownRegion } : {};
    input.calendars.forEach((raw: unknown, index) => {
      const at = joinPath(calendarsPath, index);
      const result = checkers.calendar(raw, at, checkOptions);
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
  const agreements = checkers.agreements(input.agreements, ids, '$');
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

const semanticsOnly: ConfigCheckers = {
  calendar: (input, path, options) => checkCalendar(input as Calendar, path, options),
  agreements: checkAgreements,
};

/**
 * Compiles agreements and calendars the caller vouches are of the right shape (validated elsewhere, then
 * posted or stored as JSON), without zod: the same checks and result as `loadConfig` apart from the shape.
 * Never throws: a list of another shape gives the problems the semantic checks find, or one `config.invalid`
 * problem where they trip over it.
 * @example compileCheckedConfig({ agreements, calendars }, { regionHolidays: lookupOverDatesSent })
 */
export function compileCheckedConfig(
  input: { readonly agreements: unknown; readonly calendars: unknown },
  options: CompileOptions = {},
): Result<CompiledConfig> {
  try {
    return checkAndCompileConfig(input, options, semanticsOnly);
  } catch (error) {
    // A shape zod would have refused (a missing `week`, a string for a list) surfaces as a TypeError here.
    return fail({
      code: 'config.invalid',
      message: `not a configuration of the validated shape: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
