import {
  errorFields,
  JiraError,
  QueueRefusedError,
  type CustomFieldUpdate,
  type PendingIssue,
} from '../ports';
import { actOnThresholds, refreshAfterActions } from './actions';
import { applyCarried } from './apply-carried';
import { postCommitments } from '../commitments/post-commitments';
import type { Deps } from './deps';
import { refreshIssue, type IssueOutcome } from './evaluate-issue';
import { Lease } from './lease';
import { pushRetries } from './process-events';

/** Pending issues measured per round: their custom fields are written in one Jira call. */
export const DRAIN_BATCH = 25;
/** How much of a consumer's 900 s a drain uses before it hands over to a continuation. */
export const DRAIN_BUDGET_MS = 10 * 60_000;
/**
 * A drain's lease on its shard, renewed after every round: a live drain keeps it, a dead one's (an invocation out
 * of time, a release Forge SQL refused) lapses within this, and the next kick or sweep takes the shard over.
 */
export const DRAIN_LEASE_MS = 3 * 60_000;
/** A drain the store interrupted is continued after this long. */
const INTERRUPTED_RETRY_SECONDS = 30;
/** Failed measurements of an issue before it is given up (throttling does not count): some 8 hours of back-off. */
export const MAX_PENDING_ATTEMPTS = 10;
const FIRST_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** Jira throttled with no delay named: wait this long. */
const DEFAULT_THROTTLE_MS = 60_000;

/** Where Jira's "wait until" is kept, so every drain of every instance honours it. */
export const JIRA_WAIT_KEY = 'jira-wait';

export interface DrainReport {
  /** Issues measured (evaluated, found deleted or stale, or unreadable) and cleared. */
  readonly measured: number;
  /** Issues whose measurement failed and waits for a later try. */
  readonly deferred: number;
  /** Issues given up. */
  readonly failed: number;
  /**
   * Why the drain stopped before its shard was empty, if it did: another drain holds the shard, Jira asked to
   * wait, the time budget is spent, or the store failed (`interrupted`; the marks wait for the continuation).
   */
  readonly stopped?: 'busy' | 'jira-wait' | 'time' | 'interrupted';
}

/**
 * Measures the pending issues of one shard, oldest first, until none is due, Jira asks to wait, or the time
 * budget is spent (then a continuation is pushed). One drain per shard at a time (a lease in the store);
 * another kick of a busy shard returns at once, since the running drain reads the marks it would have.
 *
 * Each issue is brought up to date from the changes its events carried where that is sound (applyCarried),
 * else read from Jira in full (refreshIssue), stored and evaluated; the round's custom fields are written
 * in one call, thresholds crossed are acted on, and the mark is cleared only if no newer change marked the
 * issue meanwhile. A failure defers the issue with a growing back-off (a 429 defers it, and every drain, until
 * the instant Jira named, without counting an attempt): nothing is dropped but an issue that failed
 * {@link MAX_PENDING_ATTEMPTS} times or cannot be retried, and that is logged.
 *
 * @example await drainPending(deps, 2);
 */
export async function drainPending(
  deps: Deps,
  shard: number,
  budgetMs = DRAIN_BUDGET_MS,
): Promise<DrainReport> {
  const started = deps.clock.now();
  const lease = await Lease.take(deps, `drain:${shard}`, DRAIN_LEASE_MS);
  if (lease === undefined) return { measured: 0, deferred: 0, failed: 0, stopped: 'busy' };
  const totals = { measured: 0, deferred: 0, failed: 0 };
  let stopped: DrainReport['stopped'];
  try {
    for (;;) {
      const now = deps.clock.now();
      if ((await deps.store.budgets.heldUntil(JIRA_WAIT_KEY, now)) > 0) {
        stopped = 'jira-wait';
        break;
      }
      const batch = await deps.store.pending.due(shard, now, DRAIN_BATCH);
      if (batch.length === 0) break;
      const round = await measureRound(deps, batch);
      totals.measured += round.measured;
      totals.deferred += round.deferred;
      totals.failed += round.failed;
      if (round.throttled) {
        stopped = 'jira-wait';
        break;
      }
      if (deps.clock.now() - started >= budgetMs) {
        stopped = 'time';
        break;
      }
      if (!(await lease.renew())) {
        stopped = 'busy'; // the lease lapsed and another drain has the shard
        break;
      }
    }
  } catch (error) {
    // The store failed between issues (Forge SQL refusing past the app's patience, say). The marks are still
    // in the store, so nothing is lost: a continuation measures them once the database has room again.
    deps.logger.log('warn', 'drain.interrupted', {
      count: totals.measured,
      retryInSeconds: INTERRUPTED_RETRY_SECONDS,
      ...errorFields(error),
    });
    stopped = 'interrupted';
  }
  // A lease the store would not give up lapses on its own: a continuation starts after that, not into it, and
  // there is one even for a drain that finished, since kicks meanwhile find the shard busy.
  const released = await lease.release();
  if (stopped !== 'busy' && (stopped !== undefined || !released))
    await continueLater(deps, shard, stopped, released ? 0 : lease.lapsesAt);
  return stopped === undefined ? totals : { ...totals, stopped };
}

/** Pushes the shard's next drain: at once after the time budget, after Jira's wait or a pause after an interruption. */
async function continueLater(
  deps: Deps,
  shard: number,
  stopped: 'jira-wait' | 'time' | 'interrupted' | undefined,
  notBefore: number,
): Promise<void> {
  try {
    const now = deps.clock.now();
    const waitUntil = Math.max(
      notBefore,
      stopped === 'jira-wait'
        ? await deps.store.budgets.heldUntil(JIRA_WAIT_KEY, now)
        : now + (stopped === 'interrupted' ? INTERRUPTED_RETRY_SECONDS * 1000 : 0),
    );
    const delaySeconds = Math.min(900, Math.max(0, Math.ceil((waitUntil - now) / 1000)));
    await deps.queue.push([{ type: 'drain', shard }], { delaySeconds });
  } catch (error) {
    // The marks stay in the store either way; the sweep kicks this shard again within five minutes.
    deps.logger.log(
      'info',
      'queue.refused',
      error instanceof QueueRefusedError
        ? { reason: error.reason, queue: 'drain', count: 1 }
        : { queue: 'drain', count: 1, ...errorFields(error) },
    );
  }
}

interface Round {
  measured: number;
  deferred: number;
  failed: number;
  throttled: boolean;
}

async function measureRound(deps: Deps, batch: readonly PendingIssue[]): Promise<Round> {
  const round: Round = { measured: 0, deferred: 0, failed: 0, throttled: false };
  const done: { pending: PendingIssue; outcome: IssueOutcome }[] = [];
  await deps.store.grouped(async () => {
    for (const pending of batch) {
      try {
        done.push({ pending, outcome: await measure(deps, pending) });
      } catch (error) {
        const result = await handleFailure(deps, pending, error);
        round[result]++;
        if (isThrottle(error)) {
          round.throttled = true;
          return; // the rest of the round stays pending, untouched: no call Jira would refuse
        }
      }
    }
  });

  const fields: CustomFieldUpdate[] = done.flatMap(({ outcome }) =>
    outcome.kind === 'evaluated' ? outcome.fields : [],
  );
  if (fields.length > 0) {
    try {
      await deps.jira.setCustomFields(fields);
    } catch (error) {
      // Results are stored; the fields are written when the issues are measured again.
      for (const { pending } of done) round[await handleFailure(deps, pending, error)]++;
      if (isThrottle(error)) round.throttled = true;
      return round;
    }
  }

  const failedActions: { issueId: string; attempt: number }[] = [];
  for (const { pending, outcome } of done) {
    if (outcome.kind === 'invalid') deps.logger.log('warn', 'issue.invalid', { issueId: outcome.issueId });
    if (outcome.kind === 'evaluated') {
      // A change can cross a threshold at once (a priority raised under 'retarget'): act now, not at the sweep.
      const acted = [
        ...(await actOnThresholds(deps, outcome.issueId, outcome.result, outcome.agreements)),
        ...(await postCommitments(deps, outcome.issueId, outcome.result, outcome.agreements)),
      ];
      await refreshAfterActions(deps, outcome.issueId, acted);
      if (acted.some((a) => a.status === 'failed'))
        failedActions.push({ issueId: outcome.issueId, attempt: 2 });
    }
    await deps.store.pending.clear(pending.issueId, pending.token);
    round.measured++;
  }
  const now = deps.clock.now();
  await pushRetries(deps, failedActions, (issueId, attempt) => ({ type: 'due', issueId, at: now, attempt }));
  return round;
}

/**
 * One pending issue measured: from the changes its events carried when that is sound (no Jira read), else
 * read in full.
 */
async function measure(deps: Deps, pending: PendingIssue): Promise<IssueOutcome> {
  if (pending.carried !== undefined) {
    const applied = await applyCarried(deps, pending.issueId, pending.carried);
    if (!('fullRead' in applied)) return applied;
    deps.logger.log('info', 'issue.read-in-full', { issueId: pending.issueId, reason: applied.fullRead });
  }
  return refreshIssue(deps, pending.issueId);
}

/** Whether Jira refused for its rate limits (429, or a wait it named): the app's quota, not the issue's fault. */
export function isThrottle(error: unknown): error is JiraError {
  return error instanceof JiraError && (error.status === 429 || error.retryAfterMs !== undefined);
}

/** Defers or gives up a pending issue after a failure; which it did. */
async function handleFailure(
  deps: Deps,
  pending: PendingIssue,
  error: unknown,
): Promise<'deferred' | 'failed'> {
  const now = deps.clock.now();
  const { issueId, token } = pending;
  if (isThrottle(error)) {
    // Jira's quota is the app's, not the issue's: every drain waits, and no attempt is counted.
    const until = await waitForJira(deps, error);
    await deps.store.pending.defer(issueId, token, pending.attempts, until);
    deps.logger.log('warn', 'jira.throttled', { issueId, status: error.status, retryAt: until });
    return 'deferred';
  }
  const retryable = !(error instanceof JiraError) || error.retryable;
  const attempt = pending.attempts + 1;
  if (retryable && attempt < MAX_PENDING_ATTEMPTS) {
    const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
    await deps.store.pending.defer(issueId, token, attempt, now + backoff);
    deps.logger.log('warn', 'issue.retry', {
      issueId,
      attempt,
      retryInSeconds: backoff / 1000,
      ...errorFields(error),
    });
    return 'deferred';
  }
  await deps.store.pending.clear(issueId, token);
  deps.logger.log('error', 'issue.failed', {
    issueId,
    attempt,
    ...errorFields(error),
    ...(retryable ? {} : { reason: 'not-retryable' }),
  });
  return 'failed';
}

/**
 * Records how long Jira asked the app to wait (its `Retry-After` or `X-RateLimit-Reset`, else a minute), so that
 * every drain and due consumer of every instance holds back until then; resolves to that instant.
 */
export async function waitForJira(deps: Deps, error: JiraError): Promise<number> {
  const now = deps.clock.now();
  const until = now + (error.retryAfterMs ?? DEFAULT_THROTTLE_MS);
  await deps.store.budgets.acquire(JIRA_WAIT_KEY, now, until);
  return until;
}
