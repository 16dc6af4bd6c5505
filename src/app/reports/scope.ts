/**
 * What a report is about: the agreements it covers (their current versions), the zone its periods are counted
 * in, the compiled calendars, and the words for goals that people read.
 */
import type { Agreement, Goal } from '../../engine/agreement/types';
import type { WorkingTime } from '../../engine/calendar/timeline';
import type { Calendar } from '../../engine/calendar/types';
import { parseLocalDate } from '../../engine/time/local-date';
import { isKnownZone } from '../../engine/time/zone';
import type { IanaZone } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import type { Version } from '../ports';
import { Refusal } from '../resolvers/envelope';
import type { GoalLabel, GoalTargetView } from '../resolvers/report-types';
import { placedIn } from '../resolvers/guard';

/** A current agreement version with a body (not deleted). */
export type LiveAgreement = Version<Agreement> & { readonly body: Agreement };

/** The configuration a report reads, loaded once per call. */
export interface ReportConfig {
  /** Every current agreement, by id. */
  readonly agreements: ReadonlyMap<string, LiveAgreement>;
  readonly calendars: readonly Version<Calendar>[];
}

/** Loads the current agreements and calendars. */
export async function loadReportConfig(deps: Deps): Promise<ReportConfig> {
  const [agreements, calendars] = await Promise.all([
    deps.store.config.list('agreement'),
    deps.store.config.list('calendar'),
  ]);
  const live = agreements.filter((a): a is LiveAgreement => a.body !== null);
  return { agreements: new Map(live.map((a) => [a.id, a])), calendars };
}

/**
 * The agreements a report covers: those placed in a project (`placedIn`: its settings' list, else those that
 * select their own issues with `appliesTo`, as evaluation does; either only if they can measure its issues) or
 * all; narrowed to one by id, or to those of a counterparty; in id order. An agreement id that is not among them is refused exactly as an unknown id is, so a caller who
 * may browse one project learns nothing of the agreements placed elsewhere, not even whether they exist.
 */
export async function agreementsInScope(
  deps: Deps,
  config: ReportConfig,
  filter: { readonly agreementId?: string; readonly counterparty?: string; readonly projectKey?: string },
): Promise<LiveAgreement[]> {
  let chosen = [...config.agreements.values()];
  if (filter.projectKey !== undefined) {
    const placed = new Set((await placedIn(deps, filter.projectKey)).map((a) => a.id));
    chosen = chosen.filter((a) => placed.has(a.id));
  }
  if (filter.agreementId !== undefined) {
    const one = chosen.find((a) => a.id === filter.agreementId);
    if (!one)
      throw new Refusal(
        'agreement-unknown',
        { ids: [filter.agreementId] },
        `No agreement "${filter.agreementId}".`,
      );
    chosen = [one];
  }
  if (filter.counterparty !== undefined)
    chosen = chosen.filter((a) => (a.body.counterparty ?? null) === filter.counterparty);
  return chosen.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The metrics each agreement has in its current version, for a report scope's `liveMetrics`: a metric a later version
 * removed (a restore of an older version, an edit) is no longer a current metric, and its stored cycles are not
 * counted, listed or named in reports, as the issue panel no longer shows it.
 * @example liveMetricsOf([gold]) // { gold: ['first-response', 'resolution'] }
 */
export function liveMetricsOf(agreements: readonly LiveAgreement[]): Record<string, string[]> {
  return Object.fromEntries(agreements.map((a) => [a.id, a.body.metrics.map((m) => m.id)]));
}

/**
 * The zone an agreement's periods are counted in: its `reportingTimeZone`, else the zone of its first goal's
 * calendar, else UTC.
 */
export function zoneOf(agreement: Agreement, calendars: readonly Version<Calendar>[]): IanaZone {
  const zone =
    agreement.reportingTimeZone ??
    calendars.find((c) => c.id === agreement.metrics[0]?.goals[0]?.calendar)?.body?.timeZone ??
    'UTC';
  return isKnownZone(zone) ? zone : ('UTC' as IanaZone);
}

/** The zone of a calendar (UTC when it is unknown): weekly maintenance windows are in their calendar's zone. */
export function calendarZone(config: ReportConfig, calendarId: string): IanaZone {
  const zone = config.calendars.find((c) => c.id === calendarId)?.body?.timeZone ?? 'UTC';
  return isKnownZone(zone) ? zone : ('UTC' as IanaZone);
}

/** A zone named in a payload, refused with its path when the runtime does not know it. */
export function payloadZone(zone: string, path: string): IanaZone {
  if (isKnownZone(zone)) return zone;
  throw new Refusal('time-zone-unknown', { zone }, `Unknown time zone "${zone}".`, [
    { code: 'payload.invalid', message: `unknown IANA time zone "${zone}"`, path },
  ]);
}

/** A local date `YYYY-MM-DD` from a payload as a civil day number, refused with its path when it is none. */
export function payloadDay(text: string, path: string): number {
  const day = parseLocalDate(text);
  if (day !== undefined) return day;
  throw new Refusal('date-invalid', { text }, `"${text}" is not a date.`, [
    { code: 'payload.invalid', message: `not a date "YYYY-MM-DD": "${text}"`, path },
  ]);
}

/**
 * The compiled calendars of the report's agreements (goal and availability calendars), through the
 * configuration cache, so a report compiles nothing the evaluations compiled already.
 */
export function compiledCalendars(
  deps: Deps,
  config: ReportConfig,
  agreements: readonly LiveAgreement[],
): ReadonlyMap<string, WorkingTime> {
  const compiled = deps.configs.compile(agreements, config.calendars);
  if ('problems' in compiled) {
    throw new Refusal(
      'configuration-invalid',
      {},
      'The configuration of these agreements is not valid; fix it before reporting on it.',
      compiled.problems,
    );
  }
  return compiled.compiled.calendars;
}

/**
 * How a goal reads in a report: its condition, or the code of what "no condition" means where it stands.
 * @example goalLabel(metric.goals, 1) // { kind: 'condition', when: 'priority = High' }
 */
export function goalLabel(goals: readonly Goal[], index: number | null): GoalLabel {
  if (index === null) return { kind: 'no-goal' };
  const goal = goals[index];
  if (!goal) return { kind: 'goal', number: index + 1 };
  if (goal.when !== undefined) return { kind: 'condition', when: goal.when };
  return { kind: goals.length === 1 ? 'all-issues' : 'other-issues' };
}

/**
 * A goal label as a CSV cell, the same in every language: the condition, or the label's code (`all-issues`,
 * `other-issues`, `no-goal`, `goal-3`).
 * @example goalCell({ kind: 'no-goal' }) === 'no-goal'
 */
export function goalCell(label: GoalLabel): string {
  if (label.kind === 'condition') return label.when;
  return label.kind === 'goal' ? `goal-${String(label.number)}` : label.kind;
}

/**
 * The terms of a business-day or date-field goal, for the reports to state beside its label; undefined for a
 * goal in working time (its `targetMinutes` says it all) or no goal.
 * @example goalTargetView({ calendar: 'c', businessDays: { days: 1 } }) // { businessDays: { days: 1 } }
 */
export function goalTargetView(goal: Goal | undefined): GoalTargetView | undefined {
  if (goal?.businessDays !== undefined) return { businessDays: goal.businessDays };
  if (goal?.dueDateField !== undefined) return { dueDateField: goal.dueDateField };
  return undefined;
}
