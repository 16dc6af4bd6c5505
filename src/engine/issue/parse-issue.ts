/**
 * Reads Jira Cloud's issue reply (`GET /rest/api/3/issue/{key}?expand=changelog,names`) into an issue's
 * normalized history. Hand-written checks rather than a schema: the command line reads tens of thousands of
 * issues a second, and only the few properties the history needs are checked.
 */
import { DUE_DATE, namedFieldKey } from '../fields';
import { ratingOf } from '../report/satisfaction';
import { fail, joinPath, ok, type Problem, type Result } from '../errors';
import { isObject } from './aliases';
import { parseJiraInstant } from './jira-instant';
import { EMPTY_STATUS_CATALOG, type StatusCatalog } from './status-catalog';
import { valueAt } from './timeline';
import {
  ISSUE_HISTORY_DATA_VERSION,
  type CommentBy,
  type IssueEventData,
  type IssueHistoryData,
} from './types';
import { walkBack, type RawEntry } from './walk-back';

export interface ParseIssueOptions {
  /** The site's statuses, for the categories of statuses the issue has left (`GET /rest/api/3/status`). */
  readonly statuses?: StatusCatalog;
  /** Where the issue sits in its file, e.g. `$[3]`; problems' paths start with it. Default `$`. */
  readonly path?: string;
}

const CODE = 'issue.invalid';

interface RawComment {
  readonly id: string;
  readonly at: number;
  readonly author: unknown;
  readonly isPublic: boolean;
}

// ── Checks ───────────────────────────────────────────────────────────────────────────────────────────────

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'an object';
}

const expected = (path: string, what: string, value: unknown): Problem => ({
  code: CODE,
  path,
  message: `expected ${what}, got ${describe(value)}`,
});

/** Jira writes ids as strings; hand-written issues may use numbers. */
const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** Where a problem is: `path[index].key`, or `path.key` for index -1. Built only when there is a problem. */
function at(path: string, index: number, key?: string): string {
  const item = index < 0 ? path : joinPath(path, index);
  return key === undefined ? item : joinPath(item, key);
}

/** The instant at `path[index].key`, or a problem there. */
function instantOf(
  value: unknown,
  problems: Problem[],
  path: string,
  index: number,
  key: string,
): number | undefined {
  const instant = typeof value === 'string' ? parseJiraInstant(value) : undefined;
  if (instant !== undefined) return instant;
  problems.push(
    typeof value === 'string'
      ? { code: CODE, path: at(path, index, key), message: `not an ISO instant: ${describe(value)}` }
      : expected(at(path, index, key), 'an ISO instant', value),
  );
  return undefined;
}

/** Numeric ids in numeric order without converting them (they may exceed 2^53); others after, as text. */
export const compareIds = (a: string, b: string): number =>
  a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

interface Dated {
  readonly at: number;
  readonly id: string;
}

const byInstantThenId = (a: Dated, b: Dated): number => a.at - b.at || compareIds(a.id, b.id);

/**
 * Sorts by (instant, id) and drops repeated ids, which merged changelog pages give: a repeat is a copy of its
 * original, so it sorts next to it. Entries without an id are all kept, in their order. Replies list oldest
 * first or newest first, so those two orders are recognized before sorting.
 */
function sortAndDedupe<T extends Dated>(list: T[]): T[] {
  let ascending = true;
  let descending = true;
  let previous: T | undefined;
  for (const x of list) {
    if (previous !== undefined) {
      const order = byInstantThenId(previous, x);
      if (order > 0) ascending = false;
      // Reversing would swap entries without ids at one instant.
      if (order < 0 || (order === 0 && x.id === '')) descending = false;
      if (!ascending && !descending) break;
    }
    previous = x;
  }
  if (!ascending) {
    if (descending) list.reverse();
    else list.sort(byInstantThenId);
  }
  let n = 0;
  previous = undefined;
  for (const x of list) {
    if (previous !== undefined && x.id !== '' && x.id === previous.id) continue;
    list[n++] = x;
    previous = x;
  }
  if (n < list.length) list.length = n; // a store to `length` is a call into the runtime, even when nothing is cut
  return list;
}

function readHistories(changelog: unknown, path: string, problems: Problem[]): RawEntry[] {
  if (changelog === undefined || changelog === null) return [];
  if (!isObject(changelog)) {
    problems.push(expected(path, 'an object', changelog));
    return [];
  }
  const histories = changelog.histories;
  if (histories === undefined) return [];
  const listPath = `${path}.histories`;
  if (!Array.isArray(histories)) {
    problems.push(expected(listPath, 'an array', histories));
    return [];
  }
  const entries: RawEntry[] = [];
  for (let i = 0; i < histories.length; i++) {
    const history: unknown = histories[i];
    if (!isObject(history)) {
      problems.push(expected(at(listPath, i), 'a changelog entry object', history));
      continue;
    }
    const id = history.id === undefined ? '' : idOf(history.id);
    if (id === undefined) problems.push(expected(at(listPath, i, 'id'), 'an id', history.id));
    const created = instantOf(history.created, problems, listPath, i, 'created');
    const items = history.items ?? [];
    if (!Array.isArray(items)) problems.push(expected(at(listPath, i, 'items'), 'an array', items));
    if (id === undefined || created === undefined || !Array.isArray(items)) continue;
    entries.push({ id, at: created, items, author: history.author });
  }
  return sortAndDedupe(entries);
}

function readComments(comment: unknown, path: string, problems: Problem[]): RawComment[] {
  if (comment === undefined || comment === null) return [];
  if (!isObject(comment)) {
    problems.push(expected(path, 'an object', comment));
    return [];
  }
  const list = comment.comments;
  if (list === undefined) return [];
  const listPath = `${path}.comments`;
  if (!Array.isArray(list)) {
    problems.push(expected(listPath, 'an array', list));
    return [];
  }
  const comments: RawComment[] = [];
  for (let i = 0; i < list.length; i++) {
    const raw: unknown = list[i];
    if (!isObject(raw)) {
      problems.push(expected(at(listPath, i), 'a comment object', raw));
      continue;
    }
    const id = raw.id === undefined ? '' : idOf(raw.id);
    if (id === undefined) problems.push(expected(at(listPath, i, 'id'), 'an id', raw.id));
    const created = instantOf(raw.created, problems, listPath, i, 'created');
    if (id === undefined || created === undefined) continue;
    comments.push({ id, at: created, author: raw.author, isPublic: raw.jsdPublic !== false });
  }
  return sortAndDedupe(comments);
}

// ── Comments ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * An app (Automation for Jira, an integration) is checked first: automation often reports issues, and its
 * replies must not count as the customer's. A comment without an author counts as an agent's.
 */
export function commentBy(author: unknown, reporterThen: readonly string[]): CommentBy {
  if (!isObject(author)) return 'agent';
  if (author.accountType === 'app') return 'app';
  if (author.accountType === 'customer') return 'customer';
  const accountId = typeof author.accountId === 'string' ? author.accountId.toLowerCase() : undefined;
  return accountId !== undefined && reporterThen.includes(accountId) ? 'customer' : 'agent';
}

/** Merges the changelog's and the comments' events by instant: creation first, then changes, then comments. */
function mergeEvents(
  created: IssueEventData,
  changes: readonly IssueEventData[],
  comments: readonly IssueEventData[],
): IssueEventData[] {
  const out: IssueEventData[] = [];
  let i = 0;
  let j = 0;
  let createdPending = true;
  for (;;) {
    const change = changes[i];
    const comment = comments[j];
    const next =
      change !== undefined && (comment === undefined || change.at <= comment.at) ? change : comment;
    if (createdPending && (next === undefined || created.at <= next.at)) {
      out.push(created);
      createdPending = false;
    } else if (next === undefined) {
      return out;
    } else {
      out.push(next);
      if (next === change) i++;
      else j++;
    }
  }
}

// ── The reply ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads an issue reply into its normalized history: each field's values over time, walked back from the
 * current fields through the changelog (newest-first, oldest-first, shuffled or with repeated entries: all
 * give the same history), and the events agreements listen to. Invalid input gives problems naming the JSON
 * path; it never throws.
 * @example
 * const result = parseIssue(JSON.parse(text), { statuses });
 * if (result.ok) evaluate(historyOf(result.value));
 */
export function parseIssue(json: unknown, options: ParseIssueOptions = {}): Result<IssueHistoryData> {
  const root = options.path ?? '$';
  if (!isObject(json)) return fail(expected(root, 'an issue object', json));
  const problems: Problem[] = [];
  const key = json.key;
  if (typeof key !== 'string' || key === '') problems.push(expected(`${root}.key`, 'an issue key', key));
  const id = idOf(json.id);
  if (id === undefined) problems.push(expected(`${root}.id`, 'an issue id', json.id));
  const fields = json.fields;
  const fieldsPath = `${root}.fields`;
  if (!isObject(fields)) {
    problems.push(expected(fieldsPath, 'an object', fields));
    return fail(...problems);
  }
  const created = instantOf(fields.created, problems, fieldsPath, -1, 'created');
  const entries = readHistories(json.changelog, `${root}.changelog`, problems);
  const comments = readComments(fields.comment, `${fieldsPath}.comment`, problems);
  if (problems.length > 0 || typeof key !== 'string' || id === undefined || created === undefined) {
    return fail(...problems);
  }

  const walked = walkBack({
    fields,
    names: isObject(json.names) ? json.names : undefined,
    entries,
    commentAuthors: comments.map((comment) => comment.author),
    catalog: options.statuses ?? EMPTY_STATUS_CATALOG,
  });
  const reporter = walked.fields.find((field) => field.keys[0] === 'reporter');
  const commentEvents = comments.map((comment): IssueEventData => ({
    kind: 'comment',
    at: comment.at,
    id: comment.id,
    by: commentBy(comment.author, reporter === undefined ? [] : valueAt(reporter, comment.at)),
    public: comment.isPublic,
  }));
  const events = mergeEvents({ kind: 'created', at: created }, walked.events, commentEvents);
  const data: IssueHistoryData = {
    v: ISSUE_HISTORY_DATA_VERSION,
    key,
    id,
    created,
    fields: walked.fields,
    events,
    known: knownCustomFields(fields, json.names),
  };
  const satisfaction = satisfactionOf(fields);
  return ok(satisfaction === undefined ? data : { ...data, satisfaction });
}

/** JSM's satisfaction rating, found by its value's shape (`{ "rating": 4 }`) in whichever custom field holds it. */
function satisfactionOf(fields: Readonly<Record<string, unknown>>): number | undefined {
  for (const id in fields) {
    if (!id.startsWith('customfield_')) continue;
    const rating = ratingOf(fields[id]);
    if (rating !== undefined) return rating;
  }
  return undefined;
}

/**
 * The custom fields a reply carried, by id and, where `names` (expand=names) tells it, by name; and the due
 * date, which histories stored before it was followed do not have.
 */
function knownCustomFields(fields: Readonly<Record<string, unknown>>, names: unknown): string[] {
  const known: string[] = [];
  const byId = isObject(names) ? names : undefined;
  if (Object.hasOwn(fields, DUE_DATE)) known.push(DUE_DATE);
  for (const id of Object.keys(fields)) {
    if (!id.startsWith('customfield_')) continue;
    known.push(id);
    const name = byId?.[id];
    if (typeof name === 'string') known.push(namedFieldKey(name));
  }
  return known;
}
