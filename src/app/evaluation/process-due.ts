import type { QueueEvent } from '../ports';
import { actOnThresholds, refreshAfterActions, type ActionOutcome } from './actions';
import { postCommitments } from '../commitments/post-commitments';
import type { Deps } from './deps';
import { evaluateStored, refreshIssue, type IssueOutcome } from './evaluate-issue';
import { MAX_ATTEMPTS, pushRetries } from './process-events';

/**
 * The due consumer: at a threshold's or deadline's instant, re-evaluates the issue from its stored history
 * (no Jira read), writes the custom fields (so "SLA state" turns to breached in queues), and performs the
 * actions of the thresholds crossed. A failed action is queued again, up to {@link MAX_ATTEMPTS}.
 */
export async function processDue(
  deps: Deps,
  event: Extract<QueueEvent, { type: 'due' }>,
): Promise<{ outcome: IssueOutcome; actions: ActionOutcome[] }> {
  const stored = await deps.store.histories.get(event.issueId);
  const outcome = stored
    ? await evaluateStored(deps, stored, deps.clock.now())
    : await refreshIssue(deps, event.issueId);
  if (outcome.kind !== 'evaluated') return { outcome, actions: [] };
  await deps.jira.setCustomFields(outcome.fields);
  const actions = [
    ...(await actOnThresholds(deps, event.issueId, outcome.result, outcome.agreements)),
    ...(await postCommitments(deps, event.issueId, outcome.result, outcome.agreements)),
  ];
  await refreshAfterActions(deps, event.issueId, actions);
  const attempt = event.attempt ?? 1;
  if (actions.some((a) => a.status === 'failed') && attempt < MAX_ATTEMPTS) {
    await pushRetries(deps, [{ issueId: event.issueId, attempt: attempt + 1 }], (issueId, next) => ({
      type: 'due',
      issueId,
      at: event.at,
      attempt: next,
    }));
  }
  return { outcome, actions };
}
