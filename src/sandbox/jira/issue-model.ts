/**
 * Builds Jira Cloud issue JSON (`GET /rest/api/3/issue/{key}?expand=changelog` with comments) from an initial
 * state and a list of changes, so that a test shows only the lines that matter. The current `fields` are the
 * initial state with every change applied, exactly as Jira would return them.
 */

type Category = 'new' | 'indeterminate' | 'done';

const STATUSES: Record<string, { id: string; category: Category }> = {
  Open: { id: '1', category: 'new' },
  'Waiting for support': { id: '10001', category: 'new' },
  'In Progress': { id: '3', category: 'indeterminate' },
  'Waiting for customer': { id: '10002', category: 'indeterminate' },
  Escalated: { id: '10003', category: 'indeterminate' },
  Pending: { id: '10004', category: 'indeterminate' },
  Resolved: { id: '5', category: 'done' },
  Closed: { id: '6', category: 'done' },
};
const CATEGORIES: Record<Category, { id: number; key: Category; name: string }> = {
  new: { id: 2, key: 'new', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress' },
  done: { id: 3, key: 'done', name: 'Done' },
};
/**
 * The site's custom fields: JSM's request type, organizations and satisfaction rating, the team a request is
 * with, and the outage an incident reports (date-time fields).
 */
export const CUSTOM_FIELD_NAMES: Readonly<Record<string, string>> = {
  customfield_10002: 'Organizations',
  customfield_10010: 'Request Type',
  customfield_10050: 'Team',
  customfield_10060: 'Waiting on',
  customfield_10070: 'Satisfaction',
  customfield_10080: 'Outage start',
  customfield_10081: 'Outage end',
};
/** The system fields the site's issues carry, by id, with the names Jira shows. */
export const SYSTEM_FIELD_NAMES: Readonly<Record<string, string>> = {
  summary: 'Summary',
  status: 'Status',
  priority: 'Priority',
  assignee: 'Assignee',
  reporter: 'Reporter',
  resolution: 'Resolution',
  resolutiondate: 'Resolved',
  labels: 'Labels',
  components: 'Components',
  project: 'Project',
  issuetype: 'Issue Type',
  created: 'Created',
  updated: 'Updated',
  comment: 'Comment',
};

/** The site's priorities (Jira's defaults) and their ids. */
export const PRIORITIES: Readonly<Record<string, string>> = {
  Highest: '1',
  High: '2',
  Medium: '3',
  Low: '4',
  Lowest: '5',
};

/** Jira's `GET /rest/api/3/status` reply for the statuses above. */
export const statusesReply = Object.entries(STATUSES).map(([name, s]) => ({
  id: s.id,
  name,
  statusCategory: CATEGORIES[s.category],
}));

const user = (accountId: string, accountType: 'atlassian' | 'customer' | 'app' = 'atlassian') => ({
  accountId,
  accountType,
  displayName: accountId.replace(/-/g, ' '),
});
const statusJson = (name: string) => {
  const s = STATUSES[name];
  if (!s) throw new Error(`unknown status in test: ${name}`);
  return { id: s.id, name, statusCategory: CATEGORIES[s.category] };
};

interface Item {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** A {@link JiraIssueBuilder}'s state as plain JSON (see `snapshot`). */
export interface IssueSnapshot {
  readonly key: string;
  readonly fields: Record<string, unknown>;
  readonly histories: { id: string; created: string; author: unknown; items: Item[] }[];
  readonly nextId: number;
}

export class JiraIssueBuilder {
  private readonly fields: Record<string, unknown>;
  private readonly historyList: { id: string; created: string; author: unknown; items: Item[] }[] = [];
  private readonly comments: unknown[] = [];
  private nextId = 100;

  constructor(
    readonly key: string,
    created: string,
    initial: { status?: string; priority?: string; labels?: string[]; reporter?: string } = {},
  ) {
    this.fields = {
      created,
      updated: created,
      project: { id: '10000', key: key.split('-')[0], name: 'IT Help' },
      issuetype: { id: '10004', name: 'Service Request' },
      status: statusJson(initial.status ?? 'Open'),
      priority: { id: PRIORITIES[initial.priority ?? 'Medium'], name: initial.priority ?? 'Medium' },
      assignee: null,
      reporter: user(initial.reporter ?? 'carla-customer', 'customer'),
      resolution: null,
      resolutiondate: null,
      labels: initial.labels ?? [],
      components: [],
      comment: { comments: this.comments, maxResults: 100, total: 0, startAt: 0 },
      // With `fields=*all` Jira returns every field, empty ones as null.
      ...Object.fromEntries(Object.keys(CUSTOM_FIELD_NAMES).map((id) => [id, null])),
    };
  }

  /** One changelog entry with several items at one instant. */
  /** Who the next changes are made by (an agent unless said otherwise). */
  private author: ReturnType<typeof user> = user('alex-agent');

  /** Makes the following changes as `accountId` (an `app` account for Accord's own actions). */
  as(accountId: string, accountType: 'atlassian' | 'customer' | 'app' = 'atlassian'): this {
    this.author = user(accountId, accountType);
    return this;
  }

  private change(at: string, items: Item[]): this {
    this.historyList.push({ id: String(this.nextId++), created: at, author: this.author, items });
    this.fields.updated = at;
    return this;
  }

  status(at: string, to: string, also: Item[] = []): this {
    const from = this.fields.status as { id: string; name: string };
    const next = statusJson(to);
    this.fields.status = next;
    return this.change(at, [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: from.id,
        fromString: from.name,
        to: next.id,
        toString: to,
      },
      ...also,
    ]);
  }

  /** A transition to a done status that also sets the resolution, in one changelog entry as Jira writes it. */
  resolve(at: string, to = 'Resolved', resolution = 'Done'): this {
    this.fields.resolution = { id: '10000', name: resolution };
    this.fields.resolutiondate = at;
    return this.status(at, to, [
      {
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: null,
        fromString: null,
        to: '10000',
        toString: resolution,
      },
    ]);
  }

  /** A transition out of a done status that clears the resolution. */
  reopen(at: string, to = 'In Progress'): this {
    const before = this.fields.resolution as { id: string; name: string } | null;
    this.fields.resolution = null;
    this.fields.resolutiondate = null;
    return this.status(at, to, [
      {
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: before?.id ?? null,
        fromString: before?.name ?? null,
        to: null,
        toString: null,
      },
    ]);
  }

  priority(at: string, to: string): this {
    const from = this.fields.priority as { id: string; name: string };
    this.fields.priority = { id: PRIORITIES[to], name: to };
    return this.change(at, [
      {
        field: 'priority',
        fieldtype: 'jira',
        fieldId: 'priority',
        from: from.id,
        fromString: from.name,
        to: PRIORITIES[to] ?? null,
        toString: to,
      },
    ]);
  }

  assign(at: string, accountId: string | null): this {
    const from = this.fields.assignee as { accountId: string; displayName: string } | null;
    this.fields.assignee = accountId === null ? null : user(accountId);
    return this.change(at, [
      {
        field: 'assignee',
        fieldtype: 'jira',
        fieldId: 'assignee',
        from: from?.accountId ?? null,
        fromString: from?.displayName ?? null,
        to: accountId,
        toString: accountId === null ? null : accountId.replace(/-/g, ' '),
      },
    ]);
  }

  labels(at: string, labels: string[]): this {
    const from = this.fields.labels as string[];
    this.fields.labels = labels;
    return this.change(at, [
      {
        field: 'labels',
        fieldtype: 'jira',
        fieldId: 'labels',
        from: null,
        fromString: from.join(' '),
        to: null,
        toString: labels.join(' '),
      },
    ]);
  }

  /**
   * A single-select custom field, e.g. `customField(at, 10050, 'Team', 'Second Level')`; `optionId` is the
   * option's id as Jira would number it (made up from the value when not given).
   */
  customField(at: string, id: number, name: string, value: string | null, optionId?: string): this {
    const key = `customfield_${id}`;
    const from = this.fields[key] as { value: string; id: string } | null | undefined;
    const to = value === null ? null : (optionId ?? String(20000 + value.length));
    this.fields[key] = value === null ? null : { value, id: to };
    return this.change(at, [
      {
        field: name,
        fieldtype: 'custom',
        fieldId: key,
        from: from?.id ?? null,
        fromString: from?.value ?? null,
        to,
        toString: value,
      },
    ]);
  }

  /**
   * A date field: Jira's due date (`'duedate'`, a `YYYY-MM-DD` date, whose changelog adds a display string
   * such as `2026-03-06 00:00:00.0`), or a date-time custom field (`2026-03-06T17:00:00.000+0100`).
   */
  dateField(at: string, field: 'duedate' | number, name: string, value: string | null): this {
    const key = field === 'duedate' ? field : `customfield_${field}`;
    const from = (this.fields[key] as string | null | undefined) ?? null;
    this.fields[key] = value;
    const display = (v: string | null): string | null =>
      v === null ? null : field === 'duedate' ? `${v} 00:00:00.0` : v;
    return this.change(at, [
      {
        field: field === 'duedate' ? 'duedate' : name,
        fieldtype: field === 'duedate' ? 'jira' : 'custom',
        fieldId: key,
        from,
        fromString: display(from),
        to: value,
        toString: display(value),
      },
    ]);
  }

  /**
   * A comment by the reporter (`customer`), an agent, an app, or an agent's internal note; `internal` makes an
   * app's comment an internal note too (Accord's threshold comments are, unless an agreement says otherwise).
   */
  comment(
    at: string,
    by: 'customer' | 'agent' | 'app' | 'internal' | 'other-customer',
    options: {
      readonly accountId?: string;
      readonly text?: string;
      readonly internal?: boolean;
      /** Accord's action key, kept as Jira keeps a comment property (see `JiraPort.addComment`). */
      readonly marker?: string;
    } = {},
  ): this {
    const author =
      by === 'customer'
        ? (this.fields.reporter as ReturnType<typeof user>)
        : by === 'other-customer'
          ? user(options.accountId ?? 'olga-other', 'customer')
          : by === 'app'
            ? user(options.accountId ?? 'automation', 'app')
            : user(options.accountId ?? 'alex-agent');
    const id = String(this.nextId++);
    const text = options.text ?? '';
    this.comments.push({
      id,
      author,
      body: {
        type: 'doc',
        version: 1,
        content: text === '' ? [] : [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      },
      created: at,
      updated: at,
      jsdPublic: by !== 'internal' && !(by === 'app' && options.internal === true),
      // Jira returns properties only with `expand=properties`; the sandbox keeps them on the comment.
      ...(options.marker === undefined
        ? {}
        : { properties: [{ key: 'accord.action', value: { key: options.marker } }] }),
    });
    // A comment moves the issue's `updated`, as in Jira (JQL's `updated` finds commented issues).
    this.fields.updated = at;
    return this;
  }

  /**
   * Deletes a comment, as Jira does: it is gone from `fields.comment`, and the changelog records nothing.
   * `updated` is left as it was (whether Jira moves it is not documented; Accord must not rely on it).
   */
  deleteComment(commentId: string): this {
    const at = this.comments.findIndex((c) => (c as { id?: unknown }).id === commentId);
    if (at < 0) throw new Error(`no comment ${commentId} on ${this.key}`);
    this.comments.splice(at, 1);
    return this;
  }

  /** The markers (comment property `accord.action`) of the issue's comments. */
  commentMarkers(): string[] {
    return this.comments.flatMap((c) =>
      ((c as { properties?: { key: string; value: { key: string } }[] }).properties ?? [])
        .filter((p) => p.key === 'accord.action')
        .map((p) => p.value.key),
    );
  }

  /** The issue's comments' ids, oldest first. */
  commentIds(): string[] {
    return this.comments.map((c) => String((c as { id?: unknown }).id));
  }

  /** The issue's numeric id, as Jira gives it. */
  get id(): string {
    return String(10000 + Number(this.key.split('-')[1] ?? '0'));
  }

  /**
   * Sets a field at `at` without a changelog entry, as JSM records a customer's satisfaction rating: the issue's
   * `updated` moves, nothing else.
   */
  quietly(at: string, name: string, value: unknown): this {
    this.fields[name] = value;
    this.fields.updated = at;
    return this;
  }

  /** Sets a field without a changelog entry (as Jira does for fields created with the issue). */
  initialField(name: string, value: unknown): this {
    this.fields[name] = value;
    return this;
  }

  /** The current value of a field, as Jira would return it. */
  field(name: string): unknown {
    return this.fields[name];
  }

  /** How many changelog entries the issue has. */
  changelogSize(): number {
    return this.historyList.length;
  }

  /** The newest changelog entry's id and items, as a product event carries them. */
  latestEntry(): { id: string; items: unknown[] } | undefined {
    const entry = this.historyList.at(-1);
    return entry === undefined ? undefined : { id: entry.id, items: structuredClone(entry.items) };
  }

  /** Every changelog entry, oldest first (the shape of `/changelog` and the bulk changelog). */
  histories(): unknown[] {
    return structuredClone(this.historyList);
  }

  /** The builder's whole state as plain JSON, so that the sandbox can keep its site between runs. */
  snapshot(): IssueSnapshot {
    return structuredClone({
      key: this.key,
      fields: this.fields,
      histories: this.historyList,
      nextId: this.nextId,
    });
  }

  /** A builder in exactly the state a {@link snapshot} recorded. */
  static fromSnapshot(snapshot: IssueSnapshot): JiraIssueBuilder {
    const issue = new JiraIssueBuilder(snapshot.key, String(snapshot.fields.created));
    const fields = structuredClone(snapshot.fields);
    const comments = (fields.comment as { comments?: unknown[] } | undefined)?.comments ?? [];
    for (const key of Object.keys(issue.fields)) Reflect.deleteProperty(issue.fields, key);
    Object.assign(issue.fields, fields);
    // `fields.comment.comments` is the same array that `comment()` appends to.
    issue.comments.push(...comments);
    issue.fields.comment = { ...(fields.comment as object), comments: issue.comments };
    issue.historyList.push(...structuredClone(snapshot.histories));
    issue.nextId = snapshot.nextId;
    return issue;
  }

  json(): Record<string, unknown> {
    const comment = this.fields.comment as { comments: unknown[]; total: number };
    comment.total = comment.comments.length;
    return {
      id: this.id,
      key: this.key,
      fields: structuredClone(this.fields),
      // `expand=names`: every field's display name, by id.
      names: { ...SYSTEM_FIELD_NAMES, ...CUSTOM_FIELD_NAMES },
      // Jira returns the embedded changelog newest first.
      changelog: {
        startAt: 0,
        maxResults: 100,
        total: this.historyList.length,
        histories: structuredClone(this.historyList).reverse(),
      },
    };
  }
}
