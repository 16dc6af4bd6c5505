import type { Agreement } from '../../../src/engine/agreement/types';
import type { Calendar } from '../../../src/engine/calendar/types';
import type { AuditEntry, Version } from '../../../src/app/ports/store';
import type { JobView as Job } from '../../../src/app/resolvers/job-routes';
import type { Failure, ReplyOf } from '../../shared/api/reply';

/**
 * The admin page's names for the replies of the routes it calls; every one is the route's own reply type
 * (src/app/resolvers/contract.ts), so a change on the server shows up here as a type error.
 */

export type { Agreement, AuditEntry, Calendar, Failure, Job, Version };

/** A country of the holiday data, with its states (`calendars/regions`). */
export type RegionCountry = ReplyOf<'calendars/regions'>['countries'][number];

/** One public holiday of a region (`calendars/region-holidays`). */
export type RegionHoliday = ReplyOf<'calendars/region-holidays'>['holidays'][number];

/** What an ICS file would import (`calendars/preview-ics`). */
export type IcsPreview = ReplyOf<'calendars/preview-ics'>;

/** A project's agreements, in order (`agreements/placements`, `projects/save`). */
export type Placement = ReplyOf<'projects/save'>;

/** What a draft agreement would have measured (`agreements/preview`). */
export type AgreementPreview = ReplyOf<'agreements/preview'>;

/**
 * How a save's or preview's JQL fared against the site: checked, with warnings (values the site does not have),
 * or skipped because Jira could not be read.
 */
export type SiteCheck = ReplyOf<'agreements/save'>['siteCheck'];

export type JobScope = Job['spec']['scope'];

/** The retention policy in force, its defaults, and the bounds an admin may choose within. */
export type RetentionReply = ReplyOf<'retention/get'>;
