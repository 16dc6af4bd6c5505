import { z } from 'zod';
import { compareWithJsm, MAX_COUNT, type JsmComparison } from '../jsm/compare';
import { requireAdmin } from './guard';
import { route, type Route } from './route';

/** The JSM comparison (admin page, "JSM comparison" tab): Jira admins only, as the rest of the configuration. */
export const jsmRoutes = {
  /** One of JSM's SLA metrics beside the Accord metric it is mapped to, on the project's recent requests. */
  'jsm/compare': route(
    z
      .object({
        projectKey: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a project key, such as IT'),
        jsmMetric: z.string().trim().min(1, 'the name of a JSM SLA metric'),
        agreementId: z.string().min(1),
        metricId: z.string().min(1),
        count: z.number().int().min(1).max(MAX_COUNT).optional(),
      })
      .strict(),
    async (deps, ctx, p): Promise<JsmComparison> => {
      await requireAdmin(deps, ctx);
      return compareWithJsm(deps, {
        projectKey: p.projectKey,
        jsmMetric: p.jsmMetric,
        agreementId: p.agreementId,
        metricId: p.metricId,
        ...(p.count === undefined ? {} : { count: p.count }),
      });
    },
  ),
} satisfies Record<string, Route>;
