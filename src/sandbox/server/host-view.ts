import { z } from 'zod';
import type { SandboxApp } from '../app';
import { APP_ACCOUNT, type SiteUser } from '../jira/site';
import { locale, timeZone } from './bridge';
import { HttpError, parse } from './http';

/**
 * How a host page is viewed: the colour mode, the user's Jira language and time zone (which Forge passes to a
 * frame as `theme`, `locale` and `timezone`), and who is looking. All four are in the page's query, so that a
 * link, a reload or a browser test opens a page exactly so: `/admin?theme=dark&locale=de-DE`.
 */

/** What the switchers offer; the query also takes any other locale code and IANA zone. */
export const OFFERED_LOCALES = [
  { code: 'en-US', label: 'English (US)' },
  { code: 'de-DE', label: 'Deutsch' },
  { code: 'da-DK', label: 'Dansk' },
] as const;
export const OFFERED_TIME_ZONES = [
  'Europe/Berlin',
  'Europe/Copenhagen',
  'Europe/London',
  'America/New_York',
  'Asia/Singapore',
] as const;

export const hostQuery = z
  .object({
    theme: z.enum(['light', 'dark']).default('light'),
    locale: locale.default('en-US'),
    timezone: timeZone.default('Europe/Berlin'),
    as: z.string().min(1).max(200).optional(),
  })
  .strict();

/** A host page's view: the query's, with `as` settled to one of the page's people. */
export interface HostView {
  readonly theme: 'light' | 'dark';
  readonly locale: string;
  readonly timezone: string;
  readonly as: string;
}

/** Someone a host page may be viewed as. */
export interface Person {
  readonly accountId: string;
  readonly displayName: string;
}

const personOf = (u: SiteUser): Person => ({ accountId: u.accountId, displayName: u.displayName });

/** Licensed Jira users (agents and admins), the admin first. */
export function jiraUsers(app: SandboxApp): Person[] {
  return app.site.users
    .filter((u) => u.accountId !== APP_ACCOUNT && u.accountType === 'atlassian')
    .map(personOf);
}

/** The service project's agents. */
export function projectAgents(app: SandboxApp, projectKey: string): Person[] {
  return app.site.users
    .filter(
      (u) =>
        u.accountId !== APP_ACCOUNT &&
        u.accountType === 'atlassian' &&
        (u.agentOf ?? []).includes(projectKey),
    )
    .map(personOf);
}

/** The help center's customers. */
export function customers(app: SandboxApp): Person[] {
  return app.site.users.filter((u) => u.accountType === 'customer').map(personOf);
}

/**
 * The language and zone a part of a page is asked for in (`/issue/<key>/details?locale=de-DE&timezone=…`): the
 * query's, defaults as for a page; `theme` and `as` are allowed and ignored.
 */
export function chromeView(url: URL): Pick<HostView, 'locale' | 'timezone'> {
  const query = parse(hostQuery, Object.fromEntries(url.searchParams), 'page query');
  return { locale: query.locale, timezone: query.timezone };
}

/**
 * The view a page's query asks for; `as` must be one of `people` (default: `fallback`, else the first). A query
 * the page does not understand is a 400 with the parameter's path, as every other refusal.
 */
export function hostView(
  url: URL,
  people: readonly Person[],
  fallback: string | undefined = people[0]?.accountId,
): HostView {
  const query = parse(hostQuery, Object.fromEntries(url.searchParams), 'page query');
  const as = query.as ?? fallback;
  if (as === undefined || !people.some((p) => p.accountId === as)) {
    throw new HttpError(
      400,
      'unknown-user',
      `This page can be viewed as ${people.map((p) => p.accountId).join(', ')}; not as "${as ?? ''}".`,
      [{ code: 'request.invalid', message: 'not one of the people this page is for', path: '$.as' }],
    );
  }
  return { theme: query.theme, locale: query.locale, timezone: query.timezone, as };
}
