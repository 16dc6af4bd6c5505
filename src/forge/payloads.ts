import { z } from 'zod';
import type { IssueChange } from '../app/evaluation/trigger';
import type { QueueEvent } from '../app/ports';
import type { CallContext } from '../app/resolvers/context';

const idLike = z.union([z.string(), z.number()]);

/** What Forge delivers to the issue-event trigger: the issue, its project, and the change's changelog entry. */
const triggerEvent = z.looseObject({
  eventType: z.string(),
  issue: z.looseObject({
    id: idLike,
    key: z.string().optional().catch(undefined),
    fields: z
      .looseObject({
        project: z
          .looseObject({ key: z.string().optional(), name: z.string().optional(), id: idLike.optional() })
          .optional(),
      })
      .optional()
      .catch(undefined),
  }),
  changelog: z
    .looseObject({ items: z.array(z.looseObject({ field: z.string().optional() })).optional() })
    .optional()
    .catch(undefined),
});

/** The issue an `avi:jira:*` event is about, with its project when the payload names it, or undefined. */
export function parseTriggerEvent(event: unknown): IssueChange | undefined {
  const parsed = triggerEvent.safeParse(event);
  if (!parsed.success) return undefined;
  const { issue, changelog, eventType } = parsed.data;
  const project = issue.fields?.project;
  // Jira keys are PROJECT-NUMBER: the key names the project when the payload's fields do not.
  const key = project?.key ?? issue.key?.slice(0, Math.max(0, issue.key.lastIndexOf('-')));
  const moved = (changelog?.items ?? []).some((item) => item.field === 'project' || item.field === 'Key');
  const aliases = [key, project?.name, project?.id]
    .filter((a): a is string | number => a !== undefined && a !== '')
    .map((a) => String(a).toLowerCase());
  return {
    issueId: String(issue.id),
    ...(key === undefined || key === '' ? {} : { project: { key, aliases } }),
    ...(moved || eventType === 'avi:jira:deleted:issue' ? { leavesProject: true } : {}),
  };
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
