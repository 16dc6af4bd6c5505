/** Tests build Jira issue JSON with the sandbox's issue model: the same shapes the simulated site serves. */
export { JiraIssueBuilder, statusesReply } from '../../src/sandbox/jira/issue-model';
