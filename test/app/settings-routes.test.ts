import { dispatch } from '../../src/app/resolvers/dispatch';
import type { PortalCommitments } from '../../src/app/resolvers/portal-routes';
import { purposeOf } from '../../src/app/resolvers/portal-routes';
import type { ProjectPreview } from '../../src/app/resolvers/settings-routes';
import { acme, exampleAgreements, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

// Alex administers the IT project (not Jira); Erik is only an agent there.
const projectAdmin = {
  accountId: 'alex-agent',
  accountType: 'licensed' as const,
  module: 'project-settings' as const,
  projectKey: 'IT',
};
const agent = {
  accountId: 'erik-agent',
  accountType: 'licensed' as const,
  module: 'project-settings' as const,
  projectKey: 'IT',
};
const customer = { accountId: 'carla-customer', accountType: 'customer' as const, module: 'portal' as const };

const data = (reply: Awaited<ReturnType<typeof dispatch>>): unknown => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};

describe('projects/save', () => {
  it('saves the order when the list is still the one loaded, and refuses a stale list with conflict', async () => {
    world = await makeWorld();
    const loaded = await world.store.config.projectAgreements('IT');
    expect(loaded).toEqual(['gold', 'second-level', 'netco-uc']);
    const saved = await dispatch(
      world.deps,
      'projects/save',
      { projectKey: 'IT', agreementIds: ['second-level', 'gold'], expected: loaded },
      projectAdmin,
    );
    expect(data(saved)).toEqual({ projectKey: 'IT', agreementIds: ['second-level', 'gold'] });
    expect(await world.store.config.projectAgreements('IT')).toEqual(['second-level', 'gold']);

    // A second admin who loaded the page before that save would undo it: refused, nothing written.
    const stale = await dispatch(
      world.deps,
      'projects/save',
      { projectKey: 'IT', agreementIds: ['netco-uc'], expected: loaded },
      projectAdmin,
    );
    expect(stale).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict' }) });
    expect(await world.store.config.projectAgreements('IT')).toEqual(['second-level', 'gold']);
  });

  it('refuses someone who does not administer the project, duplicates and unknown agreements', async () => {
    world = await makeWorld();
    const expected = await world.store.config.projectAgreements('IT');
    const refused = await dispatch(
      world.deps,
      'projects/save',
      { projectKey: 'IT', agreementIds: [], expected },
      agent,
    );
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    const twice = await dispatch(
      world.deps,
      'projects/save',
      { projectKey: 'IT', agreementIds: ['gold', 'gold'], expected },
      projectAdmin,
    );
    expect(twice).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-payload' }) });
    const unknown = await dispatch(
      world.deps,
      'projects/save',
      { projectKey: 'IT', agreementIds: ['platinum'], expected },
      projectAdmin,
    );
    expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    expect(await world.store.config.projectAgreements('IT')).toEqual(expected);
  });
});

describe('projects/preview', () => {
  it('tells per recent issue what each listed agreement would measure, beside what applies now', async () => {
    world = await makeWorld();
    const answered = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.advance(10 * MINUTE);
    world.site.comment(answered.id, 'alex-agent', 'Looking into it');
    await world.advance(10 * MINUTE);
    const waiting = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.advance(3 * 60 * MINUTE); // Medium: first response within 120 working minutes

    // Only the SLA, as the draft: the OLA and the UC would no longer apply.
    const preview = data(
      await dispatch(
        world.deps,
        'projects/preview',
        { projectKey: 'IT', agreementIds: ['gold'] },
        projectAdmin,
      ),
    ) as ProjectPreview;
    expect(preview.issues).toBe(2);
    expect(preview.agreements.map((a) => [a.id, a.issues])).toEqual([['gold', 2]]);
    expect(preview.agreements[0]?.metrics[0]).toEqual({
      id: 'first-response',
      name: 'Time to first response',
      counts: { met: 1, breached: 1, running: 0, paused: 0, 'not-started': 0 },
    });
    // Newest first.
    expect(
      preview.rows.map((r) => [r.issueKey, r.outcomes.map((o) => `${o.metricId}:${o.outcome}`)]),
    ).toEqual([
      [waiting.key, ['first-response:breached', 'resolution:running']],
      [answered.key, ['first-response:met', 'resolution:running']],
    ]);
    expect(preview.rows[0]?.before).toEqual(['gold', 'second-level']);
  });

  it('previews the agreements that select their own issues when the list is empty, as a project without one gets', async () => {
    world = await makeWorld();
    world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    const preview = data(
      await dispatch(world.deps, 'projects/preview', { projectKey: 'IT', agreementIds: [] }, projectAdmin),
    ) as ProjectPreview;
    expect(preview.agreements.map((a) => a.id).sort()).toEqual(['gold', 'netco-uc', 'second-level']);
    expect(
      await dispatch(world.deps, 'projects/preview', { projectKey: 'IT', agreementIds: [] }, agent),
    ).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });
});

describe('portal/commitments', () => {
  const commitments = async (issueId: string) =>
    (data(await dispatch(world.deps, 'portal/commitments', { issueId }, customer)) as PortalCommitments)
      .commitments;

  it('words the customer-visible SLA only: due, met, paused while waiting for the customer', async () => {
    world = await makeWorld();
    // The OLA and the UC run on this request too (the team moves to Second Level, then to NetCo on a Network
    // request), so that the reply leaving them out is the customer-visible filter's doing.
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme, components: ['Network'] });
    world.site.setTeam(issue.id, 'alex-agent', 'Second Level');
    await world.drain();
    const started = async () =>
      (await world.store.results.forIssue(issue.id))
        .filter((r) => r.result.state !== 'not-started')
        .map((r) => r.agreementId);
    expect(await started()).toContain('second-level');
    expect(await commitments(issue.id)).toEqual([
      expect.objectContaining({ purpose: 'response', state: 'running', due: '2026-03-02T10:00:00.000Z' }),
      expect.objectContaining({ purpose: 'resolution', state: 'running', waitingForYou: false }),
    ]);

    await world.advance(10 * MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'Could you send a screenshot?');
    world.site.transition(issue.id, 'alex-agent', 'Waiting for customer');
    world.site.setTeam(issue.id, 'alex-agent', 'NetCo');
    await world.advance(5 * MINUTE);
    expect(await started()).toEqual(expect.arrayContaining(['second-level', 'netco-uc']));
    expect(await commitments(issue.id)).toHaveLength(2);
    const [response, resolution] = await commitments(issue.id);
    expect(response).toEqual(
      expect.objectContaining({ state: 'met', completedAt: '2026-03-02T08:10:00.000Z', due: null }),
    );
    expect(resolution).toEqual(
      expect.objectContaining({ state: 'paused', waitingForYou: true, due: null, completedAt: null }),
    );
    const reply = JSON.stringify(await commitments(issue.id));
    expect(reply).not.toMatch(/second-level|netco|gold|OLA|UC|Waiting for customer|status/i);
  });

  it('says overdue once the deadline passed, and refuses someone the request is not shared with', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme, components: ['Network'] });
    world.site.setTeam(issue.id, 'alex-agent', 'NetCo');
    await world.advance(125 * MINUTE);
    // The carrier's UC runs on this request too; only gold's two commitments show.
    expect(
      (await world.store.results.forIssue(issue.id)).map((r) => [r.agreementId, r.state]),
    ).toContainEqual(['netco-uc', 'running']);
    expect(await commitments(issue.id)).toHaveLength(2);
    expect((await commitments(issue.id))[0]).toEqual(
      expect.objectContaining({ purpose: 'response', state: 'overdue', due: '2026-03-02T10:00:00.000Z' }),
    );
    expect(
      await dispatch(
        world.deps,
        'portal/commitments',
        { issueId: issue.id },
        { accountId: 'dan-customer', accountType: 'customer' as const, module: 'portal' },
      ),
    ).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('lists two SLAs’ commitments of one purpose in the order of the project’s list', async () => {
    const gold = exampleAgreements.find((a) => a.id === 'gold')!;
    const platinum = {
      ...gold,
      id: 'platinum',
      name: 'Platinum support',
      metrics: gold.metrics.map((m) => ({ ...m, name: `Platinum ${m.name.toLowerCase()}` })),
    };
    world = await makeWorld({ agreements: [gold, platinum] });
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    const names = async () => (await commitments(issue.id)).map((c) => c.name);
    expect(await names()).toEqual([
      'Time to first response',
      'Platinum time to first response',
      'Time to resolution',
      'Platinum time to resolution',
    ]);
    await world.store.config.setProjectAgreements('IT', ['platinum', 'gold']);
    expect(await names()).toEqual([
      'Platinum time to first response',
      'Time to first response',
      'Platinum time to resolution',
      'Time to resolution',
    ]);
  });

  it('reads a metric’s purpose from how it stops', () => {
    expect(purposeOf({ stop: [{ event: 'comment', by: 'agent', public: true }] })).toBe('response');
    expect(purposeOf({ stop: [{ event: 'resolution', change: 'set' }] })).toBe('resolution');
    expect(purposeOf({ stop: [{ event: 'status', toCategory: 'done' }] })).toBe('resolution');
    expect(purposeOf({ stop: [{ event: 'assignee', change: 'set' }] })).toBe('other');
    expect(purposeOf({ stop: [{ event: 'comment', by: 'agent', public: false }] })).toBe('other');
  });
});
