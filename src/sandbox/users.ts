import type { SiteUser } from './jira/site';
import { APP_ACCOUNT } from './jira/site';

/**
 * The people on the sandbox's JSM site: an admin, first-level agents, second-level agents, customers of two
 * organizations, and Accord's own app account.
 */
export const SANDBOX_USERS: readonly SiteUser[] = [
  {
    accountId: 'chris-admin',
    displayName: 'Chris Admin',
    accountType: 'atlassian',
    admin: true,
    agentOf: ['IT'],
  },
  {
    accountId: 'alex-agent',
    displayName: 'Alex Agent',
    accountType: 'atlassian',
    projectAdmin: ['IT'],
    agentOf: ['IT'],
  },
  { accountId: 'erik-agent', displayName: 'Erik Agent', accountType: 'atlassian', agentOf: ['IT'] },
  {
    accountId: 'bea-second',
    displayName: 'Bea Second-Level',
    accountType: 'atlassian',
    agentOf: ['IT'],
    groups: ['it-second-level'],
  },
  {
    accountId: 'omar-second',
    displayName: 'Omar Second-Level',
    accountType: 'atlassian',
    agentOf: ['IT'],
    groups: ['it-second-level'],
  },
  {
    accountId: 'carla-customer',
    displayName: 'Carla Customer',
    accountType: 'customer',
    locale: 'en_GB',
    timeZone: 'Europe/London',
  },
  { accountId: 'dan-customer', displayName: 'Dan Customer', accountType: 'customer' },
  {
    accountId: 'anna-customer',
    displayName: 'Anna Customer',
    accountType: 'customer',
    locale: 'de_DE',
    timeZone: 'Europe/Berlin',
  },
  { accountId: 'gina-customer', displayName: 'Gina Customer', accountType: 'customer' },
  { accountId: 'hugo-customer', displayName: 'Hugo Customer', accountType: 'customer' },
  { accountId: APP_ACCOUNT, displayName: 'Accord', accountType: 'app' },
];

/** Agents who answer first; the second-level team takes escalations. */
export const FIRST_LEVEL_AGENTS: readonly string[] = ['alex-agent', 'erik-agent'];
export const SECOND_LEVEL_AGENTS: readonly string[] = ['bea-second', 'omar-second'];

/** A JSM customer organization (`GET /rest/servicedeskapi/organization`). */
export interface SandboxOrganization {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
}

/** The site's two customer organizations and their members. */
export const SANDBOX_ORGANIZATIONS: readonly SandboxOrganization[] = [
  { id: '1', name: 'Acme Corp', members: ['carla-customer', 'dan-customer', 'anna-customer'] },
  { id: '2', name: 'Globex', members: ['gina-customer', 'hugo-customer'] },
];

/** The organization a customer belongs to, if any. */
export function organizationOf(accountId: string): SandboxOrganization | undefined {
  return SANDBOX_ORGANIZATIONS.find((o) => o.members.includes(accountId));
}
