/**
 * The kind of account calling, as Forge's resolver context tells it: `licensed` (an agent, admin or
 * collaborator of the site's Jira), `unlicensed` (signed in, without the product), `customer` (a JSM portal
 * customer) or `anonymous`.
 */
export type AccountType = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';

/** Who calls a resolver and from where, as Forge's resolver context tells it (never from the payload). */
export interface CallContext {
  readonly accountId: string;
  /**
   * What kind of account calls. Only `licensed` accounts reach agent and admin routes, whatever Jira's
   * permissions say: JSM's default permission scheme may grant customers Browse Projects.
   */
  readonly accountType: AccountType;
  /** The module the call comes from. */
  readonly module: 'issue-panel' | 'admin' | 'project-settings' | 'gadget' | 'portal';
  /** The project of a project settings page, issue view or portal request. */
  readonly projectKey?: string;
  /** The issue of an issue view or portal request. */
  readonly issueId?: string;
}
