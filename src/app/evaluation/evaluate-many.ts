import type { Agreement } from '../../engine/agreement/types';
import { evaluateHistory } from '../../engine/evaluate/evaluate';
import { historyOf } from '../../engine/issue';
import type { EpochMs } from '../../engine/time/units';
import type { IssueWrite, StoredHistory } from '../ports';
import { engineAdjustments } from './adjustments';
import type { Deps } from './deps';
import type { IssueOutcome } from './evaluate-issue';
import { toRows } from './rows';
import { summarize } from './summary';

/**
 * `evaluateStored` for a batch of stored histories (a recalculation step), in a fixed number of SQL statements
 * whatever the batch's size: the adjustments of every issue in one read, the results and cycles of every issue
 * in one `replaceIssues`, each issue under its own stamp guard (an issue whose history got a newer stamp
 * meanwhile keeps its newer results and comes back `stale`). Each outcome is what `evaluateStored` returns for
 * that issue, in the order of `histories`; unlike it, this publishes nothing: the caller says which issues'
 * open panels to tell.
 */
export async function evaluateStoredMany(
  deps: Deps,
  histories: readonly StoredHistory[],
  now: EpochMs,
): Promise<IssueOutcome[]> {
  if (histories.length === 0) return [];
  const adjustments = await deps.store.adjustments.forIssues(histories.map((h) => h.issueId));
  const outcomes: IssueOutcome[] = [];
  const writes: IssueWrite[] = [];
  /** Index in `outcomes` of each write, for its `stale`. */
  const writtenAt: number[] = [];
  for (const history of histories) {
    const config = await deps.configs.forProject(history.projectKey);
    if ('problems' in config) {
      outcomes.push({
        kind: 'invalid',
        issueId: history.issueId,
        message: `configuration for ${history.projectKey} is invalid: ${config.problems.map((p) => p.message).join('; ')}`,
      });
      continue;
    }
    const result = evaluateHistory(
      config.compiled,
      historyOf(history.data),
      now,
      engineAdjustments(adjustments.get(history.issueId) ?? []),
    );
    const rows = toRows(result, history, config);
    writes.push({
      issueId: history.issueId,
      stamp: history.stamp,
      results: rows.results,
      cycles: rows.cycles,
      facts: { satisfaction: history.data.satisfaction ?? null },
    });
    writtenAt.push(outcomes.length);
    const summary = summarize(result);
    outcomes.push({
      kind: 'evaluated',
      issueId: history.issueId,
      result,
      agreements: new Map(
        [...config.agreementVersions].flatMap(([id, v]) =>
          v.body === null ? [] : [[id, v.body] as [string, Agreement]],
        ),
      ),
      fields: [
        { issueId: history.issueId, field: 'next-deadline', value: summary.nextDeadline },
        { issueId: history.issueId, field: 'sla-state', value: summary.slaState },
      ],
    });
  }
  const written = await deps.store.results.replaceIssues(writes);
  written.forEach((outcome, i) => {
    const at = writtenAt[i];
    const write = writes[i];
    if (outcome === 'stale' && at !== undefined && write)
      outcomes[at] = { kind: 'stale', issueId: write.issueId };
  });
  return outcomes;
}
