/**
 * The drain's cheap path: an issue whose events carried their changes is brought up to date from its stored
 * history, with no Jira read, when that is sound; otherwise the caller reads it in full (`refreshIssue`).
 *
 * What tells that nothing was missed, by Jira's own clock (the issue's `updated`, which every change moves):
 * - the stored history was read in full when `updated` was `through`: every change before that instant is in
 *   it, and of those at that very instant the ones the read listed in `applied` (another may have come after);
 * - after that read, only the entries listed in `applied` were added, each at its `updated`, the latest being
 *   the stamp's instant. A carried change earlier than that and not listed arrived out of order: read again;
 * - so one at that very instant and not listed is not in the history either, while the list is whole (shorter
 *   than {@link MAX_APPLIED}): it is applied if it sorts after what the history holds at that instant, as a
 *   full read orders them (entries by id, then comments by id): an entry's id above every entry listed, a
 *   comment's above the stored comment of that instant (the engine checks); else read again;
 * - a change is applied, oldest first, only if the engine finds it contiguous and exact
 *   (`applyChangelogEntry`: every item's `from` is the stored value, and its fields read exactly).
 * - the stamp rises with every change applied: its instant, or its count of entries; a comment at the instant
 *   of the stamp moves neither, so it moves the stamp's read time to now instead, after the comment was made:
 *   a full read that began earlier, and may not have seen it, is then older.
 * A new comment is applied the same way (`applyComment`), its author's kind of account (customer, agent, app)
 * looked up in the instance's cache of Jira's users (`PeopleCache`); ids of applied comments are kept as `c:<id>`
 * beside the entries' (Jira numbers comments and changelog entries apart).
 * A new issue, a history that retention dropped, an event without its change (assignments, deletions, edited
 * comments), an author Jira cannot type, an unknown field kind: all are read in full. Results converge either
 * way: a later full read replaces whatever was applied, since its stamp is newer.
 */
import {
  applyChangelogEntry,
  applyComment,
  compareIds,
  MAX_ACCOUNTS,
  MAX_APPLIED,
  type ApplyResult,
} from '../../engine/issue';
import type { CarriedChange, CarriedEntryChange, StoredHistory } from '../ports';
import type { Deps } from './deps';
import { evaluateStored, type IssueOutcome } from './evaluate-issue';
import { appliedIdOf, historyStamp, parseHistoryStamp } from './rows';

/** Why an issue is read in full after all, for the log and the tests. */
export type FullReadReason =
  | 'not-carried'
  | 'unreadable'
  | 'no-history'
  | 'late'
  | 'gap'
  | 'order'
  | 'unsupported'
  | 'status-unknown'
  | 'actor'
  | 'author-type';

/**
 * Applies the carried changes (`lines`, as the pending mark holds them) to the issue's stored history and
 * evaluates it, or says why the issue must be read in full. No Jira call but, on a cold instance, the
 * categories of statuses it has not seen.
 */
export async function applyCarried(
  deps: Deps,
  issueId: string,
  lines: readonly string[],
): Promise<IssueOutcome | { readonly fullRead: FullReadReason }> {
  const changes = parseLines(lines);
  if (changes === undefined) return { fullRead: 'unreadable' };
  const stored = await deps.store.histories.get(issueId);
  if (stored === undefined) return { fullRead: 'no-history' };
  const stamp = parseHistoryStamp(stored.stamp);
  if (stamp === undefined) return { fullRead: 'unreadable' };

  let data = stored.data;
  let latest = stamp.latest;
  let count = stamp.histories;
  let readAt = stamp.readAt;
  const through = data.applied?.through ?? stamp.latest;
  const ids = [...(data.applied?.ids ?? [])];
  const whole = ids.length < MAX_APPLIED;
  const entries = changes.filter((c): c is CarriedEntryChange => c.kind !== 'comment');
  const catalog = await deps.statuses.forChanges(entries);
  // An author the history knows the kind of needs no call; another is looked up (the cache first) only when
  // the comment is about to be applied.
  const accounts: Record<string, string> = { ...data.accounts };
  for (const change of changes) {
    const appliedId = appliedIdOf(change);
    if (change.at < through || ids.includes(appliedId)) continue; // in the history already
    if (change.at < latest) return { fullRead: 'late' };
    const sameInstant = change.at === latest;
    if (sameInstant && (!whole || (change.kind !== 'comment' && !followsEntries(change.id, ids))))
      return { fullRead: 'late' };
    let result: ApplyResult;
    if (change.kind === 'comment') {
      const accountType = Object.hasOwn(accounts, change.author)
        ? accounts[change.author]
        : (await deps.people.accountTypes([change.author])).get(change.author);
      if (accountType === undefined) return { fullRead: 'author-type' };
      result = applyComment(data, { ...change, accountType });
      if (sameInstant) readAt = Math.max(readAt, deps.clock.now());
      if (!Object.hasOwn(accounts, change.author) && Object.keys(accounts).length < MAX_ACCOUNTS)
        accounts[change.author] = accountType;
    } else {
      const { id, at, items, actor } = change;
      result = applyChangelogEntry(data, { id, at, items, actor }, catalog);
      count++;
    }
    if ('readAgain' in result) return { fullRead: result.readAgain };
    data = result.data;
    latest = change.at;
    ids.push(appliedId);
  }
  if (data === stored.data) return evaluateStored(deps, stored, deps.clock.now());
  const history: StoredHistory = {
    ...stored,
    // The read time stays the full read's (but see above): a later full read of the same content replaces this.
    stamp: historyStamp(latest, count, readAt),
    data: {
      ...data,
      applied: { through, ids: ids.slice(-MAX_APPLIED) },
      ...(Object.keys(accounts).length === 0 ? {} : { accounts }),
    },
  };
  if ((await deps.store.histories.put(history)) === 'stale') return { kind: 'stale', issueId };
  return evaluateStored(deps, history, deps.clock.now());
}

/** Whether a changelog entry's id sorts after every entry's the history lists as applied. */
function followsEntries(id: string, ids: readonly string[]): boolean {
  return ids.every((other) => other.startsWith('c:') || compareIds(other, id) < 0);
}

/** The carried changes, oldest first (by `updated`, then entry id), each once; undefined if one is unreadable. */
function parseLines(lines: readonly string[]): CarriedChange[] | undefined {
  const byId = new Map<string, CarriedChange>();
  for (const line of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return undefined;
    }
    if (!isCarried(value)) return undefined;
    byId.set(appliedIdOf(value), value);
  }
  return [...byId.values()].sort(
    (a, b) => a.at - b.at || a.id.length - b.id.length || (a.id < b.id ? -1 : 1),
  );
}

function isCarried(value: unknown): value is CarriedChange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.kind === 'comment') {
    return (
      typeof v.id === 'string' &&
      typeof v.at === 'number' &&
      Number.isFinite(v.at) &&
      typeof v.author === 'string' &&
      typeof v.public === 'boolean'
    );
  }
  return (
    (v.kind === undefined || v.kind === 'entry') &&
    typeof v.id === 'string' &&
    typeof v.at === 'number' &&
    Number.isFinite(v.at) &&
    typeof v.actor === 'string' &&
    Array.isArray(v.items) &&
    v.items.every((item) => typeof item === 'object' && item !== null)
  );
}
