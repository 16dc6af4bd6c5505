/**
 * Jira Cloud's REST API as `requestJira` reaches it (`__forge_fetch__` with `{ type: 'fpp', remote: 'jira' }`),
 * answered by the sandbox's simulated JSM site, and metered as Jira meters apps:
 *
 * - a points-based quota per clock hour (65,000 points; a read costs 1 point plus 1 per object it returns, a
 *   write 1). Over it, every call is a 429 until the hour turns;
 * - a burst limit per endpoint and second: a 429 that asks to retry after a second.
 *
 * A 429 carries `X-RateLimit-Reset` (an ISO instant) and, unless the seeded draw leaves it out as Jira sometimes
 * does, `Retry-After` in seconds. `requestJira` does not throw on a 429: the app gets the `Response`.
 */
import type { CustomFieldUpdate } from '../../src/app/ports';
import { statusesReply } from '../../src/sandbox/jira/issue-model';
import { SimulatedJira } from '../../src/sandbox/jira/simulated-jira';
import { APP_ACCOUNT, type SimulatedSite } from '../../src/sandbox/jira/site';
import { SlidingWindow, type ForgeLimits } from './limits';
import { jsonReply } from './wire';

export interface JiraCounters {
  calls: number;
  points: number;
  /** Calls per endpoint shape, e.g. `GET /rest/api/3/issue/{id}`. */
  byEndpoint: Record<string, number>;
  /** 429s served: for the hourly quota, and for bursts. */
  quota429: number;
  burst429: number;
  /** 429s served without `Retry-After`. */
  withoutRetryAfter: number;
  /** Custom field writes that would wake other apps and automation (no `generateAppEvents=false`). */
  fieldWritesWakingApps: number;
  fieldValuesWritten: number;
}

/** What happened on the site as the app asked (for tests): field values written, by issue. */
export interface JiraOptions {
  readonly limits: ForgeLimits;
  readonly random: () => number;
  /** Chance that a 429 leaves `Retry-After` out. */
  readonly omitRetryAfter: number;
}

const FIELD_SUFFIX: Readonly<Record<string, CustomFieldUpdate['field']>> = {
  '__accord-sla-state': 'sla-state',
  '__accord-next-deadline': 'next-deadline',
};

type Reply = { status: number; body?: unknown; objects?: number };

/** The REST API of one simulated site. */
export class JiraService {
  readonly counters: JiraCounters = {
    calls: 0,
    points: 0,
    byEndpoint: {},
    quota429: 0,
    burst429: 0,
    withoutRetryAfter: 0,
    fieldWritesWakingApps: 0,
    fieldValuesWritten: 0,
  };
  /** Points spent per clock hour (hour start → points). */
  readonly pointsByHour = new Map<number, number>();
  private readonly bursts = new Map<string, SlidingWindow>();
  private readonly simulated: SimulatedJira;

  constructor(
    readonly site: SimulatedSite,
    private readonly options: JiraOptions,
  ) {
    this.simulated = new SimulatedJira(site);
  }

  /** Answers one request at virtual time `now`; `user` is the invoking user for `asUser()` calls. */
  async handle(
    method: string,
    url: string,
    body: unknown,
    as: { app: boolean; user?: string },
    now: number,
  ): Promise<Response> {
    const [path = '', search = ''] = url.split('?', 2);
    const query = new URLSearchParams(search);
    const shape = endpointShape(method, path);
    const hour = Math.floor(now / 3_600_000) * 3_600_000;
    const spent = this.pointsByHour.get(hour) ?? 0;
    if (spent >= this.options.limits.jiraPointsPerHour) {
      this.counters.quota429++;
      return this.tooMany(
        Math.ceil((hour + 3_600_000 - now) / 1000),
        hour + 3_600_000,
        'jira-quota-global-based',
      );
    }
    let burst = this.bursts.get(shape);
    if (!burst) {
      burst = new SlidingWindow(1000, this.options.limits.jiraBurstPerSecond);
      this.bursts.set(shape, burst);
    }
    if (!burst.take(now)) {
      this.counters.burst429++;
      return this.tooMany(1, Math.floor(now / 1000) * 1000 + 1000, 'jira-burst-based');
    }

    const reply = await this.answer(method, path, query, body, as);
    const write = method !== 'GET' && !path.endsWith('/bulkfetch');
    const points = write ? 1 : 1 + (reply.objects ?? 0);
    this.counters.calls++;
    this.counters.points += points;
    this.counters.byEndpoint[shape] = (this.counters.byEndpoint[shape] ?? 0) + 1;
    this.pointsByHour.set(hour, spent + points);
    if (reply.status === 404 && reply.body === undefined) {
      return jsonReply(404, {
        errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        errors: {},
      });
    }
    return jsonReply(reply.status, reply.body);
  }

  private tooMany(retryAfterSeconds: number, resetAt: number, reason: string): Response {
    const omit = this.options.random() < this.options.omitRetryAfter;
    if (omit) this.counters.withoutRetryAfter++;
    return jsonReply(
      429,
      { errorMessages: ['Rate limit exceeded.'], errors: {} },
      {
        ...(omit ? {} : { 'Retry-After': String(Math.max(1, retryAfterSeconds)) }),
        'X-RateLimit-Reset': new Date(resetAt).toISOString(),
        'RateLimit-Reason': reason,
      },
    );
  }

  // ── The endpoints the app calls ───────────────────────────────────────────────────────────────────

  private async answer(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    as: { app: boolean; user?: string },
  ): Promise<Reply> {
    const site = this.site;
    const m = (pattern: RegExp): RegExpExecArray | null => pattern.exec(path);
    let match: RegExpExecArray | null;

    if (method === 'GET' && (match = m(/^\/rest\/api\/3\/issue\/([^/]+)$/))) {
      const issue = site.find(decodeURIComponent(match[1] ?? ''));
      if (!issue) return { status: 404 };
      const json = issue.json();
      // The issue embeds its first 100 comments and latest 100 histories, as Jira does.
      const fields = json.fields as { comment: { comments: unknown[]; maxResults: number } };
      fields.comment = {
        ...fields.comment,
        comments: fields.comment.comments.slice(0, 100),
        maxResults: 100,
      };
      const changelog = json.changelog as { histories: unknown[] };
      changelog.histories = changelog.histories.slice(0, 100);
      return { status: 200, body: json, objects: 1 };
    }
    if (method === 'GET' && (match = m(/^\/rest\/api\/3\/issue\/([^/]+)\/changelog$/))) {
      const issue = site.find(decodeURIComponent(match[1] ?? ''));
      if (!issue) return { status: 404 };
      const all = issue.histories();
      const startAt = Number(query.get('startAt') ?? 0);
      const max = Math.min(100, Number(query.get('maxResults') ?? 100));
      const values = all.slice(startAt, startAt + max);
      return {
        status: 200,
        body: {
          startAt,
          maxResults: max,
          total: all.length,
          isLast: startAt + values.length >= all.length,
          values,
        },
        objects: values.length,
      };
    }
    if (method === 'GET' && (match = m(/^\/rest\/api\/3\/issue\/([^/]+)\/comment$/))) {
      const issue = site.find(decodeURIComponent(match[1] ?? ''));
      if (!issue) return { status: 404 };
      const all = (issue.field('comment') as { comments: unknown[] }).comments;
      const startAt = Number(query.get('startAt') ?? 0);
      const max = Math.min(100, Number(query.get('maxResults') ?? 100));
      const comments = all.slice(startAt, startAt + max);
      return {
        status: 200,
        body: { startAt, maxResults: max, total: all.length, comments },
        objects: comments.length,
      };
    }
    if (method === 'GET' && path === '/rest/api/3/search/jql') {
      try {
        const page = await this.simulated.searchIssueIds(query.get('jql') ?? '', {
          maxResults: Number(query.get('maxResults') ?? 50),
          ...(query.get('nextPageToken') === null ? {} : { nextPageToken: query.get('nextPageToken')! }),
        });
        return {
          status: 200,
          body: {
            issues: page.issueIds.map((id) => ({ id })),
            ...(page.nextPageToken === undefined
              ? { isLast: true }
              : { nextPageToken: page.nextPageToken, isLast: false }),
          },
          objects: page.issueIds.length,
        };
      } catch (error) {
        return { status: 400, body: { errorMessages: [(error as Error).message], errors: {} } };
      }
    }
    if (method === 'POST' && path === '/rest/api/3/issue/bulkfetch') {
      const ids = ((body as { issueIdsOrKeys?: string[] } | undefined)?.issueIdsOrKeys ?? []).slice(0, 100);
      const issues = await this.simulated.getIssues(ids);
      const found = new Set(issues.map((i) => (i as { id: string }).id));
      const issueErrors = ids.filter((id) => !found.has(id) && !site.find(id));
      return { status: 200, body: { issues, issueErrors }, objects: issues.length };
    }
    if (method === 'POST' && path === '/rest/api/3/changelog/bulkfetch') {
      const ids = (body as { issueIdsOrKeys?: string[] } | undefined)?.issueIdsOrKeys ?? [];
      const logs = await this.simulated.getChangelogs(ids.slice(0, 1000));
      return {
        status: 200,
        body: { issueChangeLogs: logs.map((l) => ({ issueId: l.issueId, changeHistories: l.histories })) },
        objects: logs.length,
      };
    }
    if (method === 'GET' && path === '/rest/api/3/status') {
      return { status: 200, body: structuredClone(statusesReply), objects: statusesReply.length };
    }
    if (method === 'GET' && path === '/rest/api/3/field') {
      // Jira's `FieldDetails`: the simulated site's fields, with the schema and clause names Jira gives them.
      const { fields } = await this.simulated.getSiteVocabulary();
      const body = fields.map((f) => ({
        id: f.id,
        key: f.id,
        name: f.name,
        custom: f.custom,
        navigable: true,
        searchable: true,
        clauseNames: f.clauseNames ?? [f.id],
        ...(f.schemaType === undefined ? {} : { schema: { type: f.schemaType } }),
      }));
      return { status: 200, body, objects: body.length };
    }
    if (method === 'GET' && path === '/rest/api/3/priority') {
      const { priorities } = await this.simulated.getSiteVocabulary();
      const body = priorities.map((p) => ({
        ...p,
        self: `/rest/api/3/priority/${p.id}`,
        statusColor: '#999',
      }));
      return { status: 200, body, objects: body.length };
    }
    if (method === 'GET' && path === '/rest/servicedeskapi/requesttype') {
      // A `PagedDTORequestTypeDTO`, `start` and `limit` as asked (JSM pages by at most 100).
      const { requestTypes } = await this.simulated.getSiteVocabulary();
      const start = Number(query.get('start') ?? 0);
      const limit = Math.min(100, Number(query.get('limit') ?? 50));
      const values = requestTypes.slice(start, start + limit).map((r) => ({ ...r, serviceDeskId: '1' }));
      const isLastPage = start + values.length >= requestTypes.length;
      return {
        status: 200,
        body: { start, limit, size: values.length, isLastPage, values },
        objects: values.length,
      };
    }
    if (method === 'GET' && (match = m(/^\/rest\/api\/3\/status\/([^/]+)$/))) {
      const wanted = decodeURIComponent(match[1] ?? '');
      const found = statusesReply.find(
        (s) => s.id === wanted || s.name.toLowerCase() === wanted.toLowerCase(),
      );
      if (!found) return { status: 404, body: { errorMessages: ['The status was not found.'], errors: {} } };
      return { status: 200, body: structuredClone(found), objects: 1 };
    }
    if (method === 'POST' && path === '/rest/api/3/app/field/value') {
      if (query.get('generateAppEvents') !== 'false') this.counters.fieldWritesWakingApps++;
      const updates =
        (
          body as
            undefined | { updates?: { customField: string; issueIds: number[]; value: string | null }[] }
        )?.updates ?? [];
      for (const update of updates) {
        const suffix = Object.keys(FIELD_SUFFIX).find((s) => update.customField.endsWith(s));
        if (suffix === undefined)
          return { status: 400, body: { errorMessages: [`No field ${update.customField}`], errors: {} } };
        const field = FIELD_SUFFIX[suffix]!;
        for (const id of update.issueIds) {
          const values = site.customFieldValues.get(String(id)) ?? new Map<string, string | null>();
          values.set(field, update.value);
          site.customFieldValues.set(String(id), values);
          this.counters.fieldValuesWritten++;
        }
      }
      return { status: 204 };
    }
    if (method === 'POST' && (match = m(/^\/rest\/api\/3\/issue\/([^/]+)\/comment$/))) {
      const id = decodeURIComponent(match[1] ?? '');
      if (!site.find(id)) return { status: 404 };
      const text = adfText((body as { body?: unknown } | undefined)?.body);
      const internal = (
        (body as undefined | { properties?: { key: string; value: { internal?: boolean } }[] })?.properties ??
        []
      ).some((p) => p.key === 'sd.public.comment' && p.value.internal === true);
      site.comment(id, APP_ACCOUNT, text, { internal });
      return { status: 201, body: { id: 'new' } };
    }
    if (method === 'POST' && (match = m(/^\/rest\/api\/3\/issue\/([^/]+)\/notify$/))) {
      const issue = site.find(decodeURIComponent(match[1] ?? ''));
      if (!issue) return { status: 404 };
      const b = (body ?? {}) as { subject?: string; textBody?: string };
      site.notifications.push({
        issueId: issue.id,
        subject: b.subject ?? '',
        body: b.textBody ?? '',
        to: [],
      });
      return { status: 204 };
    }
    if (method === 'PUT' && (match = m(/^\/rest\/api\/3\/issue\/([^/]+)\/assignee$/))) {
      const id = decodeURIComponent(match[1] ?? '');
      if (!site.find(id)) return { status: 404 };
      await this.simulated.assign(id, (body as undefined | { accountId?: string | null })?.accountId ?? null);
      return { status: 204 };
    }
    if (method === 'PUT' && (match = m(/^\/rest\/api\/3\/issue\/([^/]+)$/))) {
      const id = decodeURIComponent(match[1] ?? '');
      if (!site.find(id)) return { status: 404 };
      const b = (body ?? {}) as {
        fields?: { priority?: { name?: string } };
        update?: { labels?: { add?: string }[] };
      };
      if (b.fields?.priority?.name !== undefined)
        await this.simulated.setPriority(id, b.fields.priority.name);
      for (const label of b.update?.labels ?? [])
        if (label.add !== undefined) await this.simulated.addLabel(id, label.add);
      return { status: 204 };
    }
    if ((match = m(/^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/))) {
      const id = decodeURIComponent(match[1] ?? '');
      if (!site.find(id)) return { status: 404 };
      if (method === 'GET') {
        const transitions = statusesReply.map((s) => ({ id: s.id, name: s.name, to: { name: s.name } }));
        return { status: 200, body: { transitions }, objects: transitions.length };
      }
      const wanted = (body as undefined | { transition?: { id?: string } })?.transition?.id;
      const status = statusesReply.find((s) => s.id === wanted);
      if (!status) return { status: 400, body: { errorMessages: ['No such transition'], errors: {} } };
      site.transition(id, APP_ACCOUNT, status.name);
      return { status: 204 };
    }
    if (method === 'GET' && path === '/rest/api/3/user/bulk') {
      // Jira's `PageBeanUser`: the known accounts among those asked for, `maxResults` (10 unless asked) a page.
      const startAt = Number(query.get('startAt') ?? 0);
      const maxResults = Math.min(Number(query.get('maxResults') ?? 10), 200);
      const known = [...new Set(query.getAll('accountId'))].flatMap((id) => {
        const user = site.user(id);
        return user === undefined
          ? []
          : [{ accountId: id, accountType: user.accountType, displayName: user.displayName, active: true }];
      });
      const values = known.slice(startAt, startAt + maxResults);
      return {
        status: 200,
        body: {
          startAt,
          maxResults,
          total: known.length,
          isLast: startAt + maxResults >= known.length,
          values,
        },
        objects: values.length,
      };
    }
    if (method === 'GET' && path === '/rest/api/3/user/groups') {
      const accountId = query.get('accountId') ?? '';
      if (!site.user(accountId)) return { status: 404 };
      const groups = (await this.simulated.groupsOf(accountId)).map((name) => ({ name, groupId: name }));
      return { status: 200, body: groups, objects: groups.length };
    }
    if (method === 'GET' && path === '/rest/api/3/mypermissions') {
      const permission = (query.get('permissions') ?? 'BROWSE_PROJECTS') as
        'ADMINISTER' | 'ADMINISTER_PROJECTS' | 'BROWSE_PROJECTS';
      const issueId = query.get('issueId') ?? query.get('issueKey') ?? undefined;
      const projectKey = query.get('projectKey') ?? undefined;
      if (issueId !== undefined && !site.find(issueId)) return { status: 404 };
      const granted = await this.simulated.hasPermission(
        as.app ? { as: 'app' } : { as: 'user', accountId: as.user ?? '' },
        permission,
        {
          ...(issueId === undefined ? {} : { issueId }),
          ...(projectKey === undefined ? {} : { projectKey }),
        },
      );
      return {
        status: 200,
        body: { permissions: { [permission]: { havePermission: granted } } },
        objects: 1,
      };
    }
    if (method === 'GET' && (match = m(/^\/rest\/servicedeskapi\/request\/([^/]+)(\/participant)?$/))) {
      const issue = site.find(decodeURIComponent(match[1] ?? ''));
      const people = issue ? site.participants.get(issue.id) : undefined;
      if (!issue || (!as.app && !(people?.has(as.user ?? '') ?? false)))
        return { status: 404, body: { message: 'Not found' } };
      if (match[2] === undefined) {
        return { status: 200, body: { issueId: issue.id, reporter: issue.field('reporter') }, objects: 1 };
      }
      const values = [...(people ?? [])].map((accountId) => ({ accountId }));
      return { status: 200, body: { start: 0, limit: 50, isLastPage: true, values }, objects: values.length };
    }
    return {
      status: 404,
      body: { errorMessages: [`The emulator's Jira has no ${method} ${path}`], errors: {} },
    };
  }
}

/** `GET /rest/api/3/issue/10001` → `GET /rest/api/3/issue/{id}`: how the burst limit groups endpoints. */
export function endpointShape(method: string, path: string): string {
  return `${method} ${path.replace(/\/(\d{4,}|[A-Z][A-Z0-9]*-\d+)(?=\/|$)/g, '/{id}')}`;
}

function adfText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { text, content } = node as { text?: string; content?: unknown[] };
  return (text ?? '') + (content ?? []).map(adfText).join(content && content.length > 1 ? '\n' : '');
}
