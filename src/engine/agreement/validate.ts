import type { Result } from '../errors';
import { beyondConfigJson } from '../config/limits';
import { zodProblems } from '../config/zod-problems';
import { checkAgreement, checkAgreementList, type CheckedAgreement } from './check';
import { agreementSchema } from './schema';
import type { Agreement } from './types';

export { checkAgreement, checkAgreements, type CheckedAgreement, type CheckedMetric } from './check';

/**
 * Checks a list of agreements against the calendars they name: the shape; unique agreement and metric ids;
 * every JQL (`appliesTo`, `when`, `pauseWhile`, `incidentJql`) with the column of a problem; known calendars;
 * dates; `customerVisible` only on SLAs; reporting terms (zone, fee, penalty clauses, availability objectives
 * and their maintenance windows, see `reporting-terms.ts`). Problems carry the JSON path under `path`.
 * @example validateAgreements(JSON.parse(text), new Set(['berlin-9-17']), '$')
 */
export function validateAgreements(
  input: unknown,
  calendarIds: ReadonlySet<string>,
  path = '$',
): Result<CheckedAgreement[]> {
  return checkAgreementList(input, calendarIds, path, validateAgreement);
}

/**
 * Checks one agreement: zod's shape check, then {@link checkAgreement}; see {@link validateAgreements}.
 * @example validateAgreement(JSON.parse(text), new Set(['berlin-9-17']), '$.agreement')
 */
export function validateAgreement(
  input: unknown,
  calendarIds: ReadonlySet<string>,
  path = '$',
): Result<CheckedAgreement> {
  const shape = agreementSchema.safeParse(input);
  if (!shape.success) return { ok: false, problems: zodProblems(shape.error, path, 'agreement', input) };
  const tooLarge = beyondConfigJson(shape.data, path, 'agreement');
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  return checkAgreement(shape.data as Agreement, calendarIds, path);
}
