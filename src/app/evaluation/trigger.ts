import type { Deps } from './deps';

/** What the issue-event trigger learns from Forge's payload. */
export interface IssueChange {
  readonly issueId: string;
}

/**
 * The issue-event trigger's work, as small as the platform's limits need: the issue is marked pending in the
 * store (see `WorkQueue`), and a drain measures it as soon as the queue lets one run. It throws only when the
 * store cannot take the mark; the trigger then asks Forge to deliver the event again.
 *
 * @example await onIssueChanged(deps, { issueId: '10001' });
 */
export async function onIssueChanged(deps: Deps, change: IssueChange): Promise<void> {
  await deps.queue.push([{ type: 'issue', issueId: change.issueId }]);
}
