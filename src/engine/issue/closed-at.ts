import type { IssueHistoryData } from './types';

/**
 * When the issue last entered a done status (epoch ms), or null while it is not done: the age retention
 * measures ("closed more than N days ago"). A reopened issue is open again, whatever it was before.
 *
 * @example closedAt(history) === Date.parse('2026-03-03T08:20:13.602Z')
 */
export function closedAt(data: IssueHistoryData): number | null {
  const timeline = data.fields.find((field) => field.keys.includes('statusCategory'));
  const values = timeline?.values ?? [];
  const current = values[values.length - 1];
  if (current?.[0] !== 'done') return null;
  return timeline?.at[timeline.at.length - 1] ?? data.created;
}
