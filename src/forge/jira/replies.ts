/**
 * The shapes of Jira's replies that the adapter reads, checked rather than cast. Only the properties the adapter
 * uses are required; everything else passes through untouched, since the engine reads Jira's JSON as it is.
 */
import { z } from 'zod';
import { JiraError } from '../../app/ports';

/** A changelog history or a comment: what ordering and de-duplication need. */
const dated = z.looseObject({ id: z.string(), created: z.string() });
export type Dated = z.infer<typeof dated>;

/** `GET /rest/api/3/issue/{id}`: the parts that say whether more pages exist. */
export const issueReply = z.looseObject({
  id: z.string(),
  fields: z.optional(
    z.looseObject({
      updated: z.optional(z.string()),
      comment: z.optional(
        z.looseObject({
          comments: z.array(dated),
          startAt: z.optional(z.number()),
          total: z.optional(z.number()),
        }),
      ),
    }),
  ),
  changelog: z.optional(
    z.looseObject({
      histories: z.array(dated),
      startAt: z.optional(z.number()),
      total: z.optional(z.number()),
    }),
  ),
});
export type IssueReply = z.infer<typeof issueReply>;

/** `GET /rest/api/3/issue/{id}/changelog`: a `PageBeanChangelog`. */
export const changelogPage = z.looseObject({
  values: z.array(dated),
  startAt: z.number(),
  maxResults: z.number(),
  total: z.optional(z.number()),
  isLast: z.optional(z.boolean()),
});

/** `GET /rest/api/3/issue/{id}/comment`: a `PageOfComments`. */
export const commentPage = z.looseObject({
  comments: z.array(dated),
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
});

/** `GET /rest/api/3/search/jql` with `fields=id`. */
export const searchPage = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string() })),
  nextPageToken: z.optional(z.nullable(z.string())),
  isLast: z.optional(z.boolean()),
});

/** `POST /rest/api/3/issue/bulkfetch`. */
export const bulkIssues = z.looseObject({
  issues: z.array(issueReply),
  issueErrors: z.optional(z.array(z.unknown())),
});

/** `POST /rest/api/3/changelog/bulkfetch`. */
export const bulkChangelogs = z.looseObject({
  issueChangeLogs: z.array(z.looseObject({ issueId: z.string(), changeHistories: z.array(dated) })),
  nextPageToken: z.optional(z.nullable(z.string())),
});

/** `GET /rest/api/3/status`. */
export const status = z.looseObject({ id: z.string(), name: z.string() });
export const statuses = z.array(status);

/** `GET /rest/api/3/field`: every field, system and custom, with its schema and the names JQL takes. */
export const fields = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string(),
    custom: z.optional(z.boolean()),
    schema: z.optional(z.looseObject({ type: z.optional(z.string()), custom: z.optional(z.string()) })),
    clauseNames: z.optional(z.array(z.string())),
  }),
);

/** `GET /rest/api/3/priority`. */
export const priorities = z.array(z.looseObject({ id: z.string(), name: z.string() }));

/** `GET /rest/servicedeskapi/requesttype`: a `PagedDTORequestTypeDTO`. */
export const requestTypePage = z.looseObject({
  values: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  start: z.optional(z.number()),
  isLastPage: z.optional(z.boolean()),
});

/** `GET /rest/api/3/issue/{id}/transitions`. */
export const transitions = z.looseObject({
  transitions: z.array(
    z.looseObject({ id: z.string(), name: z.string(), to: z.optional(z.looseObject({ name: z.string() })) }),
  ),
});

/** `GET /rest/api/3/mypermissions`. */
export const myPermissions = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

/** `GET /rest/api/3/user/groups`: the user's groups. */
export const userGroups = z.array(z.looseObject({ name: z.string() }));

/** `GET /rest/servicedeskapi/request/{id}`: the reporter. */
export const customerRequest = z.looseObject({
  reporter: z.optional(z.looseObject({ accountId: z.optional(z.string()) })),
});

/** `GET /rest/api/3/user?accountId=`: a `User`; `locale` (`de_DE`) and `timeZone` only where the profile says. */
export const userReply = z.looseObject({
  accountId: z.string(),
  locale: z.optional(z.string()),
  timeZone: z.optional(z.string()),
});

/** `GET /rest/api/3/user/bulk`: a `PageBeanUser` of the users Jira knows among the ids asked for. */
export const userPage = z.looseObject({
  values: z.array(
    z.looseObject({
      accountId: z.string(),
      displayName: z.string(),
      active: z.boolean(),
      accountType: z.optional(z.string()).catch(undefined),
    }),
  ),
  startAt: z.optional(z.number()),
  isLast: z.optional(z.boolean()),
});

/** `GET /rest/servicedeskapi/request/{id}/participant`: a `PagedDTOUserDTO`. */
export const participantPage = z.looseObject({
  values: z.array(z.looseObject({ accountId: z.optional(z.string()) })),
  start: z.optional(z.number()),
  isLastPage: z.optional(z.boolean()),
});

/**
 * `body` as `schema` describes it, or a non-retryable {@link JiraError} naming the call and the first mismatch:
 * a reply of an unexpected shape is not going to change on a retry.
 */
export function parseReply<T>(schema: z.ZodType<T>, body: unknown, where: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new JiraError(
    `Jira ${where} replied in an unexpected shape${at}: ${issue?.message ?? 'invalid'}`,
    200,
    false,
  );
}
