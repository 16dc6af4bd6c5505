/**
 * What Accord needs from Jira, in Jira Cloud's documented JSON shapes. One port; the Forge adapter implements it
 * over `requestJira` (as the app for background work, as the user where the user's rights matter), the sandbox
 * over its simulated site. Implementations page through everything, honour 429 `Retry-After`, back off on 5xx,
 * and throw a {@link JiraError} with a clear message when Jira refuses.
 */

import type { JqlVocabulary } from '../../engine/jql/vocabulary';

/**
 * A failed Jira call: `status` is the HTTP status (0 for a network failure), `message` says what and where.
 * `retryAfterMs` is how long Jira asked the app to wait (429 `Retry-After` or `X-RateLimit-Reset`) when that was
 * longer than a call may sleep: the work is to be tried again after it, not dropped.
 */
export class JiraError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'JiraError';
  }
}

/** Jira's issue JSON as the engine reads it: `GET /rest/api/3/issue/{key}?expand=changelog`, with every comment and changelog page merged in. */
export type JiraIssueJson = Readonly<Record<string, unknown>>;

/** One item of `POST /rest/api/3/changelog/bulkfetch`: an issue's changelog histories. */
export interface IssueChangelogs {
  readonly issueId: string;
  readonly histories: readonly unknown[];
}

export interface CustomFieldUpdate {
  readonly issueId: string;
  /** The Forge custom field's key as Jira names it (`<app-id>__<env>__<module-key>`), resolved by the adapter. */
  readonly field: 'next-deadline' | 'sla-state';
  /** ISO instant for `next-deadline`, text for `sla-state`; null clears it. */
  readonly value: string | null;
}

/** An e-mail notification about an issue (`POST /rest/api/3/issue/{id}/notify`). */
export interface NotifyMessage {
  readonly subject: string;
  readonly body: string;
  readonly to: readonly ('assignee' | 'reporter' | 'watchers')[];
  readonly groups: readonly string[];
  readonly users: readonly string[];
}

/** Who acts: the app itself (background work) or the user behind a resolver call. */
export type Actor = { readonly as: 'app' } | { readonly as: 'user'; readonly accountId: string };

export interface JiraPort {
  /** The issue with every changelog entry and comment (extra pages fetched and merged). */
  getIssue(
    issueIdOrKey: string,
    options?: { readonly fields?: readonly string[] },
  ): Promise<JiraIssueJson | undefined>;
  /** Issue ids matching a JQL, one page at a time (`/rest/api/3/search/jql` with `nextPageToken`). */
  searchIssueIds(
    jql: string,
    page?: { readonly nextPageToken?: string; readonly maxResults?: number },
  ): Promise<{ readonly issueIds: readonly string[]; readonly nextPageToken?: string }>;
  /** Issues' current fields and comments, many at once (`POST /rest/api/3/issue/bulkfetch`). */
  getIssues(issueIds: readonly string[]): Promise<readonly JiraIssueJson[]>;
  /** Changelogs of many issues (`POST /rest/api/3/changelog/bulkfetch`, up to 1,000 issues a call, paged). */
  getChangelogs(issueIds: readonly string[]): Promise<readonly IssueChangelogs[]>;
  /** `GET /rest/api/3/status`: every status of the site (a point per status of Jira's quota). */
  getStatuses(): Promise<readonly unknown[]>;
  /**
   * What the site calls its fields and values, to check an agreement's JQL against: its fields
   * (`GET /rest/api/3/field`), statuses (`GET /rest/api/3/status`), priorities (`GET /rest/api/3/priority`)
   * and JSM request types (`GET /rest/servicedeskapi/requesttype`, every page), as the app.
   */
  getSiteVocabulary(): Promise<JqlVocabulary>;
  /** `GET /rest/api/3/status/{idOrName}`: one status with its category; undefined if there is none. */
  getStatus(idOrName: string): Promise<unknown>;
  /** Writes Accord's custom fields, batched (`PUT /rest/api/3/app/field/value`). */
  setCustomFields(updates: readonly CustomFieldUpdate[]): Promise<void>;

  // ── Threshold actions, as the app ──────────────────────────────────────────────────────────────────
  /**
   * Adds a comment; with a `marker`, the comment carries it (a comment property, `accord.action`, written in the
   * same request), so that {@link hasMarkedComment} can tell later whether this very comment was written.
   */
  addComment(
    issueIdOrKey: string,
    body: string,
    options: { readonly internal: boolean; readonly marker?: string },
  ): Promise<void>;
  /** Whether a comment written with this `marker` is on the issue (it may have been deleted since). */
  hasMarkedComment(issueIdOrKey: string, marker: string): Promise<boolean>;
  notify(issueIdOrKey: string, message: NotifyMessage): Promise<void>;
  assign(issueIdOrKey: string, accountId: string | null): Promise<void>;
  setPriority(issueIdOrKey: string, priorityName: string): Promise<void>;
  /** Performs the issue's available transition whose name or target status matches `to`; false if none does. */
  transition(issueIdOrKey: string, to: string): Promise<boolean>;
  addLabel(issueIdOrKey: string, label: string): Promise<void>;

  // ── Permissions, as the user ───────────────────────────────────────────────────────────────────────
  /** Whether the calling user holds a global or project/issue permission (`GET /rest/api/3/mypermissions`). */
  hasPermission(
    actor: Actor,
    permission: 'ADMINISTER' | 'ADMINISTER_PROJECTS' | 'BROWSE_PROJECTS',
    scope?: { readonly projectKey?: string; readonly issueId?: string },
  ): Promise<boolean>;
  /** Whether the user is the reporter or a request participant of a JSM request (for the portal panel). */
  isRequestParticipant(accountId: string, issueIdOrKey: string): Promise<boolean>;
  /** The names of the Jira groups a user belongs to (`GET /rest/api/3/user/groups`); [] for an unknown user. */
  groupsOf(accountId: string): Promise<readonly string[]>;

  // ── People, as the app ─────────────────────────────────────────────────────────────────────────────
  /**
   * A user's language and zone from their Jira profile (`GET /rest/api/3/user?accountId=`), `locale` as BCP 47
   * (`de-DE`; Jira writes `de_DE`); each undefined where Jira does not tell (customers' profiles often do not).
   * Undefined for an unknown account.
   */
  getUserProfile(accountId: string): Promise<UserProfile | undefined>;
  /**
   * The people behind many account ids, as Jira names them (`GET /rest/api/3/user/bulk`, in pages of
   * {@link USERS_PER_CALL} ids). An id Jira does not know (a deleted account, a typo) is missing from the answer.
   */
  getUsers(accountIds: readonly string[]): Promise<readonly JiraUser[]>;

  // ── JSM's own SLAs, as the app ─────────────────────────────────────────────────────────────────────
  /**
   * Every JSM SLA metric recorded on a request with its cycles (`GET /rest/servicedeskapi/request/{id}/sla`,
   * every page); undefined when the issue is no JSM request (404).
   */
  getRequestSlas(issueIdOrKey: string): Promise<readonly JsmSla[] | undefined>;
}

/** One of JSM's SLA metrics on a request, as JSM measured it: its completed cycles, then the ongoing one. */
export interface JsmSla {
  readonly id: string;
  readonly name: string;
  readonly cycles: readonly JsmSlaCycle[];
}

/** A JSM SLA cycle (`SlaInformationCompletedCycleDTO` or `SlaInformationOngoingCycleDTO`), instants in epoch ms. */
export interface JsmSlaCycle {
  readonly startedAt: number;
  /** Null for the ongoing cycle. */
  readonly stoppedAt: number | null;
  readonly breached: boolean;
  /** When it breached (or would have, or will); null where JSM does not say (a paused cycle). */
  readonly breachAt: number | null;
  /** The goal's duration; null where JSM has none. */
  readonly goalMs: number | null;
  readonly elapsedMs: number;
  readonly remainingMs: number | null;
  /** Ongoing only: whether the clock is paused, and whether it counts calendar hours only. */
  readonly paused?: boolean;
  readonly withinCalendarHours?: boolean;
}

/** Account ids per `GET /rest/api/3/user/bulk` call: each travels in the URL, so a call stays short. */
export const USERS_PER_CALL = 100;

/** A person as Jira names them: a `User` of `GET /rest/api/3/user/bulk`. */
export interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  /** False for a deactivated account (Jira still names it). */
  readonly active: boolean;
  /** Jira's kind of account: `atlassian`, `customer` (JSM portal only), `app`; absent if the reply omits it. */
  readonly accountType?: string;
}

/** What Accord reads of a person's Jira profile: how to write to them. */
export interface UserProfile {
  readonly accountId: string;
  readonly locale?: string;
  readonly timeZone?: string;
}

/**
 * Jira's profile locale (`de_DE`, `en_US`) as BCP 47 (`de-DE`), which `Intl` reads; undefined for anything that
 * is not a plain language(-region) code.
 * @example bcp47Locale('de_DE') === 'de-DE'
 */
export function bcp47Locale(jira: unknown): string | undefined {
  if (typeof jira !== 'string') return undefined;
  const tag = jira.replace('_', '-');
  return /^[a-z]{2,3}(-[A-Za-z]{2}|-\d{3})?$/.test(tag) ? tag : undefined;
}
