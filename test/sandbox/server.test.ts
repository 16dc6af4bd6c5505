import { get, type IncomingMessage } from 'node:http';
import { openSandbox, type Sandbox } from '../../src/sandbox/persistence';
import { startServer, type SandboxServer } from '../../src/sandbox/server/server';

/** Friday 20 November 2026, 10:30 in Berlin. */
const NOW = Date.UTC(2026, 10, 20, 9, 30);

let sandbox: Sandbox;
let server: SandboxServer;
beforeAll(async () => {
  sandbox = await openSandbox({ now: NOW, seed: { issues: 20, days: 10 } });
  // Loopback only, on a port the system picks.
  server = await startServer(sandbox, { port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

interface Reply {
  readonly status: number;
  readonly type: string;
  readonly body: unknown;
  readonly text: string;
}

async function call(method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    ...(method === 'POST' ? { headers: { 'Content-Type': 'application/json' } } : {}),
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    type,
    text,
    body: type.startsWith('application/json') ? JSON.parse(text) : text,
  };
}

/** An error reply: a 4xx status, JSON with a code and a message, and never a stack trace. */
function refused(reply: Reply, status: number, code: string): void {
  expect([reply.status, reply.body]).toEqual([
    status,
    { error: expect.objectContaining({ code, message: expect.any(String) }) },
  ]);
  expect(reply.text).not.toMatch(/\n\s+at |\.ts:\d+/);
}

const newIssue = async (body: Record<string, unknown> = {}) => {
  const reply = await call('POST', '/api/site/issues', {
    reporter: 'carla-customer',
    summary: 'The printer is on fire',
    priority: 'High',
    ...body,
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; key: string; slaState: string | null; nextDeadline: string | null };
};

describe('the sandbox server', () => {
  it('listens on the loopback address', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves an index page listing the issues and linking to every host page', async () => {
    const reply = await call('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^text\/html/);
    expect(reply.text).toContain('href="/api/site/issues/IT-20"');
    for (const href of [
      '/issue/IT-20',
      '/portal/IT-20',
      '/admin',
      '/reports',
      '/project/IT/settings',
      '/dashboard',
    ])
      expect(reply.text).toContain(`href="${href}"`);
  });

  it('tells the sandbox clock and moves it, so that deadlines pass and Accord acts', async () => {
    expect((await call('GET', '/api/clock')).body).toEqual({ now: NOW, iso: '2026-11-20T09:30:00.000Z' });
    const issue = await newIssue();
    expect(issue.slaState).toBe('running');
    expect(issue.nextDeadline).toBe('2026-11-20T10:00:00.000Z'); // High: first response within 30 minutes, 24/7
    const moved = await call('POST', '/api/clock/advance', { minutes: 40 });
    expect(moved.body).toEqual({ now: NOW + 40 * 60_000, iso: '2026-11-20T10:10:00.000Z' });
    const rows = (await call('GET', '/api/site/issues')).body as { key: string; slaState: string }[];
    expect(rows.find((r) => r.key === issue.key)?.slaState).toBe('breached');
    // The 75 % warning was an internal note by Accord.
    const json = (await call('GET', `/api/site/issues/${issue.id}`)).body as {
      fields: { comment: { comments: { author: { accountType: string }; jsdPublic: boolean }[] } };
    };
    expect(json.fields.comment.comments).toEqual([
      expect.objectContaining({ author: expect.objectContaining({ accountType: 'app' }), jsdPublic: false }),
    ]);
    refused(await call('POST', '/api/clock/advance', { minutes: 0 }), 400, 'invalid-request');
    refused(await call('POST', '/api/clock/advance', { minutes: 'ten' }), 400, 'invalid-request');
  });

  it('lists the issues with their custom fields, and serves each as Jira JSON by id or key', async () => {
    const rows = (await call('GET', '/api/site/issues')).body as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows[rows.length - 1]).toEqual(
      expect.objectContaining({
        key: 'IT-1',
        summary: expect.any(String),
        status: expect.any(String),
        priority: expect.any(String),
        requestType: expect.any(String),
        organizations: [expect.stringMatching(/Acme Corp|Globex/)],
      }),
    );
    expect(rows.some((r) => typeof r.slaState === 'string')).toBe(true);
    const byKey = (await call('GET', '/api/site/issues/IT-1')).body as {
      id: string;
      key: string;
      changelog: unknown;
    };
    expect(byKey).toEqual(expect.objectContaining({ key: 'IT-1', changelog: expect.anything() }));
    expect((await call('GET', `/api/site/issues/${byKey.id}`)).body).toEqual(byKey);
    refused(await call('GET', '/api/site/issues/IT-999'), 404, 'not-found');
    const site = (await call('GET', '/api/site')).body as { users: unknown[]; statuses: unknown[] };
    expect(site.users.length).toBeGreaterThan(5);
    expect(site.statuses).toContainEqual({
      id: '10002',
      name: 'Waiting for customer',
      category: 'indeterminate',
    });
  });

  it('creates requests as customers only, with the reporter’s organization, and validates the body', async () => {
    const issue = await newIssue({
      reporter: 'gina-customer',
      requestType: 'Report a network outage',
      components: ['Network'],
    });
    const json = (await call('GET', `/api/site/issues/${issue.key}`)).body as {
      fields: Record<
        string,
        { name?: string; requestType?: { name: string } }[] & { requestType?: { name: string } }
      >;
    };
    expect(json.fields.customfield_10002).toEqual([expect.objectContaining({ name: 'Globex' })]);
    expect(json.fields.customfield_10010?.requestType?.name).toBe('Report a network outage');
    refused(
      await call('POST', '/api/site/issues', { reporter: 'alex-agent', summary: 'x' }),
      400,
      'not-a-customer',
    );
    refused(
      await call('POST', '/api/site/issues', { reporter: 'nobody', summary: 'x' }),
      400,
      'unknown-user',
    );
    refused(
      await call('POST', '/api/site/issues', {
        reporter: 'carla-customer',
        summary: 'x',
        requestType: 'Coffee',
      }),
      400,
      'unknown-request-type',
    );
    const invalid = await call('POST', '/api/site/issues', {
      reporter: 'carla-customer',
      summary: '',
      extra: 1,
    });
    refused(invalid, 400, 'invalid-request');
    expect(
      (invalid.body as { error: { problems: { path: string }[] } }).error.problems.map((p) => p.path).sort(),
    ).toEqual(['$', '$.summary']);
    refused(await call('POST', '/api/site/issues', '{ not json'), 400, 'invalid-json');
  });

  it('acts as Jira would: comments, transitions, priority, assignee and team, each evaluated before it answers', async () => {
    const issue = await newIssue({ priority: 'Medium' });
    const at = `/api/site/issues/${issue.key}`;
    const answered = await call('POST', `${at}/comment`, {
      accountId: 'alex-agent',
      body: 'Looking into it',
    });
    expect(answered.status).toBe(200);
    const note = await call('POST', `${at}/comment`, {
      accountId: 'alex-agent',
      body: 'Internal',
      internal: true,
    });
    expect(note.status).toBe(200);
    expect(
      (await call('POST', `${at}/assignee`, { accountId: 'alex-agent', assignee: 'bea-second' })).body,
    ).toEqual(expect.objectContaining({ assignee: 'bea-second' }));
    expect(
      (await call('POST', `${at}/team`, { accountId: 'alex-agent', team: 'Second Level' })).body,
    ).toEqual(expect.objectContaining({ team: 'Second Level' }));
    expect(
      (await call('POST', `${at}/priority`, { accountId: 'alex-agent', priority: 'High' })).body,
    ).toEqual(expect.objectContaining({ priority: 'High' }));
    expect(
      (await call('POST', `${at}/transition`, { accountId: 'alex-agent', to: 'waiting for customer' })).body,
    ).toEqual(expect.objectContaining({ status: 'Waiting for customer', slaState: 'paused' }));
    expect(
      (await call('POST', `${at}/comment`, { accountId: 'carla-customer', body: 'Here you go' })).status,
    ).toBe(200);
    const metrics = await call('POST', '/api/invoke', {
      key: 'issue/metrics',
      payload: { issueId: issue.id },
      context: { accountId: 'alex-agent', module: 'issue-panel', issueId: issue.id },
    });
    const states = (
      metrics.body as { data: { results: { agreementId: string; metric: { id: string; state: string } }[] } }
    ).data.results.map((r) => [r.agreementId, r.metric.id, r.metric.state]);
    expect(states).toEqual(
      expect.arrayContaining([
        ['gold', 'first-response', 'met'],
        ['gold', 'resolution', 'paused'],
        ['second-level', 'handling', 'paused'],
      ]),
    );

    refused(
      await call('POST', `${at}/comment`, { accountId: 'carla-customer', body: 'psst', internal: true }),
      400,
      'invalid-request',
    );
    refused(
      await call('POST', `${at}/comment`, { accountId: 'gina-customer', body: 'Not mine' }),
      403,
      'forbidden',
    );
    refused(
      await call('POST', `${at}/transition`, { accountId: 'carla-customer', to: 'Resolved' }),
      403,
      'forbidden',
    );
    refused(
      await call('POST', `${at}/transition`, { accountId: 'alex-agent', to: 'Teleported' }),
      400,
      'unknown-status',
    );
    refused(
      await call('POST', `${at}/priority`, { accountId: 'alex-agent', priority: 'Urgent' }),
      400,
      'invalid-request',
    );
    refused(
      await call('POST', `${at}/assignee`, { accountId: 'alex-agent', assignee: 'carla-customer' }),
      403,
      'forbidden',
    );
    refused(
      await call('POST', `${at}/team`, { accountId: 'alex-agent', team: 'Marketing' }),
      400,
      'invalid-request',
    );
    refused(
      await call('POST', '/api/site/issues/IT-999/comment', { accountId: 'alex-agent', body: 'x' }),
      404,
      'not-found',
    );
  });

  it('answers invoke with the resolver’s envelope, as @forge/bridge would receive it', async () => {
    const admin = { accountId: 'chris-admin', module: 'admin' };
    const list = await call('POST', '/api/invoke', { key: 'agreements/list', payload: {}, context: admin });
    expect(list.status).toBe(200);
    expect((list.body as { data: { id: string }[] }).data.map((a) => a.id).sort()).toEqual([
      'gold',
      'netco-uc',
      'second-level',
    ]);
    // Refusals by the app are envelopes; refusals of the request itself are 4xx.
    expect(
      (
        await call('POST', '/api/invoke', {
          key: 'agreements/list',
          context: { ...admin, accountId: 'carla-customer' },
        })
      ).body,
    ).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'forbidden' }),
    });
    expect((await call('POST', '/api/invoke', { key: 'nope/never', context: admin })).body).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not-found' }),
    });
    refused(
      await call('POST', '/api/invoke', {
        key: 'agreements/list',
        context: { accountId: 'chris-admin', module: 'jira' },
      }),
      400,
      'invalid-request',
    );
    refused(
      await call('POST', '/api/invoke', {
        key: 'agreements/list',
        context: { ...admin, accountId: 'mallory' },
      }),
      400,
      'unknown-user',
    );
    refused(
      await call('POST', '/api/invoke', { key: 'issue/metrics', context: { ...admin, issueId: '99999' } }),
      404,
      'not-found',
    );
  });

  it('gives view.getContext’s shape for each module', async () => {
    const panel = await call('GET', '/api/context?module=issue-panel&accountId=alex-agent&issueId=IT-3');
    expect(panel.body).toEqual(
      expect.objectContaining({
        accountId: 'alex-agent',
        accountType: 'licensed',
        moduleKey: 'accord-issue-context',
        extension: expect.objectContaining({
          type: 'jira:issueContext',
          issue: expect.objectContaining({ id: '10003', key: 'IT-3' }),
          project: expect.objectContaining({ key: 'IT' }),
        }),
      }),
    );
    const portal = await call('GET', '/api/context?module=portal&accountId=carla-customer&issueId=IT-3');
    expect(portal.body).toEqual(
      expect.objectContaining({
        accountType: 'customer',
        extension: expect.objectContaining({
          type: 'jiraServiceManagement:portalRequestDetailPanel',
          request: expect.objectContaining({ key: 'IT-3' }),
        }),
      }),
    );
    const settings = await call(
      'GET',
      '/api/context?module=project-settings&accountId=alex-agent&projectKey=IT',
    );
    expect(settings.body).toEqual(
      expect.objectContaining({
        extension: { type: 'jira:projectSettingsPage', project: expect.objectContaining({ key: 'IT' }) },
      }),
    );
    refused(await call('GET', '/api/context?module=portal&accountId=carla-customer'), 400, 'invalid-request');
    refused(
      await call('GET', '/api/context?module=issue-panel&accountId=alex-agent&issueId=IT-3&colour=red'),
      400,
      'invalid-request',
    );
    refused(await call('GET', '/api/context?module=admin&accountId=nobody'), 400, 'unknown-user');
  });

  it('streams realtime events: a control that changes an issue reaches a subscriber of its channel', async () => {
    const issue = await newIssue();
    const stream = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${server.url}/api/events?channel=${encodeURIComponent(`accord:issue:${issue.id}`)}`, resolve).on(
        'error',
        reject,
      );
    });
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    const received = new Promise<string>((resolve) => {
      let text = '';
      stream.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        const event = text.split('\n\n').find((block) => block.startsWith('data: '));
        if (event) resolve(event);
      });
    });
    // The subscription is in place once the stream's first comment has arrived.
    await new Promise((resolve) => stream.once('data', resolve));
    await call('POST', `/api/site/issues/${issue.key}/comment`, { accountId: 'alex-agent', body: 'On it' });
    const event = JSON.parse((await received).slice('data: '.length)) as unknown;
    expect(event).toEqual({
      channel: `accord:issue:${issue.id}`,
      payload: { type: 'results', issueId: issue.id },
    });
    stream.destroy();
    refused(await call('GET', '/api/events'), 400, 'invalid-request');
  });

  it('serves the design tokens’ themes one by one, and all five a frame applies in one stylesheet', async () => {
    const themes = ['light', 'dark', 'spacing', 'typography', 'shape'];
    const each = await Promise.all(themes.map((theme) => call('GET', `/sandbox/tokens/${theme}.css`)));
    for (const reply of each) expect([reply.status, reply.type]).toEqual([200, 'text/css; charset=utf-8']);
    const all = await call('GET', '/sandbox/tokens/all.css');
    expect([all.status, all.type]).toEqual([200, 'text/css; charset=utf-8']);
    expect(all.text).toBe(each.map((reply) => reply.text).join('\n'));
    refused(await call('GET', '/sandbox/tokens/blue.css'), 404, 'not-found');
  });

  it('answers unknown paths with 404 and wrong methods with 405, in JSON', async () => {
    refused(await call('GET', '/api/nothing'), 404, 'not-found');
    const wrong = await call('DELETE', '/api/clock');
    refused(wrong, 405, 'method-not-allowed');
    refused(await call('GET', '/api/clock/advance'), 405, 'method-not-allowed');
    refused(await call('POST', '/api/events?channel=x'), 405, 'method-not-allowed');
  });
});
