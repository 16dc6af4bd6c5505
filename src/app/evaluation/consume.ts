import { recordStepFailure, runJobStep } from '../jobs/recalculate';
import { errorFields, QueueRefusedError, type DueItem, type QueueEvent } from '../ports';
import type { Deps } from './deps';
import { drainPending, isThrottle, JIRA_WAIT_KEY, waitForJira } from './drain';
import { processDue } from './process-due';
import { MAX_ATTEMPTS, processIssueEvents } from './process-events';

/** A failed job step is tried again after this long. */
const JOB_RETRY_SECONDS = 60;
/** A failed `dues` item is tried again after this long (the next sweep would find it too, if still due). */
const DUES_RETRY_SECONDS = 60;

/**
 * One queue event, as a consumer receives it (Forge gives each consumer invocation one event; the sandbox's
 * queue calls this once per event too), handled by its use case and its outcome logged: nothing a consumer
 * learns about failures is dropped silently.
 *
 * @example await consume(deps, { type: 'drain', shard: 0 });
 */
export async function consume(deps: Deps, event: QueueEvent): Promise<void> {
  switch (event.type) {
    case 'issue':
      // Pushed by an older version of Accord, or by an action that changed the issue: measured at once.
      await processIssueEvents(deps, [event]);
      return;
    case 'drain':
      await drainPending(deps, event.shard);
      return;
    case 'due':
      try {
        await dueAt(deps, event);
      } catch (error) {
        if (!isThrottle(error)) throw error;
        // The result stays due in the store: the sweep after Jira's wait schedules it again.
        const retryAt = await waitForJira(deps, error);
        deps.logger.log('warn', 'jira.throttled', { issueId: event.issueId, status: error.status, retryAt });
      }
      return;
    case 'dues':
      await duesAt(deps, event.items);
      return;
    case 'job':
      try {
        await runJobStep(deps, event.jobId, undefined, event.lane);
      } catch (error) {
        deps.logger.log('warn', 'job.failed', { jobId: event.jobId, ...errorFields(error) });
        // Tried again a minute later until it failed too often: then the job ends as failed with the reason.
        // A continuation the queue refuses leaves the job to the sweep, which ends it as stalled.
        const reason = errorFields(error).reason ?? 'error';
        if (!(await recordStepFailure(deps, event.jobId, event.lane, reason)))
          await deps.queue.push([event], { delaySeconds: JOB_RETRY_SECONDS });
      }
      return;
  }
}

async function dueAt(deps: Deps, event: Extract<QueueEvent, { type: 'due' }>): Promise<void> {
  const { actions } = await processDue(deps, event);
  const attempt = event.attempt ?? 1;
  for (const action of actions) {
    if (action.status !== 'failed') continue;
    const last = attempt >= MAX_ATTEMPTS;
    deps.logger.log(last ? 'error' : 'warn', last ? 'action.failed' : 'action.retry', {
      issueId: event.issueId,
      actionKey: action.key,
      attempt,
    });
  }
}

/**
 * A coalesced bucket of due instants: each issue on its own, a failure costing only that issue a later try.
 * While Jira asks the app to wait (an hourly quota spent), nothing is sent to it: the results stay due in the
 * store, and the sweep schedules them again once the wait is over.
 */
async function duesAt(deps: Deps, items: readonly DueItem[]): Promise<void> {
  const waitUntil = await deps.store.budgets.heldUntil(JIRA_WAIT_KEY, deps.clock.now());
  if (waitUntil > 0) {
    deps.logger.log('info', 'jira.throttled', { count: items.length, retryAt: waitUntil, queue: 'dues' });
    return;
  }
  const failed: DueItem[] = [];
  for (const item of items) {
    try {
      await dueAt(deps, { type: 'due', issueId: item.issueId, at: item.at });
    } catch (error) {
      if (isThrottle(error)) {
        const retryAt = await waitForJira(deps, error);
        deps.logger.log('warn', 'jira.throttled', { issueId: item.issueId, status: error.status, retryAt });
        return; // this item and the rest stay due in the store for the sweep after the wait
      }
      failed.push(item);
      deps.logger.log('warn', 'issue.retry', { issueId: item.issueId, ...errorFields(error) });
    }
  }
  if (failed.length === 0) return;
  try {
    await deps.queue.push([{ type: 'dues', items: failed }], { delaySeconds: DUES_RETRY_SECONDS });
  } catch (error) {
    if (!(error instanceof QueueRefusedError)) throw error;
    // Their results stay due: the next sweep schedules them again.
    deps.logger.log('warn', 'queue.refused', { reason: error.reason, count: failed.length });
  }
}
