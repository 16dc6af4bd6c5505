/**
 * The contract between the issue history (which knows field values over time) and the JQL subset (which asks
 * for them). A field is named by a {@link FieldKey}; its value at an instant is a list of lower-cased strings.
 */

/**
 * How the engine names a field:
 * - a system field: one of {@link SYSTEM_FIELDS} (`status`, `priority`, `labels`, …);
 * - a custom field by id: `customfield_10010` (JQL `cf[10010]`);
 * - a field named in JQL by its display name: `name:` followed by the lower-cased name (`name:team`).
 */
export type FieldKey = string;

/** The system fields of the JQL subset, by the key the engine uses for each. */
export const SYSTEM_FIELDS = [
  'project',
  'issuetype',
  'status',
  'statusCategory',
  'priority',
  'labels',
  'components',
  'resolution',
  'assignee',
  'reporter',
  'requestType',
  'organizations',
] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

/**
 * The values of an issue's fields at one instant.
 *
 * `get` returns every item of a multi-valued field and every alias of each item (a status's name and id; a
 * user's account id, display name and e-mail; a status category's key, name and id), all lower-cased so that
 * comparisons are case-insensitive as in Jira's JQL. An empty list means the field is EMPTY.
 */
export interface FieldValues {
  get(field: FieldKey): readonly string[];
}

/**
 * Jira's system due date (a date). The history follows it like a custom field: it is not one of
 * {@link SYSTEM_FIELDS}, which histories stored before it was followed cannot answer for.
 */
export const DUE_DATE: FieldKey = 'duedate';

/** @example customFieldKey(10010) === 'customfield_10010' */
export const customFieldKey = (id: number | string): FieldKey => `customfield_${String(id)}`;

/** @example namedFieldKey('Team') === 'name:team' */
export const namedFieldKey = (name: string): FieldKey => `name:${name.trim().toLowerCase()}`;

/** Lower-cases a value the way every comparison in the engine expects. */
export const normalizeValue = (value: string): string => value.toLowerCase();

/** JQL and condition spellings of the system fields (lower-cased), beside each field's own key. */
const SYSTEM_FIELD_NAMES: Readonly<Record<string, SystemField>> = {
  project: 'project',
  issuetype: 'issuetype',
  type: 'issuetype',
  'issue type': 'issuetype',
  status: 'status',
  statuscategory: 'statusCategory',
  category: 'statusCategory',
  'status category': 'statusCategory',
  priority: 'priority',
  labels: 'labels',
  label: 'labels',
  component: 'components',
  components: 'components',
  resolution: 'resolution',
  assignee: 'assignee',
  reporter: 'reporter',
  'request type': 'requestType',
  'customer request type': 'requestType',
  requesttype: 'requestType',
  organizations: 'organizations',
  organization: 'organizations',
  organisations: 'organizations',
};

/**
 * The key of a field named the way people write it in JQL or in an agreement's `field` condition: a system
 * field in any accepted spelling, `duedate` (or `Due date`), `cf[10010]`, `customfield_10010`, or any other name
 * (a custom field by name).
 * @example resolveFieldName('Request Type') === 'requestType'
 * @example resolveFieldName('cf[10010]') === 'customfield_10010'
 * @example resolveFieldName('Team') === 'name:team'
 */
export function resolveFieldName(name: string): FieldKey {
  const lower = name.trim().toLowerCase();
  const system = SYSTEM_FIELD_NAMES[lower];
  if (system) return system;
  if (lower === 'duedate' || lower === 'due date') return DUE_DATE;
  const cf = /^(?:cf\[(\d+)\]|customfield_(\d+))$/.exec(lower);
  if (cf) return customFieldKey(cf[1] ?? cf[2] ?? '');
  return namedFieldKey(lower);
}
