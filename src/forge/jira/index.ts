/**
 * Jira Cloud for Accord on Forge: the {@link JiraPort} adapter over `requestJira`, its transport seam, and the
 * custom field keys it writes.
 */
export { createForgeJira, ForgeJira, type ForgeJiraOptions } from './forge-jira';
export {
  forgeJiraFetch,
  type ForgeProductApi,
  type JiraFetch,
  type JiraPrincipal,
  type JiraRequestInit,
  type JiraResponse,
} from './transport';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './resilient-client';
export { CUSTOM_FIELD_MODULE_KEYS, customFieldKeys, type ForgeAppIdentity } from './custom-fields';
export { textToAdf, type AdfDocument } from './adf';
