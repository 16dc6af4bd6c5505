/**
 * Checks of an agreement's reporting terms: the reporting zone, the fee and its currency, penalty clauses and
 * availability objectives. Each problem names the JSON path of the value at fault.
 */
import { joinPath, type Problem } from '../errors';
import { parseJql } from '../jql';
import { belowPercentOf } from '../report/credits';
import { parseMaintenanceWindow } from '../report/maintenance';
import { isKnownZone } from '../time/zone';
import type { Agreement, AvailabilityObjective, PenaltyClause } from './types';

/**
 * Appends the problems of `agreement`'s reporting terms (at `path`) to `problems`.
 * @example checkReportingTerms(agreement, new Set(['always']), '$[0]', problems)
 */
export function checkReportingTerms(
  agreement: Agreement,
  calendarIds: ReadonlySet<string>,
  path: string,
  problems: Problem[],
): void {
  const zone = agreement.reportingTimeZone;
  if (zone !== undefined && !isKnownZone(zone)) {
    problems.push({
      code: 'agreement.zone.unknown',
      message: `unknown IANA time zone "${zone}" (use a name such as "Europe/Berlin")`,
      path: joinPath(path, 'reportingTimeZone'),
    });
  }
  const services = checkAvailability(agreement.availability ?? [], calendarIds, path, problems);
  checkPenalties(agreement, services, path, problems);
}

function checkAvailability(
  objectives: readonly AvailabilityObjective[],
  calendarIds: ReadonlySet<string>,
  path: string,
  problems: Problem[],
): Set<string> {
  const services = new Set<string>();
  objectives.forEach((objective, i) => {
    const at = joinPath(joinPath(path, 'availability'), i);
    if (services.has(objective.service)) {
      problems.push({
        code: 'agreement.service.duplicate',
        message: `service "${objective.service}" has two availability objectives`,
        path: joinPath(at, 'service'),
      });
    }
    services.add(objective.service);
    if (!calendarIds.has(objective.calendar)) {
      problems.push({
        code: 'agreement.calendar.unknown',
        message: `no calendar with id "${objective.calendar}"${calendarIds.size > 0 ? ` (known: ${[...calendarIds].join(', ')})` : ''}`,
        path: joinPath(at, 'calendar'),
      });
    }
    const jql = parseJql(objective.incidentJql);
    if (!jql.ok) {
      for (const p of jql.problems)
        problems.push({
          ...p,
          path: joinPath(at, 'incidentJql'),
          message: `${p.message} in "${objective.incidentJql}"`,
        });
    }
    (objective.maintenanceWindows ?? []).forEach((window, w) => {
      const parsed = parseMaintenanceWindow(window, joinPath(joinPath(at, 'maintenanceWindows'), w));
      if (!parsed.ok) problems.push(...parsed.problems);
    });
  });
  return services;
}

function checkPenalties(
  agreement: Agreement,
  services: ReadonlySet<string>,
  path: string,
  problems: Problem[],
): void {
  const penalties = agreement.penalties ?? [];
  if (penalties.length > 0 && (agreement.monthlyFee === undefined || agreement.currency === undefined)) {
    problems.push({
      code: 'agreement.fee.missing',
      message: 'penalty clauses are shares of the monthly fee: set "monthlyFee" and "currency"',
      path: joinPath(path, agreement.monthlyFee === undefined ? 'monthlyFee' : 'currency'),
    });
  }
  penalties.forEach((clause, i) => {
    const at = joinPath(joinPath(path, 'penalties'), i);
    const problem = checkClause(agreement, clause, services);
    if (problem) problems.push({ ...problem, path: joinPath(at, problem.key) });
  });
}

/** The first thing wrong with a clause, and under which key. */
function checkClause(
  agreement: Agreement,
  clause: PenaltyClause,
  services: ReadonlySet<string>,
): { code: string; message: string; key: string } | undefined {
  if (clause.service !== undefined) {
    if (clause.metric !== undefined || clause.goal !== undefined) {
      return {
        code: 'agreement.penalty.measure',
        message: 'a clause judges either a service\u2019s availability or a metric, not both',
        key: 'service',
      };
    }
    if (!services.has(clause.service)) {
      return {
        code: 'agreement.penalty.service',
        message: `no availability objective for service "${clause.service}"${services.size > 0 ? ` (known: ${[...services].join(', ')})` : ''}`,
        key: 'service',
      };
    }
  } else if (clause.goal !== undefined && clause.metric === undefined) {
    return {
      code: 'agreement.penalty.goal',
      message: 'a goal index needs the "metric" it belongs to',
      key: 'goal',
    };
  } else if (clause.metric !== undefined) {
    const metric = agreement.metrics.find((m) => m.id === clause.metric);
    if (!metric) {
      return {
        code: 'agreement.penalty.metric',
        message: `no metric "${clause.metric}" in this agreement (known: ${agreement.metrics.map((m) => m.id).join(', ')})`,
        key: 'metric',
      };
    }
    if (clause.goal !== undefined && clause.goal >= metric.goals.length) {
      return {
        code: 'agreement.penalty.goal',
        message: `metric "${metric.id}" has ${metric.goals.length} goal(s), numbered from 0; there is no goal ${clause.goal}`,
        key: 'goal',
      };
    }
  }
  if (belowPercentOf(agreement, clause) === undefined) {
    return {
      code: 'agreement.penalty.threshold',
      message:
        clause.goal !== undefined
          ? `goal ${clause.goal} of "${clause.metric ?? ''}" has no objectivePercent: say "belowPercent"`
          : 'say below which met share ("belowPercent") the credit is owed',
      key: 'belowPercent',
    };
  }
  return undefined;
}
