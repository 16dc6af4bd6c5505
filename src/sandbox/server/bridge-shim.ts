/**
 * The sandbox's stand-in for the bridge Jira gives a Custom UI frame. `@forge/bridge` does one thing with its
 * host: each API calls `globalThis.__bridge.callBridge(type, payload)` and awaits the answer
 * (`node_modules/@forge/bridge/out/bridge.js`), looking the function up as its modules load. This script, put
 * first into each served `index.html` (ui-files.ts), defines it over the sandbox's HTTP API and the host page:
 *
 * | `callBridge` type            | `@forge/bridge` API                 | sandbox                                             |
 * | ---------------------------- | ----------------------------------- | --------------------------------------------------- |
 * | `invoke`                     | `invoke(key, payload)`              | `POST /api/invoke` with the frame's context         |
 * | `getContext`                 | `view.getContext()`                 | `GET /api/context?…` (locale, time zone, gadget…)   |
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
 * Plain ES2017 in a string (no build step): it is a development harness, not part of any bundle.
 */
export const BRIDGE_SHIM = `/* Accord sandbox: the host bridge @forge/bridge calls (see src/sandbox/server/bridge-shim.ts). */
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  // What invoke sends as the resolver's context, and what getContext adds to it.
  var context = {};
  ['accountId', 'module', 'issueId', 'projectKey'].forEach(function (name) {
    if (query.get(name)) context[name] = query.get(name);
  });
  var view = {};
  ['gadgetId', 'entryPoint', 'locale', 'timezone'].forEach(function (name) {
    if (query.get(name)) view[name] = query.get(name);
  });
  var colorMode = query.get('colorMode') === 'dark' ? 'dark' : 'light';
  var themed = false;
  var isGadgetEdit = context.module === 'gadget' && view.entryPoint === 'edit' && !!view.gadgetId;

  function tellHost(message) {
    message.accordSandbox = message.accordSandbox || 'unknown';
    if (parent !== window) parent.postMessage(message, location.origin);
  }

  // The sandbox clock, ticking on from its last move (see ATTENTION above).
  var wallNow = Date.now.bind(Date);
  var skew = 0;
  Date.now = function () { return wallNow() + skew; };
  function syncClock(now) { if (typeof now === 'number') skew = now - wallNow(); }

  function request(method, path, body) {
    return fetch(path, {
      method: method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) throw new Error((json && json.error && json.error.message) || res.statusText);
        return json;
      });
    });
  }

  // One event stream per channel, shared by its listeners.
  var channels = {};
  function listen(channel, listener) {
    var entry = channels[channel];
    if (!entry) {
      entry = channels[channel] = { listeners: new Set(), source: new EventSource('/api/events?channel=' + encodeURIComponent(channel)) };
      entry.source.onmessage = function (event) {
        var payload = JSON.parse(event.data).payload;
        entry.listeners.forEach(function (l) { l(payload); });
      };
    }
    entry.listeners.add(listener);
    return function () {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0) { entry.source.close(); delete channels[channel]; }
    };
  }
  listen('sandbox:clock', function (clock) { syncClock(clock.now); });

  function applyTheme() {
    if (!themed) return;
    var html = document.documentElement;
    html.setAttribute('data-color-mode', colorMode);
    html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    ['light', 'dark', 'spacing', 'typography', 'shape'].forEach(function (theme) {
      var id = 'accord-sandbox-tokens-' + theme;
      if (document.getElementById(id)) return;
      var link = document.createElement('link');
      link.id = id;
      link.rel = 'stylesheet';
      link.href = '/sandbox/tokens/' + theme + '.css';
      document.head.appendChild(link);
    });
  }

  // view.createHistory(): the host page keeps the path in its own URL, so its back button and reloads work.
  // Listeners are called as history v4's are, (location, action), which is how @forge/bridge calls its own.
  var historyListeners = [];
  var historyState = { action: 'POP', location: toLocation(query.get('path') || '/', null) };
  function toLocation(to, state) {
    var base = historyState ? historyState.location.pathname : '/';
    var loc;
    if (typeof to === 'string') {
      var url = new URL(to, 'http://sandbox' + base);
      loc = { pathname: url.pathname, search: url.search, hash: url.hash };
    } else {
      loc = { pathname: to.pathname || base, search: to.search || '', hash: to.hash || '' };
    }
    loc.state = state === undefined ? null : state;
    loc.key = Math.random().toString(36).slice(2, 10);
    return loc;
  }
  function href(loc) { return loc.pathname + loc.search + loc.hash; }
  function moveTo(action, loc) {
    historyState.action = action;
    historyState.location = loc;
    historyListeners.slice().forEach(function (l) { l(loc, action); });
  }
  function createHistory() {
    var history = {
      get action() { return historyState.action; },
      location: historyState.location,
      get length() { return window.history.length; },
      push: function (to, state) { var loc = toLocation(to, state); tellHost({ accordSandbox: 'history', action: 'PUSH', path: href(loc) }); moveTo('PUSH', loc); },
      replace: function (to, state) { var loc = toLocation(to, state); tellHost({ accordSandbox: 'history', action: 'REPLACE', path: href(loc) }); moveTo('REPLACE', loc); },
      // The frame's history is the page's joint history: going back pops the host's entry, and the host says where.
      go: function (n) { window.history.go(n); },
      back: function () { window.history.back(); },
      goBack: function () { window.history.back(); },
      forward: function () { window.history.forward(); },
      goForward: function () { window.history.forward(); },
      block: function () { return function () {}; },
      createHref: function (to) { return href(toLocation(to, null)); },
      listen: function (listener) {
        historyListeners.push(listener);
        return function () { historyListeners = historyListeners.filter(function (l) { return l !== listener; }); };
      },
    };
    history.listen(function (loc) { history.location = loc; });
    return history;
  }

  // router.navigate/open/getUrl: Jira's places, as the sandbox's host pages.
  var MODULE_PAGES = {
    'accord-admin': '/admin',
    'accord-reports': '/reports',
    'accord-project-settings': '/project/{project}/settings',
    'accord-compliance-gadget': '/dashboard',
  };
  function pathOf(target) {
    if (typeof target.url === 'string') {
      var browse = /^[/]browse[/]([A-Z][A-Z0-9]*-[0-9]+)$/.exec(target.url);
      return browse ? '/issue/' + browse[1] : target.url;
    }
    switch (target.target) {
      case 'issue': return '/issue/' + encodeURIComponent(target.issueKey);
      case 'dashboard': return '/dashboard';
      case 'projectSettingsDetails': return '/project/' + encodeURIComponent(target.projectKey) + '/settings';
      case 'module': {
        var page = MODULE_PAGES[target.moduleKey];
        if (!page) break;
        page = page.replace('{project}', encodeURIComponent(target.projectKey || context.projectKey || 'IT'));
        return target.path ? page + '/' + String(target.path).replace(/^[/]+/, '') : page;
      }
    }
    throw new Error('The Accord sandbox has no page for ' + JSON.stringify(target) + '.');
  }
  // A sandbox page opens in the frame's colour mode, language and time zone.
  function urlOf(target) {
    var url = new URL(pathOf(target), location.origin);
    if (url.origin === location.origin && url.pathname.indexOf('/ui/') !== 0) {
      if (colorMode !== 'light') url.searchParams.set('theme', colorMode);
      if (view.locale && view.locale !== 'en-US') url.searchParams.set('locale', view.locale);
      if (view.timezone && view.timezone !== 'Europe/Berlin') url.searchParams.set('timezone', view.timezone);
    }
    return url.href;
  }

  addEventListener('message', function (event) {
    if (event.origin !== location.origin || event.source !== parent || !event.data) return;
    if (event.data.accordSandbox === 'theme') {
      colorMode = event.data.colorMode === 'dark' ? 'dark' : 'light';
      applyTheme();
    } else if (event.data.accordSandbox === 'history-pop' && typeof event.data.path === 'string') {
      moveTo('POP', toLocation(event.data.path, null));
    }
  });

  var handlers = {
    invoke: function (p) {
      return request('POST', '/api/invoke', { key: p.functionKey, payload: p.payload === undefined ? {} : p.payload, context: context });
    },
    getContext: function () {
      var params = Object.assign({}, context, view);
      return request('GET', '/api/context?' + new URLSearchParams(params)).then(function (ctx) {
        if (ctx.sandbox) syncClock(ctx.sandbox.now);
        ctx.theme = { colorMode: colorMode };
        return ctx;
      });
    },
    subscribeRealtimeChannel: function (p) {
      var stop = listen(p.channelName, function (payload) {
        p.onEvent(typeof payload === 'string' ? payload : JSON.stringify(payload));
      });
      return Promise.resolve({ unsubscribe: function () { stop(); return Promise.resolve(); } });
    },
    enableTheming: function () {
      themed = true;
      applyTheme();
      return Promise.resolve();
    },
    // As in Jira, a view that cannot be submitted or closed answers false, and @forge/bridge throws.
    submit: function (configuration) {
      if (!isGadgetEdit) return false;
      return request('POST', '/api/gadgets/' + encodeURIComponent(view.gadgetId), { configuration: configuration }).then(function () {
        tellHost({ accordSandbox: 'gadget-mode', mode: 'view' });
        return true;
      });
    },
    close: function () {
      if (!isGadgetEdit) return false;
      tellHost({ accordSandbox: 'gadget-mode', mode: 'view' });
      return true;
    },
    refresh: function () {
      tellHost({ accordSandbox: 'refresh' });
      return true;
    },
    createHistory: createHistory,
    getUrl: function (target) { return urlOf(target); },
    navigate: function (target) {
      var url = urlOf(target);
      if (target.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else top.location.assign(url);
    },
    reload: function () { top.location.reload(); },
    showFlag: function (options) {
      tellHost({ accordSandbox: 'flag', flag: { id: String(options.id), title: options.title || '', description: options.description || '', type: options.type || 'info', isAutoDismiss: !!options.isAutoDismiss } });
      return true;
    },
    closeFlag: function (p) {
      tellHost({ accordSandbox: 'close-flag', id: String(p.id) });
      return true;
    },
    changeWindowTitle: function (title) {
      tellHost({ accordSandbox: 'title', title: String(title) });
    },
    emitReadyEvent: function () {},
  };

  window.__bridge = {
    callBridge: function (type, payload) {
      var handler = handlers[type];
      if (!handler) return Promise.reject(new Error('The Accord sandbox does not offer the bridge call "' + type + '".'));
      try { return Promise.resolve(handler(payload === undefined ? {} : payload)); } catch (error) { return Promise.reject(error); }
    },
  };

  // Tell the host page how tall the content is, so the frame has no scroll bar of its own.
  function reportHeight() {
    var body = document.body;
    var height = body.getBoundingClientRect().bottom + parseFloat(getComputedStyle(body).marginBottom || '0');
    tellHost({ accordSandbox: 'resize', height: height });
  }
  addEventListener('load', function () {
    new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
  });
})();
`;

/** Where the server serves {@link BRIDGE_SHIM}. */
export const BRIDGE_SHIM_PATH = '/sandbox/bridge-shim.js';
