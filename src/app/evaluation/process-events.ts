import {
  errorFields,
  JiraError,
  QUEUE_MAX_EVENTS,
  QueueRefusedError,
  type CustomFieldUpdate,
  type QueueEvent,
} from '../ports';
import { actOnThresholds, refreshAfterActions } from './actions';
import { postCommitments } from '../commitments/post-commitments';
import type { Deps } from './deps';
import { refreshIssue, type IssueOutcome } from './evaluate-issue';

/** How often a failing issue is retried, and after how long (seconds, doubling). */
export const MAX_ATTEMPTS = 5;
const RETRY_DELAY_SECONDS = 60;

export interface BatchReport {
  readonly outcomes: readonly IssueOutcome[];
  /** Issues that failed and were queued again. */
  readonly retried: readonly string[];
  /** Issues that failed for good (after the last attempt, or not retryable). */
  readonly failed: readonly { readonly issueId: string; readonly message: string }[];
}

/**
 * The issue consumer: a batch of issue events (delivered at least once, in any order) is de-duplicated by
 * issue, each issue is refreshed once, and the custom fields of the whole batch are written in one call.
 * An issue whose Jira read fails is queued again with a growing delay, up to {@link MAX_ATTEMPTS}; the rest of
 * the batch goes on.
 */
export async function processIssueEvents(deps: Deps, events: readonly QueueEvent[]): Promise<BatchReport> {
  const attempts = new Map<string, number>();
  for (const event of events) {
    if (event.type !== 'issue') continue;
    attempts.set(event.issueId, Math.max(attempts.get(event.issueId) ?? 1, event.attempt ?? 1));
  }
  const outcomes: IssueOutcome[] = [];
  const retry: { issueId: string; attempt: number }[] = [];
  const failed: { issueId: string; message: string }[] = [];
  await deps.store.grouped(async () => {
    for (const [issueId, attempt] of attempts) {
      try {
        outcomes.push(await refreshIssue(deps, issueId));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const retryable = !(error instanceof JiraError) || error.retryable;
        if (retryable && attempt < MAX_ATTEMPTS) {
          retry.push({ issueId, attempt: attempt + 1 });
          deps.logger.log('warn', 'issue.retry', { issueId, attempt, ...errorFields(error) });
        } else {
          failed.push({ issueId, message });
          deps.logger.log('error', 'issue.failed', {
            issueId,
            attempt,
            ...errorFields(error),
            ...(retryable ? {} : { reason: 'not-retryable' }),
          });
        }
      }
    }
  });
  for (const o of outcomes)
    if (o.kind === 'invalid') deps.logger.log('warn', 'issue.invalid', { issueId: o.issueId });
  const fields: CustomFieldUpdate[] = outcomes.flatMap((o) => (o.kind === 'evaluated' ? o.fields : []));
  if (fields.length > 0) await deps.jira.setCustomFields(fields);
  // A change can cross a threshold at once (a priority raised under 'retarget'): act now, not at the next sweep.
  const failedActions: { issueId: string; attempt: number }[] = [];
  for (const o of outcomes) {
    if (o.kind !== 'evaluated') continue;
    const acted = [
      ...(await actOnThresholds(deps, o.issueId, o.result, o.agreements)),
      ...(await postCommitments(deps, o.issueId, o.result, o.agreements)),
    ];
    await refreshAfterActions(deps, o.issueId, acted);
    if (acted.some((a) => a.status === 'failed')) failedActions.push({ issueId: o.issueId, attempt: 2 });
  }
  const now = deps.clock.now();
  await pushRetries(deps, failedActions, (issueId, attempt) => ({ type: 'due', issueId, at: now, attempt }));
  await pushRetries(deps, retry, (issueId, attempt) => ({ type: 'issue', issueId, attempt }));
  return { outcomes, retried: retry.map((r) => r.issueId), failed };
}

/** Queues retries, grouped by their delay (60 s, doubling per attempt, at most the queue's 900 s). */
export async function pushRetries(
  deps: Deps,
  retries: readonly { readonly issueId: string; readonly attempt: number }[],
  event: (issueId: string, attempt: number) => QueueEvent,
): Promise<void> {
  const byDelay = new Map<number, QueueEvent[]>();
  for (const { issueId, attempt } of retries) {
    const delay = Math.min(900, RETRY_DELAY_SECONDS * 2 ** (attempt - 2));
    byDelay.set(delay, [...(byDelay.get(delay) ?? []), event(issueId, attempt)]);
  }
  for (const [delaySeconds, events] of byDelay) {
    for (let i = 0; i < events.length; i += QUEUE_MAX_EVENTS) {
      const chunk = events.slice(i, i + QUEUE_MAX_EVENTS);
      try {
        await deps.queue.push(chunk, { delaySeconds });
      } catch (error) {
        if (!(error instanceof QueueRefusedError)) throw error;
        // Only retries of failed actions and reads are lost here, each logged: the sweep re-evaluates what is due.
        deps.logger.log('warn', 'queue.refused', {
          reason: error.reason,
          count: chunk.length,
          issueIds: chunk.flatMap((e) => ('issueId' in e ? [e.issueId] : [])),
        });
      }
    }
  }
}
