import { joinPath, type Problem, type Result } from '../errors';
import { parseJql, type JqlQuery } from '../jql';
import { parseInstant } from '../time/iso';
import { MS_PER_DAY, type EpochMs } from '../time/units';
import { checkGoalTarget, type GoalTarget } from './goal-target';
import { checkReportingTerms } from './reporting-terms';
import type { Agreement, Goal, Metric } from './types';

/**
 * The checks of an agreement beyond its shape, without zod: what a worker thread runs on agreements the main
 * thread has validated (zod and its locales cost a thread some 220 ms to load). `validate.ts` puts zod's shape
 * check in front of the same checks.
 */

/** A metric with its JQL parsed and compiled. */
export interface CheckedMetric {
  readonly metric: Metric;
  readonly pauseWhile: JqlQuery | undefined;
  readonly goals: readonly CheckedGoal[];
}

/** A goal with its `when` compiled and its target parsed. */
export interface CheckedGoal {
  readonly goal: Goal;
  readonly when: JqlQuery | undefined;
  readonly target: GoalTarget;
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

/** Checks one list item at a JSON path: the shape and semantics, or the semantics alone. */
export type AgreementChecker = (
  input: unknown,
  calendarIds: ReadonlySet<string>,
  path: string,
) => Result<CheckedAgreement>;

/**
 * Checks a list of agreements, each with `checkOne`, and that their ids are unique: the list walk that
 * {@link checkAgreements} and `validateAgreements` share.
 * @example checkAgreementList(JSON.parse(text), new Set(['always']), '$', validateAgreement)
 */
export function checkAgreementList(
  input: unknown,
  calendarIds: ReadonlySet<string>,
  path: string,
  checkOne: AgreementChecker,
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
    const one = checkOne(raw, calendarIds, at);
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

/**
 * {@link checkAgreement} on each of a list of agreements the caller vouches are of the right shape (the main
 * thread validated them), and that their ids are unique.
 * @example checkAgreements(agreementsTheMainThreadValidated, new Set(['always']), '$')
 */
export function checkAgreements(
  input: unknown,
  calendarIds: ReadonlySet<string>,
  path = '$',
): Result<CheckedAgreement[]> {
  return checkAgreementList(input, calendarIds, path, (raw, ids, at) =>
    checkAgreement(raw as Agreement, ids, at),
  );
}

/**
 * The checks of `validateAgreement` on an agreement already of the right shape: unique metric ids; every JQL
 * (`appliesTo`, `when`, `pauseWhile`, `incidentJql`) with the column of a problem; known calendars; dates;
 * `customerVisible` only on SLAs; reporting terms (see `reporting-terms.ts`). An agreement of another shape is
 * a bug of the caller: it may throw a `TypeError`.
 * @example checkAgreement(agreementTheMainThreadValidated, new Set(['berlin-9-17']), '$[0]')
 */
export function checkAgreement(
  agreement: Agreement,
  calendarIds: ReadonlySet<string>,
  path = '$',
): Result<CheckedAgreement> {
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
  if (
    agreement.commitmentComments !== undefined &&
    (agreement.kind !== 'SLA' || agreement.customerVisible !== true)
  ) {
    problems.push({
      code: 'agreement.commitmentComments',
      message:
        agreement.kind === 'SLA'
          ? 'only a customer-visible SLA posts its commitments to customers: set "customerVisible": true'
          : `only an SLA posts commitments to customers; OLAs and UCs are internal (this is a ${agreement.kind})`,
      path: joinPath(path, 'commitmentComments'),
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
      const target = checkGoalTarget(goal, gPath, problems) ?? NO_TARGET;
      return { goal, when: jql(goal.when, joinPath(gPath, 'when')), target };
    });
    return { metric, pauseWhile: jql(metric.pauseWhile, joinPath(mPath, 'pauseWhile')), goals };
  });

  checkReportingTerms(agreement, calendarIds, path, problems);

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { agreement, appliesTo, validFrom, validTo, metrics } };
}

/** Stands in for a target with problems: the agreement is refused, so it is never measured. */
const NO_TARGET: GoalTarget = { kind: 'minutes', ms: null };

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
