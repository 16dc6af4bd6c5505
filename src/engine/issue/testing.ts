/**
 * Builders of Jira Cloud issue replies, shaped like `GET /rest/api/3/issue/{key}?expand=changelog,names`, with
 * defaults for everything a test does not care about. For tests and the sandbox; not part of the engine's API.
 */
import { parseJiraInstant } from './jira-instant';
import type { StatusCategoryKey } from './types';
import type { EpochMs } from '../time/units';

/** Wall-clock time in the site's zone (`+0100`) → Jira's timestamp. `2026-03-02T10:00` → `…T10:00:00.000+0100`. */
export const jiraTime = (local: string): string => `${local.length === 16 ? `${local}:00` : local}.000+0100`;

/** The instant of {@link jiraTime}. */
export function instant(local: string): EpochMs {
  const at = parseJiraInstant(jiraTime(local));
  if (at === undefined) throw new Error(`bad test time ${local}`);
  return at;
}

export interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly accountType: 'atlassian' | 'customer' | 'app';
  readonly emailAddress?: string;
}

export const USERS = {
  carla: {
    accountId: 'qm:6b3e1f0c-8a8e-4c4e-9a51-2f3c1d5e7a90:5d7f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    displayName: 'Carla Customer',
    accountType: 'customer',
    emailAddress: 'carla@acme.example',
  },
  alana: {
    accountId: '5b10a2844c20165700ede21g',
    displayName: 'Alana Grant',
    accountType: 'atlassian',
    emailAddress: 'alana@provider.example',
  },
  ben: { accountId: '5b109f2e9729b51b54dc274d', displayName: 'Ben Second-Level', accountType: 'atlassian' },
  automation: {
    accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
    displayName: 'Automation for Jira',
    accountType: 'app',
  },
} as const satisfies Record<string, JiraUser>;

export interface Named {
  readonly id: string;
  readonly name: string;
}

export interface StatusSpec extends Named {
  readonly category: StatusCategoryKey;
}

const CATEGORY_IDS: Record<StatusCategoryKey, number> = { new: 2, indeterminate: 4, done: 3 };
const CATEGORY_NAMES: Record<StatusCategoryKey, string> = {
  new: 'To Do',
  indeterminate: 'In Progress',
  done: 'Done',
};

export const STATUSES = {
  waitingForSupport: { id: '10001', name: 'Waiting for support', category: 'new' },
  waitingForCustomer: { id: '10002', name: 'Waiting for customer', category: 'indeterminate' },
  inProgress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  escalated: { id: '10003', name: 'Escalated', category: 'indeterminate' },
  resolved: { id: '10004', name: 'Resolved', category: 'done' },
  closed: { id: '6', name: 'Closed', category: 'done' },
} as const satisfies Record<string, StatusSpec>;

export const PRIORITIES = {
  highest: { id: '1', name: 'Highest' },
  high: { id: '2', name: 'High' },
  medium: { id: '3', name: 'Medium' },
  low: { id: '4', name: 'Low' },
} as const satisfies Record<string, Named>;

/** A status as `fields.status` and `GET /rest/api/3/status` write it. */
export function jiraStatus(status: StatusSpec): Record<string, unknown> {
  return {
    self: `https://acme.atlassian.net/rest/api/3/status/${status.id}`,
    description: '',
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `https://acme.atlassian.net/rest/api/3/statuscategory/${CATEGORY_IDS[status.category]}`,
      id: CATEGORY_IDS[status.category],
      key: status.category,
      colorName: status.category === 'new' ? 'blue-gray' : status.category === 'done' ? 'green' : 'yellow',
      name: CATEGORY_NAMES[status.category],
    },
  };
}

// ── Changelog items ──────────────────────────────────────────────────────────────────────────────────────

export interface ItemSpec {
  readonly field: string;
  readonly fieldtype?: 'jira' | 'custom';
  readonly fieldId?: string;
  readonly from?: string | null;
  readonly fromString?: string | null;
  readonly to?: string | null;
  readonly toString?: string | null;
}

const side = (value: Named | null | undefined, key: 'id' | 'name'): string | null => value?.[key] ?? null;

export const statusItem = (from: Named, to: Named): ItemSpec => ({
  field: 'status',
  fieldtype: 'jira',
  fieldId: 'status',
  from: from.id,
  fromString: from.name,
  to: to.id,
  toString: to.name,
});

export const priorityItem = (from: Named, to: Named): ItemSpec => ({
  field: 'priority',
  fieldtype: 'jira',
  fieldId: 'priority',
  from: from.id,
  fromString: from.name,
  to: to.id,
  toString: to.name,
});

export const resolutionItem = (from: Named | null, to: Named | null): ItemSpec => ({
  field: 'resolution',
  fieldtype: 'jira',
  fieldId: 'resolution',
  from: side(from, 'id'),
  fromString: side(from, 'name'),
  to: side(to, 'id'),
  toString: side(to, 'name'),
});

export const assigneeItem = (from: JiraUser | null, to: JiraUser | null): ItemSpec => ({
  field: 'assignee',
  fieldtype: 'jira',
  fieldId: 'assignee',
  from: from?.accountId ?? null,
  fromString: from?.displayName ?? null,
  to: to?.accountId ?? null,
  toString: to?.displayName ?? null,
});

/** Labels items carry the whole list on each side, space-separated. */
export const labelsItem = (from: readonly string[], to: readonly string[]): ItemSpec => ({
  field: 'labels',
  fieldtype: 'jira',
  fieldId: 'labels',
  from: null,
  fromString: from.join(' '),
  to: null,
  toString: to.join(' '),
});

/** Component items add or remove one component each. */
export const componentItem = (change: { readonly add: Named } | { readonly remove: Named }): ItemSpec => {
  const added = 'add' in change ? change.add : null;
  const removed = 'remove' in change ? change.remove : null;
  return {
    field: 'Component',
    fieldtype: 'jira',
    fieldId: 'components',
    from: side(removed, 'id'),
    fromString: side(removed, 'name'),
    to: side(added, 'id'),
    toString: side(added, 'name'),
  };
};

/** A single-select custom field's item (`from`/`to` option ids, strings the option values). */
export const customItem = (
  fieldId: string | undefined,
  field: string,
  from: Named | null,
  to: Named | null,
): ItemSpec => ({
  field,
  fieldtype: 'custom',
  ...(fieldId === undefined ? {} : { fieldId }),
  from: side(from, 'id'),
  fromString: side(from, 'name'),
  to: side(to, 'id'),
  toString: side(to, 'name'),
});

// ── Issues ───────────────────────────────────────────────────────────────────────────────────────────────

export interface HistorySpec {
  readonly id?: string;
  /** Local time, see {@link jiraTime}; or a full Jira timestamp. */
  readonly at: string;
  readonly author?: JiraUser;
  /** Usually {@link ItemSpec}s; anything else tests how odd items are skipped. */
  readonly items: readonly unknown[];
}

export interface CommentSpec {
  readonly id?: string;
  readonly at: string;
  readonly author?: JiraUser;
  /** A JSM internal note: `jsdPublic: false`. */
  readonly internal?: boolean;
  readonly text?: string;
}

export interface IssueSpec {
  readonly key?: string;
  readonly id?: string;
  readonly created?: string;
  /** Merged over the defaults: a Service Request in "Waiting for support", Medium, reported by Carla. */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly histories?: readonly HistorySpec[];
  readonly comments?: readonly CommentSpec[];
  readonly names?: Readonly<Record<string, string>>;
}

const timestamp = (at: string): string => (at.length <= 19 ? jiraTime(at) : at);

const adf = (text: string): Record<string, unknown> => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/**
 * An issue reply. Histories and comments get ids 10100, 10101… and 20100, 20101… in the order given.
 * @example makeIssue({ histories: [{ at: '2026-03-02T10:00', items: [statusItem(STATUSES.waitingForSupport, STATUSES.inProgress)] }] })
 */
export function makeIssue(spec: IssueSpec = {}): Record<string, unknown> {
  const created = timestamp(spec.created ?? '2026-03-02T09:00');
  const comments = (spec.comments ?? []).map((comment, index) => ({
    self: `https://acme.atlassian.net/rest/api/3/issue/10042/comment/${comment.id ?? String(20100 + index)}`,
    id: comment.id ?? String(20100 + index),
    author: comment.author ?? USERS.alana,
    body: adf(comment.text ?? 'Thanks, looking into it.'),
    updateAuthor: comment.author ?? USERS.alana,
    created: timestamp(comment.at),
    updated: timestamp(comment.at),
    jsdPublic: comment.internal !== true,
  }));
  const histories = (spec.histories ?? []).map((history, index) => ({
    id: history.id ?? String(10100 + index),
    author: history.author ?? USERS.alana,
    created: timestamp(history.at),
    items: history.items,
  }));
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: spec.id ?? '10042',
    self: 'https://acme.atlassian.net/rest/api/3/issue/10042',
    key: spec.key ?? 'IT-42',
    fields: {
      summary: 'VPN drops every few minutes',
      created,
      updated: created,
      project: { id: '10000', key: 'IT', name: 'IT Service Desk', projectTypeKey: 'service_desk' },
      issuetype: { id: '10003', name: 'Service Request', subtask: false },
      status: jiraStatus(STATUSES.waitingForSupport),
      priority: PRIORITIES.medium,
      resolution: null,
      resolutiondate: null,
      assignee: null,
      reporter: USERS.carla,
      creator: USERS.carla,
      labels: [],
      components: [],
      fixVersions: [],
      comment: { comments, maxResults: comments.length, total: comments.length, startAt: 0 },
      ...spec.fields,
    },
    names: { summary: 'Summary', status: 'Status', ...spec.names },
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
  };
}
