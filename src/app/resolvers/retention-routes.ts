import { z } from 'zod';
import { DEFAULT_RETENTION, RETENTION_BOUNDS, retentionPolicy } from '../retention/retention';
import type { RetentionPolicy } from '../ports';
import { requireAdmin } from './guard';
import { route, type Route } from './route';

const { historyDays, rawCycleMonths } = RETENTION_BOUNDS;

/** The `retention/get` reply: the policy in force, its defaults, and the bounds an admin may choose within. */
export interface RetentionReply {
  readonly policy: RetentionPolicy;
  readonly defaults: RetentionPolicy;
  readonly bounds: typeof RETENTION_BOUNDS;
}

/** The retention policy (how long histories and raw cycles are kept), for Jira admins to see and set. */
export const retentionRoutes = {
  /** The policy in force, the defaults and the bounds an admin may choose within. */
  'retention/get': route(z.object({}).strict(), async (deps, ctx): Promise<RetentionReply> => {
    await requireAdmin(deps, ctx);
    return { policy: await retentionPolicy(deps), defaults: DEFAULT_RETENTION, bounds: RETENTION_BOUNDS };
  }),

  /** Sets the policy; the next sweeps apply it. Audited with before and after. */
  'retention/set': route(
    z
      .object({
        historyDays: z.number().int().min(historyDays.min).max(historyDays.max),
        rawCycleMonths: z.number().int().min(rawCycleMonths.min).max(rawCycleMonths.max),
      })
      .strict(),
    async (deps, ctx, p): Promise<{ readonly policy: RetentionPolicy }> => {
      await requireAdmin(deps, ctx);
      const before = await retentionPolicy(deps);
      await deps.store.retention.setPolicy(p);
      await deps.store.audit.append({
        at: deps.clock.now(),
        actor: ctx.accountId,
        action: 'retention.save',
        entity: 'settings',
        entityId: 'retention',
        version: null,
        changes: [{ path: '$', before, after: p }],
      });
      return { policy: p };
    },
  ),
} satisfies Record<string, Route>;
