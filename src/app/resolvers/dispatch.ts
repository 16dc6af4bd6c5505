import { MAX_PROBLEMS } from '../../engine/config/limits';
import { zodProblems } from '../../engine/config/zod-problems';
import type { Problem } from '../../engine/errors';
import type { Deps } from '../evaluation/deps';
import { JiraError } from '../ports';
import { adjustmentRoutes } from './adjustment-routes';
import { adminRoutes } from './admin-routes';
import { configRoutes } from './config-routes';
import type { CallContext } from './context';
import { failure, Refusal, success, type Reply } from './envelope';
import { issueRoutes } from './issue-routes';
import { jobRoutes } from './job-routes';
import { jsmRoutes } from './jsm-routes';
import { peopleRoutes } from './people-routes';
import { portalRoutes } from './portal-routes';
import { previewRoutes } from './preview-route';
import { reportRoutes } from './report-routes';
import { retentionRoutes } from './retention-routes';
import type { Route } from './route';
import { settingsRoutes } from './settings-routes';

/**
 * Every resolver key the Custom UIs can invoke, route-like (`agreements/save`, `issue/metrics`). Its type is the
 * contract with the UIs (contract.ts): each key's payload schema and reply type.
 */
export const routes = {
  ...configRoutes,
  ...adminRoutes,
  ...issueRoutes,
  ...jobRoutes,
  ...previewRoutes,
  ...settingsRoutes,
  ...portalRoutes,
  ...reportRoutes,
  ...jsmRoutes,
  ...adjustmentRoutes,
  ...retentionRoutes,
  ...peopleRoutes,
} satisfies Readonly<Record<string, Route>>;

/** The table as the dispatcher reads it: any string may come in, and only own keys are routes. */
const table: Readonly<Record<string, Route>> = routes;

/**
 * Runs a resolver call: validates the payload with the route's schema, checks permissions inside the route,
 * and answers in the one envelope. Expected refusals become their codes; a Jira failure says so; anything else
 * is `internal` with a message, never a stack trace.
 */
export async function dispatch(
  deps: Deps,
  key: string,
  payload: unknown,
  ctx: CallContext,
): Promise<Reply<unknown>> {
  // Own keys only: `constructor`, `__proto__` or `toString` are no routes, whatever Object.prototype has.
  const r = Object.hasOwn(table, key) ? table[key] : undefined;
  if (!r)
    return { ok: false, error: failure('route-unknown', { route: key }, `Accord has no resolver "${key}".`) };
  const parsed = r.payload.safeParse(payload ?? {});
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, '$', 'payload', payload ?? {});
    const first = problems[0];
    return {
      ok: false,
      error: failure(
        'payload-invalid',
        { route: key, path: first?.path ?? '' },
        // The first problem in the message too: "… not valid: $.projectKey: At most 64 characters."
        `The request to ${key} is not valid${first ? `: ${first.path}: ${first.message.replace(/\.$/, '')}` : ''}.`,
        capped(problems),
      ),
    };
  }
  try {
    return success(await r.handle(deps, ctx, parsed.data));
  } catch (error) {
    if (error instanceof Refusal) {
      const refused = error.failure();
      return {
        ok: false,
        error: error.problems ? { ...refused, problems: capped(error.problems) } : refused,
      };
    }
    if (error instanceof JiraError) {
      return {
        ok: false,
        error: failure(
          'jira-failed',
          { detail: error.message },
          `Jira did not answer as expected: ${error.message}`,
        ),
      };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: failure('internal-error', { detail }, `Something went wrong in Accord: ${detail}`),
    };
  }
}

/** At most {@link MAX_PROBLEMS} problems in a reply, the last saying how many more there were. */
function capped(problems: readonly Problem[]): readonly Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - (MAX_PROBLEMS - 1);
  return [
    ...problems.slice(0, MAX_PROBLEMS - 1),
    {
      code: 'problems.more',
      message: `and ${more} more problems like these`,
      path: '$',
      detail: { key: 'problems.more', values: { count: more } },
    },
  ];
}
