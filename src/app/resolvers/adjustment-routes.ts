import { z } from 'zod';
import { parseInstant } from '../../engine/time/iso';
import { formatInstant } from '../../engine/time/iso';
import type { EpochMs } from '../../engine/time/units';
import {
  MAX_EXTENSION_MINUTES,
  excuseBreach,
  extendDeadline,
  type AdjustOutcome,
} from '../adjustments/adjust-cycle';
import type { MetricResult } from '../../engine/evaluate/result';
import type { StoredAdjustment } from '../ports';
import { requireBrowse } from './guard';
import { route, type Route } from './route';

const issueId = z.string().regex(/^\d+$/, 'an issue id is a number');
const id = z.string().min(1).max(128);
const reason = z
  .string()
  .max(1000)
  .refine((s) => s.trim() !== '', 'a reason is required');
const instant = z
  .string()
  .max(40)
  .refine((s) => parseInstant(s) !== undefined, 'an ISO instant, e.g. 2026-03-02T17:00:00+01:00');
const at = (s: string): number => parseInstant(s) ?? 0;

/** One extension or excused breach as the UIs show it: instants as ISO strings. */
export interface AdjustmentView {
  readonly kind: StoredAdjustment['kind'];
  readonly agreementId: string;
  readonly metricId: string;
  readonly cycleStartedAt: string;
  readonly at: string;
  /** An extension's working minutes; null for an excuse. */
  readonly minutes: number | null;
  /** The instant an extension was asked to reach, when it was asked that way. */
  readonly until: string | null;
  readonly reason: string;
  /** The account that made it. */
  readonly actor: string;
}

/** The `issue/extend` and `issue/excuse` reply: the decision, and the metric measured again with it. */
export interface AdjustmentOutcomeView {
  readonly adjustment: AdjustmentView;
  readonly metric: MetricResult;
}

/** The `issue/adjustments` reply: the issue's decisions, and the agreements the caller may decide on. */
export interface IssueAdjustments {
  readonly issueId: string;
  readonly adjustments: readonly AdjustmentView[];
  readonly canAdjust: readonly string[];
}

/** A decision as the UIs show it: instants as ISO strings. */
export function adjustmentView(a: StoredAdjustment): AdjustmentView {
  return {
    kind: a.kind,
    agreementId: a.agreementId,
    metricId: a.metricId,
    cycleStartedAt: formatInstant(a.cycleStartedAt as EpochMs),
    at: formatInstant(a.at as EpochMs),
    minutes: a.minutes,
    until: a.until === null ? null : formatInstant(a.until as EpochMs),
    reason: a.reason,
    actor: a.actor,
  };
}

const outcomeView = (o: AdjustOutcome): AdjustmentOutcomeView => ({
  adjustment: adjustmentView(o.adjustment),
  metric: o.metric,
});

/**
 * Extensions and excused breaches on one issue (docs/engine-contract.md, "Extensions and excused breaches"):
 * a Jira administrator or a member of a group the agreement names may extend a running deadline (by working
 * minutes or to an instant) or excuse a breach, always with a reason; each decision is audited.
 */
export const adjustmentRoutes = {
  /** Extends the running cycle of a metric: `minutes` of working time, or `until` an instant. */
  'issue/extend': route(
    z
      .object({
        issueId,
        agreementId: id,
        metricId: id,
        minutes: z.number().int().min(1).max(MAX_EXTENSION_MINUTES).optional(),
        until: instant.optional(),
        reason,
      })
      .strict()
      .refine((p) => (p.minutes === undefined) !== (p.until === undefined), {
        message: 'give either minutes or until',
        path: ['minutes'],
      }),
    async (deps, ctx, p): Promise<AdjustmentOutcomeView> => {
      const base = {
        issueId: p.issueId,
        agreementId: p.agreementId,
        metricId: p.metricId,
        reason: p.reason.trim(),
      };
      const outcome =
        p.minutes === undefined
          ? await extendDeadline(deps, ctx, { ...base, until: at(p.until ?? '') })
          : await extendDeadline(deps, ctx, { ...base, minutes: p.minutes });
      return outcomeView(outcome);
    },
  ),

  /** Excuses a breached cycle: the one that started at `cycleStartedAt`, else the latest breached one. */
  'issue/excuse': route(
    z.object({ issueId, agreementId: id, metricId: id, cycleStartedAt: instant.optional(), reason }).strict(),
    async (deps, ctx, p): Promise<AdjustmentOutcomeView> => {
      const req = {
        issueId: p.issueId,
        agreementId: p.agreementId,
        metricId: p.metricId,
        reason: p.reason.trim(),
      };
      const outcome = await excuseBreach(
        deps,
        ctx,
        p.cycleStartedAt === undefined ? req : { ...req, cycleStartedAt: at(p.cycleStartedAt) },
      );
      return outcomeView(outcome);
    },
  ),

  /**
   * The issue's decisions, for the panel's timeline, and the agreements on which the caller may decide (to
   * show the panel's "Extend" and "Excuse" only where they would be allowed).
   */
  'issue/adjustments': route(
    z.object({ issueId }).strict(),
    async (deps, ctx, p): Promise<IssueAdjustments> => {
      await requireBrowse(deps, ctx, p.issueId);
      const [decisions, results] = await Promise.all([
        deps.store.adjustments.forIssue(p.issueId),
        deps.store.results.forIssue(p.issueId),
      ]);
      const agreementIds = [...new Set(results.map((r) => r.agreementId))];
      const user = { as: 'user' as const, accountId: ctx.accountId };
      let allowed: string[] = [];
      if (await deps.jira.hasPermission(user, 'ADMINISTER')) allowed = agreementIds;
      else {
        const versions = await Promise.all(agreementIds.map((a) => deps.store.config.get('agreement', a)));
        const named = versions.map((v) => v?.body?.extensionGroups ?? []);
        if (named.some((g) => g.length > 0)) {
          const mine = new Set(await deps.jira.groupsOf(ctx.accountId));
          allowed = agreementIds.filter((_, i) => (named[i] ?? []).some((g) => mine.has(g)));
        }
      }
      return { issueId: p.issueId, adjustments: decisions.map(adjustmentView), canAdjust: allowed };
    },
  ),
} satisfies Record<string, Route>;
