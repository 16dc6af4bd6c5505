/**
 * An agreement's JQL checked against the sandbox's simulated site as the admin saves and previews it: an unknown
 * field refuses the save and stores nothing, an unknown value saves with a warning, and Jira being down never
 * blocks a save.
 */
import type { Agreement } from '../../src/engine/agreement/types';
import type { Problem } from '../../src/engine/errors';
import { JiraError } from '../../src/app/ports';
import type { CallContext } from '../../src/app/resolvers/context';
import { dispatch } from '../../src/app/resolvers/dispatch';
import { exampleAgreements, makeWorld } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const admin: CallContext = { accountId: 'chris-admin', accountType: 'licensed', module: 'admin' };
const agent: CallContext = { accountId: 'alex-agent', accountType: 'licensed', module: 'admin' };

let world: World;
afterEach(async () => {
  await world.close();
});

/** A copy of the Gold SLA under a new id, with `appliesTo` and the first goal's `when` as given. */
function draft(appliesTo: string, firstWhen?: string): Agreement {
  const gold = structuredClone(exampleAgreements.find((a) => a.id === 'gold'));
  if (!gold) throw new Error('the examples have no gold agreement');
  const metric = gold.metrics[0];
  const goal = metric?.goals[0];
  if (goal && firstWhen !== undefined) goal.when = firstWhen;
  return { ...gold, id: 'typo', name: 'Typo', appliesTo };
}

const saveAs = (ctx: CallContext, agreement: Agreement) =>
  dispatch(world.deps, 'agreements/save', { agreement, expectedVersion: 0 }, ctx);

interface Saved {
  readonly version: number;
  readonly siteCheck: { readonly status: string; readonly warnings: readonly Problem[] };
}

describe("agreements' JQL against the site", () => {
  it('refuses "project = IT AND stauts = Open" at save, suggesting "status", and stores nothing', async () => {
    world = await makeWorld();
    const reply = await saveAs(admin, draft('project = IT AND stauts = Open'));
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid-config',
        reason: 'agreement-fields-unknown',
        params: {},
        message: 'The agreement names fields this Jira site does not have; nothing was saved.',
        problems: [
          expect.objectContaining({
            code: 'jql.unknown-field',
            path: '$.agreement.appliesTo',
            column: 18,
            detail: { key: 'jql.unknown-field', values: { field: 'stauts', count: 1, nearest0: 'status' } },
          }),
        ],
      },
    });
    expect(await world.store.config.get('agreement', 'typo')).toBeUndefined();
    expect((await world.store.audit.list({ limit: 10 })).map((e) => e.entityId)).not.toContain('typo');

    const foo = await saveAs(admin, draft('foo = bar'));
    expect(foo.ok ? [] : foo.error.problems?.map((p) => p.message)).toEqual([
      'Unknown field "foo": this site has no field of that name in "foo = bar"',
    ]);
  });

  it('saves "priority = Hihg" with a warning that suggests "High"', async () => {
    world = await makeWorld();
    const reply = await saveAs(admin, draft('project = IT', 'priority = Hihg'));
    if (!reply.ok) throw new Error(reply.error.message);
    const saved = reply.data as Saved;
    expect(saved.version).toBe(1);
    expect(saved.siteCheck).toEqual({
      status: 'checked',
      warnings: [
        expect.objectContaining({
          code: 'jql.unknown-value',
          path: '$.agreement.metrics[0].goals[0].when',
          column: 12,
          detail: {
            key: 'jql.unknown-value',
            values: { field: 'priority', value: 'Hihg', count: 1, nearest0: 'High' },
          },
        }),
      ],
    });
    expect((await world.store.config.get('agreement', 'typo'))?.body?.metrics[0]?.goals[0]?.when).toBe(
      'priority = Hihg',
    );
  });

  it("reads the site's vocabulary once for many saves and previews", async () => {
    world = await makeWorld();
    for (let i = 0; i < 3; i++) {
      await dispatch(
        world.deps,
        'agreements/preview',
        { agreement: draft('project = IT'), projectKey: 'IT' },
        admin,
      );
    }
    await saveAs(admin, draft('project = IT'));
    expect(world.jira.calls.get('GET /rest/api/3/field')).toBe(1);
  });

  it('saves unchecked, and says so, when Jira cannot be read', async () => {
    world = await makeWorld();
    world.jira.getSiteVocabulary = () => Promise.reject(new JiraError('Jira: unavailable (503)', 503, true));
    const reply = await saveAs(admin, draft('project = IT AND stauts = Open'));
    if (!reply.ok) throw new Error(reply.error.message);
    expect((reply.data as Saved).siteCheck).toEqual({
      status: 'skipped',
      reason: 'jira-unreadable',
      warnings: [],
    });
    expect((await world.store.config.get('agreement', 'typo'))?.version).toBe(1);
    expect(world.logger.entries).toContainEqual(
      expect.objectContaining({ code: 'site.unread', status: 503 }),
    );
  });

  it('refuses the typo in the fit check too, and reports unknown values there', async () => {
    world = await makeWorld();
    const refused = await dispatch(
      world.deps,
      'agreements/preview',
      { agreement: draft('project = IT AND stauts = Open'), projectKey: 'IT' },
      admin,
    );
    expect(refused.ok ? null : refused.error.problems?.map((p) => [p.code, p.path, p.column])).toEqual([
      ['jql.unknown-field', '$.agreement.appliesTo', 18],
    ]);
    const warned = await dispatch(
      world.deps,
      'agreements/preview',
      { agreement: draft('project = IT', 'priority = Hihg'), projectKey: 'IT' },
      admin,
    );
    if (!warned.ok) throw new Error(warned.error.message);
    expect((warned.data as Saved).siteCheck.warnings.map((p) => p.code)).toEqual(['jql.unknown-value']);
  });

  it('reads nothing of the site for a caller who may not save', async () => {
    world = await makeWorld();
    const reply = await saveAs(agent, draft('stauts = Open'));
    expect(reply.ok ? null : reply.error.code).toBe('forbidden');
    expect(world.jira.calls.get('GET /rest/api/3/field')).toBeUndefined();
  });
});
