/**
 * The host pages' script, what Jira's own page does around a Custom UI frame (chrome.ts writes the page and its
 * `#accord-host` configuration): it keeps the page's view (colour mode, language, time zone, who is looking)
 * in the page's URL and passes it to the frame, posting a new colour mode to the frame and reloading the frame
 * for the rest (Forge's context is read once, as on a site, where a new language means a new page); it sizes
 * the frame to its content, keeps the frame's `view.createHistory()` path in the page's URL, shows the frame's
 * flags, switches a gadget between its view and edit entry points, shows the sandbox clock and moves it.
 *
 * Page scripts reach it as `window.accordHost` (globals.d.ts): `view` and `frame` (the frame's query),
 * `send(path, body)`, `setView(change)`, `setFrame(change)`, `on(event, listener)` for `changed` (a control,
 * a clock move or the frame's `view.refresh()`), `view` and `frame`, and `say(key, params)`, the chrome's words
 * in the page's language (chrome-text.ts; the page carries its language's table, so no request). The messages with the frame are listed in
 * bridge-shim.ts. A classic script, transpiled by the server (host-assets.ts).
 */
(() => {
  const $ = (id: string): HTMLElement | null => document.getElementById(id);
  const required = (id: string): HTMLElement => {
    const el = $(id);
    if (el === null) throw new Error(`The host page has no #${id}.`);
    return el;
  };
  const config = JSON.parse(required('accord-host').textContent) as HostConfig;
  const view = config.view;
  const frameQuery = config.frame;
  const frame = $('accord-frame') as HTMLIFrameElement | null;
  const html = document.documentElement;
  const listeners = new Map<HostEvent, ((detail?: unknown) => void)[]>();
  const on = (name: HostEvent, listener: (detail?: unknown) => void): void => {
    listeners.set(name, [...(listeners.get(name) ?? []), listener]);
  };
  const emit = (name: HostEvent, detail?: unknown): void => {
    for (const listener of listeners.get(name) ?? []) listener(detail);
  };
  const VIEW_KEYS = ['theme', 'locale', 'timezone', 'as'] as const;
  function say<K extends ChromeKey>(key: K, ...params: ChromeParams<K>): string {
    const values: Readonly<Record<string, string | number>> = params[0] ?? {};
    return config.text[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : String(value);
    });
  }

  function frameUrl(): string {
    const q = new URLSearchParams(frameQuery);
    q.set('accountId', view.as);
    q.set('colorMode', view.theme);
    q.set('locale', view.locale);
    q.set('timezone', view.timezone);
    return `/ui/${config.ui ?? ''}/?${q.toString()}`;
  }
  // The page's URL: its base, the frame's history path, and the view where it is not the default.
  function pageUrl(): string {
    const q = new URLSearchParams();
    for (const k of VIEW_KEYS) if (view[k] !== config.defaults[k]) q.set(k, view[k]);
    const framePath = frameQuery.path;
    const path = config.history && framePath ? (framePath.split(/[?#]/)[0] ?? '/') : '/';
    const s = q.toString();
    return config.base + (path === '/' ? '' : path) + (s ? `?${s}` : '');
  }
  function syncUrl(push: boolean): void {
    const url = pageUrl();
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  function post(message: unknown): void {
    frame?.contentWindow?.postMessage(message, location.origin);
  }
  function reloadFrame(): void {
    if (frame) frame.src = frameUrl();
  }

  function setView(change: Partial<HostView>): void {
    const before = { ...view };
    Object.assign(view, change);
    syncUrl(false);
    if (view.theme !== before.theme) {
      html.setAttribute('data-color-mode', view.theme);
      post({ accordSandbox: 'theme', colorMode: view.theme });
    }
    // The chrome is written in the view's language and zone: a new one is a new page, as on a site.
    if (view.locale !== before.locale || view.timezone !== before.timezone) {
      location.reload();
      return;
    }
    if (view.as !== before.as) reloadFrame();
    showClock();
    emit('view', view);
  }
  const switchers = [
    ['view-theme', 'theme'],
    ['view-locale', 'locale'],
    ['view-timezone', 'timezone'],
    ['view-as', 'as'],
  ] as const;
  for (const [id, key] of switchers) {
    const select = $(id) as HTMLSelectElement | null;
    select?.addEventListener('change', () => {
      setView({ [key]: select.value });
    });
  }

  // Links between the sandbox's pages keep the colour mode, language and zone, as a site keeps a profile's
  // (not who is looking: each page has its own people). The JSON API and the frames' files are left as they are.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) {
    const url = new URL(link.href);
    if (/^\/(api|ui|sandbox)\//.test(url.pathname)) continue;
    for (const k of ['theme', 'locale', 'timezone'] as const)
      if (view[k] !== config.defaults[k] && !url.searchParams.has(k)) url.searchParams.set(k, view[k]);
    link.href = url.pathname + url.search + url.hash;
  }

  function setFrame(change: Readonly<Record<string, string | null>>): void {
    for (const [k, v] of Object.entries(change)) {
      if (v === null) Reflect.deleteProperty(frameQuery, k);
      else frameQuery[k] = v;
    }
    reloadFrame();
    emit('frame', frameQuery);
  }

  // Flags, as view's showFlag asks for them.
  interface Flag {
    readonly id: string;
    readonly type?: string;
    readonly title?: string;
    readonly description?: unknown;
    readonly isAutoDismiss?: boolean;
  }
  const flags = required('accord-flags');
  function closeFlag(id: string): void {
    for (const el of [...flags.children]) if ((el as HTMLElement).dataset.flagId === id) el.remove();
  }
  function showFlag(flag: Flag): void {
    closeFlag(flag.id);
    const type = ['success', 'warning', 'error', 'info'].includes(flag.type ?? '')
      ? (flag.type ?? 'info')
      : 'info';
    const el = document.createElement('div');
    el.className = `flag ${type}`;
    el.dataset.flagId = flag.id;
    el.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    const body = document.createElement('div');
    body.className = 'body';
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = flag.title ?? '';
    const description = document.createElement('div');
    description.className = 'description';
    description.textContent = typeof flag.description === 'string' ? flag.description : '';
    body.append(title, description);
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.setAttribute('aria-label', say('flag.dismiss'));
    dismiss.textContent = '\u00d7';
    dismiss.addEventListener('click', () => {
      el.remove();
    });
    el.append(mark, body, dismiss);
    flags.appendChild(el);
    if (flag.isAutoDismiss === true)
      setTimeout(() => {
        el.remove();
      }, 8000);
  }

  interface FrameMessage {
    readonly accordSandbox?: string;
    readonly height?: number;
    readonly path?: unknown;
    readonly action?: string;
    readonly mode?: string;
    readonly flag?: Flag;
    readonly id?: unknown;
    readonly title?: unknown;
  }
  addEventListener('message', (event: MessageEvent<FrameMessage | null>) => {
    // Only the frame's own messages, from the sandbox's origin.
    if (frame === null) return;
    const m = event.data;
    if (event.source !== frame.contentWindow || event.origin !== location.origin || m === null) return;
    switch (m.accordSandbox) {
      case 'resize':
        frame.style.height = `${Math.max(config.minHeight, Math.ceil(m.height ?? 0))}px`;
        break;
      case 'history':
        if (typeof m.path === 'string') {
          frameQuery.path = m.path;
          syncUrl(m.action === 'PUSH');
        }
        break;
      case 'gadget-mode':
        setFrame({ entryPoint: m.mode === 'edit' ? 'edit' : null });
        break;
      case 'refresh':
        emit('changed');
        break;
      case 'flag':
        if (m.flag) showFlag(m.flag);
        break;
      case 'close-flag':
        closeFlag(String(m.id));
        break;
      case 'title':
        document.title = String(m.title);
        break;
    }
  });
  addEventListener('popstate', () => {
    if (!config.history) return;
    const path = location.pathname.slice(config.base.length) || '/';
    frameQuery.path = path;
    post({ accordSandbox: 'history-pop', path });
  });

  // Controls: a POST whose refusal shows in the bar.
  async function send(path: string, body: unknown): Promise<unknown> {
    const error = required('sandbox-error');
    error.textContent = '';
    try {
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { error?: { message?: string } };
      if (!res.ok) throw new Error(json.error?.message ?? `${path}: ${res.status}`);
      emit('changed');
      return json;
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      return undefined;
    }
  }

  // The sandbox clock, in the view's language and time zone.
  interface Clock {
    readonly now: number;
  }
  let clock: Clock | null = null;
  // `09:30` where the locale counts hours 0–23, `9:30 AM` where it counts 1–12, as the pages and the UIs.
  const cycle = new Intl.DateTimeFormat(config.locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const hour = cycle === 'h11' || cycle === 'h12' ? 'numeric' : '2-digit';
  function showClock(next?: Clock): void {
    if (next) clock = next;
    if (!clock) return;
    required('sandbox-clock').textContent = new Date(clock.now).toLocaleString(config.locale, {
      timeZone: view.timezone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour,
      minute: '2-digit',
      timeZoneName: 'short',
    });
  }
  void fetch('/api/clock')
    .then((res) => res.json() as Promise<Clock>)
    .then(showClock);
  new EventSource('/api/events?channel=sandbox%3Aclock').onmessage = (event: MessageEvent<string>) => {
    showClock((JSON.parse(event.data) as { payload: Clock }).payload);
    emit('changed');
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-minutes]')) {
    button.addEventListener('click', () => {
      void send('/api/clock/advance', { minutes: Number(button.dataset.minutes) }).then((reply) => {
        if (reply) showClock(reply as Clock);
      });
    });
  }

  window.accordHost = { view, frame: frameQuery, send, setView, setFrame, on, say };
})();
