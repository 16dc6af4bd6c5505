import { z } from 'zod';
import type { Agreement } from '../../engine/agreement/types';
import type { CompiledConfig } from '../../engine/evaluate/evaluate';
import { evaluateHistory } from '../../engine/evaluate/evaluate';
import type { MetricResult } from '../../engine/evaluate/result';
import { historyOf } from '../../engine/issue';
import type { Version } from '../ports';
import { Refusal } from './envelope';
import { requireProjectAdmin } from './guard';
import { route, type Route } from './route';
import { requireKnownAgreements, type ProjectAgreements } from './config-routes';
import { WorkBudget } from './work-budget';
import { LIMITS } from '../../engine/config/limits';
import { agreementIds as listedIds, projectKey } from './fields';

/**
 * The project settings page's routes: saving a project's ordered agreements only over the list the admin
 * loaded (`projects/set` writes whatever it is given), and what a list of agreements would measure on the
 * project's recent issues, issue by issue, beside what the saved list measures.
 */

const agreementIds = listedIds.refine(
  (ids) => new Set(ids).size === ids.length,
  'an agreement is listed twice',
);

const MS_PER_DAY = 86_400_000;
const PAGE = 200;

/** What a metric came to on one issue, in the words the settings page shows. */
export type PreviewOutcome = 'met' | 'breached' | 'running' | 'paused' | 'not-started';

export interface ProjectPreview {
  readonly projectKey: string;
  readonly days: number;
  /** Issues of the project created in the last `days` days (at most {@link LIMITS.previewIssues} read). */
  readonly issues: number;
  /**
   * False when the preview stopped at a bound (`LIMITS.previewIssues` histories read, or `LIMITS.previewWork`
   * evaluated): the figures are of the issues measured so far. Always set in replies.
   */
  readonly complete?: boolean;
  /** The agreements of the list, in order, with how many of those issues each applies to and its tallies. */
  readonly agreements: readonly {
    readonly id: string;
    readonly name: string;
    readonly kind: Agreement['kind'];
    readonly issues: number;
    readonly metrics: readonly {
      readonly id: string;
      readonly name: string;
      readonly counts: Readonly<Record<PreviewOutcome, number>>;
    }[];
  }[];
  /** The newest issues, newest first, at most `limit`. */
  readonly rows: readonly {
    readonly issueId: string;
    readonly issueKey: string;
    readonly created: number;
    readonly resolved: boolean;
    /** Each metric of each agreement of the list that applies to the issue, in the list's order. */
    readonly outcomes: readonly {
      readonly agreementId: string;
      readonly metricId: string;
      readonly outcome: PreviewOutcome;
    }[];
    /** The agreements that apply to the issue with the project's saved list, for the difference. */
    readonly before: readonly string[];
  }[];
}

/** A project's agreements as `ConfigCache.forProject` chooses them: the listed ones, else those with a scope. */
function chosen(
  all: readonly Version<Agreement>[],
  listed: readonly string[],
): Version<Agreement>[] | { unknown: string[] } {
  if (listed.length === 0) {
    return all.filter((a) => a.body?.appliesTo !== undefined && a.body.appliesTo.trim() !== '');
  }
  const byId = new Map(all.map((a) => [a.id, a]));
  const unknown = listed.filter((a) => !byId.has(a));
  if (unknown.length > 0) return { unknown };
  return listed.flatMap((a) => byId.get(a) ?? []);
}

function outcomeOf(metric: MetricResult): PreviewOutcome {
  if (metric.breached) return 'breached';
  switch (metric.state) {
    case 'met':
    case 'paused':
    case 'not-started':
      return metric.state;
    case 'breached':
      return 'breached';
    case 'running':
    case 'out-of-hours':
      return 'running';
  }
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const noCounts = (): Record<PreviewOutcome, number> => ({
  met: 0,
  breached: 0,
  running: 0,
  paused: 0,
  'not-started': 0,
});

export const settingsRoutes = {
  /**
   * Sets a project's ordered agreements if they are still `expected` (what the page loaded); otherwise a
   * `conflict`, so that two admins editing at once do not silently undo each other. The check and the write
   * are one statement (`ConfigStore.swapProjectAgreements`): of two saves from the same list, one wins.
   */
  'projects/save': route(
    z.object({ projectKey, agreementIds, expected: listedIds }).strict(),
    async (deps, ctx, p): Promise<ProjectAgreements> => {
      await requireProjectAdmin(deps, ctx, p.projectKey);
      await requireKnownAgreements(deps, p.agreementIds);
      if (!(await deps.store.config.swapProjectAgreements(p.projectKey, p.expected, p.agreementIds))) {
        throw new Refusal(
          'placement-conflict',
          { projectKey: p.projectKey },
          `Someone else changed the agreements of project ${p.projectKey} while you were editing; reload to see their list, then make your change again.`,
        );
      }
      deps.configs.invalidate();
      if (!sameList(p.expected, p.agreementIds)) {
        await deps.store.audit.append({
          at: deps.clock.now(),
          actor: ctx.accountId,
          action: 'project.agreements',
          entity: 'project',
          entityId: p.projectKey,
          version: null,
          changes: [{ path: '$.agreementIds', before: p.expected, after: p.agreementIds }],
        });
      }
      return { projectKey: p.projectKey, agreementIds: p.agreementIds };
    },
  ),

  /**
   * What the agreements `agreementIds` (in order; [] = those that select their own issues, as a project with
   * no list gets) would measure on the project's issues created in the last `days` days, per issue and metric,
   * beside which agreements apply with the saved list. Evaluates stored histories; stores nothing.
   */
  'projects/preview': route(
    z
      .object({
        projectKey,
        agreementIds,
        days: z.number().int().min(1).max(365).default(30),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    async (deps, ctx, p): Promise<ProjectPreview> => {
      await requireProjectAdmin(deps, ctx, p.projectKey);
      const [all, calendars] = await Promise.all([
        deps.store.config.list('agreement'),
        deps.store.config.list('calendar'),
      ]);
      const draftVersions = chosen(all, p.agreementIds);
      if ('unknown' in draftVersions) {
        throw new Refusal(
          'agreement-unknown',
          { ids: draftVersions.unknown },
          `No agreement ${draftVersions.unknown.map((u) => `"${u}"`).join(', ')}; it may have been deleted. Reload the page.`,
        );
      }
      const draft = deps.configs.compile(draftVersions, calendars);
      if ('problems' in draft) {
        throw new Refusal(
          'agreements-incompatible',
          {},
          'These agreements cannot be measured together; check them on the admin page.',
          draft.problems,
        );
      }
      // The saved list's configuration, for the difference; a saved list that no longer compiles has none.
      const saved = await deps.configs.forProject(p.projectKey);
      const before: CompiledConfig | null = 'problems' in saved ? null : saved.compiled;

      const now = deps.clock.now();
      const from = now - p.days * MS_PER_DAY;
      const tallies = new Map(
        draftVersions.map((a) => [
          a.id,
          {
            issues: 0,
            metrics: new Map((a.body?.metrics ?? []).map((m) => [m.id, noCounts()])),
          },
        ]),
      );
      const rows: (ProjectPreview['rows'][number] & { created: number })[] = [];
      let issues = 0;
      let after: string | undefined;
      // Each issue is evaluated twice (the list, and the saved list for the difference).
      const metricsPerIssue = 2 * draftVersions.reduce((n, a) => n + (a.body?.metrics.length ?? 0), 0);
      const work = new WorkBudget(LIMITS.previewWork);
      let complete = true;
      let more = true;
      for (let seen = 0; more && complete;) {
        // Histories are read a page at a time: a full last page may have had more behind it.
        if (seen >= LIMITS.previewIssues) {
          complete = false;
          break;
        }
        const page = await deps.store.histories.page({
          projectKey: p.projectKey,
          limit: PAGE,
          ...(after === undefined ? {} : { afterIssueId: after }),
        });
        if (page.length === 0) break;
        seen += page.length;
        after = page[page.length - 1]?.issueId;
        for (const stored of page) {
          // Retention dropped only histories of issues closed long ago: older than any preview looks.
          if (stored.data === null || stored.data.created < from) continue;
          const history = historyOf(stored.data);
          if (!work.take(history.events.length * metricsPerIssue)) {
            complete = false;
            break;
          }
          issues++;
          const result = evaluateHistory(draft.compiled, history, now);
          const outcomes: { agreementId: string; metricId: string; outcome: PreviewOutcome }[] = [];
          for (const agreement of result.agreements) {
            const tally = tallies.get(agreement.id);
            if (tally) tally.issues++;
            for (const metric of agreement.metrics) {
              const outcome = outcomeOf(metric);
              outcomes.push({ agreementId: agreement.id, metricId: metric.id, outcome });
              const counts = tally?.metrics.get(metric.id);
              if (counts) counts[outcome]++;
            }
          }
          rows.push({
            issueId: stored.issueId,
            issueKey: stored.issueKey,
            created: stored.data.created,
            resolved: isResolved(history.events),
            outcomes,
            before: before === null ? [] : evaluateHistory(before, history, now).agreements.map((a) => a.id),
          });
        }
        more = page.length === PAGE;
      }
      rows.sort((a, b) => b.created - a.created || b.issueKey.localeCompare(a.issueKey));
      return {
        projectKey: p.projectKey,
        days: p.days,
        issues,
        complete,
        agreements: draftVersions.map((a) => ({
          id: a.id,
          name: a.body?.name ?? a.id,
          kind: a.body?.kind ?? 'SLA',
          issues: tallies.get(a.id)?.issues ?? 0,
          metrics: (a.body?.metrics ?? []).map((m) => ({
            id: m.id,
            name: m.name,
            counts: tallies.get(a.id)?.metrics.get(m.id) ?? noCounts(),
          })),
        })),
        rows: rows.slice(0, p.limit),
      };
    },
  ),
} satisfies Record<string, Route>;

function isResolved(events: ReturnType<typeof historyOf>['events']): boolean {
  let resolved = false;
  for (const e of events) if (e.kind === 'resolution') resolved = e.change === 'set';
  return resolved;
}
