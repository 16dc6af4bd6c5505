/** Who calls a resolver and from where, as Forge's resolver context tells it (never from the payload). */
export interface CallContext {
  readonly accountId: string;
  /** The module the call comes from. */
  readonly module: 'issue-panel' | 'admin' | 'project-settings' | 'gadget' | 'portal';
  /** The project of a project settings page, issue view or portal request. */
  readonly projectKey?: string;
  /** The issue of an issue view or portal request. */
  readonly issueId?: string;
}
