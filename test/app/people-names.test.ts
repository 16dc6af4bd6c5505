/**
 * `people/names`: display names for account ids, read from the site's Jira in bulk and kept for some minutes, for
 * licensed users only, and bounded per call.
 */
import { PEOPLE_TTL_MS } from '../../src/app/people/people-cache';
import type { CallContext } from '../../src/app/resolvers/context';
import { dispatch } from '../../src/app/resolvers/dispatch';
import { MAX_NAMES } from '../../src/app/resolvers/people-routes';
import { makeWorld } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const agent: CallContext = { accountId: 'alex-agent', accountType: 'licensed', module: 'issue-panel' };
const customer: CallContext = { accountId: 'carla-customer', accountType: 'customer', module: 'portal' };
const BULK = 'GET /rest/api/3/user/bulk';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(async () => {
  await world.close();
});

const bulkCalls = () => world.jira.calls.get(BULK) ?? 0;
const names = (accountIds: readonly string[], ctx: CallContext = agent) =>
  dispatch(world.deps, 'people/names', { accountIds }, ctx);

describe('people/names', () => {
  it('names many people in one bulk read, and says which accounts Jira does not know', async () => {
    const reply = await names(['chris-admin', 'bea-second', 'gone-user', 'chris-admin']);
    expect(reply).toEqual({
      ok: true,
      data: {
        people: [
          { accountId: 'chris-admin', known: true, displayName: 'Chris Admin', active: true },
          { accountId: 'bea-second', known: true, displayName: 'Bea Second-Level', active: true },
          { accountId: 'gone-user', known: false },
        ],
      },
    });
    expect(bulkCalls()).toBe(1);
  });

  it('answers from its cache for some minutes, then asks Jira again', async () => {
    await names(['chris-admin', 'gone-user']);
    // The same people again, an unknown one included: no second read while the names are fresh.
    await names(['gone-user', 'chris-admin']);
    expect(bulkCalls()).toBe(1);
    // A new id alone is read, not the ones already known.
    await names(['chris-admin', 'erik-agent']);
    expect(bulkCalls()).toBe(2);
    world.clock.advance(PEOPLE_TTL_MS);
    await names(['chris-admin']);
    expect(bulkCalls()).toBe(3);
  });

  it('refuses a customer, whatever Jira would let them see', async () => {
    const reply = await names(['chris-admin'], customer);
    expect(reply.ok ? 'ok' : reply.error.code).toBe('forbidden');
    expect(bulkCalls()).toBe(0);
  });

  it(`takes at most ${MAX_NAMES} account ids a call, and at least one`, async () => {
    const many = Array.from({ length: MAX_NAMES + 1 }, (_, i) => `user-${i}`);
    const over = await names(many);
    expect(over.ok ? 'ok' : [over.error.code, over.error.message]).toEqual([
      'invalid-payload',
      expect.stringContaining(`$.accountIds: At most ${MAX_NAMES} entries`),
    ]);
    const none = await names([]);
    expect(none.ok ? 'ok' : none.error.code).toBe('invalid-payload');
    expect(bulkCalls()).toBe(0);
    expect((await names(many.slice(0, MAX_NAMES))).ok).toBe(true);
  });
});
