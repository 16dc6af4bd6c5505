import { z } from 'zod';
import type { QueueEvent } from '../app/ports';
import type { CallContext } from '../app/resolvers/context';

/** What Forge delivers to the issue-event trigger; only the issue id matters, the consumer reads the rest. */
const triggerEvent = z.looseObject({
  eventType: z.string(),
  issue: z.looseObject({ id: z.union([z.string(), z.number()]) }),
});

/** The issue an `avi:jira:*` event is about, or undefined for anything else. */
export function parseTriggerEvent(event: unknown): { issueId: string } | undefined {
  const parsed = triggerEvent.safeParse(event);
  return parsed.success ? { issueId: String(parsed.data.issue.id) } : undefined;
}

const queueEvent: z.ZodType<QueueEvent> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('issue'), issueId: z.string(), attempt: z.number().optional() }),
  z.object({ type: z.literal('due'), issueId: z.string(), at: z.number(), attempt: z.number().optional() }),
  z.object({ type: z.literal('job'), jobId: z.string(), lane: z.number().int().min(0).max(63).optional() }),
  z.object({ type: z.literal('drain'), shard: z.number().int().min(0) }),
  z.object({
    type: z.literal('dues'),
    items: z.array(z.object({ issueId: z.string(), at: z.number() })).min(1),
  }),
]) as z.ZodType<QueueEvent>;

/** A consumer's event body (Forge passes `{ body, … }`), validated: a malformed one is dropped, not retried forever. */
export function parseQueueEvent(event: unknown): QueueEvent | undefined {
  const body = (event as { body?: unknown } | null)?.body;
  const parsed = queueEvent.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

const MODULES: Readonly<Record<string, CallContext['module']>> = {
  'jira:issuePanel': 'issue-panel',
  'jira:issueContext': 'issue-panel',
  'jira:adminPage': 'admin',
  'jira:projectSettingsPage': 'project-settings',
  'jira:dashboardGadget': 'gadget',
  'dashboards:widget': 'gadget',
  'jiraServiceManagement:portalRequestDetailPanel': 'portal',
};

const resolverCtx = z.looseObject({
  accountId: z.string().min(1),
  // Forge's resolver context says what kind of account calls; one it does not describe is treated as the
  // least trusted kind.
  accountType: z.enum(['licensed', 'unlicensed', 'customer', 'anonymous']).catch('anonymous'),
  extension: z
    .looseObject({
      type: z.string().optional(),
      issue: z.looseObject({ id: z.union([z.string(), z.number()]).optional() }).optional(),
      request: z.looseObject({ key: z.string().optional() }).optional(),
      project: z.looseObject({ key: z.string().optional() }).optional(),
    })
    .optional(),
});

/** Who is calling and from where, from Forge's resolver context (never from the payload, which the caller controls). */
export function resolverContext(context: unknown): CallContext | undefined {
  const parsed = resolverCtx.safeParse(context);
  if (!parsed.success) return undefined;
  const extension = parsed.data.extension;
  const issueId = extension?.issue?.id;
  const projectKey = extension?.project?.key;
  return {
    accountId: parsed.data.accountId,
    accountType: parsed.data.accountType,
    module: MODULES[extension?.type ?? ''] ?? 'admin',
    ...(projectKey === undefined ? {} : { projectKey }),
    ...(issueId === undefined ? {} : { issueId: String(issueId) }),
  };
}
