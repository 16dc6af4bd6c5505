/**
 * Every Jira call goes through here: JSON in and out, 429 and 5xx retried with back-off, and every refusal turned
 * into one {@link JiraError} whose message names the method, the path and what Jira said.
 *
 * Jira's rate limits are shared by every site the app is installed on, so a 429 is normal weather: it is retried
 * after the `Retry-After` Jira asks for, or until its `X-RateLimit-Reset` when that is all it sends (plus a little
 * jitter, so the consumers that were throttled together do not return together), or after exponential back-off
 * when Jira names no delay. A delay longer than the client
 * may wait is not slept through: the call fails as retryable and the queue delivers the work again later, since a
 * Forge function that sleeps away its time limit loses the work it holds.
 */
import type { Route } from '@forge/api';
import { JiraError } from '../../app/ports';
import { withoutQuery, type JiraFetch, type JiraPrincipal, type JiraResponse } from './transport';

/** How patient the client is. All delays in milliseconds. */
export interface RetryPolicy {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /** The first back-off; it doubles on each further failure. */
  readonly baseDelayMs: number;
  /** No single wait is longer; a `Retry-After` above it fails the call as retryable instead. */
  readonly maxDelayMs: number;
}

/** Five attempts, 1 s doubling up to 30 s: a throttled call gives up after about a minute, inside a consumer's time. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** What the client needs besides the transport; `sleep` and `random` are injectable so tests wait for nothing. */
export interface ClientOptions {
  readonly fetch: JiraFetch;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1), as `Math.random`. */
  readonly random?: () => number;
  /** Epoch ms, as `Date.now` (to read `X-RateLimit-Reset`). */
  readonly now?: () => number;
}

/** One Jira call. */
export interface JiraCall {
  readonly as: JiraPrincipal;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: Route;
  /** Serialized as JSON. */
  readonly body?: unknown;
  /**
   * Whether sending the call twice does no harm. Reads and PUTs are; a POST that creates something (a comment,
   * a notification, a transition) is not, so after a failure whose outcome is unknown (a network error, a 500)
   * it is not retried here: the caller's action log decides. A 429 or 503 means Jira did not act, so those are
   * retried for every call.
   */
  readonly idempotent: boolean;
  /** Statuses the caller handles itself (e.g. 404 for "no such issue"); they are returned, not thrown. */
  readonly expect?: readonly number[];
}

/** A reply: the status and the parsed JSON body (undefined for an empty body, e.g. 204). */
export interface JiraReply {
  readonly status: number;
  readonly body: unknown;
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Sends Jira calls with retries and clear errors; see the module comment for the policy. */
export class ResilientJiraClient {
  private readonly fetch: JiraFetch;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(options: ClientOptions) {
    this.fetch = options.fetch;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /**
   * Sends `call`, retrying as the policy allows; returns 2xx replies and the statuses in `call.expect`, throws a
   * {@link JiraError} for everything else.
   */
  async send(call: JiraCall): Promise<JiraReply> {
    const where = `${call.method} ${withoutQuery(call.path.value)}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const init =
      call.body === undefined
        ? { method: call.method, headers }
        : { method: call.method, headers, body: JSON.stringify(call.body) };

    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.policy.maxAttempts;
      let response: JiraResponse;
      try {
        response = await this.fetch(call.as, call.path, init);
      } catch (error) {
        const failure = asJiraError(error, where);
        // An unknown outcome: retry only what is safe to send twice.
        if (!failure.retryable || !call.idempotent) throw failure;
        if (last) throw gaveUp(where, attempt, failure.message, 0);
        await this.sleep(this.backoff(attempt));
        continue;
      }

      const status = response.status;
      if ((status >= 200 && status < 300) || call.expect?.includes(status)) {
        return { status, body: await readJson(response, where) };
      }

      const throttled = status === 429 || status === 503;
      const retryable = throttled || (status >= 500 && call.idempotent);
      const detail = await describeFailure(response);
      if (!retryable) {
        // A 5xx on a call that must not be repeated blindly: the caller, which knows whether it acted, may retry.
        const unknownOutcome = status >= 500 ? ' (it may or may not have acted)' : '';
        throw new JiraError(
          `Jira ${where} answered ${status}${detail}${unknownOutcome}`,
          status,
          status >= 500,
        );
      }
      const asked = throttled ? retryAfterMs(response, this.now()) : undefined;
      if (last) throw gaveUp(where, attempt, `answered ${status}${detail}`, status, asked);
      if (asked !== undefined && asked > this.policy.maxDelayMs) {
        // Longer than an invocation should sleep (an hourly quota can ask for most of an hour): the caller keeps
        // the work and tries again at the instant Jira named.
        throw new JiraError(
          `Jira ${where} answered ${status} and asks to wait ${Math.ceil(asked / 1000)} s; try again later`,
          status,
          true,
          asked,
        );
      }
      await this.sleep(asked === undefined ? this.backoff(attempt) : this.withJitter(asked));
    }
  }

  /** Exponential back-off with "equal jitter": half the step is fixed, half random, so waits never collapse to 0. */
  private backoff(failures: number): number {
    const step = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (failures - 1));
    return Math.round(step / 2 + (this.random() * step) / 2);
  }

  /** Jira's delay plus up to 10 %: never shorter than asked, capped at the longest wait. */
  private withJitter(ms: number): number {
    return Math.min(this.policy.maxDelayMs, Math.round(ms * (1 + 0.1 * this.random())));
  }
}

/**
 * The delay a 429/503 asks for: `Retry-After` in seconds (the form Jira sends), else the time until
 * `X-RateLimit-Reset` (an ISO instant; Jira sometimes sends only this one), else undefined.
 */
function retryAfterMs(response: JiraResponse, now: number): number | undefined {
  const header = response.headers.get('Retry-After');
  if (header !== null && /^\s*\d+(\.\d+)?\s*$/.test(header)) return Math.round(Number(header) * 1000);
  const reset = response.headers.get('X-RateLimit-Reset');
  const at = reset === null ? Number.NaN : Date.parse(reset);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function gaveUp(
  where: string,
  attempts: number,
  what: string,
  status: number,
  retryAfterMs?: number,
): JiraError {
  return new JiraError(
    `Jira ${where} still failing after ${attempts} attempts: ${what}`,
    status,
    true,
    retryAfterMs,
  );
}

/** Thrown errors: ours pass through; anything else is a failure to reach Jira at all (status 0, retryable). */
function asJiraError(error: unknown, where: string): JiraError {
  if (error instanceof JiraError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new JiraError(`Jira ${where} could not be reached: ${reason}`, 0, true);
}

async function readJson(response: JiraResponse, where: string): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new JiraError(
      `Jira ${where} answered ${response.status} with a body that is not JSON`,
      response.status,
      false,
    );
  }
}

const MAX_DETAIL = 500;

/**
 * What Jira said about a refusal: its `errorMessages` and per-field `errors`, or the start of a non-JSON body,
 * as `: …` (empty if Jira said nothing). The request body is never part of it.
 */
async function describeFailure(response: JiraResponse): Promise<string> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return '';
  }
  let parts: string[] = [];
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json === 'object' && json !== null) {
      const { errorMessages, errors, message } = json as Record<string, unknown>;
      if (Array.isArray(errorMessages)) parts.push(...errorMessages.filter((m) => typeof m === 'string'));
      if (typeof errors === 'object' && errors !== null) {
        for (const [field, problem] of Object.entries(errors)) {
          if (typeof problem === 'string') parts.push(`${field}: ${problem}`);
        }
      }
      // JSM's servicedeskapi and the gateway answer `{ "message": … }` rather than Jira's shape.
      if (typeof message === 'string') parts.push(message);
    }
  } catch {
    parts = text.trim() === '' ? [] : [text.trim()];
  }
  const detail = parts.join('; ');
  if (detail === '') return '';
  return `: ${detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail}`;
}
