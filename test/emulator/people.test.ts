/**
 * `people/names` on the Forge emulator: the real handler and the real `@forge/api` read Jira's bulk user lookup
 * (`GET /rest/api/3/user/bulk`) at the platform's wire, and a second look within the cache's minutes costs Jira
 * nothing.
 */
import type { ForgeEmulator } from './emulator';
import { describeOnMysql, startEmulator } from './support';

const BULK = 'GET /rest/api/3/user/bulk';

/** Settles `work` while playing virtual time (a resolver call costs virtual latency). */
async function played<T>(emulator: ForgeEmulator, work: Promise<T>): Promise<T> {
  const state = { done: false };
  work.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  while (!state.done) await emulator.advance(1000);
  return work;
}

describeOnMysql('Forge emulator: people by name', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('names the site’s people through Jira’s bulk lookup, once, and says which it does not know', async () => {
    emulator = await startEmulator(url, { seeded: true });
    const e = emulator;
    const ask = () =>
      played(
        e,
        e.invokeResolver(
          'people/names',
          { accountIds: ['chris-admin', 'bea-second', 'gone-user'] },
          { accountId: 'alex-agent', moduleKey: 'accord-admin' },
        ),
      );
    const expected = {
      ok: true,
      data: {
        people: [
          { accountId: 'chris-admin', known: true, displayName: 'Chris Admin', active: true },
          { accountId: 'bea-second', known: true, displayName: 'Bea Second-Level', active: true },
          { accountId: 'gone-user', known: false },
        ],
      },
    };
    expect(await ask()).toEqual(expected);
    const calls = e.jira.counters.byEndpoint[BULK] ?? 0;
    expect(calls).toBe(1);
    expect(await ask()).toEqual(expected);
    expect(e.jira.counters.byEndpoint[BULK] ?? 0).toBe(calls);
  });
});
