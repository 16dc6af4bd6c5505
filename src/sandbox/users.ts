import type { SiteUser } from './jira/site';
import { APP_ACCOUNT } from './jira/site';

/** The people on the sandbox's JSM site: an admin, agents of two levels, customers of two organizations. */
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
  { accountId: 'bea-second', displayName: 'Bea Second-Level', accountType: 'atlassian', agentOf: ['IT'] },
  { accountId: 'carla-customer', displayName: 'Carla Customer', accountType: 'customer' },
  { accountId: 'dan-customer', displayName: 'Dan Customer', accountType: 'customer' },
  { accountId: APP_ACCOUNT, displayName: 'Accord', accountType: 'app' },
];
