import { z } from 'zod';
import type { AgreementKind } from '../../engine/agreement/types';
import type { Calendar } from '../../engine/calendar/types';
import type { MetricResult } from '../../engine/evaluate/result';
import { regionHolidays } from '../../engine/calendar/region-holidays';
import type { Deps } from '../evaluation/deps';
import type { StoredResult } from '../ports';
import { refreshIssue } from '../evaluation/evaluate-issue';
import { displayState, type SummaryState } from '../evaluation/summary';
import { requireBrowse } from './guard';
import { route, type Route } from './route';
import { issueId } from './fields';

/**
 * A calendar as the browser needs it to tick a countdown with the engine's own code: the configuration, and its
 * region's public holidays already resolved (so the browser need not carry every country's holiday data).
 */
export interface CalendarForCountdown {
  readonly calendar: Calendar;
  readonly version: number;
  readonly regionDates: readonly string[];
}

/**
 * The `issue/metrics` reply: the stored result of every applicable agreement's metrics, and the calendars they
 * run on with their region's public holidays already resolved.
 */
export interface IssueMetrics {
  readonly issueId: string;
  /** When the newest stored result was evaluated (epoch ms); null when there is none. */
  readonly evaluatedAt: number | null;
  readonly results: readonly IssueMetricEntry[];
  readonly calendars: readonly CalendarForCountdown[];
}

/** One metric of one agreement on the issue, with what the panel needs to say what applies and why. */
export interface IssueMetricEntry {
  readonly agreementId: string;
  readonly agreementVersion: number;
  /** The agreement's name and counterparty in the version the result came from. */
  readonly agreementName: string;
  readonly counterparty: string | null;
  /** When this result was evaluated (epoch ms). */
  readonly evaluatedAt: number;
  /** Each goal's `when` condition, by goal index (null: the goal without a condition). */
  readonly goalConditions: readonly (string | null)[];
  readonly kind: AgreementKind;
  /** The state agents read (a running cycle past its first threshold is `at-risk`). */
  readonly displayState: SummaryState;
  readonly metric: MetricResult;
}

async function calendarsFor(deps: Deps, ids: ReadonlySet<string>): Promise<CalendarForCountdown[]> {
  const year = new Date(deps.clock.now()).getUTCFullYear();
  const all = await deps.store.config.list('calendar');
  return all.flatMap((v) => {
    if (!v.body || !ids.has(v.id)) return [];
    const region = v.body.holidayRegion;
    const dates = region === undefined ? undefined : regionHolidays(region, year - 1, year + 1);
    return [
      { calendar: v.body, version: v.version, regionDates: dates?.ok ? dates.value.map((d) => d.date) : [] },
    ];
  });
}

/**
 * The stored results whose metric still exists: its agreement's newest version is not a deletion and still has
 * it. A version saved or restored without a metric takes it off the panel at once, before a recalculation
 * removes it from the stored results (and from the "SLA state" and "next deadline" fields).
 */
async function currentMetricsOnly(deps: Deps, results: readonly StoredResult[]): Promise<StoredResult[]> {
  const ids = [...new Set(results.map((r) => r.agreementId))];
  const newest = await Promise.all(ids.map((id) => deps.store.config.get('agreement', id)));
  const live = new Map(ids.map((id, i) => [id, new Set(newest[i]?.body?.metrics.map((m) => m.id) ?? [])]));
  return results.filter((r) => live.get(r.agreementId)?.has(r.metricId) === true);
}

export const issueRoutes = {
  /** The agent's view: every applicable agreement's metrics on the issue, and the calendars to tick them. */
  'issue/metrics': route(z.object({ issueId }).strict(), async (deps, ctx, p): Promise<IssueMetrics> => {
    await requireBrowse(deps, ctx, p.issueId);
    let results = await currentMetricsOnly(deps, await deps.store.results.forIssue(p.issueId));
    // Closed long ago, retention dropped what Accord stored of it: read it from Jira again, once, to show it.
    if (results.length === 0 && (await deps.store.histories.dropped(p.issueId))) {
      await refreshIssue(deps, p.issueId);
      results = await currentMetricsOnly(deps, await deps.store.results.forIssue(p.issueId));
    }
    // The agreement versions the results came from: their names, counterparties and goals' conditions, so
    // the panel can say what applies and why.
    const versions = await Promise.all(
      results.map((r) => deps.store.config.get('agreement', r.agreementId, r.agreementVersion)),
    );
    const calendarIds = new Set(results.flatMap((r) => (r.result.goal ? [r.result.goal.calendar] : [])));
    return {
      issueId: p.issueId,
      evaluatedAt: results.reduce((max, r) => Math.max(max, r.evaluatedAt), 0) || null,
      results: results.map((r, i) => {
        const agreement = versions[i]?.body ?? undefined;
        const goals = agreement?.metrics.find((m) => m.id === r.metricId)?.goals ?? [];
        return {
          agreementId: r.agreementId,
          agreementVersion: r.agreementVersion,
          agreementName: agreement?.name ?? r.agreementId,
          counterparty: agreement?.counterparty ?? null,
          evaluatedAt: r.evaluatedAt,
          goalConditions: goals.map((g) => g.when ?? null),
          kind: r.kind,
          displayState: displayState(r.result),
          metric: r.result,
        };
      }),
      calendars: await calendarsFor(deps, calendarIds),
    };
  }),
} satisfies Record<string, Route>;
