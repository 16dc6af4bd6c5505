import { z } from 'zod';
import type { Agreement } from '../../engine/agreement/types';
import { validateAgreement } from '../../engine/agreement/validate';
import { evaluateHistory } from '../../engine/evaluate/evaluate';
import { historyOf } from '../../engine/issue';
import { parseInstant } from '../../engine/time/iso';
import { LIMITS } from '../../engine/config/limits';
import { Refusal } from './envelope';
import { requireProjectAdmin } from './guard';
import { route, type Route } from './route';
import { WorkBudget } from './work-budget';
import { projectKey } from './fields';
import { checkOnSite, type SiteCheckReply } from './site-jql';

const MS_PER_DAY = 86_400_000;

interface GoalTally {
  index: number;
  targetMinutes: number | null;
  objectivePercent: number | null;
  met: number;
  breached: number;
}

/** The `agreements/preview` reply: what a draft agreement would have measured, per metric and goal. */
export interface AgreementPreview {
  readonly projectKey: string;
  readonly days: number;
  /** Issues resolved in the last `days` days that were measured. */
  readonly issues: number;
  /** False when the preview stopped at a bound: the figures are of the issues measured so far. */
  readonly complete: boolean;
  /** The draft's JQL against the site: warnings, or that Jira could not be read. */
  readonly siteCheck: SiteCheckReply;
  readonly metrics: readonly {
    readonly metricId: string;
    readonly name: string;
    readonly goals: readonly {
      readonly index: number;
      readonly targetMinutes: number | null;
      readonly objectivePercent: number | null;
      readonly met: number;
      readonly breached: number;
      /** Null when no cycle ended. */
      readonly metPercent: number | null;
      readonly objectiveMet: boolean | null;
    }[];
  }[];
}

export const previewRoutes = {
  /**
   * What a draft agreement would have measured on a project's recently resolved issues: per metric and goal,
   * cycles met and breached and the met share against the objective. Evaluates stored histories; stores nothing.
   * Bounded: at most `LIMITS.previewIssues` histories and `LIMITS.previewWork` (history events times the
   * draft's metrics); a preview that reaches a bound answers with what it measured, `complete: false`.
   */
  'agreements/preview': route(
    z
      .object({
        agreement: z.unknown(),
        projectKey,
        days: z.number().int().min(1).max(365).default(30),
      })
      .strict(),
    async (deps, ctx, p): Promise<AgreementPreview> => {
      await requireProjectAdmin(deps, ctx, p.projectKey);
      const calendars = await deps.store.config.list('calendar');
      const checked = validateAgreement(p.agreement, new Set(calendars.map((c) => c.id)), '$.agreement');
      if (!checked.ok)
        throw new Refusal('draft-invalid', {}, 'The draft agreement has problems.', checked.problems);
      const draft = checked.value.agreement;
      // A typo in a field would measure as if it were meant: refuse it, as a save would.
      const siteCheck = await checkOnSite(
        deps,
        draft,
        '$.agreement',
        'draft-fields-unknown',
        'The draft agreement names fields this Jira site does not have.',
      );
      const config = deps.configs.compile(
        [{ id: draft.id, version: 0, body: draft, savedAt: 0, savedBy: ctx.accountId }],
        calendars,
      );
      if ('problems' in config)
        throw new Refusal(
          'draft-uncompilable',
          {},
          'The draft agreement cannot be compiled.',
          config.problems,
        );

      const now = deps.clock.now();
      const from = now - p.days * MS_PER_DAY;
      const tallies = new Map<string, Map<number, GoalTally>>();
      let issues = 0;
      let after: string | undefined;
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
          limit: 200,
          ...(after === undefined ? {} : { afterIssueId: after }),
        });
        if (page.length === 0) break;
        seen += page.length;
        after = page[page.length - 1]?.issueId;
        for (const stored of page) {
          if (stored.data === null) continue; // closed long ago: retention dropped it, and previews look back weeks
          const history = historyOf(stored.data);
          const resolvedAt = lastResolution(history.events);
          if (resolvedAt === undefined || resolvedAt < from) continue;
          if (!work.take(history.events.length * draft.metrics.length)) {
            complete = false;
            break;
          }
          issues++;
          const result = evaluateHistory(config.compiled, history, now);
          for (const metric of result.agreements.flatMap((a) => a.metrics)) {
            for (const cycle of metric.cycles) {
              const stoppedAt = cycle.stoppedAt === null ? undefined : parseInstant(cycle.stoppedAt);
              if (stoppedAt === undefined || stoppedAt < from || cycle.goalIndex === null) continue;
              tally(tallies, draft, metric.id, cycle.goalIndex, cycle.breached);
            }
          }
        }
        more = page.length === 200;
      }
      return {
        projectKey: p.projectKey,
        days: p.days,
        issues,
        complete,
        siteCheck,
        metrics: draft.metrics.map((m) => ({
          metricId: m.id,
          name: m.name,
          goals: [...(tallies.get(m.id)?.values() ?? [])]
            .sort((a, b) => a.index - b.index)
            .map((g) => ({
              ...g,
              metPercent: g.met + g.breached === 0 ? null : (100 * g.met) / (g.met + g.breached),
              objectiveMet:
                g.objectivePercent === null || g.met + g.breached === 0
                  ? null
                  : (100 * g.met) / (g.met + g.breached) >= g.objectivePercent,
            })),
        })),
      };
    },
  ),
} satisfies Record<string, Route>;

function lastResolution(events: ReturnType<typeof historyOf>['events']): number | undefined {
  let at: number | undefined;
  for (const e of events) {
    if (e.kind === 'resolution') at = e.change === 'set' ? e.at : undefined;
  }
  return at;
}

function tally(
  tallies: Map<string, Map<number, GoalTally>>,
  draft: Agreement,
  metricId: string,
  goalIndex: number,
  breached: boolean,
): void {
  const goals = tallies.get(metricId) ?? new Map<number, GoalTally>();
  tallies.set(metricId, goals);
  const goal = draft.metrics.find((m) => m.id === metricId)?.goals[goalIndex];
  const entry = goals.get(goalIndex) ?? {
    index: goalIndex,
    targetMinutes: goal?.targetMinutes ?? null,
    objectivePercent: goal?.objectivePercent ?? null,
    met: 0,
    breached: 0,
  };
  if (breached) entry.breached++;
  else entry.met++;
  goals.set(goalIndex, entry);
}
