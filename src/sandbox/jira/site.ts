import { formatInstant } from '../../engine/time/iso';
import type { EpochMs } from '../../engine/time/units';
import type { Clock } from '../../app/ports';
import { JiraIssueBuilder, type IssueSnapshot } from './issue-model';
import {
  componentsField,
  organizationsField,
  requestTypeField,
  TEAMS,
  type RequestType,
  type Team,
} from './service-desk';

/** A person or app account on the simulated site. */
export interface SiteUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly accountType: 'atlassian' | 'customer' | 'app';
  /** Jira administrator (global ADMINISTER). */
  readonly admin?: boolean;
  /** Projects this user administers. */
  readonly projectAdmin?: readonly string[];
  /** Projects this user is an agent of (BROWSE_PROJECTS). */
  readonly agentOf?: readonly string[];
  /** The profile's language and zone, as Jira writes them (`de_DE`, `Europe/Berlin`); absent: not set. */
  readonly locale?: string;
  readonly timeZone?: string;
  /** Jira groups the user is a member of. */
  readonly groups?: readonly string[];
}

/** A product event as Forge delivers it to an `avi:jira:*` trigger. */
export interface SiteEvent {
  readonly eventType:
    | 'avi:jira:created:issue'
    | 'avi:jira:updated:issue'
    | 'avi:jira:deleted:issue'
    | 'avi:jira:assigned:issue'
    | 'avi:jira:commented:issue'
    | 'avi:jira:deleted:comment';
  readonly issue: { readonly id: string; readonly key: string };
  /** The account that made the change (Forge's `atlassianId`); `ignoreSelf` drops the app's own. */
  readonly atlassianId: string;
  /** The changelog entry the change made, if it made one (a comment or a rating makes none). */
  readonly changelog?: { readonly id: string; readonly items: readonly unknown[] };
}

/** The issue fields Forge's issue events carry (the `Issue` type of its event reference). */
const PAYLOAD_FIELDS = [
  'summary',
  'issuetype',
  'creator',
  'created',
  'project',
  'reporter',
  'assignee',
  'updated',
  'status',
] as const;

/** A value with every user in it reduced to `{ accountId }`, as Forge's event payloads give users. */
function accountIdsOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(accountIdsOnly);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.accountId === 'string') return { accountId: record.accountId };
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, accountIdsOnly(v)]));
}

/**
 * A comment as Forge's `avi:jira:commented:issue` carries it: `{ id, author, body, updateAuthor, created,
 * updated, jsdPublic }`, users by account id only, no properties nor visibility.
 */
function commentPayload(comment: unknown): Record<string, unknown> {
  const c = comment as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['id', 'author', 'body', 'created', 'updated', 'jsdPublic']) {
    if (key in c) out[key] = accountIdsOnly(c[key]);
  }
  out.updateAuthor = accountIdsOnly(c.updateAuthor ?? c.author);
  return out;
}

export const APP_ACCOUNT = 'accord-app';

/** JSM's satisfaction field and the incident outage fields on the simulated site (see `CUSTOM_FIELD_NAMES`). */
export const SATISFACTION_FIELD = 'customfield_10070';
export const OUTAGE_START_FIELD = 'customfield_10080';
export const OUTAGE_END_FIELD = 'customfield_10081';

/**
 * A Jira Service Management site in memory: issues with real changelogs and comments in Jira Cloud's JSON
 * shapes, users with permissions, and a product event for every change, as Forge would deliver it. The
 * sandbox and the tests drive it; {@link SimulatedJira} answers the app's REST calls from it.
 */
export class SimulatedSite {
  readonly issues = new Map<string, JiraIssueBuilder>();
  readonly customFieldValues = new Map<string, Map<string, string | null>>();
  /** What the app sent through `/notify`, oldest first; `at` (Jira's timestamp) is missing in older saved sites. */
  readonly notifications: {
    issueId: string;
    subject: string;
    body: string;
    to: readonly string[];
    at?: string;
  }[] = [];
  readonly participants = new Map<string, Set<string>>();
  private readonly listeners: ((event: SiteEvent) => void)[] = [];
  private nextNumber = 1;

  constructor(
    readonly clock: Clock,
    readonly users: readonly SiteUser[],
  ) {}

  onEvent(listener: (event: SiteEvent) => void): void {
    this.listeners.push(listener);
  }

  user(accountId: string): SiteUser | undefined {
    return this.users.find((u) => u.accountId === accountId);
  }

  /** The issue by id or key. */
  find(idOrKey: string): JiraIssueBuilder | undefined {
    const byId = this.issues.get(idOrKey);
    if (byId) return byId;
    for (const issue of this.issues.values()) if (issue.key === idOrKey) return issue;
    return undefined;
  }

  private now(): string {
    return jiraTimestamp(this.clock.now());
  }

  private emit(
    eventType: SiteEvent['eventType'],
    issue: JiraIssueBuilder,
    actor: string,
    changelog?: SiteEvent['changelog'],
  ): void {
    const event: SiteEvent = {
      eventType,
      issue: { id: issue.id, key: issue.key },
      atlassianId: actor,
      ...(changelog === undefined ? {} : { changelog }),
    };
    for (const listener of this.listeners) listener(event);
  }

  /**
   * The payload Forge delivers to an `avi:jira:*` trigger for `event`, as its event reference documents it and
   * no more: the issue's id, key and a few fields (users by account id only), the actor's account id, for an
   * update or assignment the changelog entry as `{ id, items }` (no instant, no author), for a comment the
   * comment (`commentPayload`). Built when the event is raised (the fields are the issue's at that moment).
   */
  triggerPayload(event: SiteEvent): Record<string, unknown> {
    const json = this.find(event.issue.id)?.json();
    const all = (json?.fields as Record<string, unknown> | undefined) ?? {};
    const fields: Record<string, unknown> = {};
    for (const key of PAYLOAD_FIELDS) if (key in all) fields[key] = accountIdsOnly(all[key]);
    const comments = (all.comment as { comments?: unknown[] } | undefined)?.comments ?? [];
    const comment = comments.at(-1);
    const { eventType, changelog } = event;
    return {
      eventType,
      atlassianId: event.atlassianId,
      issue: { id: event.issue.id, key: event.issue.key, fields },
      ...((eventType === 'avi:jira:updated:issue' || eventType === 'avi:jira:assigned:issue') &&
      changelog !== undefined
        ? { changelog: structuredClone(changelog) }
        : {}),
      ...(eventType === 'avi:jira:commented:issue' && comment !== undefined
        ? { comment: commentPayload(comment) }
        : {}),
    };
  }

  /**
   * Raises a request as a customer (the reporter). The JSM fields given (summary, request type, which also sets
   * the issue type, organizations, components) are set as Jira sets fields created with the issue: no changelog.
   */
  create(options: {
    readonly project?: string;
    readonly reporter: string;
    readonly priority?: string;
    readonly status?: string;
    readonly summary?: string;
    readonly requestType?: RequestType;
    readonly organizations?: readonly { readonly id: string; readonly name: string }[];
    readonly components?: readonly string[];
    readonly fields?: Readonly<Record<string, unknown>>;
  }): JiraIssueBuilder {
    const key = `${options.project ?? 'IT'}-${this.nextNumber++}`;
    const issue = new JiraIssueBuilder(key, this.now(), {
      reporter: options.reporter,
      ...(options.priority === undefined ? {} : { priority: options.priority }),
      ...(options.status === undefined ? {} : { status: options.status }),
    });
    if (options.summary !== undefined) issue.initialField('summary', options.summary);
    if (options.requestType) {
      issue.initialField('customfield_10010', requestTypeField(issue, options.requestType));
      issue.initialField('issuetype', { ...options.requestType.issueType });
    }
    if (options.organizations && options.organizations.length > 0)
      issue.initialField('customfield_10002', organizationsField(options.organizations));
    if (options.components) issue.initialField('components', componentsField(options.components));
    for (const [name, value] of Object.entries(options.fields ?? {})) issue.initialField(name, value);
    this.issues.set(issue.id, issue);
    this.participants.set(issue.id, new Set([options.reporter]));
    this.emit('avi:jira:created:issue', issue, options.reporter);
    return issue;
  }

  /** Applies a change made by `actor` at the site's current time and raises the matching product event. */
  change(
    idOrKey: string,
    actor: string,
    apply: (issue: JiraIssueBuilder, at: string) => void,
    eventType: SiteEvent['eventType'] = 'avi:jira:updated:issue',
  ): JiraIssueBuilder {
    const issue = this.find(idOrKey);
    if (!issue) throw new Error(`no issue ${idOrKey}`);
    const user = this.user(actor);
    issue.as(actor, user?.accountType ?? 'atlassian');
    const before = issue.changelogSize();
    apply(issue, this.now());
    const entry = issue.changelogSize() > before ? issue.latestEntry() : undefined;
    this.emit(eventType, issue, actor, entry);
    return issue;
  }

  transition(idOrKey: string, actor: string, to: string): JiraIssueBuilder {
    const done = to === 'Resolved' || to === 'Closed';
    return this.change(idOrKey, actor, (issue, at) => {
      const resolved = issue.field('resolution') !== null;
      if (done && !resolved) issue.resolve(at, to);
      else if (!done && resolved) issue.reopen(at, to);
      else issue.status(at, to);
    });
  }

  comment(
    idOrKey: string,
    actor: string,
    text: string,
    options: { readonly internal?: boolean; readonly marker?: string } = {},
  ): JiraIssueBuilder {
    const user = this.user(actor);
    const issue = this.find(idOrKey);
    const reporter = (issue?.field('reporter') as { accountId?: string } | null)?.accountId;
    const by =
      user?.accountType === 'app'
        ? 'app'
        : user?.accountType === 'customer'
          ? reporter === actor
            ? 'customer'
            : 'other-customer'
          : options.internal === true
            ? 'internal'
            : 'agent';
    return this.change(
      idOrKey,
      actor,
      (i, at) =>
        i.comment(at, by, {
          accountId: actor,
          text,
          internal: options.internal === true,
          ...(options.marker === undefined ? {} : { marker: options.marker }),
        }),
      'avi:jira:commented:issue',
    );
  }

  /** Deletes a comment, raising `avi:jira:deleted:comment` as Jira does. */
  deleteComment(idOrKey: string, actor: string, commentId: string): JiraIssueBuilder {
    return this.change(idOrKey, actor, (issue) => issue.deleteComment(commentId), 'avi:jira:deleted:comment');
  }

  /** Changes the priority; setting the one it has changes nothing and raises no event, as in Jira. */
  setPriority(idOrKey: string, actor: string, name: string): JiraIssueBuilder {
    const issue = this.find(idOrKey);
    if (issue && (issue.field('priority') as { name?: string } | null)?.name === name) return issue;
    return this.change(idOrKey, actor, (i, at) => i.priority(at, name));
  }

  /** Assigns the issue (null unassigns), raising `avi:jira:assigned:issue` as Jira does. */
  assign(idOrKey: string, actor: string, accountId: string | null): JiraIssueBuilder {
    return this.change(idOrKey, actor, (issue, at) => issue.assign(at, accountId), 'avi:jira:assigned:issue');
  }

  /** Hands the request to a team (the Team single-select, `customfield_10050`); null clears it. */
  setTeam(idOrKey: string, actor: string, team: Team | null): JiraIssueBuilder {
    return this.change(idOrKey, actor, (issue, at) =>
      issue.customField(
        at,
        10050,
        'Team',
        team,
        team === null ? undefined : String(10020 + TEAMS.indexOf(team)),
      ),
    );
  }

  /** The customer rates a resolved request, 1–5, in JSM's satisfaction field (`customfield_10070`). */
  rate(idOrKey: string, actor: string, rating: number): JiraIssueBuilder {
    return this.change(idOrKey, actor, (issue, at) => issue.quietly(at, SATISFACTION_FIELD, { rating }));
  }

  /** An agent records when an incident's outage began or ended (date-time fields `Outage start`, `Outage end`). */
  setOutage(idOrKey: string, actor: string, side: 'start' | 'end', at: number | null): JiraIssueBuilder {
    const field = side === 'start' ? OUTAGE_START_FIELD : OUTAGE_END_FIELD;
    return this.change(idOrKey, actor, (issue, now) =>
      issue.quietly(now, field, at === null ? null : jiraTimestamp(at as EpochMs)),
    );
  }

  /** Everything the site holds, as plain JSON, so that the sandbox can keep it between runs. */
  snapshot(): SiteSnapshot {
    return {
      nextNumber: this.nextNumber,
      issues: [...this.issues.values()].map((i) => i.snapshot()),
      customFieldValues: [...this.customFieldValues].map(([id, values]) => [id, [...values]]),
      notifications: structuredClone(this.notifications),
      participants: [...this.participants].map(([id, people]) => [id, [...people]]),
    };
  }

  /** Replaces what the site holds with a {@link snapshot}; raises no events. */
  restore(snapshot: SiteSnapshot): void {
    this.issues.clear();
    for (const s of snapshot.issues) {
      const issue = JiraIssueBuilder.fromSnapshot(s);
      this.issues.set(issue.id, issue);
    }
    this.customFieldValues.clear();
    for (const [id, values] of snapshot.customFieldValues) this.customFieldValues.set(id, new Map(values));
    this.notifications.splice(0, this.notifications.length, ...structuredClone(snapshot.notifications));
    this.participants.clear();
    for (const [id, people] of snapshot.participants) this.participants.set(id, new Set(people));
    this.nextNumber = snapshot.nextNumber;
  }

  delete(idOrKey: string, actor: string): void {
    const issue = this.find(idOrKey);
    if (!issue) return;
    this.issues.delete(issue.id);
    this.emit('avi:jira:deleted:issue', issue, actor);
  }
}

/** A {@link SimulatedSite}'s state as plain JSON. */
export interface SiteSnapshot {
  readonly nextNumber: number;
  readonly issues: readonly IssueSnapshot[];
  readonly customFieldValues: readonly (readonly [string, readonly (readonly [string, string | null])[]])[];
  readonly notifications: readonly {
    readonly issueId: string;
    readonly subject: string;
    readonly body: string;
    readonly to: readonly string[];
    readonly at?: string;
  }[];
  readonly participants: readonly (readonly [string, readonly string[]])[];
}

/** Jira's timestamp format, `2026-03-02T10:00:00.000+0000`. */
export function jiraTimestamp(instant: EpochMs): string {
  return formatInstant(instant).replace('Z', '+0000');
}
