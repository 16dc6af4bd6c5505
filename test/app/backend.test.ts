import { dispatch } from '../../src/app/resolvers/dispatch';
import { processIssueEvents } from '../../src/app/evaluation/process-events';
import { processDue } from '../../src/app/evaluation/process-due';
import { sweep } from '../../src/app/evaluation/sweep';
import { evaluateStored } from '../../src/app/evaluation/evaluate-issue';
import { runJobStep, startJob } from '../../src/app/jobs/recalculate';
import { acme, exampleAgreements, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

const resultsOf = async (issueId: string) =>
  (await world.store.results.forIssue(issueId))
    .map((r) => [r.agreementId, r.metricId, r.state, r.result.cycles.length])
    .sort();

describe('issue events to stored results', () => {
  it('measures a new request, stores its history and results, and writes the custom fields', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    expect(await resultsOf(issue.id)).toEqual([
      ['gold', 'first-response', 'running', 1],
      ['gold', 'resolution', 'running', 1],
      ['second-level', 'handling', 'not-started', 0],
    ]);
    expect(await world.store.histories.get(issue.id)).toEqual(
      expect.objectContaining({ issueKey: 'IT-1', projectKey: 'IT' }),
    );
    expect(Object.fromEntries(world.site.customFieldValues.get(issue.id) ?? [])).toEqual({
      'next-deadline': '2026-03-02T10:00:00.000Z', // Medium: first response within 120 working minutes
      'sla-state': 'running',
    });
    expect(world.publisher.published.map((p) => p.channel)).toContain(`accord:issue:${issue.id}`);
  });

  it('reads Jira at most twice per event on average', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    world.site.comment(issue.id, 'alex-agent', 'Looking into it');
    world.site.transition(issue.id, 'alex-agent', 'In Progress');
    await world.drain();
    const reads = [...world.jira.calls]
      .filter(([k]) => k.startsWith('GET') || k.includes('bulkfetch'))
      .reduce((n, [, c]) => n + c, 0);
    expect(reads / 3).toBeLessThanOrEqual(2);
  });

  it('converges to the same stored state when events arrive twice, late or out of order', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    // A consumer reads the new request, then stalls; meanwhile the agent answers and that event is stored.
    const stalled = await world.jira.getIssue(issue.id);
    world.clock.advance(10 * MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'On it');
    await world.drain();
    const applied = await world.store.histories.get(issue.id);
    const appliedResults = await world.store.results.forIssue(issue.id);
    // The same event again, twice in one batch (each a full read), then the stalled consumer's snapshot, last.
    await processIssueEvents(world.deps, [
      { type: 'issue', issueId: issue.id },
      { type: 'issue', issueId: issue.id },
    ]);
    const once = await world.store.results.forIssue(issue.id);
    const history = await world.store.histories.get(issue.id);
    expect(once.find((r) => r.metricId === 'first-response')?.state).toBe('met');
    // The comment was applied from its event; the full reads found the same history and results.
    const content = (data: object | undefined) => ({ ...data, applied: undefined, accounts: undefined });
    expect(content(history?.data)).toEqual(content(applied?.data));
    const unstamped = (rows: readonly object[]) => rows.map((r) => ({ ...r, stamp: undefined }));
    expect(unstamped(once)).toEqual(unstamped(appliedResults));
    const getIssue = world.jira.getIssue.bind(world.jira);
    world.jira.getIssue = () => Promise.resolve(stalled);
    const late = await processIssueEvents(world.deps, [{ type: 'issue', issueId: issue.id }]);
    world.jira.getIssue = getIssue;
    expect(late.outcomes).toEqual([{ kind: 'stale', issueId: issue.id }]);
    expect(await world.store.histories.get(issue.id)).toEqual(history);
    expect(await world.store.results.forIssue(issue.id)).toEqual(once);
  });

  it('never lets an evaluation of an older history overwrite a newer one', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    const older = await world.store.histories.get(issue.id);
    world.clock.advance(10 * MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'Answered');
    await world.drain();
    const late = await evaluateStored(world.deps, older!, world.clock.now());
    expect(late.kind).toBe('stale');
    expect(await resultsOf(issue.id)).toContainEqual(['gold', 'first-response', 'met', 1]);
  });

  it('takes a deleted comment as a newer history: a first response that no longer exists is not met', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    world.clock.advance(10 * MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'Wrong request, sorry');
    await world.drain();
    expect(await resultsOf(issue.id)).toContainEqual(['gold', 'first-response', 'met', 1]);
    const before = (await world.store.histories.get(issue.id))!.stamp;
    // Deleting the comment changes neither `updated` nor the changelog; the read that follows still wins.
    world.clock.advance(MINUTE);
    const [commentId] = issue.commentIds();
    world.site.deleteComment(issue.id, 'alex-agent', commentId!);
    await world.drain();
    expect((await world.store.histories.get(issue.id))!.stamp > before).toBe(true);
    expect(await resultsOf(issue.id)).toContainEqual(['gold', 'first-response', 'running', 1]);
  });

  it('removes everything stored when the issue is deleted', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    world.site.delete(issue.id, 'chris-admin');
    await world.drain();
    expect(await world.store.results.forIssue(issue.id)).toEqual([]);
    expect(await world.store.histories.get(issue.id)).toBeUndefined();
  });
});

describe('thresholds and breaches', () => {
  it('comments once at 75 % of the first response, whatever the number of sweeps and deliveries', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.advance(95 * MINUTE); // 75 % of 120 working minutes is 90
    // More sweeps and duplicate due events: nothing more happens.
    await sweep(world.deps);
    await processDue(world.deps, { type: 'due', issueId: issue.id, at: world.clock.now() });
    await world.drain();
    const comments = (issue.json().fields as { comment: { comments: { author: { accountType: string } }[] } })
      .comment.comments;
    expect(comments.filter((c) => c.author.accountType === 'app')).toHaveLength(1);
  });

  it('marks a breach in the custom fields when the deadline passes, with no Jira event', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.advance(125 * MINUTE);
    expect(world.site.customFieldValues.get(issue.id)?.get('sla-state')).toBe('breached');
    const first = (await world.store.results.forIssue(issue.id)).find((r) => r.metricId === 'first-response');
    expect(first?.breached).toBe(true);
  });

  it('says breached in "SLA state" when only an OLA or UC metric breached', async () => {
    world = await makeWorld();
    // No organization: gold does not apply; the carrier's UC (4 h, 24/7) runs from the hand-over to NetCo.
    const issue = world.site.create({ reporter: 'carla-customer', components: ['Network'] });
    world.site.setTeam(issue.id, 'alex-agent', 'NetCo');
    await world.advance(200 * MINUTE);
    expect(world.site.customFieldValues.get(issue.id)?.get('sla-state')).toBe('running');
    await world.advance(45 * MINUTE);
    expect((await world.store.results.forIssue(issue.id)).map((r) => r.kind)).not.toContain('SLA');
    expect(world.site.customFieldValues.get(issue.id)?.get('sla-state')).toBe('breached');
  });

  it('retries an action that failed once, and performs it exactly once', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    const addComment = world.jira.addComment.bind(world.jira);
    let failures = 1;
    world.jira.addComment = async (...args) => {
      if (failures-- > 0) throw new Error('Jira said 503');
      return addComment(...args);
    };
    await world.advance(95 * MINUTE);
    await world.advance(5 * MINUTE); // the retry is queued 60 s later
    const log = await world.store.actions.forIssue(issue.id);
    expect(log).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })]);
    const comments = (issue.json().fields as { comment: { comments: { author: { accountType: string } }[] } })
      .comment.comments;
    expect(comments.filter((c) => c.author.accountType === 'app')).toHaveLength(1);
  });
});

describe('recalculation jobs', () => {
  it('resumes from its checkpoint after being killed half-way, with no Jira call, and can be cancelled', async () => {
    world = await makeWorld();
    for (let i = 0; i < 450; i++) world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    const callsBefore = world.jira.totalCalls();
    const job = await startJob(
      world.deps,
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true },
      'chris-admin',
    );
    world.queue.take(); // the consumer that took the job event dies before doing anything
    const first = await runJobStep(world.deps, job.id, 0); // one page, then out of time: checkpoint and continue
    expect(first).toEqual(expect.objectContaining({ state: 'running', done: 200, total: 450 }));
    const resumed = await runJobStep(world.deps, job.id);
    expect(resumed).toEqual(expect.objectContaining({ state: 'done', done: 450, failed: 0 }));
    expect(world.jira.totalCalls() - callsBefore).toBe(0);

    const again = await startJob(
      world.deps,
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true },
      'chris-admin',
    );
    await world.store.jobs.requestCancel(again.id);
    expect(await runJobStep(world.deps, again.id)).toEqual(expect.objectContaining({ state: 'cancelled' }));
  });
});

describe('resolvers', () => {
  const customer = {
    accountId: 'carla-customer',
    accountType: 'customer' as const,
    module: 'admin' as const,
  };
  const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };

  it('refuses every configuration route to a customer, and issue data to someone who cannot browse it', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    const calls: [string, unknown][] = [
      ['calendars/list', {}],
      ['calendars/get', { id: 'always' }],
      ['calendars/history', { id: 'always' }],
      ['calendars/save', { calendar: {}, expectedVersion: 1 }],
      ['calendars/delete', { id: 'always', expectedVersion: 1 }],
      ['calendars/preview-ics', { text: '' }],
      ['agreements/list', {}],
      ['agreements/get', { id: 'gold' }],
      ['agreements/history', { id: 'gold' }],
      ['agreements/save', { agreement: {}, expectedVersion: 1 }],
      ['agreements/delete', { id: 'gold', expectedVersion: 1 }],
      ['agreements/preview', { agreement: {}, projectKey: 'IT' }],
      ['projects/get', { projectKey: 'IT' }],
      ['projects/set', { projectKey: 'IT', agreementIds: [] }],
      ['jobs/start', { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: false }],
      ['jobs/list', {}],
      ['audit/list', {}],
      ['issue/metrics', { issueId: issue.id }],
    ];
    for (const [key, payload] of calls) {
      const reply = await dispatch(world.deps, key, payload, customer);
      expect([key, reply]).toEqual([
        key,
        { ok: false, error: expect.objectContaining({ code: 'forbidden' }) },
      ]);
    }
    const stranger = await dispatch(
      world.deps,
      'portal/commitments',
      { issueId: issue.id },
      { accountId: 'dan-customer', accountType: 'customer' as const, module: 'portal' },
    );
    expect(stranger).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('answers invalid payloads with their paths, and unknown routes with not-found', async () => {
    world = await makeWorld();
    expect(await dispatch(world.deps, 'calendars/get', { id: 7 }, admin)).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid-payload',
        problems: [expect.objectContaining({ path: '$.id' })],
      }),
    });
    expect(await dispatch(world.deps, 'nope/never', {}, admin)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not-found' }),
    });
  });

  it('saves a new version with an audit entry, refuses a stale save, and keeps what was stored on bad input', async () => {
    world = await makeWorld();
    const current = await world.store.config.get('calendar', 'always');
    const changed = { ...current!.body!, name: '24/7 support' };
    const saved = await dispatch(
      world.deps,
      'calendars/save',
      { calendar: changed, expectedVersion: 1 },
      admin,
    );
    expect(saved).toEqual({ ok: true, data: expect.objectContaining({ version: 2 }) });
    expect(
      await dispatch(world.deps, 'calendars/save', { calendar: changed, expectedVersion: 1 }, admin),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'conflict' }),
    });
    const bad = await dispatch(
      world.deps,
      'calendars/save',
      { calendar: { ...changed, timeZone: 'Mars/Olympus' }, expectedVersion: 2 },
      admin,
    );
    expect(bad).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid-config',
        problems: [expect.objectContaining({ path: '$.calendar.timeZone' })],
      }),
    });
    expect((await world.store.config.get('calendar', 'always'))?.version).toBe(2);
    expect(await world.store.audit.list({ limit: 10 })).toEqual([
      expect.objectContaining({
        action: 'calendar.save',
        entityId: 'always',
        version: 2,
        changes: [{ path: '$.name', before: '24/7', after: '24/7 support' }],
      }),
    ]);
  });

  it('shows the portal only customer-visible SLA commitments, never OLAs or UCs; the old portal route is gone', async () => {
    world = await makeWorld();
    const issue = world.site.create({
      reporter: 'carla-customer',
      fields: { ...acme, customfield_10050: { value: 'Second Level', id: '10021' } },
    });
    world.site.change(issue.id, 'alex-agent', (i, at) => i.customField(at, 10050, 'Team', 'Second Level'));
    await world.drain();
    const carla = {
      accountId: 'carla-customer',
      accountType: 'customer' as const,
      module: 'portal' as const,
    };
    const reply = await dispatch(world.deps, 'portal/commitments', { issueId: issue.id }, carla);
    expect(reply.ok).toBe(true);
    const commitments = (reply as { data: { commitments: { name: string }[] } }).data.commitments;
    expect(commitments.map((c) => c.name)).toEqual(['Time to first response', 'Time to resolution']);
    // Neither the internal agreement name nor anything of the OLA or UC reaches the customer.
    expect(JSON.stringify(reply)).not.toMatch(/gold|second-level|OLA|UC|netco/i);
    expect(await dispatch(world.deps, 'portal/metrics', { issueId: issue.id }, carla)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not-found' }),
    });
  });
});

describe('stored histories', () => {
  it('are read from Jira again only when an agreement needs a field they never carried', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    const job = async (): Promise<number> => {
      const before = world.jira.totalCalls();
      const started = await startJob(
        world.deps,
        { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true },
        'chris-admin',
      );
      await runJobStep(world.deps, started.id);
      return world.jira.totalCalls() - before;
    };
    expect(await job()).toBe(0);
    // An agreement that pauses on a custom field the issue's JSON never carried.
    const vendor = {
      ...exampleAgreements[0]!,
      id: 'vendor',
      // Gold's penalty clauses name its first-response metric, which this copy leaves out.
      penalties: [],
      metrics: [{ ...exampleAgreements[0]!.metrics[1]!, pauseWhile: 'cf[10099] = Vendor' }],
    };
    await world.store.config.put('agreement', 'vendor', vendor, {
      expectedVersion: 0,
      savedAt: 0,
      savedBy: 'test',
    });
    await world.store.config.setProjectAgreements('IT', ['gold', 'vendor']);
    world.deps.configs.invalidate();
    expect(await job()).toBe(1); // that one issue, once
    expect((await world.store.results.forIssue(issue.id)).map((r) => r.agreementId)).toContain('vendor');
  });
});

describe('a JQL recalculation', () => {
  it('pages issue ids from Jira and reads the issues Accord never stored in bulk, two calls a page', async () => {
    world = await makeWorld();
    // Issues created while Accord was not listening: no events reach the queue.
    const unseen = Array.from({ length: 5 }, () =>
      world.site.create({ reporter: 'carla-customer', fields: acme }),
    );
    world.queue.take(5);
    const before = new Map(world.jira.calls);
    const started = await startJob(
      world.deps,
      { scope: { kind: 'jql', jql: 'project = IT' }, replaceCompleted: true },
      'chris-admin',
    );
    const done = await runJobStep(world.deps, started.id);
    expect(done).toEqual(expect.objectContaining({ state: 'done', done: 5, failed: 0 }));
    const delta = (k: string): number => (world.jira.calls.get(k) ?? 0) - (before.get(k) ?? 0);
    expect(delta('GET /rest/api/3/search/jql')).toBe(1);
    expect(delta('POST /rest/api/3/issue/bulkfetch')).toBe(1);
    expect(delta('POST /rest/api/3/changelog/bulkfetch')).toBe(1);
    expect(delta('GET /rest/api/3/issue')).toBe(0);
    for (const issue of unseen) expect(await world.store.histories.get(issue.id)).toBeDefined();
  });
});

describe('Accord’s own changes', () => {
  it('are read back, although the trigger ignores them: a breach that raises the priority is in the stored history', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    // Medium resolution is 1,440 working minutes (three 8-hour days); its breach action raises the priority.
    await world.advance(5 * 24 * 60 * MINUTE);
    expect((issue.field('priority') as { name: string }).name).toBe('Highest');
    const stored = await world.store.histories.get(issue.id);
    const priority = stored?.data.fields.find((f) => f.keys.includes('priority'));
    expect(priority?.values[priority.values.length - 1]).toContain('highest');
  });
});
