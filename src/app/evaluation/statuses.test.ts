import type { EpochMs } from '../../engine/time/units';
import type { JiraPort } from '../ports';
import { StatusCache } from './statuses';

const site = [
  { id: '1', name: 'Open', statusCategory: { key: 'new' } },
  { id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } },
  { id: '4', name: 'Waiting for customer', statusCategory: { key: 'indeterminate' } },
  { id: '5', name: 'Resolved', statusCategory: { key: 'done' } },
  { id: '6', name: 'Closed', statusCategory: { key: 'done' } },
];

/** A Jira that answers status reads and counts them. */
function statusJira() {
  const reads: string[] = [];
  const jira = {
    getStatuses: () => {
      reads.push('all');
      return Promise.resolve(site);
    },
    getStatus: (idOrName: string) => {
      reads.push(idOrName);
      return Promise.resolve(site.find((s) => s.id === idOrName));
    },
  } as unknown as JiraPort;
  return { jira, reads };
}

const issue = (current: string, moves: readonly [string, string][]) => ({
  fields: { status: site.find((s) => s.id === current) },
  changelog: {
    histories: moves.map(([from, to]) => ({
      items: [{ field: 'status', from, to, fromString: '', toString: '' }],
    })),
  },
});

describe('StatusCache', () => {
  it('reads only the statuses an issue has left that it does not know, once', async () => {
    const { jira, reads } = statusJira();
    const cache = new StatusCache(jira, { now: () => 0 as EpochMs });

    const catalog = await cache.forIssue(issue('3', [['1', '3']]));
    // The current status came with the issue; only "Open", which the issue left, was read.
    expect(reads).toEqual(['1']);
    expect(catalog?.byId.get('1')).toBe('new');
    expect(catalog?.byId.get('3')).toBe('indeterminate');

    await cache.forIssue(
      issue('5', [
        ['1', '3'],
        ['3', '5'],
      ]),
    );
    expect(reads).toEqual(['1']);
  });

  it('reads the whole list when an issue names many unknown statuses', async () => {
    const { jira, reads } = statusJira();
    const cache = new StatusCache(jira, { now: () => 0 as EpochMs });
    const catalog = await cache.forIssue(
      issue('6', [
        ['1', '3'],
        ['3', '4'],
        ['4', '5'],
        ['5', '6'],
      ]),
    );
    expect(reads).toEqual(['all']);
    expect(catalog?.byId.get('4')).toBe('indeterminate');
  });

  it('reads nothing for an issue that never changed status', async () => {
    const { jira, reads } = statusJira();
    const catalog = await new StatusCache(jira, { now: () => 0 as EpochMs }).forIssue(issue('1', []));
    expect(reads).toEqual([]);
    expect(catalog?.byId.size).toBe(0);
  });
});
