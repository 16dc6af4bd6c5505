import type { Agreement } from '../../engine/agreement/types';
import { evaluateHistory } from '../../engine/evaluate/evaluate';
import { engineAdjustments } from './adjustments';
import type { IssueResult } from '../../engine/evaluate/result';
import { historyOf, MAX_ACCOUNTS, MAX_APPLIED, parseIssue } from '../../engine/issue';
import { parseJiraInstant } from '../../engine/issue/jira-instant';
import { parseInstant } from '../../engine/time/iso';
import type { EpochMs } from '../../engine/time/units';
import { issueChannel, type CustomFieldUpdate, type JiraIssueJson, type StoredHistory } from '../ports';
import type { Deps } from './deps';
import { appliedIdOf, historyStamp, toRows } from './rows';
import { summarize } from './summary';

/** What evaluating one issue did, for the caller to batch custom-field writes and report. */
export type IssueOutcome =
  | {
      readonly kind: 'evaluated';
      readonly issueId: string;
      readonly result: IssueResult;
      readonly fields: CustomFieldUpdate[];
      /** The agreement versions evaluated, by id (their thresholds' actions are what acting performs). */
      readonly agreements: ReadonlyMap<string, Agreement>;
    }
  | { readonly kind: 'stale'; readonly issueId: string }
  | { readonly kind: 'deleted'; readonly issueId: string }
  | { readonly kind: 'invalid'; readonly issueId: string; readonly message: string };

/**
 * Reads an issue from Jira (one call: the issue with its changelog and comments; more only for long
 * histories), stores its normalized history, evaluates it and stores the results.
 *
 * Delivered twice, late or out of order, it converges: it always reads the issue's current state, and a
 * result computed from an older history never overwrites one from a newer (the stamp guards every write).
 */
export async function refreshIssue(deps: Deps, issueId: string): Promise<IssueOutcome> {
  // Taken before the read: whatever changed before this instant is in what the read returns.
  const readAt = deps.clock.now();
  const json = await deps.jira.getIssue(issueId);
  if (json === undefined) {
    await Promise.all([deps.store.results.deleteIssue(issueId), deps.store.histories.delete(issueId)]);
    await deps.publisher.publish(issueChannel(issueId), { type: 'deleted', issueId });
    return { kind: 'deleted', issueId };
  }
  const history = await toStoredHistory(deps, json, readAt);
  if ('message' in history) return { kind: 'invalid', issueId, message: history.message };
  if ((await deps.store.histories.put(history)) === 'stale') return { kind: 'stale', issueId };
  return evaluateStored(deps, history, deps.clock.now());
}

/** Re-evaluates an issue from its stored history, with no Jira call (the sweep, the act consumer, recalculation). */
export async function evaluateStored(
  deps: Deps,
  history: StoredHistory,
  now: EpochMs,
): Promise<IssueOutcome> {
  const config = await deps.configs.forProject(history.projectKey);
  if ('problems' in config) {
    return {
      kind: 'invalid',
      issueId: history.issueId,
      message: `configuration for ${history.projectKey} is invalid: ${config.problems.map((p) => p.message).join('; ')}`,
    };
  }
  // Extensions and excused breaches are kept apart from results, so every evaluation (a recalculation too)
  // measures with them.
  const adjustments = engineAdjustments(await deps.store.adjustments.forIssue(history.issueId));
  const result = evaluateHistory(config.compiled, historyOf(history.data), now, adjustments);
  const rows = toRows(result, history, config);
  const written = await deps.store.results.replaceIssue(
    history.issueId,
    history.stamp,
    rows.results,
    rows.cycles,
    { satisfaction: history.data.satisfaction ?? null },
  );
  if (written === 'stale') return { kind: 'stale', issueId: history.issueId };
  await deps.publisher.publish(issueChannel(history.issueId), { type: 'results', issueId: history.issueId });
  const summary = summarize(result);
  return {
    kind: 'evaluated',
    issueId: history.issueId,
    result,
    agreements: new Map(
      [...config.agreementVersions].flatMap(([id, v]) => (v.body === null ? [] : [[id, v.body] as const])),
    ),
    fields: [
      { issueId: history.issueId, field: 'next-deadline', value: summary.nextDeadline },
      { issueId: history.issueId, field: 'sla-state', value: summary.slaState },
    ],
  };
}

/**
 * Jira's issue JSON → the normalized history Accord stores, or why it cannot be read; `readAt` is when the read
 * that returned it began (see {@link historyStamp}).
 */
export async function toStoredHistory(
  deps: Deps,
  json: JiraIssueJson,
  readAt: EpochMs,
): Promise<StoredHistory | { message: string }> {
  const statuses = await deps.statuses.forIssue(json);
  const parsed = parseIssue(json, statuses === undefined ? {} : { statuses });
  if (!parsed.ok) return { message: parsed.problems.map((p) => `${p.path ?? ''}: ${p.message}`).join('; ') };
  const fields = (json.fields ?? {}) as {
    project?: { key?: string };
    updated?: string;
  };
  const histories = (json.changelog as { histories?: unknown[] } | undefined)?.histories ?? [];
  // Jira's `updated` moves with every change and comment, and stays when a comment is deleted; the latest
  // event stands in only when it is missing (a comment's instant must not count: deleting it would lower it).
  const updatedField = typeof fields.updated === 'string' ? parseInstant(fields.updated) : undefined;
  const latest =
    updatedField ?? parsed.value.events.reduce((at, e) => Math.max(at, e.at), parsed.value.created);
  // The entries made at that very instant: a product event carrying one of them is known to be in this read
  // (see `apply-carried.ts`), one at the same instant but not among them is not.
  const atLatest = histories.flatMap((h) => {
    const { id, created } = (h ?? {}) as { id?: unknown; created?: unknown };
    const at = typeof created === 'string' ? parseJiraInstant(created) : undefined;
    return at === latest && (typeof id === 'string' || typeof id === 'number') ? [String(id)] : [];
  });
  // And the comments made then, named as `applyCarried` names them.
  for (const event of parsed.value.events) {
    if (event.kind === 'comment' && event.at === latest) atLatest.push(appliedIdOf(event));
  }
  const accounts = accountsOf(json, histories);
  return {
    issueId: parsed.value.id,
    issueKey: parsed.value.key,
    projectKey: fields.project?.key ?? parsed.value.key.split('-')[0] ?? '',
    stamp: historyStamp(latest, histories.length, readAt),
    data: {
      ...parsed.value,
      ...(atLatest.length === 0 ? {} : { applied: { through: latest, ids: atLatest.slice(-MAX_APPLIED) } }),
      ...(accounts === undefined ? {} : { accounts }),
    },
  };
}

/**
 * The kinds of account the issue's JSON names (reporter, assignee, creator, comment and changelog authors, as
 * Jira's users carry `accountType`), at most {@link MAX_ACCOUNTS}; undefined if none.
 */
function accountsOf(json: JiraIssueJson, histories: readonly unknown[]): Record<string, string> | undefined {
  const fields = (json.fields ?? {}) as Record<string, unknown>;
  const comments = (fields.comment as { comments?: unknown } | undefined)?.comments;
  const people: unknown[] = [fields.reporter, fields.assignee, fields.creator];
  if (Array.isArray(comments))
    for (const c of comments) people.push((c as { author?: unknown } | null)?.author);
  for (const h of histories) people.push((h as { author?: unknown } | null)?.author);
  const accounts: Record<string, string> = {};
  let count = 0;
  for (const person of people) {
    const { accountId, accountType } = (person ?? {}) as { accountId?: unknown; accountType?: unknown };
    if (typeof accountId !== 'string' || accountId === '' || typeof accountType !== 'string') continue;
    if (Object.hasOwn(accounts, accountId)) continue;
    if (count++ >= MAX_ACCOUNTS) break;
    accounts[accountId] = accountType;
  }
  return count === 0 ? undefined : accounts;
}
