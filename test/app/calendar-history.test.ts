import { dispatch } from '../../src/app/resolvers/dispatch';
import { exampleAgreements, exampleCalendars, makeWorld } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };
// Alex administers the IT project (not Jira).
const projectAdmin = {
  accountId: 'alex-agent',
  accountType: 'licensed' as const,
  module: 'project-settings' as const,
  projectKey: 'IT',
};

const versions = (reply: Awaited<ReturnType<typeof dispatch>>): number[] => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return (reply.data as { version: number }[]).map((v) => v.version);
};

describe('calendars/history', () => {
  it('lists every saved version for a Jira admin, and from a project only the calendars its agreements use', async () => {
    // IT holds only the UC, which counts on "always"; "berlin-9-17" is out of the project's reach.
    world = await makeWorld({ agreements: exampleAgreements.filter((a) => a.id === 'netco-uc') });
    const berlin = exampleCalendars.find((c) => c.id === 'berlin-9-17')!;
    const saved = await dispatch(
      world.deps,
      'calendars/save',
      { calendar: { ...berlin, name: 'Berlin office' }, expectedVersion: 1 },
      admin,
    );
    expect(saved.ok).toBe(true);

    expect(versions(await dispatch(world.deps, 'calendars/history', { id: 'berlin-9-17' }, admin))).toEqual([
      1, 2,
    ]);
    expect(
      versions(await dispatch(world.deps, 'calendars/history', { id: 'berlin-9-17' }, projectAdmin)),
    ).toEqual([]);
    expect(versions(await dispatch(world.deps, 'calendars/history', { id: 'always' }, projectAdmin))).toEqual(
      [1],
    );
    expect(versions(await dispatch(world.deps, 'calendars/history', { id: 'nowhere' }, admin))).toEqual([]);
  });
});
