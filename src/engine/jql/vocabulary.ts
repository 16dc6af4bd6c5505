/**
 * What a Jira site calls its fields and values, as far as the JQL subset names them: the site's fields (system
 * and custom, with their ids and names), statuses, priorities, JSM request types and, where known, projects.
 * The app reads it from Jira (`JiraPort.getSiteVocabulary`); the engine only checks queries against it.
 */

/** A field of the site (`GET /rest/api/3/field`). */
export interface VocabularyField {
  /** `status`, `duedate`, `customfield_10010`. */
  readonly id: string;
  /** The name people see and JQL accepts: `Status`, `Request Type`. */
  readonly name: string;
  readonly custom: boolean;
  /** The field's schema type (`option`, `datetime`, `array`, `sd-customerrequesttype`), where Jira says. */
  readonly schemaType?: string;
  /** The names JQL accepts for it (`cf[10010]`, `"Request Type"`), where Jira says. */
  readonly clauseNames?: readonly string[];
}

/** A status, priority or request type: its id and name. */
export interface VocabularyValue {
  readonly id: string;
  readonly name: string;
}

/** A project: its id, key and name, each of which JQL accepts. */
export interface VocabularyProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

/**
 * The site's vocabulary.
 * @example
 * const site: JqlVocabulary = {
 *   fields: [{ id: 'customfield_10050', name: 'Team', custom: true, schemaType: 'option' }],
 *   statuses: [{ id: '1', name: 'Open' }],
 *   priorities: [{ id: '2', name: 'High' }],
 *   requestTypes: [{ id: '11', name: 'Get IT help' }],
 * };
 */
export interface JqlVocabulary {
  readonly fields: readonly VocabularyField[];
  readonly statuses: readonly VocabularyValue[];
  readonly priorities: readonly VocabularyValue[];
  readonly requestTypes: readonly VocabularyValue[];
  /** Absent: projects are not checked. */
  readonly projects?: readonly VocabularyProject[];
}
