/**
 * Accord's two Forge custom fields ("next deadline", a `datetime`, and "SLA state", a `string`) and how their
 * values are written: `POST /rest/api/3/app/field/value` with `{ updates: [{ customField, issueIds, value }] }`.
 *
 * Jira names a Forge field `<app-id>__<environment>__<module-key>`, e.g.
 * `4886f49a-…__DEVELOPMENT__accord-next-deadline`: the app's UUID (the last segment of its ARI), the environment
 * type in capitals as the Forge context reports it, and the `jira:customField` module key from manifest.yml.
 */
import type { CustomFieldUpdate } from '../../app/ports';

/** The `jira:customField` module keys in manifest.yml, by the port's field name. */
export const CUSTOM_FIELD_MODULE_KEYS: Readonly<Record<CustomFieldUpdate['field'], string>> = {
  'next-deadline': 'accord-next-deadline',
  'sla-state': 'accord-sla-state',
};

/** Where the app runs, as Forge's context reports it (`getAppContext()`: `appAri.appId`, `environmentType`). */
export interface ForgeAppIdentity {
  /** The app id, either the bare UUID or the manifest's `ari:cloud:ecosystem::app/<uuid>`. */
  readonly appId: string;
  /** `DEVELOPMENT`, `STAGING` or `PRODUCTION` (Forge's environment type). */
  readonly environment: string;
}

/**
 * The Jira field keys of Accord's custom fields for one app and environment.
 * @example customFieldKeys({ appId: 'ari:cloud:ecosystem::app/abc', environment: 'production' })['sla-state'] === 'abc__PRODUCTION__accord-sla-state'
 */
export function customFieldKeys(
  identity: ForgeAppIdentity,
): Readonly<Record<CustomFieldUpdate['field'], string>> {
  const uuid = identity.appId.slice(identity.appId.lastIndexOf('/') + 1);
  if (uuid === '' || identity.environment === '') {
    throw new Error('customFieldKeys: the app id and the environment are both required');
  }
  // Forge reports the environment type in capitals, and that is how it appears in field keys.
  const environment = identity.environment.toUpperCase();
  const key = (field: CustomFieldUpdate['field']): string =>
    `${uuid}__${environment}__${CUSTOM_FIELD_MODULE_KEYS[field]}`;
  return { 'next-deadline': key('next-deadline'), 'sla-state': key('sla-state') };
}

/** One entry of the request's `updates`: one field, one value, the issues that get it. */
export interface FieldValueUpdate {
  readonly customField: string;
  readonly issueIds: readonly number[];
  readonly value: string | null;
}

/** At most this many issue-field values per request, so one request stays well inside Jira's payload limits. */
export const MAX_VALUES_PER_REQUEST = 1000;

/**
 * Groups updates into request bodies: one entry per (field, value), at most {@link MAX_VALUES_PER_REQUEST}
 * issue-field values per request. Jira wants each (field, issue) pair at most once per request, so a later
 * update of the same pair replaces an earlier one, as if they had been sent in order.
 */
export function batchFieldUpdates(
  updates: readonly CustomFieldUpdate[],
  keys: Readonly<Record<CustomFieldUpdate['field'], string>>,
): FieldValueUpdate[][] {
  const latest = new Map<string, CustomFieldUpdate>();
  for (const update of updates) {
    const pair = `${update.field}\u0000${update.issueId}`;
    latest.delete(pair); // re-inserting keeps the order of the last write
    latest.set(pair, update);
  }

  const requests: FieldValueUpdate[][] = [];
  let groups = new Map<string, { customField: string; value: string | null; issueIds: number[] }>();
  let count = 0;
  const flush = (): void => {
    if (groups.size > 0) requests.push([...groups.values()]);
    groups = new Map();
    count = 0;
  };
  for (const update of latest.values()) {
    if (count === MAX_VALUES_PER_REQUEST) flush();
    const customField = keys[update.field];
    // JSON.stringify tells null from the text "null".
    const group = `${customField}\u0000${JSON.stringify(update.value)}`;
    let entry = groups.get(group);
    if (!entry) {
      entry = { customField, value: update.value, issueIds: [] };
      groups.set(group, entry);
    }
    entry.issueIds.push(numericIssueId(update.issueId));
    count++;
  }
  flush();
  return requests;
}

/** The endpoint takes numeric issue ids; a key here is a bug in the caller. */
function numericIssueId(issueId: string): number {
  if (!/^\d+$/.test(issueId)) {
    throw new Error(`setCustomFields needs numeric issue ids, got "${issueId}"`);
  }
  return Number(issueId);
}
