/**
 * The host pages' script, what Jira's own page does around a Custom UI frame (chrome.ts writes the page and its
 * `#accord-host` configuration): it keeps the page's view (colour mode, language, time zone, who is looking)
 * in the page's URL and passes it to the frame, posting a new colour mode to the frame and reloading the frame
 * for the rest (Forge's context is read once, as on a site, where a new language means a new page); it sizes
 * the frame to its content, keeps the frame's `view.createHistory()` path in the page's URL, shows the frame's
 * flags, switches a gadget between its view and edit entry points, shows the sandbox clock and moves it.
 *
 * Page scripts reach it as `window.accordHost`: `view` and `frame` (the frame's query), `send(path, body)` (a
 * control: POSTs, shows a refusal in the bar, resolves the reply or undefined), `setView(change)`,
 * `setFrame(change)` (`null` removes a parameter) and `on(event, listener)` for `changed` (a control, a clock
 * move or the frame's `view.refresh()`), `view` and `frame`. The messages with the frame are listed in
 * bridge-shim.ts. Plain ES2017 in a string, as the shim.
 */
export const HOST_SCRIPT = `/* Accord sandbox host page (see src/sandbox/server/host-script.ts). */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var config = JSON.parse($('accord-host').textContent);
  var view = config.view;
  var frameQuery = config.frame;
  var frame = $('accord-frame');
  var html = document.documentElement;
  var listeners = {};
  function on(name, listener) { (listeners[name] = listeners[name] || []).push(listener); }
  function emit(name, detail) { (listeners[name] || []).forEach(function (l) { l(detail); }); }

  function frameUrl() {
    var q = new URLSearchParams(frameQuery);
    q.set('accountId', view.as);
    q.set('colorMode', view.theme);
    q.set('locale', view.locale);
    q.set('timezone', view.timezone);
    return '/ui/' + config.ui + '/?' + q;
  }
  // The page's URL: its base, the frame's history path, and the view where it is not the default.
  function pageUrl() {
    var q = new URLSearchParams();
    ['theme', 'locale', 'timezone', 'as'].forEach(function (k) { if (view[k] !== config.defaults[k]) q.set(k, view[k]); });
    var path = config.history && frameQuery.path ? frameQuery.path.split(/[?#]/)[0] : '/';
    var s = q.toString();
    return config.base + (path === '/' ? '' : path) + (s ? '?' + s : '');
  }
  function syncUrl(push) {
    var url = pageUrl();
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }
  function post(message) { if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, location.origin); }
  function reloadFrame() { if (frame) frame.src = frameUrl(); }

  function setView(change) {
    var before = Object.assign({}, view);
    Object.assign(view, change);
    syncUrl(false);
    if (view.theme !== before.theme) {
      html.setAttribute('data-color-mode', view.theme);
      post({ accordSandbox: 'theme', colorMode: view.theme });
    }
    if (view.locale !== before.locale) html.setAttribute('lang', view.locale);
    if (view.locale !== before.locale || view.timezone !== before.timezone || view.as !== before.as) reloadFrame();
    showClock();
    emit('view', view);
  }
  [['view-theme', 'theme'], ['view-locale', 'locale'], ['view-timezone', 'timezone'], ['view-as', 'as']].forEach(function (p) {
    var select = $(p[0]);
    if (!select) return;
    select.addEventListener('change', function () { var change = {}; change[p[1]] = select.value; setView(change); });
  });

  function setFrame(change) {
    Object.keys(change).forEach(function (k) { if (change[k] === null) delete frameQuery[k]; else frameQuery[k] = change[k]; });
    reloadFrame();
    emit('frame', frameQuery);
  }

  // Flags, as view's showFlag asks for them.
  var flags = $('accord-flags');
  function closeFlag(id) {
    Array.prototype.forEach.call(flags.children, function (el) { if (el.dataset.flagId === id) el.remove(); });
  }
  function showFlag(flag) {
    closeFlag(flag.id);
    var type = ['success', 'warning', 'error', 'info'].indexOf(flag.type) >= 0 ? flag.type : 'info';
    var el = document.createElement('div');
    el.className = 'flag ' + type;
    el.dataset.flagId = flag.id;
    el.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    el.innerHTML = '<span class="mark" aria-hidden="true"></span><div class="body"><div class="title"></div><div class="description"></div></div><button type="button" aria-label="Dismiss">\\u00d7</button>';
    el.querySelector('.title').textContent = flag.title;
    el.querySelector('.description').textContent = typeof flag.description === 'string' ? flag.description : '';
    el.querySelector('button').addEventListener('click', function () { el.remove(); });
    flags.appendChild(el);
    if (flag.isAutoDismiss) setTimeout(function () { el.remove(); }, 8000);
  }

  addEventListener('message', function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== location.origin || !event.data) return;
    var m = event.data;
    switch (m.accordSandbox) {
      case 'resize': frame.style.height = Math.max(config.minHeight, Math.ceil(m.height)) + 'px'; break;
      case 'history': if (typeof m.path === 'string') { frameQuery.path = m.path; syncUrl(m.action === 'PUSH'); } break;
      case 'gadget-mode': setFrame({ entryPoint: m.mode === 'edit' ? 'edit' : null }); break;
      case 'refresh': emit('changed'); break;
      case 'flag': if (m.flag) showFlag(m.flag); break;
      case 'close-flag': closeFlag(String(m.id)); break;
      case 'title': document.title = String(m.title); break;
    }
  });
  addEventListener('popstate', function () {
    if (!config.history) return;
    var path = location.pathname.slice(config.base.length) || '/';
    frameQuery.path = path;
    post({ accordSandbox: 'history-pop', path: path });
  });

  // Controls: a POST whose refusal shows in the bar.
  function send(path, body) {
    var error = $('sandbox-error');
    error.textContent = '';
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { if (!res.ok) throw new Error(json.error.message); return json; }); })
      .then(function (json) { emit('changed'); return json; })
      .catch(function (e) { error.textContent = e.message; return undefined; });
  }

  // The sandbox clock, in the view's language and time zone.
  var clock = null;
  function showClock(next) {
    if (next) clock = next;
    if (!clock) return;
    $('sandbox-clock').textContent = new Date(clock.now).toLocaleString(view.locale, {
      timeZone: view.timezone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
    });
  }
  fetch('/api/clock').then(function (res) { return res.json(); }).then(showClock);
  new EventSource('/api/events?channel=sandbox%3Aclock').onmessage = function (event) {
    showClock(JSON.parse(event.data).payload);
    emit('changed');
  };
  Array.prototype.forEach.call(document.querySelectorAll('[data-minutes]'), function (button) {
    button.addEventListener('click', function () {
      send('/api/clock/advance', { minutes: Number(button.dataset.minutes) }).then(function (reply) { if (reply) showClock(reply); });
    });
  });

  window.accordHost = { view: view, frame: frameQuery, send: send, setView: setView, setFrame: setFrame, on: on };
})();
`;

/** Where the server serves {@link HOST_SCRIPT}. */
export const HOST_SCRIPT_PATH = '/sandbox/host.js';
