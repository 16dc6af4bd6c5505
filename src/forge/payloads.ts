import { z } from 'zod';
import type { IssueChange } from '../app/evaluation/trigger';
import {
  MAX_CARRIED_CHARS,
  type CarriedChange,
  type CarriedComment,
  type CarriedEntryChange,
  type QueueEvent,
} from '../app/ports';
import { parseJiraInstant } from '../engine/issue/jira-instant';
import type { CallContext } from '../app/resolvers/context';

const idLike = z.union([z.string(), z.number()]);

/**
 * What Forge delivers to the issue-event trigger: the issue (id, key, a few fields: project, status, `updated`),
 * the account that made the change (`atlassianId`), and for an update the changelog entry (`{ id, items }`,
 * without its instant or author).
 */
const triggerEvent = z.looseObject({
  eventType: z.string(),
  atlassianId: z.string().optional().catch(undefined),
  issue: z.looseObject({
    id: idLike,
    key: z.string().optional().catch(undefined),
    fields: z
      .looseObject({
        project: z
          .looseObject({ key: z.string().optional(), name: z.string().optional(), id: idLike.optional() })
          .optional(),
        updated: z.string().optional(),
        status: z
          .looseObject({
            id: idLike.optional(),
            name: z.string().optional(),
            statusCategory: z.looseObject({ key: z.string().optional() }).optional(),
          })
          .optional(),
      })
      .optional()
      .catch(undefined),
  }),
  changelog: z
    .looseObject({
      id: idLike.optional(),
      items: z.array(z.looseObject({ field: z.string().optional() })).optional(),
    })
    .optional()
    .catch(undefined),
  // `avi:jira:commented:issue` (sent when a comment is created or edited): the comment, its users by account id.
  comment: z
    .looseObject({
      id: idLike.optional(),
      author: z.looseObject({ accountId: z.string().optional() }).optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
      jsdPublic: z.boolean().optional(),
    })
    .optional()
    .catch(undefined),
});

type TriggerEvent = z.infer<typeof triggerEvent>;

/** The properties of a changelog item that a history reads; `toString` by descriptor, not Object's method. */
const ITEM_KEYS = ['field', 'fieldtype', 'fieldId', 'from', 'fromString', 'to', 'toString'] as const;

/**
 * The event's own change, when it carries all a history needs of it; undefined otherwise (the drain then reads
 * the issue).
 */
function carriedChange(data: TriggerEvent): CarriedChange | undefined {
  const change = data.eventType === 'avi:jira:commented:issue' ? carriedComment(data) : carriedEntry(data);
  return change !== undefined && JSON.stringify(change).length <= MAX_CARRIED_CHARS ? change : undefined;
}

/**
 * A comment just created: its id, author, instant and visibility. Jira sends the same event when a comment is
 * edited; an edited one (`updated` later than `created`) is not carried, nor one whose payload lacks any of
 * those, nor one without `jsdPublic` (a full read would tell public from internal by it).
 */
function carriedComment(data: TriggerEvent): CarriedComment | undefined {
  const comment = data.comment;
  const author = comment?.author?.accountId;
  if (comment?.id === undefined || author === undefined || author === '') return undefined;
  if (comment.created === undefined || typeof comment.jsdPublic !== 'boolean') return undefined;
  const at = parseJiraInstant(comment.created);
  if (at === undefined) return undefined;
  if (comment.updated !== undefined && parseJiraInstant(comment.updated) !== at) return undefined;
  return { kind: 'comment', id: String(comment.id), at, author, public: comment.jsdPublic };
}

/**
 * The update's own change: the entry's id and items, the issue's `updated` and who made it.
 */
function carriedEntry(data: TriggerEvent): CarriedEntryChange | undefined {
  const { changelog, issue, atlassianId } = data;
  if (data.eventType !== 'avi:jira:updated:issue' || changelog?.id === undefined) return undefined;
  const items = changelog.items;
  const updated = issue.fields?.updated;
  const at = updated === undefined ? undefined : parseJiraInstant(updated);
  if (items === undefined || at === undefined || atlassianId === undefined || atlassianId === '')
    return undefined;
  const compact = items.map((item) => {
    const out: Record<string, string | null> = {};
    for (const key of ITEM_KEYS) {
      const value: unknown = Object.getOwnPropertyDescriptor(item, key)?.value;
      if (typeof value === 'string' || value === null) out[key] = value;
    }
    return out;
  });
  const status = issue.fields?.status;
  return {
    id: String(changelog.id),
    at,
    items: compact,
    actor: atlassianId,
    ...(status === undefined
      ? {}
      : {
          status: {
            ...(status.id === undefined ? {} : { id: String(status.id) }),
            ...(status.name === undefined ? {} : { name: status.name }),
            ...(status.statusCategory?.key === undefined ? {} : { category: status.statusCategory.key }),
          },
        }),
  };
}

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
  const change = carriedChange(parsed.data);
  return {
    issueId: String(issue.id),
    ...(key === undefined || key === '' ? {} : { project: { key, aliases } }),
    ...(moved || eventType === 'avi:jira:deleted:issue' ? { leavesProject: true } : {}),
    ...(change === undefined ? {} : { change }),
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
