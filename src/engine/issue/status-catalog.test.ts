import { formatProblem } from '../errors';
import { parseStatuses, statusCategoryKey } from './status-catalog';
import { STATUSES, jiraStatus } from './testing';

describe('parseStatuses', () => {
  it('reads GET /rest/api/3/status into categories by id and by lower-cased name', () => {
    const result = parseStatuses(Object.values(STATUSES).map(jiraStatus));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.byId.get('10002')).toBe('indeterminate');
    expect(result.value.byName.get('waiting for support')).toBe('new');
    expect(result.value.byName.get('closed')).toBe('done');
  });

  it('reads a page of the newer /rest/api/3/statuses/search too', () => {
    const result = parseStatuses({
      startAt: 0,
      total: 1,
      values: [{ id: '10004', name: 'Resolved', statusCategory: 'DONE', scope: { type: 'GLOBAL' } }],
    });
    expect(result.ok && result.value.byId.get('10004')).toBe('done');
  });

  // Jira's "No Category" (key `undefined`, id 1) is not a category conditions can name.
  it('leaves out statuses without a category', () => {
    const result = parseStatuses([{ id: '5', name: 'Legacy', statusCategory: { id: 1, key: 'undefined' } }]);
    expect(result.ok && result.value.byId.size).toBe(0);
  });

  it('names the path of each malformed status', () => {
    const result = parseStatuses(
      [{ id: '1', name: 'Open', statusCategory: { key: 'new' } }, 'Done', { id: '', name: 3 }],
      '$statuses',
    );
    expect(result.ok ? [] : result.problems.map((p) => formatProblem(p, 'statuses.json'))).toEqual([
      'statuses.json: $statuses[1]: expected a status object [statuses.invalid]',
      'statuses.json: $statuses[2].id: expected a status id [statuses.invalid]',
      'statuses.json: $statuses[2].name: expected a status name [statuses.invalid]',
    ]);
    expect(parseStatuses({ statuses: [] }).ok).toBe(false);
  });
});

describe('statusCategoryKey', () => {
  it.each([
    ['new', 'new'],
    [2, 'new'],
    ['IN_PROGRESS', 'indeterminate'],
    ['4', 'indeterminate'],
    ['done', 'done'],
    ['undefined', undefined],
    [null, undefined],
  ])('reads %j as %s', (raw, key) => {
    expect(statusCategoryKey(raw)).toBe(key);
  });
});
