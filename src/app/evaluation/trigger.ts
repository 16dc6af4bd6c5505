import type { CarriedChange } from '../ports';
import type { ProjectRef } from './config-cache';
import type { Deps } from './deps';

/** What the issue-event trigger learns from Forge's payload. */
export interface IssueChange {
  readonly issueId: string;
  /** The change itself, when the event carries all of it (bounded by `MAX_CARRIED_CHARS`). */
  readonly change?: CarriedChange;
  /** The issue's project, when the payload names it. */
  readonly project?: ProjectRef;
  /**
   * The change may have taken results away from a covered project: the issue was deleted, or moved (its key or
   * project changed), so it is measured whatever its project now is.
   */
  readonly leavesProject?: boolean;
}

/**
 * The issue-event trigger's work, as small as the platform's limits need: the issue is marked pending in the
 * store (see `WorkQueue`), and a drain measures it as soon as the queue lets one run. An issue in a project that
 * no agreement covers is left alone: no write, no queue event, no Jira call (the configuration is read from the
 * instance's cache). It throws only when the store cannot take the mark; the trigger then asks Forge to deliver
 * the event again.
 *
 * @example await onIssueChanged(deps, { issueId: '10001', project: { key: 'IT', aliases: ['it'] } });
 */
export async function onIssueChanged(deps: Deps, change: IssueChange): Promise<void> {
  if (change.project && change.leavesProject !== true && !(await deps.configs.covers(change.project))) return;
  await deps.queue.push([
    {
      type: 'issue',
      issueId: change.issueId,
      ...(change.change === undefined ? {} : { change: change.change }),
    },
  ]);
}
