/**
 * Service level reports: compliance over periods, the dashboard gadget's figures, the monthly report per
 * counterparty, and the CSV export. Payloads are validated here; permissions are checked as the caller (see
 * `requireReportReader`); the figures come from `src/app/reports`. Reply types: `report-types.ts`.
 */
import { z } from 'zod';
import { periodsEnding, periodsFrom, PERIOD_KINDS, type Period, type PeriodKind } from '../../engine/report';
import { formatInstant } from '../../engine/time/iso';
import type { IanaZone } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import type { ReportScope } from '../ports';
import { buildRows, fetchCounts, periodView } from '../reports/compliance';
import { csvPage, decodeCursor } from '../reports/csv';
import { gadgetReport } from '../reports/gadget';
import { monthlyReport } from '../reports/monthly';
import {
  agreementsInScope,
  liveMetricsOf,
  loadReportConfig,
  payloadDay,
  payloadZone,
  zoneOf,
  type LiveAgreement,
  type ReportConfig,
} from '../reports/scope';
import type { CallContext } from './context';
import { Refusal } from './envelope';
import { requireReportReader } from './guard';
import type { ComplianceReport, CsvPage, GadgetReport, MonthlyReport } from './report-types';
import { route, type Route } from './route';
import { LIMITS, nonEmptyText } from '../../engine/config/limits';
import { id, projectKey } from './fields';

const period = z.enum(PERIOD_KINDS as [PeriodKind, ...PeriodKind[]]);
/**
 * How compliance rows are grouped: per goal (e.g. per priority, the default), per metric (its goals pooled),
 * or per goal and project.
 */
export type ReportGroupBy = (typeof GROUPINGS)[number];
const GROUPINGS = ['goal', 'metric', 'project'] as const;
const groupBy = z.enum(GROUPINGS);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is "YYYY-MM-DD"');

const periodsPayload = {
  agreementId: id.optional(),
  metricId: id.optional(),
  projectKey: projectKey.optional(),
  period: period.default('month'),
  from: localDate.optional(),
  timeZone: z.string().min(1).max(64).optional(),
};

/** The project a report is about: the payload's, else the page's (project settings). */
const projectOf = (ctx: CallContext, fromPayload: string | undefined): string | undefined =>
  fromPayload ?? ctx.projectKey;

/**
 * The periods of a report: `count` of them from the one containing `from`, or the last `count` up to now; in
 * the payload's zone, else the first agreement's reporting zone.
 */
function periodsOf(
  deps: Deps,
  config: ReportConfig,
  agreements: readonly LiveAgreement[],
  p: {
    readonly period: PeriodKind;
    readonly from?: string | undefined;
    readonly timeZone?: string | undefined;
  },
  count: number,
): { zone: IanaZone; periods: Period[] } {
  const first = agreements[0];
  const zone =
    p.timeZone !== undefined
      ? payloadZone(p.timeZone, '$.timeZone')
      : first
        ? zoneOf(first.body, config.calendars)
        : ('UTC' as IanaZone);
  const periods =
    p.from === undefined
      ? periodsEnding(p.period, zone, deps.clock.now(), count)
      : periodsFrom(p.period, zone, payloadDay(p.from, '$.from'), count);
  return { zone, periods };
}

function scopeOf(
  agreements: readonly LiveAgreement[],
  p: { readonly metricId?: string | undefined },
  project: string | undefined,
  byProject: boolean,
): ReportScope {
  return {
    agreementIds: agreements.map((a) => a.id),
    liveMetrics: liveMetricsOf(agreements),
    ...(p.metricId === undefined ? {} : { metricId: p.metricId }),
    ...(project === undefined ? {} : { projectKey: project }),
    byProject,
  };
}

/** `{ key: value }`, or `{}` when the value is undefined (optional properties are left out, never undefined). */
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export const reportRoutes = {
  /** Compliance per agreement, metric and goal (or metric, or goal and project) over consecutive periods. */
  'reports/compliance': route(
    z
      .object({
        ...periodsPayload,
        count: z.number().int().min(1).max(24).default(6),
        groupBy: groupBy.default('goal'),
      })
      .strict(),
    async (deps, ctx, p): Promise<ComplianceReport> => {
      const project = projectOf(ctx, p.projectKey);
      await requireReportReader(deps, ctx, project);
      const config = await loadReportConfig(deps);
      const agreements = await agreementsInScope(deps, config, {
        ...optional('agreementId', p.agreementId),
        ...optional('projectKey', project),
      });
      const now = deps.clock.now();
      const { zone, periods } = periodsOf(deps, config, agreements, p, p.count);
      const raw = await fetchCounts(
        deps,
        scopeOf(agreements, p, project, p.groupBy === 'project'),
        periods,
        now,
      );
      return {
        generatedAt: formatInstant(now),
        timeZone: zone,
        period: p.period,
        groupBy: p.groupBy,
        periods: periods.map((x) => periodView(x, now)),
        rows: buildRows(raw, agreements, { groupBy: p.groupBy, ...optional('metricId', p.metricId) }),
      };
    },
  ),

  /** Everything the dashboard gadget shows for one agreement, in one call. */
  'reports/gadget': route(
    z
      .object({
        agreementId: id,
        metricId: id.optional(),
        period: period.default('month'),
        groupBy: groupBy.default('goal'),
        trendCount: z.number().int().min(2).max(12).default(6),
        projectKey: projectKey.optional(),
        atRiskLimit: z.number().int().min(1).max(50).default(10),
        breachLimit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    async (deps, ctx, p): Promise<GadgetReport> => {
      const project = projectOf(ctx, p.projectKey);
      await requireReportReader(deps, ctx, project);
      const config = await loadReportConfig(deps);
      const [agreement] = await agreementsInScope(deps, config, {
        agreementId: p.agreementId,
        ...optional('projectKey', project),
      });
      if (!agreement)
        throw new Refusal('agreement-unknown', { ids: [p.agreementId] }, `No agreement "${p.agreementId}".`);
      if (p.metricId !== undefined && !agreement.body.metrics.some((m) => m.id === p.metricId))
        throw new Refusal(
          'metric-unknown',
          { agreementId: agreement.id, metricId: p.metricId },
          `Agreement "${agreement.id}" has no metric "${p.metricId}".`,
        );
      return gadgetReport(deps, config, agreement, {
        period: p.period,
        groupBy: p.groupBy,
        trendCount: p.trendCount,
        atRiskLimit: p.atRiskLimit,
        breachLimit: p.breachLimit,
        ...optional('metricId', p.metricId),
        ...optional('projectKey', project),
      });
    },
  ),

  /** The monthly service level report, per counterparty. */
  'reports/monthly': route(
    z
      .object({
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is "YYYY-MM"')
          .optional(),
        counterparty: nonEmptyText(LIMITS.counterparty).optional(),
        agreementId: id.optional(),
        projectKey: projectKey.optional(),
      })
      .strict(),
    async (deps, ctx, p): Promise<MonthlyReport> => {
      const project = projectOf(ctx, p.projectKey);
      await requireReportReader(deps, ctx, project);
      const config = await loadReportConfig(deps);
      const agreements = await agreementsInScope(deps, config, {
        ...optional('agreementId', p.agreementId),
        ...optional('counterparty', p.counterparty),
        ...optional('projectKey', project),
      });
      const month =
        p.month === undefined
          ? undefined
          : ([Number(p.month.slice(0, 4)), Number(p.month.slice(5, 7))] as const);
      return monthlyReport(deps, config, agreements, {
        ...optional('month', month),
        ...optional('projectKey', project),
      });
    },
  ),

  /** One row per cycle, a page at a time: the cycles `reports/compliance` counts over the same periods. */
  'reports/csv': route(
    z
      .object({
        ...periodsPayload,
        count: z.number().int().min(1).max(24).default(1),
        cursor: z.string().min(1).max(2000).optional(),
        limit: z.number().int().min(1).max(10_000).default(5000),
      })
      .strict(),
    async (deps, ctx, p): Promise<CsvPage> => {
      const project = projectOf(ctx, p.projectKey);
      await requireReportReader(deps, ctx, project);
      const after = p.cursor === undefined ? undefined : decodeCursor(p.cursor);
      if (p.cursor !== undefined && after === undefined) {
        throw new Refusal('cursor-invalid', {}, 'The cursor is not one this export gave.', [
          { code: 'payload.invalid', message: 'not a cursor of reports/csv', path: '$.cursor' },
        ]);
      }
      const config = await loadReportConfig(deps);
      const agreements = await agreementsInScope(deps, config, {
        ...optional('agreementId', p.agreementId),
        ...optional('projectKey', project),
      });
      const { periods } = periodsOf(deps, config, agreements, p, p.count);
      const first = periods[0]?.label ?? '';
      const last = periods[periods.length - 1]?.label ?? '';
      const filename = `accord-${p.agreementId ?? project ?? 'all'}-${first === last ? first : `${first}_${last}`}.csv`;
      return csvPage(
        deps,
        agreements,
        scopeOf(agreements, p, project, false),
        periods,
        { limit: p.limit, ...optional('after', after) },
        filename,
      );
    },
  ),
} satisfies Record<string, Route>;
