/**
 * Test support for the Jira adapter: a fake transport that answers like Jira Cloud and records every call, and
 * builders for Jira's documented JSON (issues, changelog histories, comments, pages). Used by the tests beside
 * this file; nothing in production imports it.
 */
import type { Route } from '@forge/api';
import type { JiraFetch, JiraPrincipal, JiraRequestInit, JiraResponse } from './transport';

// ── The fake transport ───────────────────────────────────────────────────────────────────────────────

/** A request as the fake saw it. */
export interface RecordedCall {
  readonly as: JiraPrincipal;
  readonly method: JiraRequestInit['method'];
  /** The path without its query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, if any. */
  readonly body: unknown;
}

/** A canned reply: a status, a JSON body (or raw text), headers. */
export interface FakeReply {
  readonly status: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A reply, a function of the call, or an error the transport throws (a network failure). */
export type FakeAnswer = FakeReply | ((call: RecordedCall) => FakeReply) | Error;

interface RouteEntry {
  readonly method: string;
  readonly path: string | RegExp;
  readonly answers: FakeAnswer[];
  used: number;
}

/** `{ status: 200, json }`. */
export const ok = (json: unknown): FakeReply => ({ status: 200, json });
/** `{ status: 204 }`, Jira's reply to most writes. */
export const noContent: FakeReply = { status: 204 };

/**
 * A scripted Jira. `on(method, path, ...answers)` answers matching calls in turn, repeating the last answer;
 * an unscripted call fails the test with a message naming it.
 */
export class FakeJira {
  readonly calls: RecordedCall[] = [];
  private readonly routes: RouteEntry[] = [];

  on(method: JiraRequestInit['method'], path: string | RegExp, ...answers: FakeAnswer[]): this {
    this.routes.push({ method, path, answers, used: 0 });
    return this;
  }

  /** The calls to one path (without query), in order. */
  callsTo(method: string, path: string | RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && matches(path, c.path));
  }

  readonly fetch: JiraFetch = (as: JiraPrincipal, route: Route, init: JiraRequestInit) => {
    const [path = '', search = ''] = route.value.split('?', 2);
    const call: RecordedCall = {
      as,
      method: init.method,
      path,
      query: new URLSearchParams(search),
      headers: init.headers,
      body: init.body === undefined ? undefined : (JSON.parse(init.body) as unknown),
    };
    this.calls.push(call);
    const entry = this.routes.find((r) => r.method === init.method && matches(r.path, path));
    if (!entry)
      return Promise.reject(new Error(`FakeJira: no answer scripted for ${init.method} ${route.value}`));
    const answer = entry.answers[Math.min(entry.used, entry.answers.length - 1)];
    entry.used++;
    if (answer === undefined)
      return Promise.reject(new Error(`FakeJira: empty script for ${init.method} ${path}`));
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(toResponse(typeof answer === 'function' ? answer(call) : answer));
  };
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

function toResponse(reply: FakeReply): JiraResponse {
  const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status: reply.status,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    json: () => Promise.resolve(JSON.parse(text) as unknown),
    text: () => Promise.resolve(text),
  };
}

/** A `sleep` that records what it was asked to wait and returns at once. */
export function recordingSleep(): {
  readonly sleeps: number[];
  readonly sleep: (ms: number) => Promise<void>;
} {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
}

// ── Jira's JSON ──────────────────────────────────────────────────────────────────────────────────────

const SITE = 'https://example.atlassian.net';
const START = Date.UTC(2026, 2, 2, 8, 0); // Mon 2 March 2026, 08:00 UTC

/** Jira's REST timestamp `minutes` after the scenario's start, in Jira's `+0100` style (Europe/Berlin in March). */
export function jiraTime(minutes: number): string {
  const local = new Date(START + minutes * 60_000 + 3_600_000).toISOString(); // shift to +01:00 wall clock
  return `${local.slice(0, 23)}+0100`;
}

/** A user as Jira embeds it. */
export function user(accountId: string, accountType: 'atlassian' | 'customer' | 'app' = 'atlassian') {
  return {
    self: `${SITE}/rest/api/3/user?accountId=${accountId}`,
    accountId,
    displayName: `User ${accountId}`,
    active: true,
    timeZone: 'Europe/Berlin',
    accountType,
  };
}

/** One changelog history: a status change made `minutes` after the start. */
export function history(id: number, minutes: number) {
  return {
    id: String(id),
    author: user('agent-1'),
    created: jiraTime(minutes),
    items: [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: '10001',
        fromString: 'Waiting for support',
        to: '10002',
        toString: 'Waiting for customer',
      },
    ],
  };
}

/** One comment, as in `fields.comment.comments` and the comment resource. */
export function comment(id: number, minutes: number, options: { readonly jsdPublic?: boolean } = {}) {
  return {
    self: `${SITE}/rest/api/3/issue/10001/comment/${id}`,
    id: String(id),
    author: user(id % 2 === 0 ? 'customer-1' : 'agent-1', id % 2 === 0 ? 'customer' : 'atlassian'),
    body: {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `#${id}` }] }],
    },
    created: jiraTime(minutes),
    updated: jiraTime(minutes),
    jsdPublic: options.jsdPublic ?? true,
  };
}

/**
 * `GET /rest/api/3/issue/{id}?expand=changelog` for an issue with these histories and comments (oldest first),
 * embedding what Jira embeds: the latest 100 histories, newest first, and the first 100 comments.
 */
export function issueJson(options: {
  readonly id?: string;
  readonly key?: string;
  readonly histories: readonly ReturnType<typeof history>[];
  readonly comments: readonly ReturnType<typeof comment>[];
  readonly updatedMinutes: number;
}) {
  const newestFirst = [...options.histories].reverse();
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: options.id ?? '10001',
    self: `${SITE}/rest/api/3/issue/${options.id ?? '10001'}`,
    key: options.key ?? 'SD-1',
    fields: {
      summary: 'VPN drops every few minutes',
      issuetype: { id: '10004', name: 'Incident' },
      project: { id: '10000', key: 'SD', name: 'Service Desk' },
      status: { id: '10002', name: 'Waiting for customer', statusCategory: { key: 'indeterminate' } },
      priority: { id: '2', name: 'High' },
      reporter: user('customer-1', 'customer'),
      assignee: user('agent-1'),
      created: jiraTime(0),
      updated: jiraTime(options.updatedMinutes),
      comment: {
        comments: options.comments.slice(0, 100),
        self: `${SITE}/rest/api/3/issue/${options.id ?? '10001'}/comment`,
        maxResults: 100,
        total: options.comments.length,
        startAt: 0,
      },
    },
    changelog: {
      startAt: 0,
      maxResults: 100,
      total: options.histories.length,
      histories: newestFirst.slice(0, 100),
    },
  };
}

/** `GET /rest/api/3/issue/{id}/changelog`: a `PageBeanChangelog` of `all` from `startAt`. */
export function changelogPageOf(all: readonly unknown[], startAt: number, maxResults = 100) {
  const values = all.slice(startAt, startAt + maxResults);
  return {
    self: `${SITE}/rest/api/3/issue/10001/changelog?maxResults=${maxResults}&startAt=${startAt}`,
    maxResults,
    startAt,
    total: all.length,
    isLast: startAt + values.length >= all.length,
    values,
  };
}

/** `GET /rest/api/3/issue/{id}/comment`: a `PageOfComments` of `all` from `startAt`. */
export function commentPageOf(all: readonly unknown[], startAt: number, maxResults = 100) {
  return { startAt, maxResults, total: all.length, comments: all.slice(startAt, startAt + maxResults) };
}

/** `n` items made by `make(i)` for i = 1 … n. */
export function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i + 1));
}
