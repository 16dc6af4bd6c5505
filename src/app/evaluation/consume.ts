import { runJobStep } from '../jobs/recalculate';
import { errorFields, type QueueEvent } from '../ports';
import type { Deps } from './deps';
import { processDue } from './process-due';
import { MAX_ATTEMPTS, processIssueEvents } from './process-events';

/**
 * One queue event, as a consumer receives it (Forge gives each consumer invocation one event; the sandbox's
 * queue calls this once per event too), handled by its use case and its outcome logged: nothing a consumer
 * learns about failures is dropped silently.
 *
 * @example await consume(deps, { type: 'issue', issueId: '10001' });
 */
export async function consume(deps: Deps, event: QueueEvent): Promise<void> {
  switch (event.type) {
    case 'issue':
      await processIssueEvents(deps, [event]);
      return;
    case 'due': {
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
      return;
    }
    case 'job':
      try {
        await runJobStep(deps, event.jobId);
      } catch (error) {
        deps.logger.log('error', 'job.failed', { jobId: event.jobId, ...errorFields(error) });
        throw error;
      }
      return;
  }
}
