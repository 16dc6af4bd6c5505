import { openSandbox, type Sandbox } from '../../src/sandbox/persistence';
import { startServer, type SandboxServer } from '../../src/sandbox/server/server';

/**
 * What Accord did, as the sandbox shows it over HTTP: an assignment made through the site's control, the
 * notification the seeded agreement sends the assignee when a request is at risk (in `/api/site/notifications`
 * and the `/outbox` page), and the label and internal note Accord writes, in the issue page's labels and
 * history, marked as the app's.
 */

/** Monday 23 November 2026, 09:30 in Berlin: a working morning of the seeded 9–17 calendar. */
const NOW = Date.UTC(2026, 10, 23, 8, 30);

let sandbox: Sandbox;
let server: SandboxServer;
beforeAll(async () => {
  sandbox = await openSandbox({ now: NOW, seed: { issues: 2, days: 1 } });
  server = await startServer(sandbox, { port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

async function call(method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    ...(method === 'POST'
      ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as unknown };
}

interface Sent {
  issueKey: string | null;
  to: string[];
  subject: string;
  body: string;
  at: string | null;
}

describe('what Accord did, over HTTP', () => {
  it('assigns through the site, and shows the notification, the label and the note Accord wrote', async () => {
    const created = await call('POST', '/api/site/issues', {
      reporter: 'carla-customer',
      summary: 'VPN drops every hour',
    });
    expect(created.status).toBe(201);
    const { key } = created.json() as { key: string };

    const assigned = await call('POST', `/api/site/issues/${key}/assignee`, {
      accountId: 'alex-agent',
      assignee: 'bea-second',
    });
    expect([assigned.status, (assigned.json() as { assignee: string }).assignee]).toEqual([
      200,
      'bea-second',
    ]);
    const before = (await call('GET', '/api/site/notifications')).json() as Sent[];
    expect(before.filter((n) => n.issueKey === key)).toEqual([]);

    // A week on: past 80 % of the 3 working days to resolve (notify the assignee, label) and past the breach.
    expect((await call('POST', '/api/clock/advance', { minutes: 7 * 1440 })).status).toBe(200);

    const sent = ((await call('GET', '/api/site/notifications')).json() as Sent[]).filter(
      (n) => n.issueKey === key,
    );
    expect(sent).toContainEqual({
      issueId: expect.any(String) as string,
      issueKey: key,
      to: ['assignee'],
      subject: `${key} at risk`,
      body: expect.stringContaining('is due at') as string,
      at: expect.stringMatching(/^2026-11-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/) as string,
    });
    const outbox = await call('GET', '/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.text).toContain(`<a href="/issue/${key}">${key}</a>`);
    expect(outbox.text).toContain(`${key} at risk`);
    expect(outbox.text).toContain('<td>Assignee (Bea Second-Level)</td>');

    const details = (await call('GET', `/issue/${key}/details`)).text;
    expect(details).toMatch(/data-testid="labels"><span class="label">sla-at-risk<\/span>/);
    // The history: the assignment by the agent, then Accord's label and note, each marked as the app's.
    const entries = details.split('<li class="entry').slice(1);
    const assignment = entries.findIndex((e) => /Alex[^<]*<\/strong>/.test(e) && e.includes('Assignee'));
    const label = entries.findIndex((e) => e.includes('sla-at-risk'));
    const note = entries.findIndex((e) => e.includes('breached on'));
    expect(assignment).toBeGreaterThanOrEqual(0);
    expect(label).toBeGreaterThan(assignment);
    expect(note).toBeGreaterThan(label);
    for (const i of [label, note]) {
      expect(entries[i]).toContain(
        '<strong>Accord</strong> <span class="tag app" data-testid="app-entry">App</span>',
      );
    }
    expect(entries[assignment]).not.toContain('data-testid="app-entry"');
  });

  it('offers an assignee control on the issue page, with each agent and "Unassigned"', async () => {
    const page = (await call('GET', '/issue/IT-1')).text;
    expect(page).toMatch(
      /<select id="assignee" aria-label="Assignee"><option value=""[^>]*>Unassigned<\/option>/,
    );
    expect(page).toMatch(/<option value="bea-second"[^>]*>Bea /);
    const unassigned = await call('POST', '/api/site/issues/IT-1/assignee', {
      accountId: 'alex-agent',
      assignee: null,
    });
    expect((unassigned.json() as { assignee: unknown }).assignee).toBeNull();
  });
});
