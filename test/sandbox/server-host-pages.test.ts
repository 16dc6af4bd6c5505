import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { openSandbox, type Sandbox } from '../../src/sandbox/persistence';
import { frameHtml } from '../../src/sandbox/server/chrome';
import { gadgetStore } from '../../src/sandbox/server/gadgets';
import { startServer, type SandboxServer } from '../../src/sandbox/server/server';

/**
 * The host pages that frame each Custom UI as Jira does, the context each frame is given, the gadgets' stored
 * configurations, and the translations served where `@forge/bridge` looks for them. The server serves a
 * repository of fixtures: some UIs built, the portal written but not built, and two locales.
 */

/** Friday 20 November 2026, 10:30 in Berlin. */
const NOW = Date.UTC(2026, 10, 20, 9, 30);
const BUILT = ['issue-panel', 'admin', 'report', 'project-settings', 'gadget'];
const GADGET = 'accord-compliance-1';

let root: string;
let sandbox: Sandbox;
let server: SandboxServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'accord-host-pages-'));
  for (const name of BUILT) {
    mkdirSync(join(root, 'static', name, 'dist'), { recursive: true });
    writeFileSync(join(root, 'static', name, 'dist', 'index.html'), `<html><body>${name}</body></html>`);
  }
  mkdirSync(join(root, 'static', 'portal'), { recursive: true });
  writeFileSync(join(root, 'static', 'portal', 'vite.config.ts'), 'export default {};\n');
  mkdirSync(join(root, 'locales'));
  writeFileSync(
    join(root, 'locales', 'en-US.json'),
    JSON.stringify({ shared: { hello: 'Hello', bye: 'Bye' } }),
  );
  writeFileSync(join(root, 'locales', 'de-DE.json'), JSON.stringify({ shared: { hello: 'Hallo' } }));
  writeFileSync(join(root, 'locales', 'README.md'), 'not a locale');
  sandbox = await openSandbox({ now: NOW, seed: { issues: 20, days: 10 } });
  server = await startServer(sandbox, {
    port: 0,
    host: '127.0.0.1',
    root,
    gadgetsFile: join(root, 'gadgets.json'),
  });
}, 60_000);
afterAll(async () => {
  await server.close();
  await sandbox.close();
  rmSync(root, { recursive: true, force: true });
});

async function call(method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    ...(method === 'POST' ? { headers: { 'Content-Type': 'application/json' } } : {}),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    type,
    text,
    json: type.startsWith('application/json') ? (JSON.parse(text) as unknown) : undefined,
  };
}

/** A host page: 200 HTML, with the frame's address (its query as an object) and the host's configuration. */
async function hostPage(path: string) {
  const reply = await call('GET', path);
  expect([reply.status, reply.type]).toEqual([200, 'text/html; charset=utf-8']);
  const src = /<iframe id="accord-frame"[^>]* src="([^"]+)"/.exec(reply.text)?.[1]?.replace(/&amp;/g, '&');
  const frame = src === undefined ? undefined : new URL(src, server.url);
  const config = /<script type="application\/json" id="accord-host">(.*?)<\/script>/.exec(reply.text)?.[1];
  return {
    html: reply.text,
    frame: frame && { path: frame.pathname, query: Object.fromEntries(frame.searchParams) },
    config: JSON.parse(config ?? 'null') as {
      base: string;
      history: boolean;
      defaults: Record<string, string>;
    },
  };
}

async function refused(path: string, status: number, code: string, body?: unknown) {
  const reply = await call(body === undefined ? 'GET' : 'POST', path, body);
  expect([reply.status, reply.json]).toEqual([
    status,
    { error: expect.objectContaining({ code, message: expect.any(String) }) },
  ]);
  return (reply.json as { error: { message: string } }).error.message;
}

const context = async (query: Record<string, string>) => {
  const reply = await call('GET', `/api/context?${new URLSearchParams(query).toString()}`);
  expect(reply.status).toBe(200);
  return reply.json as Record<string, unknown> & { extension: Record<string, unknown> };
};

describe('host pages', () => {
  it('frame the issue panel in the issue view, in the view the query asks for', async () => {
    const page = await hostPage('/issue/IT-3?theme=dark&locale=de-DE&timezone=Europe/Copenhagen');
    expect(page.frame).toEqual({
      path: '/ui/issue-panel/',
      query: {
        module: 'issue-panel',
        issueId: '10003',
        accountId: 'chris-admin',
        colorMode: 'dark',
        locale: 'de-DE',
        timezone: 'Europe/Copenhagen',
      },
    });
    expect(page.html).toContain('<html lang="de-DE" data-color-mode="dark"');
    expect(page.html).toMatch(/<iframe[^>]*title="Accord SLAs"/);
    // The switchers, with the view selected.
    expect(page.html).toMatch(/<select id="view-locale">[^]*<option value="de-DE" selected>/);
    expect(page.html).toMatch(/<select id="view-theme">[^]*<option value="dark" selected>/);
    const agent = await hostPage('/issue/IT-3?as=bea-second');
    expect(agent.frame?.query).toEqual(expect.objectContaining({ accountId: 'bea-second', locale: 'en-US' }));
  });

  it('frame the admin and reports pages as the site admin, keeping the frame’s history path in the URL', async () => {
    const admin = await hostPage('/admin/calendars/berlin');
    expect(admin.frame).toEqual({
      path: '/ui/admin/',
      query: expect.objectContaining({
        module: 'admin',
        path: '/calendars/berlin',
        accountId: 'chris-admin',
      }),
    });
    expect(admin.config).toEqual(expect.objectContaining({ base: '/admin', history: true }));
    expect(admin.html).toContain('Jira settings / Apps / Accord');
    const reports = await hostPage('/reports');
    expect(reports.frame).toEqual({
      path: '/ui/report/',
      query: expect.objectContaining({ module: 'report', path: '/', accountId: 'chris-admin' }),
    });
    expect(await context({ module: 'report', accountId: 'chris-admin' })).toEqual(
      expect.objectContaining({ moduleKey: 'accord-reports', extension: { type: 'jira:adminPage' } }),
    );
    // The reports page's resolver calls come from an admin page, as Forge tells them by the module's type.
    const list = await call('POST', '/api/invoke', {
      key: 'agreements/list',
      context: { accountId: 'chris-admin', module: 'report' },
    });
    expect(list.json).toEqual(expect.objectContaining({ ok: true }));
  });

  it('frame project settings for the project’s admin, and refuse a project the site lacks', async () => {
    const page = await hostPage('/project/IT/settings');
    expect(page.frame).toEqual({
      path: '/ui/project-settings/',
      query: expect.objectContaining({
        module: 'project-settings',
        projectKey: 'IT',
        accountId: 'alex-agent',
      }),
    });
    expect(await context({ module: 'project-settings', accountId: 'alex-agent', projectKey: 'IT' })).toEqual(
      expect.objectContaining({
        extension: {
          type: 'jira:projectSettingsPage',
          project: { id: '10000', key: 'IT', type: 'service_desk' },
        },
      }),
    );
    await refused('/project/HR/settings', 404, 'not-found');
  });

  it('open a gadget never configured in its edit view; view.submit’s configuration comes back to its view', async () => {
    const editing = await hostPage('/dashboard');
    expect(editing.frame).toEqual({
      path: '/ui/gadget/',
      query: expect.objectContaining({ module: 'gadget', gadgetId: GADGET, entryPoint: 'edit' }),
    });
    const edit = await context({
      module: 'gadget',
      accountId: 'chris-admin',
      gadgetId: GADGET,
      entryPoint: 'edit',
    });
    expect(edit.extension).toEqual({
      type: 'jira:dashboardGadget',
      gadget: { id: GADGET },
      dashboard: { id: 'sandbox-dashboard' },
      gadgetConfiguration: {},
      entryPoint: 'edit',
    });

    const saved = await call('POST', `/api/gadgets/${GADGET}`, {
      configuration: { agreement: 'gold', days: 30 },
    });
    expect(saved.json).toEqual(
      expect.objectContaining({ id: GADGET, configuration: { agreement: 'gold', days: 30 } }),
    );
    const viewing = await hostPage('/dashboard');
    expect(viewing.frame?.query).not.toHaveProperty('entryPoint');
    const shown = await context({ module: 'gadget', accountId: 'chris-admin', gadgetId: GADGET });
    expect(shown.extension).toEqual(
      expect.objectContaining({ gadgetConfiguration: { agreement: 'gold', days: 30 } }),
    );
    expect(shown.extension).not.toHaveProperty('entryPoint');
    expect((await call('GET', `/api/gadgets/${GADGET}`)).json).toEqual(
      expect.objectContaining({ configuration: { agreement: 'gold', days: 30 } }),
    );
    // Kept in the file the server was given, as Jira keeps it between visits.
    expect(gadgetStore(join(root, 'gadgets.json')).configuration(GADGET)).toEqual({
      agreement: 'gold',
      days: 30,
    });

    await refused(`/api/gadgets/${GADGET}`, 400, 'invalid-request', { configuration: [1, 2] });
    await refused(`/api/gadgets/${GADGET}`, 400, 'invalid-request', { days: 30 });
    await refused('/api/gadgets/nope', 404, 'not-found', { configuration: {} });
    await refused(`/api/context?module=gadget&accountId=chris-admin`, 400, 'invalid-request');
    await refused(`/api/context?module=admin&accountId=chris-admin&entryPoint=edit`, 400, 'invalid-request');
  });

  it('show the portal request as its reporter, and say which build is missing where the UI is not built', async () => {
    const page = await hostPage('/portal/IT-3');
    expect(page.frame).toBeUndefined();
    expect(page.html).toContain('data-testid="not-built"');
    expect(page.html).toContain('<code>npm run build:ui -- portal</code>');
    expect(page.html).toContain('Help Center');
    const reporter = (await call('GET', '/api/site/issues/IT-3')).json as {
      fields: { reporter: { accountId: string } };
    };
    expect(page.html).toMatch(new RegExp(`<option value="${reporter.fields.reporter.accountId}" selected>`));
    expect(await refused('/portal/IT-3?as=alex-agent', 400, 'unknown-user')).toMatch(/carla-customer/);
    await refused('/portal/IT-999', 404, 'not-found');
    const portal = await context({ module: 'portal', accountId: 'carla-customer', issueId: 'IT-3' });
    expect(portal).toEqual(expect.objectContaining({ accountType: 'customer', moduleKey: 'accord-portal' }));
  });

  it('say when a UI is not written yet, rather than how to build it', () => {
    const html = frameHtml(
      root,
      { name: 'wallboard', title: 'Wallboard', query: {} },
      { theme: 'light', locale: 'en-US', timezone: 'Europe/Berlin', as: 'chris-admin' },
    );
    expect(html).toContain('The wallboard Custom UI is not built');
    expect(html).toContain('<code>static/wallboard/</code> has no <code>vite.config.ts</code> yet');
  });

  it('refuse a view they do not understand with a 400 naming the parameter', async () => {
    const path = async (query: string) =>
      (
        (await call('GET', `/admin?${query}`)).json as { error: { problems: { path: string }[] } }
      ).error.problems.map((p) => p.path);
    await refused('/admin?theme=blue', 400, 'invalid-request');
    expect(await path('theme=blue')).toEqual(['$.theme']);
    expect(await path('locale=german')).toEqual(['$.locale']);
    expect(await path('timezone=Mars/Olympus')).toEqual(['$.timezone']);
    expect(await path('colour=red')).toEqual(['$']);
    await refused('/admin?as=carla-customer', 400, 'unknown-user');
    await refused('/dashboard?as=nobody', 400, 'unknown-user');
  });

  it('pass the view’s language and time zone in view.getContext', async () => {
    const panel = await context({
      module: 'issue-panel',
      accountId: 'alex-agent',
      issueId: 'IT-3',
      locale: 'da-DK',
      timezone: 'Europe/Copenhagen',
    });
    expect(panel).toEqual(expect.objectContaining({ locale: 'da-DK', timezone: 'Europe/Copenhagen' }));
    // Forge's defaults for a user who never chose: the sandbox's office.
    expect(await context({ module: 'admin', accountId: 'chris-admin' })).toEqual(
      expect.objectContaining({ locale: 'en-US', timezone: 'Europe/Berlin' }),
    );
    await refused('/api/context?module=admin&accountId=chris-admin&locale=de', 400, 'invalid-request');
    await refused('/api/context?module=admin&accountId=chris-admin&timezone=CEST', 400, 'invalid-request');
  });

  it('write the frame’s context into its document, as GET /api/context answers it, before the shim', async () => {
    const query = {
      module: 'issue-panel',
      issueId: '10003',
      accountId: 'chris-admin',
      colorMode: 'dark',
      locale: 'de-DE',
      timezone: 'Europe/Copenhagen',
    };
    const written = (html: string): unknown => {
      const m =
        /<script type="application\/json" id="accord-sandbox-context">([^<]*)<\/script>\n\s*<script src="\/sandbox\/host\/bridge-shim\.js">/.exec(
          html,
        );
      return m === null ? undefined : JSON.parse(m[1] ?? '');
    };
    const frame = await call('GET', `/ui/issue-panel/?${new URLSearchParams(query).toString()}`);
    expect(frame.status).toBe(200);
    // What the shim asks GET /api/context with: the query without the colour mode.
    const asked: Record<string, string> = { ...query };
    delete asked.colorMode;
    expect(written(frame.text)).toEqual(await context(asked));
    expect(
      written(
        (await call('GET', `/ui/issue-panel/index.html?${new URLSearchParams(query).toString()}`)).text,
      ),
    ).toEqual(await context(asked));
    // A context the API would refuse is not written: the shim asks, and the frame shows the refusal.
    const unknown = await call(
      'GET',
      '/ui/issue-panel/?module=issue-panel&issueId=IT-999&accountId=chris-admin',
    );
    expect([unknown.status, written(unknown.text)]).toEqual([200, undefined]);
    expect(unknown.text).toContain('<script src="/sandbox/host/bridge-shim.js">');
  });

  it('serve the host scripts, their styles and the bridge shim as scripts that parse', async () => {
    for (const [path, type] of [
      ['/sandbox/host/host-page.js', 'text/javascript; charset=utf-8'],
      ['/sandbox/host/issue-page.js', 'text/javascript; charset=utf-8'],
      ['/sandbox/host/host-page.css', 'text/css; charset=utf-8'],
      ['/sandbox/host/issue-page.css', 'text/css; charset=utf-8'],
      ['/sandbox/host/outbox-page.css', 'text/css; charset=utf-8'],
      ['/sandbox/host/dashboard-page.js', 'text/javascript; charset=utf-8'],
      ['/sandbox/host/dashboard-page.css', 'text/css; charset=utf-8'],
      ['/sandbox/host/portal-page.js', 'text/javascript; charset=utf-8'],
      ['/sandbox/host/portal-page.css', 'text/css; charset=utf-8'],
      ['/sandbox/host/index-page.css', 'text/css; charset=utf-8'],
      ['/sandbox/host/bridge-shim.js', 'text/javascript; charset=utf-8'],
    ] as const) {
      const reply = await call('GET', path);
      expect([path, reply.status, reply.type]).toEqual([path, 200, type]);
    }
    // Transpiled to classic scripts: no types, no module syntax, in the order the page lists them.
    for (const name of ['host-page', 'issue-page', 'dashboard-page', 'portal-page', 'bridge-shim']) {
      const served = (await call('GET', `/sandbox/host/${name}.js`)).text;
      expect(() => new Script(served)).not.toThrow();
      expect(served).not.toMatch(/\bexport\b|: HTMLElement/);
    }
    const issue = (await call('GET', '/issue/IT-3')).text;
    expect(issue).toMatch(
      /<script src="\/sandbox\/host\/host-page\.js" defer><\/script>\n<script src="\/sandbox\/host\/issue-page\.js" defer><\/script>/,
    );
    for (const missing of [
      '/sandbox/host/nothing.js',
      '/sandbox/host/..%2Fhttp.js',
      '/sandbox/host/globals.d.css',
    ])
      await refused(missing, 404, 'not-found');
  });
});

describe('translations under /ui/<name>/__LOCALES__/', () => {
  it('lists the locales there are files for, with English as the fallback, in @forge/i18n’s I18nInfo shape', async () => {
    const reply = await call('GET', '/ui/issue-panel/__LOCALES__/i18n-info.json');
    expect(reply.json).toEqual({
      translations: {},
      config: { locales: ['de-DE', 'en-US'], fallback: { default: 'en-US' } },
    });
    // Every UI finds the same files, as Forge deploys them into every resource; a UI need not be built for it.
    expect((await call('GET', '/ui/portal/__LOCALES__/de-DE.json')).json).toEqual({
      shared: { hello: 'Hallo' },
    });
  });

  it('refuse a locale without a file, a file that is no locale, and a UI name that climbs out', async () => {
    expect(await refused('/ui/admin/__LOCALES__/fr-FR.json', 404, 'not-found')).toMatch(/de-DE, en-US/);
    await refused('/ui/admin/__LOCALES__/README.md', 404, 'not-found');
    await refused('/ui/..%2F..%2Fetc/__LOCALES__/en-US.json', 404, 'not-found');
  });

  it('say what to build when there are no translations at all', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'accord-no-locales-'));
    const other = await startServer(sandbox, { port: 0, host: '127.0.0.1', root: bare });
    try {
      const res = await fetch(`${other.url}/ui/admin/__LOCALES__/i18n-info.json`);
      expect([res.status, await res.json()]).toEqual([
        404,
        {
          error: expect.objectContaining({
            code: 'not-built',
            message: expect.stringMatching(/npm run build:ui/),
          }),
        },
      ]);
    } finally {
      await other.close();
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('translate through the real @forge/bridge i18n, as a frame under /ui/issue-panel/ would', async () => {
    // What a frame gives @forge/bridge: the host's bridge (here, just the context's locale), and a fetch that
    // resolves `./__LOCALES__/…` against the frame's address.
    const frameUrl = `${server.url}/ui/issue-panel/`;
    const realFetch = globalThis.fetch;
    const global = globalThis as { __bridge?: unknown };
    global.__bridge = {
      callBridge: (type: string) =>
        type === 'getContext' ? Promise.resolve({ locale: 'de-DE' }) : Promise.reject(new Error(type)),
    };
    globalThis.fetch = (input, init) =>
      realFetch(typeof input === 'string' ? new URL(input, frameUrl) : input, init);
    try {
      const { i18n } = await import('@forge/bridge');
      i18n.resetTranslationsCache();
      await expect(i18n.getTranslations()).resolves.toEqual({
        locale: 'de-DE',
        translations: { shared: { hello: 'Hallo' } },
      });
      const german = await i18n.createTranslationFunction();
      expect([german('shared.hello'), german('shared.bye')]).toEqual(['Hallo', 'Bye']);
      // A language the site has no file for falls back to English.
      const danish = await i18n.createTranslationFunction('da-DK');
      expect(danish('shared.hello')).toBe('Hello');
    } finally {
      globalThis.fetch = realFetch;
      delete global.__bridge;
    }
  });
});
