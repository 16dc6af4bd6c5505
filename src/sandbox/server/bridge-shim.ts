/**
 * The sandbox's stand-in for the bridge Jira gives a Custom UI frame. `@forge/bridge` does one thing with its
 * host: each API calls `globalThis.__bridge.callBridge(type, payload)` and awaits the answer
 * (`node_modules/@forge/bridge/out/bridge.js`), looking the function up as its modules load. This script, put
 * first into each served `index.html` (ui-files.ts), defines it over the sandbox's HTTP API:
 *
 * | `callBridge` type          | payload                            | sandbox                                     |
 * | -------------------------- | ---------------------------------- | ------------------------------------------- |
 * | `invoke`                   | `{ functionKey, payload }`         | `POST /api/invoke` with the frame's context |
 * | `getContext`               | none                               | `GET /api/context?…`                        |
 * | `subscribeRealtimeChannel` | `{ channelName, onEvent }`         | `GET /api/events?channel=…` (SSE)           |
 * | `enableTheming`            | none                               | `data-color-mode`, `data-theme`, token CSS  |
 *
 * Anything else rejects, saying the sandbox does not offer it. The frame's context (who is looking, from which
 * module, at which issue) comes from its URL's query, which the host page writes: `accountId`, `module`,
 * `issueId`, `projectKey`, and `colorMode` (`light` or `dark`). The host page changes the colour mode later by
 * posting `{ accordSandbox: 'theme', colorMode }`; the frame posts `{ accordSandbox: 'resize', height }` to its
 * parent so that the host can size it, as Jira does.
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
  var context = {};
  ['accountId', 'module', 'issueId', 'projectKey'].forEach(function (name) {
    if (query.get(name)) context[name] = query.get(name);
  });
  var colorMode = query.get('colorMode') === 'dark' ? 'dark' : 'light';
  var themed = false;

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
  addEventListener('message', function (event) {
    if (event.origin !== location.origin || !event.data || event.data.accordSandbox !== 'theme') return;
    colorMode = event.data.colorMode === 'dark' ? 'dark' : 'light';
    applyTheme();
  });

  var handlers = {
    invoke: function (p) {
      return request('POST', '/api/invoke', { key: p.functionKey, payload: p.payload === undefined ? {} : p.payload, context: context });
    },
    getContext: function () {
      return request('GET', '/api/context?' + new URLSearchParams(context)).then(function (ctx) {
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
  };

  window.__bridge = {
    callBridge: function (type, payload) {
      var handler = handlers[type];
      if (!handler) return Promise.reject(new Error('The Accord sandbox does not offer the bridge call "' + type + '".'));
      try { return Promise.resolve(handler(payload || {})); } catch (error) { return Promise.reject(error); }
    },
  };

  // Tell the host page how tall the content is, so the frame has no scroll bar of its own.
  function reportHeight() {
    var body = document.body;
    var height = body.getBoundingClientRect().bottom + parseFloat(getComputedStyle(body).marginBottom || '0');
    parent.postMessage({ accordSandbox: 'resize', height: height }, location.origin);
  }
  addEventListener('load', function () {
    new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
  });
})();
`;

/** Where the server serves {@link BRIDGE_SHIM}. */
export const BRIDGE_SHIM_PATH = '/sandbox/bridge-shim.js';
