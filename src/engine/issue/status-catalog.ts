/**
 * Which status category each status of a Jira site belongs to, read from `GET /rest/api/3/status`. The issue
 * history needs it for statuses the issue has left: the changelog names them but not their category.
 */
import { fail, joinPath, ok, type Problem, type Result } from '../errors';
import type { StatusCategoryKey } from './types';

export interface StatusCatalog {
  readonly byId: ReadonlyMap<string, StatusCategoryKey>;
  /** Keyed by the lower-cased name (and untranslated name). */
  readonly byName: ReadonlyMap<string, StatusCategoryKey>;
}

export const EMPTY_STATUS_CATALOG: StatusCatalog = { byId: new Map(), byName: new Map() };

/**
 * The values `statusCategory` answers to, lower-cased: the key, Jira's English name and the id. Jira's
 * fourth category, `undefined` ("No Category", id 1), has no entry: such a status has no category.
 */
export const STATUS_CATEGORY_ALIASES: Readonly<Record<StatusCategoryKey, readonly string[]>> = {
  new: ['new', 'to do', '2'],
  indeterminate: ['indeterminate', 'in progress', '4'],
  done: ['done', '3'],
};

/**
 * A status category from what Jira writes for one: the key (`new`), the id (2, `"2"`) or, in the newer
 * `/rest/api/3/statuses/search`, the constant (`TODO`, `IN_PROGRESS`, `DONE`).
 * @example statusCategoryKey('indeterminate') === 'indeterminate'
 * @example statusCategoryKey('DONE') === 'done'
 */
export function statusCategoryKey(value: unknown): StatusCategoryKey | undefined {
  switch (value) {
    case 'new':
    case 'TODO':
    case 2:
    case '2':
      return 'new';
    case 'indeterminate':
    case 'IN_PROGRESS':
    case 4:
    case '4':
      return 'indeterminate';
    case 'done':
    case 'DONE':
    case 3:
    case '3':
      return 'done';
    default:
      return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses Jira's `GET /rest/api/3/status` reply (an array of `{ id, name, statusCategory: { id, key, name } }`),
 * or a page of `GET /rest/api/3/statuses/search` (`{ values: [{ id, name, statusCategory: "DONE" }] }`).
 * ATTENTION: team-managed projects may have several statuses with one name; the first one's category wins.
 * @example parseStatuses([{ id: '3', name: 'In Progress', statusCategory: { id: 4, key: 'indeterminate' } }])
 */
export function parseStatuses(json: unknown, path = '$'): Result<StatusCatalog> {
  let list = json;
  let listPath = path;
  if (isObject(json) && Array.isArray(json.values)) {
    list = json.values;
    listPath = joinPath(path, 'values');
  }
  if (!Array.isArray(list)) {
    return fail({ code: 'statuses.invalid', path, message: 'expected an array of statuses' });
  }
  const problems: Problem[] = [];
  const byId = new Map<string, StatusCategoryKey>();
  const byName = new Map<string, StatusCategoryKey>();
  list.forEach((status: unknown, index) => {
    const at = joinPath(listPath, index);
    if (!isObject(status)) {
      problems.push({ code: 'statuses.invalid', path: at, message: 'expected a status object' });
      return;
    }
    const id = typeof status.id === 'number' ? String(status.id) : status.id;
    if (typeof id !== 'string' || id === '') {
      problems.push({ code: 'statuses.invalid', path: joinPath(at, 'id'), message: 'expected a status id' });
    }
    if (typeof status.name !== 'string') {
      problems.push({
        code: 'statuses.invalid',
        path: joinPath(at, 'name'),
        message: 'expected a status name',
      });
    }
    const raw = status.statusCategory;
    const category = statusCategoryKey(isObject(raw) ? (raw.key ?? raw.id) : raw);
    if (category === undefined || typeof id !== 'string' || typeof status.name !== 'string') return;
    if (!byId.has(id)) byId.set(id, category);
    for (const name of [status.name, status.untranslatedName]) {
      if (typeof name !== 'string') continue;
      const lower = name.toLowerCase();
      if (!byName.has(lower)) byName.set(lower, category);
    }
  });
  return problems.length > 0 ? fail(...problems) : ok({ byId, byName });
}
