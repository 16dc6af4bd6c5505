/** The handlers manifest.yml names, and nothing else. */
export {
  consumeDue,
  consumeIssues,
  consumeJobs,
  onIssueEvent,
  onLifecycle,
  resolver,
  sweep,
} from './forge/handlers';
export { automationExcuse, automationExtend, automationMetric } from './forge/automation';
