import { LIMITS, list, nonEmptyText } from '../../engine/config/limits';

/** The resolvers' payload fields, each bounded by `LIMITS` (engine/config/limits.ts) to fit where it lands. */

/** A calendar, agreement or metric id. */
export const id = nonEmptyText(LIMITS.id);
/** A Jira project key. */
export const projectKey = nonEmptyText(LIMITS.projectKey);
/** A Jira issue id (digits). */
export const issueId = nonEmptyText(LIMITS.shortText).regex(/^\d+$/, 'an issue id is a number');
/** A JQL. */
export const jql = nonEmptyText(LIMITS.jql);
/** A project's agreement ids, in order. */
export const agreementIds = list(id, LIMITS.agreementsPerProject);
