import { InvocationError, InvocationErrorCode } from '@forge/events';
import Resolver from '@forge/resolver';
import { consume } from '../app/evaluation/consume';
import { sweep as sweepDue } from '../app/evaluation/sweep';
import { onIssueChanged } from '../app/evaluation/trigger';
import { errorFields } from '../app/ports';

import type { CallContext } from '../app/resolvers/context';
import { dispatch, routes } from '../app/resolvers/dispatch';
import { ConsoleLogger } from './logger';
import { forgeDeps } from './runtime';
import { parseQueueEvent, parseTriggerEvent, resolverContext } from './payloads';
import { QUEUE_KEYS } from './queue';

/** Forge retries a trigger that returns this, after the delay (the 25 s invocation cannot wait itself). */
const TRIGGER_RETRY = { retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST };

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
    new ConsoleLogger().log('error', 'handler.failed', {
      handler: 'on-issue-event',
      issueId: parsed.issueId,
      ...errorFields(error),
    });
    return new InvocationError(TRIGGER_RETRY);
  }
}

/** Consumer of `accord-issues`: issue work. */
export async function consumeIssues(event: unknown): Promise<void> {
  await consumeFrom(QUEUE_KEYS.issue, event);
}

/** Consumer of `accord-due`: a threshold or deadline at its instant. */
export async function consumeDue(event: unknown): Promise<void> {
  await consumeFrom(QUEUE_KEYS.due, event);
}

/** Consumer of `accord-jobs`: one step of a recalculation job. */
export async function consumeJobs(event: unknown): Promise<void> {
  await consumeFrom(QUEUE_KEYS.job, event);
}

/**
 * One consumer invocation: a body that does not parse is logged and dropped (retrying cannot fix it), anything
 * else goes to its use case.
 */
async function consumeFrom(queue: string, event: unknown): Promise<void> {
  const deps = await forgeDeps();
  const body = parseQueueEvent(event);
  if (body === undefined || QUEUE_KEYS[body.type] !== queue) {
    deps.logger.log('error', 'payload.dropped', {
      queue,
      reason: body === undefined ? 'unparsable' : body.type,
    });
    return;
  }
  await consume(deps, body);
}

/** The five-minute scheduled trigger. */
export async function sweep(): Promise<void> {
  await sweepDue(await forgeDeps());
}

const resolverDefinitions = new Resolver();
for (const key of Object.keys(routes)) {
  resolverDefinitions.define(
    key,
    async ({ payload, context }: { payload: unknown; context: Record<string, unknown> }) => {
      const ctx: CallContext | undefined = resolverContext(context);
      if (!ctx)
        return { ok: false, error: { code: 'forbidden', message: 'Accord could not tell who is asking.' } };
      return dispatch(await forgeDeps(), key, payload, ctx);
    },
  );
}

/** Every Custom UI's resolver, keyed like routes (`issue/metrics`, `agreements/save`, …). */
export const resolver = resolverDefinitions.getDefinitions();
