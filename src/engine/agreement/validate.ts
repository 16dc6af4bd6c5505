import { joinPath, type Problem, type Result } from '../errors';
import { zodProblems } from '../config/zod-problems';
import { parseJql, type JqlQuery } from '../jql';
import { parseInstant } from '../time/iso';
import { MS_PER_DAY, type EpochMs } from '../time/units';
import { checkReportingTerms } from './reporting-terms';
import { agreementSchema } from './schema';
import type { Agreement, Goal, Metric } from './types';

/** A metric with its JQL parsed and compiled. */
export interface CheckedMetric {
  readonly metric: Metric;
  readonly pauseWhile: JqlQuery | undefined;
  readonly goals: readonly { readonly goal: Goal; readonly when: JqlQuery | undefined }[];
}

/** An agreement that passed validation, with its JQL compiled and its validity as instants. */
export interface CheckedAgreement {
  readonly agreement: Agreement;
  readonly appliesTo: JqlQuery | undefined;
  /** Issues created in `[validFrom, validTo)` are covered. */
  readonly validFrom: EpochMs | undefined;
  readonly validTo: EpochMs | undefined;
  readonly metrics: readonly CheckedMetric[];
}

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
  if (!Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ code: 'agreement.invalid', message: 'expected an array of agreements', path }],
    };
  }
  const problems: Problem[] = [];
  const checked: CheckedAgreement[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw: unknown, index) => {
    const at = joinPath(path, index);
    const one = validateAgreement(raw, calendarIds, at);
    if (!one.ok) {
      problems.push(...one.problems);
      return;
    }
    const first = seen.get(one.value.agreement.id);
    if (first !== undefined) {
      problems.push({
        code: 'agreement.id.duplicate',
        message: `agreement id "${one.value.agreement.id}" is already used at index ${first}`,
        path: joinPath(at, 'id'),
      });
    }
    seen.set(one.value.agreement.id, index);
    checked.push(one.value);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: checked };
}

/** Checks one agreement; see {@link validateAgreements}. */
export function validateAgreement(
  input: unknown,
  calendarIds: ReadonlySet<string>,
  path = '$',
): Result<CheckedAgreement> {
  const shape = agreementSchema.safeParse(input);
  if (!shape.success) return { ok: false, problems: zodProblems(shape.error, path, 'agreement') };
  const agreement = shape.data as Agreement;
  const problems: Problem[] = [];

  const jql = (text: string | undefined, at: string): JqlQuery | undefined => {
    if (text === undefined) return undefined;
    const parsed = parseJql(text);
    if (parsed.ok) return parsed.value;
    for (const p of parsed.problems) problems.push({ ...p, path: at, message: `${p.message} in "${text}"` });
    return undefined;
  };

  const appliesTo = jql(agreement.appliesTo, joinPath(path, 'appliesTo'));
  const validFrom = dateBound(agreement.validFrom, false, joinPath(path, 'validFrom'), problems);
  const validTo = dateBound(agreement.validTo, true, joinPath(path, 'validTo'), problems);
  if (validFrom !== undefined && validTo !== undefined && validTo <= validFrom) {
    problems.push({
      code: 'agreement.validity.empty',
      message: '"validTo" must not be before "validFrom"',
      path: joinPath(path, 'validTo'),
    });
  }
  if (agreement.reviewBy !== undefined)
    dateBound(agreement.reviewBy, false, joinPath(path, 'reviewBy'), problems);
  if (agreement.customerVisible === true && agreement.kind !== 'SLA') {
    problems.push({
      code: 'agreement.visibility',
      message: `only an SLA can be customer-visible; OLAs and UCs are internal (this is a ${agreement.kind})`,
      path: joinPath(path, 'customerVisible'),
    });
  }

  const metricIds = new Set<string>();
  const metrics = agreement.metrics.map((metric, m): CheckedMetric => {
    const mPath = joinPath(joinPath(path, 'metrics'), m);
    if (metricIds.has(metric.id)) {
      problems.push({
        code: 'agreement.metric.duplicate',
        message: `metric id "${metric.id}" is used twice`,
        path: joinPath(mPath, 'id'),
      });
    }
    metricIds.add(metric.id);
    const goals = metric.goals.map((goal, g) => {
      const gPath = joinPath(joinPath(mPath, 'goals'), g);
      if (!calendarIds.has(goal.calendar)) {
        problems.push({
          code: 'agreement.calendar.unknown',
          message: `no calendar with id "${goal.calendar}"${calendarIds.size > 0 ? ` (known: ${[...calendarIds].join(', ')})` : ''}`,
          path: joinPath(gPath, 'calendar'),
        });
      }
      return { goal, when: jql(goal.when, joinPath(gPath, 'when')) };
    });
    return { metric, pauseWhile: jql(metric.pauseWhile, joinPath(mPath, 'pauseWhile')), goals };
  });

  checkReportingTerms(agreement, calendarIds, path, problems);

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { agreement, appliesTo, validFrom, validTo, metrics } };
}

/** An ISO date (a whole UTC day; the end bound includes it) or an ISO instant. */
function dateBound(
  text: string | undefined,
  isEnd: boolean,
  path: string,
  problems: Problem[],
): EpochMs | undefined {
  if (text === undefined) return undefined;
  const instant = parseInstant(text);
  if (instant === undefined) {
    problems.push({
      code: 'agreement.date.invalid',
      message: `not an ISO date "YYYY-MM-DD" or instant: "${text}"`,
      path,
    });
    return undefined;
  }
  // ATTENTION: a date alone is read as a UTC day, since an agreement has no zone of its own.
  return (isEnd && text.length === 10 ? instant + MS_PER_DAY : instant) as EpochMs;
}
