import type { Agreement } from '../../../src/engine/agreement/types';
import type { Calendar } from '../../../src/engine/calendar/types';
import type { Problem } from '../../../src/engine/errors';
import type { AuditEntry, Job, RetentionPolicy, Version } from '../../../src/app/ports/store';
import type { JsmComparison } from '../../../src/app/jsm/compare';
import type { Failure, Reply } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import type { Person } from '../../../src/app/people/people-cache';

/**
 * The resolver routes the admin page calls, with the shapes of their replies (src/app/resolvers/*.ts). A reply
 * is checked for its outline before the page trusts it; one in another shape becomes a failure to show.
 */

export type { Agreement, AuditEntry, Calendar, Failure, Job, Version };

export interface RegionCountry {
  readonly code: string;
  readonly name: string;
  readonly states: readonly { readonly code: string; readonly name: string }[];
}

export interface RegionHoliday {
  readonly date: string;
  readonly name: string;
}

export interface IcsPreview {
  readonly holidays: readonly { readonly date: string; readonly name: string; readonly annual?: true }[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

export interface Placement {
  readonly projectKey: string;
  readonly agreementIds: readonly string[];
}

export interface AgreementPreview {
  readonly projectKey: string;
  /** The draft's JQL against the site: warnings, or that Jira could not be read. */
  readonly siteCheck?: SiteCheck;
  readonly days: number;
  readonly issues: number;
  readonly metrics: readonly {
    readonly metricId: string;
    readonly name: string;
    readonly goals: readonly {
      readonly index: number;
      readonly targetMinutes: number | null;
      readonly objectivePercent: number | null;
      readonly met: number;
      readonly breached: number;
      readonly metPercent: number | null;
      readonly objectiveMet: boolean | null;
    }[];
  }[];
}

/**
 * How a save's or preview's JQL fared against the site: checked, with warnings (values the site does not have),
 * or skipped because Jira could not be read (src/app/resolvers/site-jql.ts).
 */
export type SiteCheck =
  | { readonly status: 'checked'; readonly warnings: readonly Problem[] }
  | { readonly status: 'skipped'; readonly reason: 'jira-unreadable'; readonly warnings: readonly [] };

export type JobScope = Job['spec']['scope'];

/** The retention policy in force, its defaults, and the bounds an admin may choose within. */
export interface RetentionReply {
  readonly policy: RetentionPolicy;
  readonly defaults: RetentionPolicy;
  readonly bounds: {
    readonly historyDays: { readonly min: number; readonly max: number };
    readonly rawCycleMonths: { readonly min: number; readonly max: number };
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isVersion = (v: unknown): boolean =>
  isObject(v) && typeof v.id === 'string' && typeof v.version === 'number';
const arrayOf =
  (item: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    Array.isArray(v) && v.every(item);
const withKey =
  (key: string, inner: (v: unknown) => boolean = () => true) =>
  (v: unknown): boolean =>
    isObject(v) && key in v && inner(v[key]);

/** Each route's payload and reply, and the outline its reply must have. */
const ROUTES = {
  'calendars/list': arrayOf(isVersion),
  'calendars/get': isVersion,
  'calendars/history': arrayOf(isVersion),
  'calendars/save': isVersion,
  'calendars/delete': isVersion,
  'calendars/preview-ics': withKey('holidays', Array.isArray),
  'calendars/regions': withKey('countries', Array.isArray),
  'calendars/region-holidays': withKey('holidays', Array.isArray),
  'agreements/list': arrayOf(isVersion),
  'agreements/get': isVersion,
  'agreements/history': arrayOf(isVersion),
  'agreements/save': isVersion,
  'agreements/delete': isVersion,
  'agreements/preview': withKey('metrics', Array.isArray),
  'agreements/placements': withKey('projects', Array.isArray),
  'projects/save': withKey('agreementIds', Array.isArray),
  'jobs/start': withKey('id'),
  'jobs/status': withKey('id'),
  'jobs/list': Array.isArray,
  'jobs/cancel': withKey('id'),
  'audit/list': Array.isArray,
  'jsm/compare': withKey('issues', Array.isArray),
  'retention/get': withKey('policy', isObject),
  'retention/set': withKey('policy', isObject),
  'people/names': withKey('people', Array.isArray),
} satisfies Record<string, (v: unknown) => boolean>;

export interface Replies {
  'calendars/list': Version<Calendar>[];
  'calendars/get': Version<Calendar>;
  'calendars/history': Version<Calendar>[];
  'calendars/save': Version<Calendar>;
  'calendars/delete': Version<Calendar>;
  'calendars/preview-ics': IcsPreview;
  'calendars/regions': { countries: RegionCountry[] };
  'calendars/region-holidays': { region: string; holidays: RegionHoliday[] };
  'agreements/list': Version<Agreement>[];
  'agreements/get': Version<Agreement>;
  'agreements/history': Version<Agreement>[];
  'agreements/save': Version<Agreement> & { readonly siteCheck?: SiteCheck };
  'agreements/delete': Version<Agreement>;
  'agreements/preview': AgreementPreview;
  'agreements/placements': { projects: Placement[] };
  'projects/save': Placement;
  'jobs/start': Job;
  'jobs/status': Job;
  'jobs/list': Job[];
  'jobs/cancel': Job;
  'audit/list': AuditEntry[];
  'jsm/compare': JsmComparison;
  'retention/get': RetentionReply;
  'retention/set': { policy: RetentionPolicy };
  'people/names': { people: Person[] };
}

export type RouteName = keyof Replies & keyof typeof ROUTES;

/**
 * Calls a route and checks the outline of its reply.
 * @example const reply = await call(backend, 'calendars/list', {}); if (reply.ok) reply.data[0]?.body?.name
 */
export async function call<R extends RouteName>(
  backend: Backend,
  route: R,
  payload: Readonly<Record<string, unknown>>,
): Promise<Reply<Replies[R]>> {
  const reply = await backend.call(route, payload);
  if (!reply.ok) return reply;
  if (!ROUTES[route](reply.data)) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Accord's service answered ${route} in a shape this page does not know.`,
      },
    };
  }
  return { ok: true, data: reply.data as Replies[R] };
}
