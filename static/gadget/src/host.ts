/**
 * What the gadget asks of Jira besides its Backend: open an issue (the dashboard's page, or a new tab), and
 * leave its edit view without saving. main.tsx answers with @forge/bridge's router and view; tests with a fake.
 */
export interface GadgetHost {
  openIssue(issueKey: string, newTab: boolean): void;
  /** Back to the gadget's view, without saving; rejects where the host has no edit view to leave. */
  close(): Promise<void>;
}

/** The issue's path on the Jira site, as its links' `href`. */
export const issuePath = (issueKey: string): string => `/browse/${encodeURIComponent(issueKey)}`;
