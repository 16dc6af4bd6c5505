import { validateAgreements } from '../agreement/validate';
import { validateCalendar } from '../calendar/validate';
import type { Result } from '../errors';
import type { CompiledConfig } from '../evaluate/evaluate';
import { checkAndCompileConfig, type CompileOptions, type ConfigCheckers } from './compile-checked';

export type LoadOptions = CompileOptions;

const withShapes: ConfigCheckers = { calendar: validateCalendar, agreements: validateAgreements };

/**
 * Validates and compiles agreements and calendars once, for any number of evaluations. Every problem in
 * either list is reported, each with its JSON path; nothing is half-compiled. Configuration validated before
 * compiles without zod through `compileCheckedConfig` (compile-checked.ts).
 * @example loadConfig({ agreements, calendars }, { regionHolidays: dateHolidaysLookup })
 */
export function loadConfig(
  input: { readonly agreements: unknown; readonly calendars: unknown },
  options: LoadOptions = {},
): Result<CompiledConfig> {
  return checkAndCompileConfig(input, options, withShapes);
}
