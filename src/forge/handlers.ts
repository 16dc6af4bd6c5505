import { InvocationError, InvocationErrorCode } from '@forge/events';
import Resolver from '@forge/resolver';
import { consume } from '../app/evaluation/consume';
import { sweep as sweepDue } from '../app/evaluation/sweep';
import { onIssueChanged } from '../app/evaluation/trigger';
import { errorFields } from '../app/ports';

import type { CallContext } from '../app/resolvers/context';
import { dispatch, routes } from '../app/resolvers/dispatch';
import { failure } from '../app/resolvers/envelope';
import { ConsoleLogger } from './logger';
import { forgeDeps } from './runtime';
import { runForgeMigrations, SchemaNotReadyError } from './sql-migrations';
import { parseQueueEvent, parseTriggerEvent, resolverContext } from './payloads';
import { QUEUE_KEYS } from './queue';

/** Forge retries a trigger that returns this, after the delay (the 25 s invocation cannot wait itself). */
const TRIGGER_RETRY = { retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST };
/**
 * Work that arrives while an install or upgrade is still migrating is delivered again after this long: a first
 * install takes two migration runs a minute apart, and Forge retries up to four times.
 */
const SCHEMA_RETRY = { retryAfter: 120, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST };
const logger = new ConsoleLogger();

/**
 * An issue event whose mark could not be stored (Forge SQL refused it for its rate, say) is delivered again
 * after 60 to 180 s, at random: the events one storm refused come back spread out, instead of as the same storm
 * a minute later, each time, until Forge's four retries are spent.
 */
export function issueEventRetry(random: () => number = Math.random): InvocationError {
  return new InvocationError({
    retryAfter: 60 + Math.round(random() * 120),
    retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}

/**
 * The lifecycle trigger (`avi:forge:installed:app`, `avi:forge:upgraded:app`): applies the schema migrations
 * this version needs, at most {@link DDL_PER_RUN} DDL requests a run, and asks Forge to deliver the event again
 * a minute later while some are left (or when Forge SQL refused a request). This is the only place the app
 * sends DDL: cold starts only check, with one SELECT, that the schema is ready.
 */
export async function onLifecycle(): Promise<InvocationError | undefined> {
  try {
    const { ran, remaining } = await runForgeMigrations();
    logger.log('info', 'schema.migrated', { count: ran.length, pending: remaining });
    return remaining > 0 ? new InvocationError(TRIGGER_RETRY) : undefined;
  } catch (error) {
    logger.log('error', 'schema.failed', errorFields(error));
    return new InvocationError(TRIGGER_RETRY);
  }
}

/**
 * The issue-event trigger: marks the issue pending and kicks a drain (a trigger has 25 s; the drain has up to
 * 900). Comment and assignment events are issue events too; the app's own changes never arrive (`ignoreSelf`).
 * When the mark cannot be stored (Forge SQL busy, the schema not ready), it returns an `InvocationError`, so
 * Forge delivers the event again: a change is never lost because the platform was busy for a moment.
 */
export async function onIssueEvent(event: unknown): Promise<InvocationError | undefined> {
  const parsed = parseTriggerEvent(event);
  if (!parsed) {
    new ConsoleLogger().log('warn', 'payload.dropped', { handler: 'on-issue-event', reason: 'unparsable' });
    return undefined;
  }
  try {
    await onIssueChanged(await forgeDeps(), parsed);
    return undefined;
  } catch (error) {
    if (error instanceof SchemaNotReadyError) return new InvocationError(SCHEMA_RETRY);
    new ConsoleLogger().log('error', 'handler.failed', {
      handler: 'on-issue-event',
      issueId: parsed.issueId,
      ...errorFields(error),
    });
    return issueEventRetry();
  }
}

/** Consumer of `accord-issues`: issue work. */
export async function consumeIssues(event: unknown): Promise<InvocationError | undefined> {
  return consumeFrom(QUEUE_KEYS.issue, event);
}

/** Consumer of `accord-due`: a threshold or deadline at its instant. */
export async function consumeDue(event: unknown): Promise<InvocationError | undefined> {
  return consumeFrom(QUEUE_KEYS.due, event);
}

/** Consumer of `accord-jobs`: one step of a recalculation job. */
export async function consumeJobs(event: unknown): Promise<InvocationError | undefined> {
  return consumeFrom(QUEUE_KEYS.job, event);
}

/**
 * One consumer invocation: a body that does not parse is logged and dropped (retrying cannot fix it), anything
 * else goes to its use case. While an upgrade is still migrating, the event is delivered again later.
 */
async function consumeFrom(queue: string, event: unknown): Promise<InvocationError | undefined> {
  let deps;
  try {
    deps = await forgeDeps();
  } catch (error) {
    if (error instanceof SchemaNotReadyError) return new InvocationError(SCHEMA_RETRY);
    throw error;
  }
  const body = parseQueueEvent(event);
  if (body === undefined || QUEUE_KEYS[body.type] !== queue) {
    deps.logger.log('error', 'payload.dropped', {
      queue,
      reason: body === undefined ? 'unparsable' : body.type,
    });
    return undefined;
  }
  await consume(deps, body);
  return undefined;
}

/**
 * The five-minute scheduled trigger. While the schema is not ready it continues the migrations instead (a
 * safety net for a lifecycle event whose retries ran out), within the same DDL budget per run.
 */
export async function sweep(): Promise<void> {
  let deps;
  try {
    deps = await forgeDeps();
  } catch (error) {
    if (!(error instanceof SchemaNotReadyError)) throw error;
    await onLifecycle();
    return;
  }
  await sweepDue(deps);
}

const resolverDefinitions = new Resolver();
for (const key of Object.keys(routes)) {
  resolverDefinitions.define(
    key,
    async ({ payload, context }: { payload: unknown; context: Record<string, unknown> }) => {
      const ctx: CallContext | undefined = resolverContext(context);
      if (!ctx)
        return { ok: false, error: failure('caller-unknown', {}, 'Accord could not tell who is asking.') };
      let deps;
      try {
        deps = await forgeDeps();
      } catch (error) {
        if (!(error instanceof SchemaNotReadyError)) throw error;
        return {
          ok: false,
          error: failure('setting-up', {}, 'Accord is still being set up; try again in a minute.'),
        };
      }
      return dispatch(deps, key, payload, ctx);
    },
  );
}

/** Every Custom UI's resolver, keyed like routes (`issue/metrics`, `agreements/save`, …). */
export const resolver = resolverDefinitions.getDefinitions();
