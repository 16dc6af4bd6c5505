import { parseJql } from '../../engine/jql';
import { historyOf, parseIssue } from '../../engine/issue';
import {
  bcp47Locale,
  JiraError,
  type Actor,
  type CustomFieldUpdate,
  type IssueChangelogs,
  type JiraIssueJson,
  type JiraPort,
  type JiraUser,
  type JsmSla,
  type NotifyMessage,
  type UserProfile,
  USERS_PER_CALL,
} from '../../app/ports';
import { nextStart, slaPageReply, slasOfPage } from '../../app/jsm/sla-reply';
import type { JqlVocabulary } from '../../engine/jql/vocabulary';
import { CUSTOM_FIELD_NAMES, PRIORITIES, statusesReply, SYSTEM_FIELD_NAMES } from './issue-model';
import { REQUEST_TYPES } from './service-desk';
import { slaPage } from './jsm-slas';
import { APP_ACCOUNT, jiraTimestamp, type SimulatedSite } from './site';

/** The schema types (`schema.type`) Jira gives the site's custom fields. */
const CUSTOM_FIELD_TYPES: Readonly<Record<string, string>> = {
  customfield_10002: 'array',
  customfield_10010: 'sd-customerrequesttype',
  customfield_10050: 'option',
  customfield_10060: 'option',
  customfield_10070: 'sd-feedback',
  customfield_10080: 'datetime',
  customfield_10081: 'datetime',
};

// Jira's page sizes: the issue embeds at most 100 changelog entries; comments and changelogs page by 100.
const PAGE = 100;

/**
 * The app's Jira port answered by the simulated site, counting calls the way Jira would bill them (an issue
 * with a long history costs its extra changelog and comment pages), so the sandbox and the benchmark can tell
 * how many Jira calls an event costs.
 */
export class SimulatedJira implements JiraPort {
  readonly calls = new Map<string, number>();

  constructor(private readonly site: SimulatedSite) {}

  private count(endpoint: string, n = 1): void {
    this.calls.set(endpoint, (this.calls.get(endpoint) ?? 0) + n);
  }

  /** Every call so far. */
  totalCalls(): number {
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return total;
  }

  private issue(idOrKey: string) {
    const issue = this.site.find(idOrKey);
    if (!issue) throw new JiraError(`Jira: issue ${idOrKey} does not exist (404)`, 404, false);
    return issue;
  }

  getIssue(idOrKey: string): Promise<JiraIssueJson | undefined> {
    this.count('GET /rest/api/3/issue');
    const issue = this.site.find(idOrKey);
    if (!issue) return Promise.resolve(undefined);
    const json = issue.json();
    const histories = (json.changelog as { histories: unknown[] }).histories.length;
    const comments = (json.fields as { comment: { comments: unknown[] } }).comment.comments.length;
    if (histories > PAGE) this.count('GET /rest/api/3/issue/{id}/changelog', Math.ceil(histories / PAGE) - 1);
    if (comments > PAGE) this.count('GET /rest/api/3/issue/{id}/comment', Math.ceil(comments / PAGE) - 1);
    return Promise.resolve(json);
  }

  searchIssueIds(
    jql: string,
    page: { readonly nextPageToken?: string; readonly maxResults?: number } = {},
  ): Promise<{ readonly issueIds: readonly string[]; readonly nextPageToken?: string }> {
    this.count('GET /rest/api/3/search/jql');
    // JQL's ORDER BY is no part of Accord's subset: the site honours `created`/`key` descending, else id order.
    const order = /\s+ORDER\s+BY\s+(.+)$/i.exec(jql);
    const newestFirst = order !== null && /\b(created|key|id)\s+DESC\b/i.test(order[1] ?? '');
    const query = parseJql(order === null ? jql : jql.slice(0, order.index));
    if (!query.ok) {
      const message = query.problems.map((p) => p.message).join('; ');
      return Promise.reject(new JiraError(`Jira: the JQL is not valid: ${message} (400)`, 400, false));
    }
    const now = this.site.clock.now();
    const ids = [...this.site.issues.values()]
      .filter((issue) => {
        const data = parseIssue(issue.json());
        return data.ok && query.value.matches(historyOf(data.value).at(now));
      })
      .map((issue) => issue.id)
      .sort((a, b) => (newestFirst ? Number(b) - Number(a) : Number(a) - Number(b)));
    const start = Number(page.nextPageToken ?? '0');
    const size = Math.min(page.maxResults ?? 100, 5000);
    const issueIds = ids.slice(start, start + size);
    const next = start + size < ids.length ? { nextPageToken: String(start + size) } : {};
    return Promise.resolve({ issueIds, ...next });
  }

  getIssues(issueIds: readonly string[]): Promise<readonly JiraIssueJson[]> {
    this.count('POST /rest/api/3/issue/bulkfetch', Math.max(1, Math.ceil(issueIds.length / 100)));
    return Promise.resolve(
      issueIds.flatMap((id) => {
        const issue = this.site.find(id);
        if (!issue) return [];
        // bulkfetch returns fields, not the changelog.
        const json = issue.json();
        delete json.changelog;
        return [json];
      }),
    );
  }

  getChangelogs(issueIds: readonly string[]): Promise<readonly IssueChangelogs[]> {
    this.count('POST /rest/api/3/changelog/bulkfetch', Math.max(1, Math.ceil(issueIds.length / 1000)));
    return Promise.resolve(
      issueIds.flatMap((id) => {
        const issue = this.site.find(id);
        return issue ? [{ issueId: issue.id, histories: issue.histories() }] : [];
      }),
    );
  }

  getStatuses(): Promise<readonly unknown[]> {
    this.count('GET /rest/api/3/status');
    return Promise.resolve(structuredClone(statusesReply));
  }

  /** The site's own fields, statuses, priorities and request types, as its issues carry them. */
  getSiteVocabulary(): Promise<JqlVocabulary> {
    for (const endpoint of ['GET /rest/api/3/field', 'GET /rest/api/3/status', 'GET /rest/api/3/priority'])
      this.count(endpoint);
    this.count('GET /rest/servicedeskapi/requesttype');
    const system = { ...SYSTEM_FIELD_NAMES, duedate: 'Due date' };
    return Promise.resolve({
      fields: [
        ...Object.entries(system).map(([id, name]) => ({ id, name, custom: false })),
        ...Object.entries(CUSTOM_FIELD_NAMES).map(([id, name]) => ({
          id,
          name,
          custom: true,
          schemaType: CUSTOM_FIELD_TYPES[id] ?? 'string',
          clauseNames: [`cf[${id.slice('customfield_'.length)}]`, name],
        })),
      ],
      statuses: statusesReply.map(({ id, name }) => ({ id, name })),
      priorities: Object.entries(PRIORITIES).map(([name, id]) => ({ id, name })),
      requestTypes: REQUEST_TYPES.map(({ id, name }) => ({ id, name })),
    });
  }

  getStatus(idOrName: string): Promise<unknown> {
    this.count('GET /rest/api/3/status/{idOrName}');
    const wanted = idOrName.toLowerCase();
    const found = statusesReply.find((s) => s.id === idOrName || s.name.toLowerCase() === wanted);
    return Promise.resolve(found === undefined ? undefined : structuredClone(found));
  }

  setCustomFields(updates: readonly CustomFieldUpdate[]): Promise<void> {
    // One call carries up to 1,000 updates (`PUT /rest/api/3/app/field/value`).
    this.count('PUT /rest/api/3/app/field/value', Math.ceil(updates.length / 1000));
    for (const u of updates) {
      const values = this.site.customFieldValues.get(u.issueId) ?? new Map<string, string | null>();
      values.set(u.field, u.value);
      this.site.customFieldValues.set(u.issueId, values);
    }
    return Promise.resolve();
  }

  addComment(
    idOrKey: string,
    body: string,
    options: { readonly internal: boolean; readonly marker?: string },
  ): Promise<void> {
    this.count('POST /rest/api/3/issue/{id}/comment');
    this.issue(idOrKey);
    this.site.comment(idOrKey, APP_ACCOUNT, body, options);
    return Promise.resolve();
  }

  hasMarkedComment(idOrKey: string, marker: string): Promise<boolean> {
    this.count('GET /rest/api/3/issue/{id}/comment');
    return Promise.resolve(this.issue(idOrKey).commentMarkers().includes(marker));
  }

  notify(idOrKey: string, message: NotifyMessage): Promise<void> {
    this.count('POST /rest/api/3/issue/{id}/notify');
    const issue = this.issue(idOrKey);
    this.site.notifications.push({
      issueId: issue.id,
      subject: message.subject,
      body: message.body,
      to: [...message.to, ...message.groups.map((g) => `group:${g}`), ...message.users],
      at: jiraTimestamp(this.site.clock.now()),
    });
    return Promise.resolve();
  }

  assign(idOrKey: string, accountId: string | null): Promise<void> {
    this.count('PUT /rest/api/3/issue/{id}/assignee');
    this.issue(idOrKey);
    this.site.change(idOrKey, APP_ACCOUNT, (i, at) => i.assign(at, accountId), 'avi:jira:assigned:issue');
    return Promise.resolve();
  }

  setPriority(idOrKey: string, priorityName: string): Promise<void> {
    this.count('PUT /rest/api/3/issue/{id}');
    this.issue(idOrKey);
    this.site.setPriority(idOrKey, APP_ACCOUNT, priorityName);
    return Promise.resolve();
  }

  transition(idOrKey: string, to: string): Promise<boolean> {
    this.count('GET /rest/api/3/issue/{id}/transitions');
    this.issue(idOrKey);
    const known = statusesReply.find((s) => s.name.toLowerCase() === to.toLowerCase());
    if (!known) return Promise.resolve(false);
    this.count('POST /rest/api/3/issue/{id}/transitions');
    this.site.transition(idOrKey, APP_ACCOUNT, known.name);
    return Promise.resolve(true);
  }

  addLabel(idOrKey: string, label: string): Promise<void> {
    this.count('PUT /rest/api/3/issue/{id}');
    const issue = this.issue(idOrKey);
    const labels = (issue.field('labels') as string[] | undefined) ?? [];
    if (!labels.includes(label))
      this.site.change(idOrKey, APP_ACCOUNT, (i, at) => i.labels(at, [...labels, label]));
    return Promise.resolve();
  }

  hasPermission(
    actor: Actor,
    permission: 'ADMINISTER' | 'ADMINISTER_PROJECTS' | 'BROWSE_PROJECTS',
    scope: { readonly projectKey?: string; readonly issueId?: string } = {},
  ): Promise<boolean> {
    this.count('GET /rest/api/3/mypermissions');
    if (actor.as === 'app') return Promise.resolve(true);
    const user = this.site.user(actor.accountId);
    if (!user) return Promise.resolve(false);
    const project =
      scope.projectKey ??
      (scope.issueId === undefined ? undefined : this.site.find(scope.issueId)?.key.split('-')[0]);
    // As Jira answers `mypermissions`: with no project or issue, a project permission held in any project.
    const global = scope.projectKey === undefined && scope.issueId === undefined;
    const holds = (projects: readonly string[] | undefined): boolean =>
      global ? (projects ?? []).length > 0 : project !== undefined && (projects ?? []).includes(project);
    switch (permission) {
      case 'ADMINISTER':
        return Promise.resolve(user.admin === true);
      case 'ADMINISTER_PROJECTS':
        return Promise.resolve(user.admin === true || holds(user.projectAdmin));
      case 'BROWSE_PROJECTS':
        return Promise.resolve(user.admin === true || holds(user.agentOf));
    }
  }

  groupsOf(accountId: string): Promise<readonly string[]> {
    this.count('GET /rest/api/3/user/groups');
    return Promise.resolve(this.site.user(accountId)?.groups ?? []);
  }

  isRequestParticipant(accountId: string, idOrKey: string): Promise<boolean> {
    this.count('GET /rest/servicedeskapi/request/{id}/participant');
    const issue = this.site.find(idOrKey);
    return Promise.resolve(
      issue !== undefined && (this.site.participants.get(issue.id)?.has(accountId) ?? false),
    );
  }

  getUserProfile(accountId: string): Promise<UserProfile | undefined> {
    this.count('GET /rest/api/3/user');
    const user = this.site.user(accountId);
    if (user === undefined) return Promise.resolve(undefined);
    // Jira's `User` reply: `locale` as Jira writes it (`de_DE`), `timeZone` an IANA zone; either may be missing.
    const reply: Record<string, unknown> = {
      accountId: user.accountId,
      accountType: user.accountType,
      displayName: user.displayName,
      active: true,
      ...(user.locale === undefined ? {} : { locale: user.locale }),
      ...(user.timeZone === undefined ? {} : { timeZone: user.timeZone }),
    };
    const locale = bcp47Locale(reply.locale);
    return Promise.resolve({
      accountId,
      ...(locale === undefined ? {} : { locale }),
      ...(typeof reply.timeZone === 'string' ? { timeZone: reply.timeZone } : {}),
    });
  }

  /** As Jira's `GET /rest/api/3/user/bulk`: one call per {@link USERS_PER_CALL} ids, unknown ids left out. */
  getUsers(accountIds: readonly string[]): Promise<readonly JiraUser[]> {
    const ids = [...new Set(accountIds)];
    for (let at = 0; at < ids.length; at += USERS_PER_CALL) this.count('GET /rest/api/3/user/bulk');
    return Promise.resolve(
      ids.flatMap((id) => {
        const user = this.site.user(id);
        return user === undefined
          ? []
          : [{ accountId: id, displayName: user.displayName, active: true, accountType: user.accountType }];
      }),
    );
  }

  getRequestSlas(idOrKey: string): Promise<readonly JsmSla[] | undefined> {
    const issue = this.site.find(idOrKey);
    if (!issue) return Promise.resolve(undefined);
    // Page by page as JSM answers, one SLA a page here so that paging is always exercised; read with the same
    // reader as the Forge adapter, so the sandbox answers exactly the documented shape.
    const slas: JsmSla[] = [];
    for (let start: number | undefined = 0; start !== undefined;) {
      this.count('GET /rest/servicedeskapi/request/{id}/sla');
      const page = slaPageReply.parse(slaPage(issue.json(), this.site.clock.now(), start, 1));
      slas.push(...slasOfPage(page));
      start = nextStart(page, start);
    }
    return Promise.resolve(slas);
  }
}
