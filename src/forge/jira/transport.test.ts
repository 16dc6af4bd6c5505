/**
 * The production transport against the Forge SDK itself. `@forge/api` sends every product request through
 * `global.__forge_fetch__` (installed by the Forge runtime) and reads the app context from
 * `global.__forge_runtime__`; these tests put fakes there, so the real `asApp()`, `asUser()`, `requestJira`
 * and `route` run, not stand-ins of ours.
 */
import { route } from '@forge/api';
import { JiraError } from '../../app/ports';
import { createForgeJira, ForgeJira } from './forge-jira';
import { forgeJiraFetch } from './transport';

type ForgeFetch = (
  target: { type: string; provider: string; remote: string; accountId?: string },
  path: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<Response>;

const forgeGlobals = globalThis as unknown as {
  __forge_fetch__?: jest.Mock<ReturnType<ForgeFetch>, Parameters<ForgeFetch>>;
  __forge_runtime__?: unknown;
};

function installForgeFetch(reply: () => Response) {
  const fake = jest.fn<ReturnType<ForgeFetch>, Parameters<ForgeFetch>>(() => Promise.resolve(reply()));
  forgeGlobals.__forge_fetch__ = fake;
  return fake;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

afterEach(() => {
  delete forgeGlobals.__forge_fetch__;
  delete forgeGlobals.__forge_runtime__;
});

describe('forgeJiraFetch', () => {
  it('sends background work through asApp().requestJira', async () => {
    const forgeFetch = installForgeFetch(() => json([{ id: '1', name: 'Open' }]));
    const init = { method: 'GET', headers: { Accept: 'application/json' } } as const;

    const response = await forgeJiraFetch()('app', route`/rest/api/3/status`, init);

    expect(await response.json()).toEqual([{ id: '1', name: 'Open' }]);
    expect(forgeFetch).toHaveBeenCalledWith(
      { type: 'fpp', provider: 'app', remote: 'jira', accountId: undefined },
      '/rest/api/3/status',
      init,
    );
  });

  it('sends permission checks as the invoking user, without impersonating anyone', async () => {
    const forgeFetch = installForgeFetch(() => json({ permissions: {} }));

    await forgeJiraFetch()('user', route`/rest/api/3/mypermissions?permissions=${'ADMINISTER'}`, {
      method: 'GET',
      headers: {},
    });

    expect(forgeFetch.mock.calls[0]?.[0]).toEqual({
      type: 'fpp',
      provider: 'user',
      remote: 'jira',
      accountId: undefined,
    });
    expect(forgeFetch.mock.calls[0]?.[1]).toBe('/rest/api/3/mypermissions?permissions=ADMINISTER');
  });

  it('turns Forge’s “user must grant access” into a non-retryable 401', async () => {
    installForgeFetch(
      () => new Response('', { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } }),
    );

    const sending = forgeJiraFetch()('user', route`/rest/api/3/mypermissions`, {
      method: 'GET',
      headers: {},
    });

    await expect(sending).rejects.toEqual(
      new JiraError(
        'Jira GET /rest/api/3/mypermissions: the user has not granted Accord access yet',
        401,
        false,
      ),
    );
    await expect(sending).rejects.toMatchObject({ status: 401, retryable: false });
  });

  it('keeps a platform refusal’s status, retryable when the platform was busy', async () => {
    installForgeFetch(() => new Response('', { status: 503, headers: { 'forge-proxy-error': 'PROXY_ERR' } }));

    await expect(
      forgeJiraFetch()('app', route`/rest/api/3/status`, { method: 'GET', headers: {} }),
    ).rejects.toMatchObject({ status: 503, retryable: true });
  });
});

describe('ForgeJira over the SDK', () => {
  it('refuses an id that would change the path, before anything is sent', async () => {
    const forgeFetch = installForgeFetch(() => json({}));
    const jira = new ForgeJira({ fetch: forgeJiraFetch(), appId: 'app', environment: 'DEVELOPMENT' });

    await expect(jira.getIssue('../../rest/api/3/myself')).rejects.toThrow(/path manipulation/);
    expect(forgeFetch).not.toHaveBeenCalled();
  });

  it('escapes query values with route', async () => {
    const forgeFetch = installForgeFetch(() => json({ issues: [] }));
    const jira = new ForgeJira({ fetch: forgeJiraFetch(), appId: 'app', environment: 'DEVELOPMENT' });

    await jira.searchIssueIds('project = SD & labels = "a b"');

    const sent = new URL(`https://site${forgeFetch.mock.calls[0]?.[1] ?? ''}`);
    expect(sent.pathname).toBe('/rest/api/3/search/jql');
    expect(sent.searchParams.get('jql')).toBe('project = SD & labels = "a b"');
  });

  it('createForgeJira names the custom fields from the Forge app context', async () => {
    forgeGlobals.__forge_runtime__ = {
      appContext: {
        appId: '4886f49a-482d-41ba-bd73-6aeb5ee40e0f',
        appVersion: '2.1.0',
        environmentId: 'f1e2d3c4-0000-4000-8000-000000000001',
        environmentType: 'DEVELOPMENT',
        invocationId: 'inv-1',
        installationId: 'inst-1',
        moduleKey: 'consume-issues',
      },
      lambdaContext: {},
    };
    const forgeFetch = installForgeFetch(() => json(undefined, 204));

    await createForgeJira().setCustomFields([{ issueId: '10001', field: 'sla-state', value: 'at-risk' }]);

    const [target, path, init] = forgeFetch.mock.calls[0] ?? [];
    expect(target).toMatchObject({ provider: 'app', remote: 'jira' });
    expect(path).toBe('/rest/api/3/app/field/value?generateChangelog=false&generateAppEvents=false');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body ?? '')).toEqual({
      updates: [
        {
          customField: '4886f49a-482d-41ba-bd73-6aeb5ee40e0f__DEVELOPMENT__accord-sla-state',
          value: 'at-risk',
          issueIds: [10001],
        },
      ],
    });
  });
});
