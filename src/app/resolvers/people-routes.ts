import { z } from 'zod';
import type { Person } from '../people/people-cache';
import { requireLicensed } from './guard';
import { route, type Route } from './route';

/** Account ids per `people/names` call: a page of the audit log (50 entries) and more, well within one Jira call. */
export const MAX_NAMES = 100;

/** People by display name, for every UI that shows who did something. */
export const peopleRoutes = {
  /**
   * The display names of up to {@link MAX_NAMES} account ids, for any licensed user (Jira shows every agent the
   * names of the people on its site); a customer is refused, as on every route but the portal's. An id Jira does
   * not know comes back `known: false`.
   */
  'people/names': route(
    z
      .object({
        accountIds: z.array(z.string().min(1).max(128)).min(1).max(MAX_NAMES),
      })
      .strict(),
    async (deps, ctx, p): Promise<{ people: readonly Person[] }> => {
      requireLicensed(ctx);
      return { people: await deps.people.resolve(p.accountIds) };
    },
  ),
} satisfies Record<string, Route>;
