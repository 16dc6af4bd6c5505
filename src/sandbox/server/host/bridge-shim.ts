/**
 * The sandbox's stand-in for the bridge Jira gives a Custom UI frame. `@forge/bridge` does one thing with its
 * host: each API calls `globalThis.__bridge.callBridge(type, payload)` and awaits the answer
 * (`node_modules/@forge/bridge/out/bridge.js`), looking the function up as its modules load. This script, put
 * first into each served `index.html` (ui-files.ts), defines it over the sandbox's HTTP API and the host page:
 *
 * | `callBridge` type            | `@forge/bridge` API                 | sandbox                                             |
 * | ---------------------------- | ----------------------------------- | --------------------------------------------------- |
 * | `invoke`                     | `invoke(key, payload)`              | `POST /api/invoke` with the frame's context         |
 * | `getContext`                 | `view.getContext()`                 | first the one written into the document, then       |
 * |                              |                                     | `GET /api/context?…` (locale, time zone, gadget…)   |
 * | `subscribeRealtimeChannel`   | `realtime.subscribe`                | `GET /api/events?channel=…` (SSE)                   |
 * | `enableTheming`              | `view.theme.enable()`               | `data-color-mode`, `data-theme`, token CSS          |
 * | `submit`                     | `view.submit(config)`               | a gadget's edit view: `POST /api/gadgets/:id`, then |
 * |                              |                                     | the host shows the gadget's view; elsewhere `false` |
 * | `close`                      | `view.close()`                      | a gadget's edit view: back to its view; else `false`|
 * | `refresh`                    | `view.refresh()`                    | the host page re-reads what it shows               |
 * | `createHistory`              | `view.createHistory()`              | a `history` object kept in the host page's URL      |
 * | `navigate`, `getUrl`         | `router.navigate/open/getUrl`       | the sandbox's host pages (issue, dashboard, modules)|
 * | `reload`                     | `router.reload()`                   | reloads the host page                               |
 * | `showFlag`, `closeFlag`      | `showFlag(options)`, `flag.close()` | a flag in the host page's corner                    |
 * | `changeWindowTitle`          | `view.changeWindowTitle(title)`     | the host page's title                               |
 * | `emitReadyEvent`             | `view.emitReadyEvent()`             | nothing to do                                       |
 *
 * Anything else rejects, saying the sandbox does not offer it. The frame's context comes from its URL's query,
 * which the host page writes: `accountId`, `module`, `issueId`, `projectKey`, `gadgetId`, `entryPoint`
 * (`edit`), `locale` (`de-DE`), `timezone` (`Europe/Berlin`), `colorMode` (`light` or `dark`) and `path` (where
 * the history starts). Frame and host talk by `postMessage` with `{ accordSandbox: <what>, … }` on the
 * sandbox's own origin: the host sends `theme` `{ colorMode }` and `history-pop` `{ path }`; the frame sends
 * `resize` `{ height }` (so that the host sizes it, as Jira does), `history` `{ action, path }`, `gadget-mode`
 * `{ mode }`, `refresh`, `flag` `{ flag }`, `close-flag` `{ id }` and `title` `{ title }`.
 *
 * ATTENTION: the sandbox clock stands still between moves, but `@forge/bridge` and the UIs read `Date.now()`.
 * The shim shifts the frame's `Date.now()` to the sandbox clock (from the context's `sandbox.now` and every
 * move on `sandbox:clock`) and lets it run on with the wall clock in between, so a countdown ticks from the
 * sandbox's "now" and may run up to a few minutes ahead of it; `new Date()` is left alone.
 *
 * A classic script of its own (the frame has no `accordHost`), transpiled by the server (host-assets.ts): a
 * development harness, not part of any bundle.
 */
(() => {
  const query = new URLSearchParams(location.search);
  const fromQuery = (names: readonly string[]): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const name of names) {
      const value = query.get(name);
      if (value) found[name] = value;
    }
    return found;
  };
  // What invoke sends as the resolver's context, and what getContext adds to it.
  const context = fromQuery(['accountId', 'module', 'issueId', 'projectKey']);
  const view = fromQuery(['gadgetId', 'entryPoint', 'locale', 'timezone']);
  let colorMode = query.get('colorMode') === 'dark' ? 'dark' : 'light';
  let themed = false;
  const isGadgetEdit = context.module === 'gadget' && view.entryPoint === 'edit' && !!view.gadgetId;

  function tellHost(message: { accordSandbox: string } & Record<string, unknown>): void {
    if (parent !== window) parent.postMessage(message, location.origin);
  }

  // The sandbox clock, ticking on from its last move (see ATTENTION above).
  const wallNow = Date.now.bind(Date);
  let skew = 0;
  Date.now = () => wallNow() + skew;
  function syncClock(now: unknown): void {
    if (typeof now === 'number') skew = now - wallNow();
  }

  async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as { error?: { message?: string } } | null;
    if (!res.ok) throw new Error(json?.error?.message ?? res.statusText);
    return json;
  }

  // One event stream per channel, shared by its listeners.
  type Listener = (payload: unknown) => void;
  const channels = new Map<string, { listeners: Set<Listener>; source: EventSource }>();
  function listen(channel: string, listener: Listener): () => void {
    let entry = channels.get(channel);
    if (!entry) {
      const created = {
        listeners: new Set<Listener>(),
        source: new EventSource(`/api/events?channel=${encodeURIComponent(channel)}`),
      };
      created.source.onmessage = (event: MessageEvent<string>) => {
        const { payload } = JSON.parse(event.data) as { payload: unknown };
        for (const l of created.listeners) l(payload);
      };
      channels.set(channel, created);
      entry = created;
    }
    const { listeners, source } = entry;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        source.close();
        channels.delete(channel);
      }
    };
  }
  // The context the server wrote into the document (ui-files.ts), what GET /api/context would answer: the
  // first view.getContext() needs no round trip, as in Jira, whose host answers it at once. The clock is set
  // from it now, when it is freshest.
  interface FrameContext {
    sandbox?: { now?: unknown };
    theme?: unknown;
  }
  const contextScript = document.getElementById('accord-sandbox-context');
  let written = contextScript?.textContent ? (JSON.parse(contextScript.textContent) as FrameContext) : null;
  if (written?.sandbox) syncClock(written.sandbox.now);
  listen('sandbox:clock', (clock) => {
    syncClock((clock as { now?: unknown }).now);
  });

  function applyTheme(): void {
    if (!themed) return;
    const html = document.documentElement;
    html.setAttribute('data-color-mode', colorMode);
    html.setAttribute(
      'data-theme',
      'dark:dark light:light spacing:spacing typography:typography shape:shape',
    );
    // All five themes in one stylesheet (ui-files.ts): one connection, not five, before the UI's first call.
    const id = 'accord-sandbox-tokens';
    if (document.getElementById(id)) return;
    const link = document.createElement('link');
    link.id = id;
    link.rel = 'stylesheet';
    link.href = '/sandbox/tokens/all.css';
    document.head.appendChild(link);
  }

  // view.createHistory(): the host page keeps the path in its own URL, so its back button and reloads work.
  // Listeners are called as history v4's are, (location, action), which is how @forge/bridge calls its own.
  interface Loc {
    pathname: string;
    search: string;
    hash: string;
    state: unknown;
    key: string;
  }
  type To = string | { pathname?: string; search?: string; hash?: string };
  type HistoryListener = (loc: Loc, action: string) => void;
  let historyListeners: HistoryListener[] = [];
  // Where relative paths resolve from: the current location's path.
  const historyBase = { pathname: '/' };
  function toLocation(to: To, state: unknown): Loc {
    const base = historyBase.pathname;
    let loc: Omit<Loc, 'state' | 'key'>;
    if (typeof to === 'string') {
      const url = new URL(to, `http://sandbox${base}`);
      loc = { pathname: url.pathname, search: url.search, hash: url.hash };
    } else {
      loc = { pathname: to.pathname ?? base, search: to.search ?? '', hash: to.hash ?? '' };
    }
    return {
      ...loc,
      state: state === undefined ? null : state,
      key: Math.random().toString(36).slice(2, 10),
    };
  }
  const startPath = query.get('path');
  const current = {
    action: 'POP',
    location: toLocation(startPath === null || startPath === '' ? '/' : startPath, null),
  };
  historyBase.pathname = current.location.pathname;
  const href = (loc: Loc): string => loc.pathname + loc.search + loc.hash;
  function moveTo(action: string, loc: Loc): void {
    current.action = action;
    current.location = loc;
    historyBase.pathname = loc.pathname;
    for (const l of historyListeners.slice()) l(loc, action);
  }
  function createHistory(): unknown {
    const history = {
      get action() {
        return current.action;
      },
      location: current.location,
      get length() {
        return window.history.length;
      },
      push(to: To, state?: unknown) {
        const loc = toLocation(to, state);
        tellHost({ accordSandbox: 'history', action: 'PUSH', path: href(loc) });
        moveTo('PUSH', loc);
      },
      replace(to: To, state?: unknown) {
        const loc = toLocation(to, state);
        tellHost({ accordSandbox: 'history', action: 'REPLACE', path: href(loc) });
        moveTo('REPLACE', loc);
      },
      // The frame's history is the page's joint history: going back pops the host's entry, and the host says where.
      go(n: number) {
        window.history.go(n);
      },
      back() {
        window.history.back();
      },
      goBack() {
        window.history.back();
      },
      forward() {
        window.history.forward();
      },
      goForward() {
        window.history.forward();
      },
      block() {
        return () => undefined;
      },
      createHref(to: To) {
        return href(toLocation(to, null));
      },
      listen(listener: HistoryListener) {
        historyListeners.push(listener);
        return () => {
          historyListeners = historyListeners.filter((l) => l !== listener);
        };
      },
    };
    history.listen((loc) => {
      history.location = loc;
    });
    return history;
  }

  // router.navigate/open/getUrl: Jira's places, as the sandbox's host pages.
  const MODULE_PAGES: Readonly<Record<string, string>> = {
    'accord-admin': '/admin',
    'accord-reports': '/reports',
    'accord-project-settings': '/project/{project}/settings',
    'accord-compliance-gadget': '/dashboard',
  };
  interface Target {
    readonly url?: unknown;
    readonly target?: string;
    readonly type?: string;
    readonly issueKey?: string;
    readonly projectKey?: string;
    readonly moduleKey?: string;
    readonly path?: string | number;
  }
  function pathOf(target: Target): string {
    if (typeof target.url === 'string') {
      const browse = /^[/]browse[/]([A-Z][A-Z0-9]*-[0-9]+)$/.exec(target.url);
      return browse ? `/issue/${browse[1] ?? ''}` : target.url;
    }
    switch (target.target) {
      case 'issue':
        return `/issue/${encodeURIComponent(target.issueKey ?? '')}`;
      case 'dashboard':
        return '/dashboard';
      case 'projectSettingsDetails':
        return `/project/${encodeURIComponent(target.projectKey ?? '')}/settings`;
      case 'module': {
        const template = MODULE_PAGES[target.moduleKey ?? ''];
        if (template === undefined) break;
        const page = template.replace(
          '{project}',
          encodeURIComponent(target.projectKey ?? context.projectKey ?? 'IT'),
        );
        return target.path ? `${page}/${String(target.path).replace(/^[/]+/, '')}` : page;
      }
    }
    throw new Error(`The Accord sandbox has no page for ${JSON.stringify(target)}.`);
  }
  // A sandbox page opens in the frame's colour mode, language and time zone.
  function urlOf(target: Target): string {
    const url = new URL(pathOf(target), location.origin);
    if (url.origin === location.origin && !url.pathname.startsWith('/ui/')) {
      if (colorMode !== 'light') url.searchParams.set('theme', colorMode);
      if (view.locale && view.locale !== 'en-US') url.searchParams.set('locale', view.locale);
      if (view.timezone && view.timezone !== 'Europe/Berlin') url.searchParams.set('timezone', view.timezone);
    }
    return url.href;
  }

  addEventListener(
    'message',
    (event: MessageEvent<{ accordSandbox?: string; colorMode?: string; path?: unknown } | null>) => {
      const data = event.data;
      if (event.origin !== location.origin || event.source !== parent || data === null) return;
      if (data.accordSandbox === 'theme') {
        colorMode = data.colorMode === 'dark' ? 'dark' : 'light';
        applyTheme();
      } else if (data.accordSandbox === 'history-pop' && typeof data.path === 'string') {
        moveTo('POP', toLocation(data.path, null));
      }
    },
  );

  interface FlagOptions {
    readonly id?: unknown;
    readonly title?: string;
    readonly description?: string;
    readonly type?: string;
    readonly isAutoDismiss?: boolean;
  }
  // Each handler takes the payload `@forge/bridge` passes; the shapes are @forge/bridge's.
  /* eslint-disable @typescript-eslint/no-explicit-any -- payloads come from @forge/bridge untyped */
  const handlers: Record<string, (payload: any) => unknown> = {
    /* eslint-enable @typescript-eslint/no-explicit-any */
    invoke: (p: { functionKey: string; payload?: unknown }) =>
      request('POST', '/api/invoke', { key: p.functionKey, payload: p.payload ?? {}, context }),
    getContext: async () => {
      // The first answer came with the document; later ones are asked for (a gadget's configuration changes).
      const ctx = (written ??
        (await request(
          'GET',
          `/api/context?${new URLSearchParams({ ...context, ...view }).toString()}`,
        ))) as FrameContext;
      written = null;
      if (ctx.sandbox) syncClock(ctx.sandbox.now);
      ctx.theme = { colorMode };
      return ctx;
    },
    subscribeRealtimeChannel: (p: { channelName: string; onEvent: (payload: string) => void }) => {
      const stop = listen(p.channelName, (payload) => {
        p.onEvent(typeof payload === 'string' ? payload : JSON.stringify(payload));
      });
      return Promise.resolve({
        unsubscribe: () => {
          stop();
          return Promise.resolve();
        },
      });
    },
    enableTheming: () => {
      themed = true;
      applyTheme();
      return Promise.resolve();
    },
    // As in Jira, a view that cannot be submitted or closed answers false, and @forge/bridge throws.
    submit: async (configuration: unknown) => {
      if (!isGadgetEdit) return false;
      await request('POST', `/api/gadgets/${encodeURIComponent(view.gadgetId ?? '')}`, { configuration });
      tellHost({ accordSandbox: 'gadget-mode', mode: 'view' });
      return true;
    },
    close: () => {
      if (!isGadgetEdit) return false;
      tellHost({ accordSandbox: 'gadget-mode', mode: 'view' });
      return true;
    },
    refresh: () => {
      tellHost({ accordSandbox: 'refresh' });
      return true;
    },
    createHistory,
    getUrl: (target: Target) => urlOf(target),
    navigate: (target: Target) => {
      const url = urlOf(target);
      if (target.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else top?.location.assign(url);
    },
    reload: () => {
      top?.location.reload();
    },
    showFlag: (options: FlagOptions) => {
      tellHost({
        accordSandbox: 'flag',
        flag: {
          id: String(options.id),
          title: options.title ?? '',
          description: options.description ?? '',
          type: options.type ?? 'info',
          isAutoDismiss: options.isAutoDismiss === true,
        },
      });
      return true;
    },
    closeFlag: (p: { id: unknown }) => {
      tellHost({ accordSandbox: 'close-flag', id: String(p.id) });
      return true;
    },
    changeWindowTitle: (title: unknown) => {
      tellHost({ accordSandbox: 'title', title: String(title) });
    },
    emitReadyEvent: () => undefined,
  };

  (window as unknown as { __bridge: unknown }).__bridge = {
    callBridge(type: string, payload: unknown): Promise<unknown> {
      const handler = handlers[type];
      if (!handler)
        return Promise.reject(new Error(`The Accord sandbox does not offer the bridge call "${type}".`));
      try {
        return Promise.resolve(handler(payload === undefined ? {} : payload));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };

  // Tell the host page how tall the content is, so the frame has no scroll bar of its own.
  function reportHeight(): void {
    const body = document.body;
    const height =
      body.getBoundingClientRect().bottom + parseFloat(getComputedStyle(body).marginBottom || '0');
    tellHost({ accordSandbox: 'resize', height });
  }
  addEventListener('load', () => {
    new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
  });
})();
