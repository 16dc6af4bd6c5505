import { USERS_PER_CALL } from '../../app/ports';
import { ForgeJira } from './forge-jira';
import { FakeJira, ok, times, user } from './testing';

const BULK = '/rest/api/3/user/bulk';

function adapterOver(jira: FakeJira): ForgeJira {
  return new ForgeJira({ fetch: jira.fetch, appId: 'app-1', environment: 'DEVELOPMENT' });
}

/** Jira's `PageBeanUser` for a call: the known ids among those asked, from `startAt`, at most `pageSize`. */
function bulkReply(known: ReadonlySet<string>, pageSize: number) {
  return (call: { query: URLSearchParams }) => {
    const startAt = Number(call.query.get('startAt') ?? 0);
    const found = call.query.getAll('accountId').filter((id) => known.has(id));
    const values = found.slice(startAt, startAt + pageSize).map((id) => user(id));
    return ok({
      startAt,
      maxResults: pageSize,
      total: found.length,
      isLast: startAt + pageSize >= found.length,
      values,
    });
  };
}

describe('getUsers', () => {
  // A duplicate id is asked for once.
  it(`asks for ${USERS_PER_CALL} account ids a call, each as its own accountId parameter, as the app`, async () => {
    const ids = times(USERS_PER_CALL + 50, (i) => `acct-${i}`);
    const jira = new FakeJira().on('GET', BULK, bulkReply(new Set(ids), USERS_PER_CALL));
    const users = await adapterOver(jira).getUsers([...ids, 'acct-1']);
    const calls = jira.callsTo('GET', BULK);
    expect(calls.map((c) => [c.as, c.query.getAll('accountId').length])).toEqual([
      ['app', USERS_PER_CALL],
      ['app', 50],
    ]);
    expect(users).toHaveLength(ids.length);
    expect(users[0]).toEqual({
      accountId: 'acct-1',
      displayName: 'User acct-1',
      active: true,
      accountType: 'atlassian',
    });
  });

  it('reads every page Jira gives, and leaves out the ids it does not know', async () => {
    // A Jira answering 10 a page (its default) still yields every known person.
    const known = new Set(times(25, (i) => `acct-${i}`));
    const jira = new FakeJira().on('GET', BULK, bulkReply(known, 10));
    const users = await adapterOver(jira).getUsers([...known, 'deleted-1']);
    expect(users.map((u) => u.accountId)).toEqual([...known]);
    expect(jira.callsTo('GET', BULK).map((c) => c.query.get('startAt'))).toEqual(['0', '10', '20']);
  });

  it('gives each account’s kind when Jira names it, and none when it does not', async () => {
    const jira = new FakeJira().on(
      'GET',
      BULK,
      ok({
        isLast: true,
        values: [user('carla', 'customer'), { accountId: 'old', displayName: 'Old', active: false }],
      }),
    );
    const users = await adapterOver(jira).getUsers(['carla', 'old']);
    expect(users.map((u) => [u.accountId, u.accountType])).toEqual([
      ['carla', 'customer'],
      ['old', undefined],
    ]);
  });

  it('refuses a reply of another shape, naming the call', async () => {
    const jira = new FakeJira().on('GET', BULK, ok({ values: [{ accountId: 'a' }] }));
    await expect(adapterOver(jira).getUsers(['a'])).rejects.toThrow(/GET \/rest\/api\/3\/user\/bulk/);
  });
});
