import { ForgeJira } from './forge-jira';
import { FakeJira, ok, recordingSleep } from './testing';

/** `GET /rest/api/3/user?accountId=`: a `User`, whose `locale` Jira writes `de_DE`; customers' often have none. */
function adapterOver(jira: FakeJira) {
  const { sleep } = recordingSleep();
  return new ForgeJira({ fetch: jira.fetch, appId: 'app-1', environment: 'DEVELOPMENT', sleep });
}

describe('getUserProfile', () => {
  it('reads the language as BCP 47 and the zone, as the app', async () => {
    const jira = new FakeJira().on(
      'GET',
      '/rest/api/3/user',
      ok({
        accountId: 'qm:1',
        accountType: 'customer',
        displayName: 'Anna',
        active: true,
        locale: 'de_DE',
        timeZone: 'Europe/Berlin',
      }),
    );
    await expect(adapterOver(jira).getUserProfile('qm:1')).resolves.toEqual({
      accountId: 'qm:1',
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
    });
    expect(jira.calls.map((c) => [c.as, c.query.get('accountId')])).toEqual([['app', 'qm:1']]);
  });

  it('leaves out what the profile does not tell, and answers undefined for an unknown account', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/user', (call) =>
      call.query.get('accountId') === 'gone'
        ? { status: 404, json: { errorMessages: ['no user'] } }
        : ok({ accountId: 'qm:2', locale: 'not a locale' }),
    );
    const adapter = adapterOver(jira);
    await expect(adapter.getUserProfile('qm:2')).resolves.toEqual({ accountId: 'qm:2' });
    await expect(adapter.getUserProfile('gone')).resolves.toBeUndefined();
  });
});
