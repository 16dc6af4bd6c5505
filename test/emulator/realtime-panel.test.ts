/**
 * Open issue panels hear the backend's updates on Forge: the consumer that measures an issue publishes on the
 * issue's global channel, which says only "changed", and the panel (the issue panel's own `@forge/bridge`
 * backend, static/shared/forge-backend.ts) hears it in its issue context and re-reads through its resolver,
 * which checks the viewer's permission. Realtime is the emulator's, with Forge's channel scoping.
 */
import { issueChannel } from '../../src/app/ports';
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, startEmulator } from './support';

const PANEL = 'accord-issue-context';

/** The part of the Custom UIs' `Backend` (static/shared/backend.ts, an ES module the tests cannot type-import) used here. */
interface Backend {
  call(route: string, payload: Record<string, unknown>): Promise<unknown>;
  subscribe(channel: string, onEvent: () => void): Promise<() => void>;
}

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

/**
 * The panel's backend as it runs in Jira, on a host bridge that Jira would be: realtime subscriptions in the
 * frame's module and issue context, resolver calls as the viewing user.
 */
function panelBackend(emulator: ForgeEmulator, viewer: string, issueId: string): Backend {
  const callBridge = (name: string, args: Record<string, unknown>): unknown => {
    if (name === 'subscribeRealtimeChannel') {
      const onEvent = args.onEvent as (payload: unknown) => void;
      emulator.realtime.subscribe(
        String(args.channelName),
        { moduleKey: PANEL, issueId },
        { global: args.isGlobal === true, onEvent },
      );
      return Promise.resolve({ unsubscribe: () => Promise.resolve() });
    }
    if (name === 'invoke') {
      return emulator.invokeResolver(String(args.functionKey), args.payload, {
        accountId: viewer,
        moduleKey: PANEL,
        issueId,
      });
    }
    return Promise.reject(new Error(`the test's bridge does not answer ${name}`));
  };
  const g = globalThis as { __bridge?: unknown };
  g.__bridge = { callBridge };
  let backend: Backend | undefined;
  jest.isolateModules(() => {
    backend = jest.requireActual<{ forgeBackend: Backend }>('../../static/shared/forge-backend').forgeBackend;
  });
  delete g.__bridge;
  if (!backend) throw new Error('static/shared/forge-backend did not load');
  return backend;
}

describeOnMysql('Forge emulator: realtime updates reach open panels', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('a consumer publishes "changed" on the issue’s global channel; the panel hears it and re-reads', async () => {
    emulator = await startEmulator(url, { seeded: true });
    const e = emulator;
    const issue = e.site.create({ reporter: 'carla-customer', fields: acme });
    expect(await e.drain()).toBe(true);

    const backend = panelBackend(e, 'alex-agent', issue.id);
    let notices = 0;
    await backend.subscribe(issueChannel(issue.id), () => {
      notices++;
    });
    // What the platform delivers on the channel: nothing but "changed", which any subscriber may see.
    const raw = e.realtime.subscribe(
      issueChannel(issue.id),
      { moduleKey: PANEL, issueId: issue.id },
      { global: true },
    );
    // Another issue's panel is open too: it must not hear this issue's updates.
    const other = e.site.create({ reporter: 'carla-customer' });
    expect(await e.drain()).toBe(true);
    let otherNotices = 0;
    await panelBackend(e, 'alex-agent', other.id).subscribe(issueChannel(other.id), () => {
      otherNotices++;
    });

    // An agent answers: the drain measures the issue and publishes.
    e.site.comment(issue.id, 'alex-agent', 'Looking into it now.');
    expect(await e.drain()).toBe(true);
    expect(notices).toBeGreaterThanOrEqual(1);
    expect(new Set(raw.heard.map((h) => h.payload))).toEqual(new Set(['changed']));
    expect(otherNotices).toBe(0);
    expect(e.realtime.counters.refused).toBe(0);

    // The panel re-reads through its resolver, as the viewing agent: the first response is met now.
    const reply = (await played(e, backend.call('issue/metrics', { issueId: issue.id }))) as {
      ok: boolean;
      data?: { results: { metric: { id: string; state: string } }[] };
    };
    expect(reply.ok).toBe(true);
    expect(reply.data?.results.find((r) => r.metric.id === 'first-response')?.metric.state).toBe('met');
  });
});
