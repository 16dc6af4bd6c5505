import Resolver from '@forge/resolver';
import { processDue } from '../app/evaluation/process-due';
import { processIssueEvents } from '../app/evaluation/process-events';
import { sweep as sweepDue } from '../app/evaluation/sweep';
import { runJobStep } from '../app/jobs/recalculate';

import type { CallContext } from '../app/resolvers/context';
import { dispatch, routes } from '../app/resolvers/dispatch';
import { forgeDeps } from './runtime';
import { parseQueueEvent, parseTriggerEvent, resolverContext } from './payloads';

/**
 * The issue-event trigger: only enqueues (a trigger has 25 s; the consumer has up to 900). Comment and
 * assignment events are issue events too; the app's own changes never arrive (`ignoreSelf`).
 */
export async function onIssueEvent(event: unknown): Promise<void> {
  const parsed = parseTriggerEvent(event);
  if (!parsed) return;
  const deps = await forgeDeps();
  await deps.queue.push([{ type: 'issue', issueId: parsed.issueId }]);
}

/** Consumer of `accord-issues`: one batch of issue events. */
export async function consumeIssues(event: unknown): Promise<void> {
  const deps = await forgeDeps();
  const body = parseQueueEvent(event);
  if (body?.type === 'issue') await processIssueEvents(deps, [body]);
}

/** Consumer of `accord-due`: a threshold or deadline at its instant. */
export async function consumeDue(event: unknown): Promise<void> {
  const deps = await forgeDeps();
  const body = parseQueueEvent(event);
  if (body?.type === 'due') await processDue(deps, body);
}

/** Consumer of `accord-jobs`: one step of a recalculation job. */
export async function consumeJobs(event: unknown): Promise<void> {
  const deps = await forgeDeps();
  const body = parseQueueEvent(event);
  if (body?.type === 'job') await runJobStep(deps, body.jobId);
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
