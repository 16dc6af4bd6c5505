import { z } from 'zod';
import {
  automaticRetention,
  closedPerMonth,
  RETENTION_BOUNDS,
  retentionPolicy,
} from '../retention/retention';
import type { RetentionPolicy } from '../ports';
import { requireAdmin } from './guard';
import { route, type Route } from './route';

const { historyDays, rawCycleMonths } = RETENTION_BOUNDS;

/**
 * The `retention/get` reply: the policy in force, what Accord chooses on its own at the site's pace (the
 * defaults), whether that is what applies (`automatic`: no admin set one), and the bounds an admin may choose
 * within.
 */
export interface RetentionReply {
  readonly policy: RetentionPolicy;
  readonly defaults: RetentionPolicy;
  /** Null when an admin set the policy; else the pace the automatic choice read. */
  readonly automatic: { readonly closedLast30Days: number } | null;
  readonly bounds: typeof RETENTION_BOUNDS;
}

/** The retention policy (how long histories and raw cycles are kept), for Jira admins to see and set. */
export const retentionRoutes = {
  /** The policy in force, the automatic one and the bounds an admin may choose within. */
  'retention/get': route(z.object({}).strict(), async (deps, ctx): Promise<RetentionReply> => {
    await requireAdmin(deps, ctx);
    const closed = await closedPerMonth(deps);
    const defaults = automaticRetention(closed);
    const stored = await deps.store.retention.policy();
    return {
      policy: stored ?? defaults,
      defaults,
      automatic: stored === undefined ? { closedLast30Days: closed } : null,
      bounds: RETENTION_BOUNDS,
    };
  }),

  /**
   * Sets the policy, or (`automatic: true`) forgets the admin's so that Accord chooses again; the next sweeps
   * apply it. Audited with before and after.
   */
  'retention/set': route(
    z.union([
      z
        .object({
          historyDays: z.number().int().min(historyDays.min).max(historyDays.max),
          rawCycleMonths: z.number().int().min(rawCycleMonths.min).max(rawCycleMonths.max),
        })
        .strict(),
      z.object({ automatic: z.literal(true) }).strict(),
    ]),
    async (deps, ctx, p): Promise<{ readonly policy: RetentionPolicy }> => {
      await requireAdmin(deps, ctx);
      const before = await retentionPolicy(deps);
      const chosen = 'automatic' in p ? null : p;
      await deps.store.retention.setPolicy(chosen);
      const policy = chosen ?? (await retentionPolicy(deps));
      await deps.store.audit.append({
        at: deps.clock.now(),
        actor: ctx.accountId,
        action: 'retention.save',
        entity: 'settings',
        entityId: 'retention',
        version: null,
        changes: [{ path: '$', before, after: chosen ?? { automatic: true, ...policy } }],
      });
      return { policy };
    },
  ),
} satisfies Record<string, Route>;
