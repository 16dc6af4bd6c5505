/**
 * The Forge implementation of {@link JiraPort}: Jira Cloud's REST API through `requestJira`, as the app for
 * background work and as the invoking user for permission checks. Every list is read to its end (changelog and
 * comment pages, search pages, bulk changelog pages), every id travels inside a Forge `route`, and every call
 * goes through {@link ResilientJiraClient} for 429 / 5xx handling and clear errors.
 */
import { getAppContext, route, type Route } from '@forge/api';
import {
  bcp47Locale,
  type Actor,
  type CustomFieldUpdate,
  type IssueChangelogs,
  type JiraIssueJson,
  type JiraPort,
  type NotifyMessage,
  type JiraUser,
  type JsmSla,
  type UserProfile,
  USERS_PER_CALL,
} from '../../app/ports';
import { nextStart, slaPageReply, slasOfPage } from '../../app/jsm/sla-reply';
import { parseJiraInstant } from '../../engine/issue/jira-instant';
import type { JqlVocabulary, VocabularyValue } from '../../engine/jql/vocabulary';
import { textToAdf } from './adf';
import { batchFieldUpdates, customFieldKeys, type ForgeAppIdentity } from './custom-fields';
import {
  bulkChangelogs,
  bulkIssues,
  changelogPage,
  commentPage,
  customerRequest,
  fields,
  priorities,
  requestTypePage,
  userGroups,
  issueReply,
  myPermissions,
  parseReply,
  participantPage,
  searchPage,
  status,
  statuses,
  transitions,
  userPage,
  userReply,
  type Dated,
  type IssueReply,
} from './replies';
import { ResilientJiraClient, type JiraCall, type RetryPolicy } from './resilient-client';
import { forgeJiraFetch, withoutQuery, type JiraFetch } from './transport';

/** SLA metrics per page of `GET /rest/servicedeskapi/request/{id}/sla` (JSM's `limit`). */
const SLA_PAGE = 50;

/** The comment property that carries a threshold action's key (see `JiraPort.addComment`). */
const MARKER_PROPERTY = 'accord.action';

/** Page sizes: Jira's maximum for changelog and comment pages, and for the bulk endpoints. */
const PAGE = 100;
const BULK_ISSUES = 100;
const BULK_CHANGELOG_ISSUES = 1000;
const BULK_CHANGELOG_PAGE = 10_000;
const PARTICIPANT_PAGE = 50;
/** JSM's largest page of request types. */
const REQUEST_TYPE_PAGE = 100;
/** Far beyond any real portal catalogue; it bounds the read if Jira keeps saying "not the last page". */
const MAX_REQUEST_TYPES = 5000;
/** Ids only are cheap: Jira returns up to 5,000 a page; 1,000 keeps a recalculation step small. */
const DEFAULT_SEARCH_PAGE = 1000;
const MAX_SEARCH_PAGE = 5000;

/** What {@link ForgeJira} needs: a transport, the app's identity (for custom field keys), and retry knobs. */
export interface ForgeJiraOptions extends ForgeAppIdentity {
  readonly fetch: JiraFetch;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
}

/**
 * Jira Cloud through Forge.
 * @example const jira = new ForgeJira({ fetch: forgeJiraFetch(), appId, environment: 'PRODUCTION' });
 */
export class ForgeJira implements JiraPort {
  private readonly client: ResilientJiraClient;
  private readonly fieldKeys: ReturnType<typeof customFieldKeys>;

  constructor(options: ForgeJiraOptions) {
    this.client = new ResilientJiraClient(options);
    this.fieldKeys = customFieldKeys(options);
  }

  // ── Reading issues ─────────────────────────────────────────────────────────────────────────────────

  async getIssue(
    issueIdOrKey: string,
    options: { readonly fields?: readonly string[] } = {},
  ): Promise<JiraIssueJson | undefined> {
    const query = new URLSearchParams({ expand: 'changelog,names', fields: fieldList(options.fields) });
    const path = route`/rest/api/3/issue/${issueIdOrKey}?${query}`;
    const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true, expect: [404] });
    if (reply.status === 404) return undefined;
    const issue = parseReply(issueReply, reply.body, where('GET', path));
    return this.completeIssue(issue, true);
  }

  async searchIssueIds(
    jql: string,
    page: { readonly nextPageToken?: string; readonly maxResults?: number } = {},
  ): Promise<{ readonly issueIds: readonly string[]; readonly nextPageToken?: string }> {
    const query = new URLSearchParams({
      jql,
      fields: 'id',
      maxResults: String(Math.min(MAX_SEARCH_PAGE, Math.max(1, page.maxResults ?? DEFAULT_SEARCH_PAGE))),
    });
    if (page.nextPageToken !== undefined) query.set('nextPageToken', page.nextPageToken);
    const path = route`/rest/api/3/search/jql?${query}`;
    const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true });
    const result = parseReply(searchPage, reply.body, where('GET', path));
    const issueIds = result.issues.map((issue) => issue.id);
    const token = result.nextPageToken;
    // Jira leaves the token out on the last page; `isLast` is checked too in case a token is sent anyway.
    return typeof token === 'string' && token !== '' && result.isLast !== true
      ? { issueIds, nextPageToken: token }
      : { issueIds };
  }

  async getIssues(issueIds: readonly string[]): Promise<readonly JiraIssueJson[]> {
    const out: JiraIssueJson[] = [];
    for (const chunk of chunks(issueIds, BULK_ISSUES)) {
      const path = route`/rest/api/3/issue/bulkfetch`;
      const reply = await this.client.send({
        as: 'app',
        method: 'POST',
        path,
        body: { issueIdsOrKeys: chunk, fields: ['*all'] },
        idempotent: true, // a read, though a POST
      });
      // `issueErrors` lists ids that are gone or hidden from the app: those issues are simply not returned.
      const { issues } = parseReply(bulkIssues, reply.body, where('POST', path));
      for (const issue of issues) out.push(await this.completeIssue(issue, false));
    }
    return out;
  }

  async getChangelogs(issueIds: readonly string[]): Promise<readonly IssueChangelogs[]> {
    const byIssue = new Map<string, Dated[]>();
    for (const chunk of chunks(issueIds, BULK_CHANGELOG_ISSUES)) {
      let nextPageToken: string | undefined;
      do {
        const path = route`/rest/api/3/changelog/bulkfetch`;
        const body = {
          issueIdsOrKeys: chunk,
          maxResults: BULK_CHANGELOG_PAGE,
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        };
        const reply = await this.client.send({ as: 'app', method: 'POST', path, body, idempotent: true });
        const page = parseReply(bulkChangelogs, reply.body, where('POST', path));
        for (const { issueId, changeHistories } of page.issueChangeLogs) {
          const list = byIssue.get(issueId);
          if (list) list.push(...changeHistories);
          else byIssue.set(issueId, [...changeHistories]);
        }
        nextPageToken = page.nextPageToken ?? undefined;
        // A page that still names a token but carries nothing would loop forever; Jira is done then too.
        if (page.issueChangeLogs.length === 0) nextPageToken = undefined;
      } while (nextPageToken !== undefined);
    }
    return [...byIssue].map(([issueId, histories]) => ({ issueId, histories: inOrder(histories) }));
  }

  async getStatuses(): Promise<readonly unknown[]> {
    return this.statusList();
  }

  private async statusList() {
    const path = route`/rest/api/3/status`;
    const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true });
    return parseReply(statuses, reply.body, where('GET', path));
  }

  async getSiteVocabulary(): Promise<JqlVocabulary> {
    const fieldPath = route`/rest/api/3/field`;
    const fieldReply = await this.client.send({
      as: 'app',
      method: 'GET',
      path: fieldPath,
      idempotent: true,
    });
    const priorityPath = route`/rest/api/3/priority`;
    const priorityReply = await this.client.send({
      as: 'app',
      method: 'GET',
      path: priorityPath,
      idempotent: true,
    });
    return {
      fields: parseReply(fields, fieldReply.body, where('GET', fieldPath)).map((f) => ({
        id: f.id,
        name: f.name,
        custom: f.custom ?? f.id.startsWith('customfield_'),
        ...(f.schema?.type === undefined ? {} : { schemaType: f.schema.type }),
        ...(f.clauseNames === undefined ? {} : { clauseNames: f.clauseNames }),
      })),
      statuses: idsAndNames(await this.statusList()),
      priorities: idsAndNames(parseReply(priorities, priorityReply.body, where('GET', priorityPath))),
      requestTypes: await this.requestTypes(),
    };
  }

  /** Every request type of every service desk; none on a site without JSM (404). */
  private async requestTypes(): Promise<VocabularyValue[]> {
    const out: VocabularyValue[] = [];
    for (let start = 0; out.length < MAX_REQUEST_TYPES;) {
      const query = new URLSearchParams({ start: String(start), limit: String(REQUEST_TYPE_PAGE) });
      const path = route`/rest/servicedeskapi/requesttype?${query}`;
      const reply = await this.client.send({
        as: 'app',
        method: 'GET',
        path,
        idempotent: true,
        expect: [404],
      });
      if (reply.status === 404) return out;
      const page = parseReply(requestTypePage, reply.body, where('GET', path));
      out.push(...idsAndNames(page.values));
      if (page.isLastPage !== false || page.values.length === 0) break;
      start = (page.start ?? start) + page.values.length;
    }
    return out;
  }

  async getStatus(idOrName: string): Promise<unknown> {
    const path = route`/rest/api/3/status/${idOrName}`;
    const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true, expect: [404] });
    return reply.status === 404 ? undefined : parseReply(status, reply.body, where('GET', path));
  }

  async setCustomFields(updates: readonly CustomFieldUpdate[]): Promise<void> {
    // No changelog entry per write: Accord rewrites these fields on every evaluation, and the issue's history
    // should show what people did, not Accord's bookkeeping. No app events either: a write must not wake other
    // apps and automation rules on every evaluation.
    const path = route`/rest/api/3/app/field/value?generateChangelog=false&generateAppEvents=false`;
    for (const batch of batchFieldUpdates(updates, this.fieldKeys)) {
      await this.client.send({ as: 'app', method: 'POST', path, body: { updates: batch }, idempotent: true });
    }
  }

  // ── Threshold actions, as the app ──────────────────────────────────────────────────────────────────

  async addComment(
    issueIdOrKey: string,
    body: string,
    options: { readonly internal: boolean; readonly marker?: string },
  ): Promise<void> {
    await this.client.send({
      as: 'app',
      method: 'POST',
      path: route`/rest/api/3/issue/${issueIdOrKey}/comment`,
      // `sd.public.comment` is how JSM marks an internal note through the platform API; outside a service
      // project Jira stores the property and ignores it. The marker travels in the same request, so a comment
      // that exists carries it.
      body: {
        body: textToAdf(body),
        properties: [
          { key: 'sd.public.comment', value: { internal: options.internal } },
          ...(options.marker === undefined ? [] : [{ key: MARKER_PROPERTY, value: { key: options.marker } }]),
        ],
      },
      idempotent: false,
    });
  }

  async hasMarkedComment(issueIdOrKey: string, marker: string): Promise<boolean> {
    const comments = await this.allComments(issueIdOrKey, 'properties');
    return comments.some((c) =>
      (c as { properties?: { key?: unknown; value?: { key?: unknown } }[] }).properties?.some(
        (p) => p.key === MARKER_PROPERTY && p.value?.key === marker,
      ),
    );
  }

  async notify(issueIdOrKey: string, message: NotifyMessage): Promise<void> {
    await this.client.send({
      as: 'app',
      method: 'POST',
      path: route`/rest/api/3/issue/${issueIdOrKey}/notify`,
      body: {
        subject: message.subject,
        textBody: message.body,
        to: {
          reporter: message.to.includes('reporter'),
          assignee: message.to.includes('assignee'),
          watchers: message.to.includes('watchers'),
          voters: false,
          users: message.users.map((accountId) => ({ accountId })),
          groups: message.groups.map((name) => ({ name })),
        },
      },
      idempotent: false,
    });
  }

  async assign(issueIdOrKey: string, accountId: string | null): Promise<void> {
    await this.client.send({
      as: 'app',
      method: 'PUT',
      path: route`/rest/api/3/issue/${issueIdOrKey}/assignee`,
      body: { accountId }, // null unassigns
      idempotent: true,
    });
  }

  async setPriority(issueIdOrKey: string, priorityName: string): Promise<void> {
    await this.client.send({
      as: 'app',
      method: 'PUT',
      path: route`/rest/api/3/issue/${issueIdOrKey}`,
      body: { fields: { priority: { name: priorityName } } },
      idempotent: true,
    });
  }

  async transition(issueIdOrKey: string, to: string): Promise<boolean> {
    const listPath = route`/rest/api/3/issue/${issueIdOrKey}/transitions`;
    const reply = await this.client.send({ as: 'app', method: 'GET', path: listPath, idempotent: true });
    const wanted = to.trim().toLowerCase();
    // The admin may name the transition ("Escalate") or the status it leads to ("Escalated").
    const match =
      parseReply(transitions, reply.body, where('GET', listPath)).transitions.find(
        (t) => t.name.trim().toLowerCase() === wanted || t.to?.name.trim().toLowerCase() === wanted,
      ) ?? undefined;
    if (!match) return false;
    await this.client.send({
      as: 'app',
      method: 'POST',
      path: listPath,
      body: { transition: { id: match.id } },
      idempotent: false,
    });
    return true;
  }

  async addLabel(issueIdOrKey: string, label: string): Promise<void> {
    await this.client.send({
      as: 'app',
      method: 'PUT',
      path: route`/rest/api/3/issue/${issueIdOrKey}`,
      body: { update: { labels: [{ add: label }] } }, // `add` leaves the other labels alone
      idempotent: true,
    });
  }

  // ── Permissions, as the user ───────────────────────────────────────────────────────────────────────

  /**
   * `GET /rest/api/3/mypermissions`: Jira answers for whoever calls, so the actor decides whose rights are
   * checked. For a user, the call runs as the user behind the current invocation (see {@link forgeJiraFetch});
   * `actor.accountId` names that same user. A 404 (no such project or issue, or hidden from the caller) is "no".
   */
  async hasPermission(
    actor: Actor,
    permission: 'ADMINISTER' | 'ADMINISTER_PROJECTS' | 'BROWSE_PROJECTS',
    scope: { readonly projectKey?: string; readonly issueId?: string } = {},
  ): Promise<boolean> {
    const query = new URLSearchParams({ permissions: permission });
    if (scope.projectKey !== undefined) query.set('projectKey', scope.projectKey);
    if (scope.issueId !== undefined) {
      // Callers sometimes hold a key; Jira takes either, under different names.
      query.set(/^\d+$/.test(scope.issueId) ? 'issueId' : 'issueKey', scope.issueId);
    }
    const path = route`/rest/api/3/mypermissions?${query}`;
    const reply = await this.client.send({
      as: actor.as,
      method: 'GET',
      path,
      idempotent: true,
      expect: [404],
    });
    if (reply.status === 404) return false;
    const granted = parseReply(myPermissions, reply.body, where('GET', path)).permissions[permission];
    return granted?.havePermission === true;
  }

  async getRequestSlas(issueIdOrKey: string): Promise<readonly JsmSla[] | undefined> {
    const slas: JsmSla[] = [];
    for (let start: number | undefined = 0; start !== undefined;) {
      const query = new URLSearchParams({ start: String(start), limit: String(SLA_PAGE) });
      const path = route`/rest/servicedeskapi/request/${issueIdOrKey}/sla?${query}`;
      const reply = await this.client.send({
        as: 'app',
        method: 'GET',
        path,
        idempotent: true,
        expect: [404],
      });
      if (reply.status === 404) return undefined;
      const page = parseReply(slaPageReply, reply.body, where('GET', path));
      slas.push(...slasOfPage(page));
      start = nextStart(page, start);
    }
    return slas;
  }

  async getUserProfile(accountId: string): Promise<UserProfile | undefined> {
    const path = route`/rest/api/3/user?${new URLSearchParams({ accountId })}`;
    const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true, expect: [404] });
    if (reply.status === 404) return undefined;
    const user = parseReply(userReply, reply.body, where('GET', path));
    const locale = bcp47Locale(user.locale);
    return {
      accountId: user.accountId,
      ...(locale === undefined ? {} : { locale }),
      ...(user.timeZone === undefined ? {} : { timeZone: user.timeZone }),
    };
  }

  /**
   * Display names, read as the app: the ids in calls of {@link USERS_PER_CALL} (each id travels in the URL), every
   * page of each. Ids Jira does not know are left out of its reply, and so of ours.
   */
  async getUsers(accountIds: readonly string[]): Promise<readonly JiraUser[]> {
    const ids = [...new Set(accountIds)];
    const users: JiraUser[] = [];
    for (let at = 0; at < ids.length; at += USERS_PER_CALL) {
      const chunk = ids.slice(at, at + USERS_PER_CALL);
      for (let next: number | undefined = 0; next !== undefined;) {
        const startAt: number = next;
        const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(USERS_PER_CALL) });
        for (const id of chunk) query.append('accountId', id);
        const path = route`/rest/api/3/user/bulk?${query}`;
        const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true });
        const page = parseReply(userPage, reply.body, where('GET', path));
        users.push(
          ...page.values.map((u) => ({
            accountId: u.accountId,
            displayName: u.displayName,
            active: u.active,
            ...(u.accountType === undefined ? {} : { accountType: u.accountType }),
          })),
        );
        // Jira says whether this was the last page; without it, a short page is.
        const last = page.isLast ?? page.values.length < USERS_PER_CALL;
        next = last || page.values.length === 0 ? undefined : startAt + page.values.length;
      }
    }
    return users;
  }

  /** A user's groups, read as the app (`read:jira-user`); a 404 (no such user) is none. */
  async groupsOf(accountId: string): Promise<readonly string[]> {
    const path = route`/rest/api/3/user/groups?accountId=${accountId}`;
    const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true, expect: [404] });
    if (reply.status === 404) return [];
    return parseReply(userGroups, reply.body, where('GET', path)).map((g) => g.name);
  }

  /**
   * Whether `accountId` is the request's reporter or one of its request participants, read as the invoking user
   * through JSM's API: the request itself is visible only to its reporter, its participants and the agents, so a
   * 403 or 404 is "no" without further calls. Agents who merely can see the request are not participants.
   *
   * ATTENTION: members of an organization the request is shared with can also see it in the portal but are not
   * participants here; the portal panel then shows them nothing, which errs on the side of privacy.
   */
  async isRequestParticipant(accountId: string, issueIdOrKey: string): Promise<boolean> {
    const requestPath = route`/rest/servicedeskapi/request/${issueIdOrKey}`;
    const request = await this.client.send({
      as: 'user',
      method: 'GET',
      path: requestPath,
      idempotent: true,
      expect: [403, 404],
    });
    if (request.status !== 200) return false;
    const { reporter } = parseReply(customerRequest, request.body, where('GET', requestPath));
    if (reporter?.accountId === accountId) return true;

    for (let start = 0; ;) {
      const query = new URLSearchParams({ start: String(start), limit: String(PARTICIPANT_PAGE) });
      const path = route`/rest/servicedeskapi/request/${issueIdOrKey}/participant?${query}`;
      const reply = await this.client.send({
        as: 'user',
        method: 'GET',
        path,
        idempotent: true,
        expect: [403, 404],
      });
      if (reply.status !== 200) return false;
      const page = parseReply(participantPage, reply.body, where('GET', path));
      if (page.values.some((user) => user.accountId === accountId)) return true;
      if (page.isLastPage !== false || page.values.length === 0) return false;
      start = (page.start ?? start) + page.values.length;
    }
  }

  // ── Paging an issue's changelog and comments ───────────────────────────────────────────────────────

  /**
   * The issue with every changelog entry and comment. The changelog Jira embeds holds only the latest 100
   * entries, newest first, so a longer history is read again from the start through the changelog resource;
   * likewise comments beyond the embedded page. Both lists come back oldest first without duplicates.
   */
  private async completeIssue(issue: IssueReply, withChangelog: boolean): Promise<JiraIssueJson> {
    let result: JiraIssueJson = issue;
    const changelog = issue.changelog;
    if (withChangelog && changelog) {
      let histories = changelog.histories;
      if ((changelog.total ?? 0) > histories.length) {
        histories = mergeById(histories, await this.allChangelog(issue.id));
      }
      // A change made between the two reads is not yet in `fields`: walking back through it would undo a
      // change the fields never had. The next event for that change re-reads the issue anyway.
      const asOf = issue.fields?.updated === undefined ? undefined : parseJiraInstant(issue.fields.updated);
      const kept = inOrder(histories).filter((h) => asOf === undefined || !(instant(h) > asOf));
      result = {
        ...result,
        changelog: { ...changelog, startAt: 0, maxResults: kept.length, total: kept.length, histories: kept },
      };
    }
    const comment = issue.fields?.comment;
    if (issue.fields && comment && (comment.total ?? 0) > comment.comments.length) {
      const comments = inOrder(mergeById(comment.comments, await this.allComments(issue.id)));
      const fields = {
        ...issue.fields,
        comment: { ...comment, startAt: 0, maxResults: comments.length, total: comments.length, comments },
      };
      result = { ...result, fields };
    }
    return result;
  }

  private async allChangelog(issueId: string): Promise<Dated[]> {
    const all: Dated[] = [];
    for (let startAt = 0; ;) {
      const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE) });
      const path = route`/rest/api/3/issue/${issueId}/changelog?${query}`;
      const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true });
      const page = parseReply(changelogPage, reply.body, where('GET', path));
      all.push(...page.values);
      startAt = page.startAt + page.values.length;
      const done = page.isLast ?? (page.total === undefined || startAt >= page.total);
      if (done || page.values.length === 0) return all;
    }
  }

  private async allComments(issueId: string, expand?: 'properties'): Promise<Dated[]> {
    const all: Dated[] = [];
    for (let startAt = 0; ;) {
      const query = new URLSearchParams({
        startAt: String(startAt),
        maxResults: String(PAGE),
        orderBy: 'created',
        ...(expand === undefined ? {} : { expand }),
      });
      const path = route`/rest/api/3/issue/${issueId}/comment?${query}`;
      const reply = await this.client.send({ as: 'app', method: 'GET', path, idempotent: true });
      const page = parseReply(commentPage, reply.body, where('GET', path));
      all.push(...page.comments);
      startAt = page.startAt + page.comments.length;
      if (startAt >= page.total || page.comments.length === 0) return all;
    }
  }
}

/**
 * The adapter for the current Forge invocation: the production transport, and the app id and environment that
 * name Accord's custom fields, taken from Forge's app context (so call it inside a handler, not at module load).
 */
export function createForgeJira(
  options: Partial<Pick<ForgeJiraOptions, 'retry' | 'sleep' | 'random'>> = {},
): ForgeJira {
  const context = getAppContext();
  return new ForgeJira({
    ...options,
    fetch: forgeJiraFetch(),
    appId: context.appAri.appId,
    environment: context.environmentType,
  });
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────

function fieldList(fields: readonly string[] | undefined): string {
  return fields === undefined || fields.length === 0 ? '*all' : fields.join(',');
}

/** Only the id and name: the rest of Jira's object is not the vocabulary's business. */
function idsAndNames(items: readonly { readonly id: string; readonly name: string }[]): VocabularyValue[] {
  return items.map(({ id, name }) => ({ id, name }));
}

function where(method: JiraCall['method'], path: Route): string {
  return `${method} ${withoutQuery(path.value)}`;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Both lists, each id once; the later read wins, since it is at least as fresh. */
function mergeById(first: readonly Dated[], later: readonly Dated[]): Dated[] {
  const byId = new Map<string, Dated>();
  for (const item of first) byId.set(item.id, item);
  for (const item of later) byId.set(item.id, item);
  return [...byId.values()];
}

function instant(item: Dated): number {
  return parseJiraInstant(item.created) ?? Number.NaN;
}

/** Oldest first; equal instants by numeric id (Jira's ids grow with time). Unreadable dates keep their place last. */
function inOrder<T extends Dated>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index, at: instant(item) }))
    .sort((a, b) => {
      const an = Number.isNaN(a.at);
      const bn = Number.isNaN(b.at);
      if (an || bn) return an === bn ? a.index - b.index : an ? 1 : -1;
      return a.at - b.at || Number(a.item.id) - Number(b.item.id) || a.index - b.index;
    })
    .map(({ item }) => item);
}
