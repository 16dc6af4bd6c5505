import { issueChannel } from '../../app/ports/publisher';
import type { SandboxApp } from '../app';
import type { JiraIssueBuilder } from '../jira/issue-model';
import { statusesReply } from '../jira/issue-model';
import { PRIORITY_NAMES } from '../jira/service-desk';
import { APP_ACCOUNT } from '../jira/site';
import { escapeHtml, localTime } from './html';
import { issueRow } from './site-api';

/**
 * `GET /issue/<key>`: a Jira issue view in miniature. The issue's summary, fields and comments on the left and
 * right as Jira lays them out, Accord's issue panel framed as Jira frames a `jira:issueContext` module
 * (`/ui/issue-panel/` with the bridge shim), and a bar of controls that act as Jira and its people would: the
 * agent the frame runs as, comments as the customer or an agent, transitions, priorities, the clock, and the
 * colour mode. The details re-render from `GET /issue/<key>/details` after each control and on every realtime
 * notice, so the frame is never reloaded by a change.
 */

/** The people who may act as the agent of the frame and of the controls. */
function agents(app: SandboxApp): { accountId: string; displayName: string }[] {
  return app.site.users.filter(
    (u) => u.accountId !== APP_ACCOUNT && u.accountType === 'atlassian' && (u.agentOf ?? []).includes('IT'),
  );
}

const displayName = (app: SandboxApp, accountId: string | null | undefined): string =>
  accountId ? (app.site.user(accountId)?.displayName ?? accountId) : 'Unassigned';

interface JiraComment {
  readonly id: string;
  readonly author?: { readonly accountId?: string; readonly displayName?: string };
  readonly body?: {
    readonly content?: readonly { readonly content?: readonly { readonly text?: string }[] }[];
  };
  readonly created: string;
  readonly jsdPublic?: boolean;
}

/** A comment's text: the paragraphs of its ADF body. */
const commentText = (c: JiraComment): string =>
  (c.body?.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');

/** The parts of the page that change, each with its id: the summary, the comments, the fields. */
export function issueDetails(app: SandboxApp, issue: JiraIssueBuilder): string {
  const row = issueRow(app, issue);
  const comments = ((issue.field('comment') as { comments?: JiraComment[] } | undefined)?.comments ?? [])
    .map(
      (c) => `<li class="comment${c.jsdPublic === false ? ' internal' : ''}">
<div class="comment-head"><strong>${escapeHtml(c.author?.accountId && app.site.user(c.author.accountId) ? displayName(app, c.author.accountId) : (c.author?.displayName ?? 'Someone'))}</strong>
<span class="muted">${escapeHtml(localTime(c.created))}</span>${c.jsdPublic === false ? ' <span class="tag">Internal note</span>' : ''}</div>
<div class="comment-body">${escapeHtml(commentText(c))}</div>
</li>`,
    )
    .join('\n');
  const field = (name: string, value: string): string =>
    `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value === '' ? 'None' : value)}</dd>`;
  return `<header id="issue-head">
<div class="crumbs muted">IT Help / <span data-testid="issue-key">${escapeHtml(row.key)}</span></div>
<h1 data-testid="summary">${escapeHtml(row.summary ?? '')}</h1>
</header>
<ol id="issue-activity" class="comments" data-testid="comments">${comments === '' ? '<li class="muted">No comments yet.</li>' : comments}</ol>
<div id="issue-fields">
<p><span class="status ${escapeHtml(row.statusCategory)}" data-testid="status">${escapeHtml(row.status)}</span></p>
<dl class="fields">
${field('Assignee', displayName(app, row.assignee))}
${field('Reporter', displayName(app, row.reporter))}
${field('Request type', row.requestType ?? '')}
${field('Priority', row.priority)}
${field('Organizations', row.organizations.join(', '))}
${field('Team', row.team ?? '')}
${field('Components', row.components.join(', '))}
${field('Created', localTime(row.created))}
${field('SLA state (Accord field)', row.slaState ?? '')}
${field('Next SLA deadline (Accord field)', localTime(row.nextDeadline))}
</dl>
</div>`;
}

/** The whole page: controls, the details, and the framed panel. */
export function issuePage(app: SandboxApp, issue: JiraIssueBuilder): string {
  const row = issueRow(app, issue);
  const options = (values: readonly string[], selected?: string): string =>
    values.map((v) => `<option${v === selected ? ' selected' : ''}>${escapeHtml(v)}</option>`).join('');
  const agentOptions = agents(app)
    .map((a) => `<option value="${escapeHtml(a.accountId)}">${escapeHtml(a.displayName)}</option>`)
    .join('');
  const config = {
    key: row.key,
    id: row.id,
    reporter: row.reporter,
    channels: [issueChannel(row.id), 'sandbox:clock'],
  };
  return `<!doctype html>
<html lang="en" data-color-mode="light">
<head>
<meta charset="utf-8">
<title>${escapeHtml(row.key)}: ${escapeHtml(row.summary ?? '')} · Accord sandbox</title>
<style>
  :root { --bg: #fff; --fg: #172b4d; --muted: #626f86; --line: #dcdfe4; --panel: #f7f8f9; --accent: #0c66e4; }
  html[data-color-mode="dark"] { --bg: #1d2125; --fg: #c7d1db; --muted: #8c9bab; --line: #38414a; --panel: #22272b; --accent: #579dff; color-scheme: dark; }
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; background: var(--bg); color: var(--fg); }
  a { color: var(--accent); }
  .bar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .5rem 1.5rem;
    background: var(--panel); border-bottom: 1px solid var(--line); }
  .bar fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .35rem; align-items: center; }
  .bar legend { float: left; margin-right: .35rem; color: var(--muted); }
  button, select, textarea { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 3px; padding: .2rem .5rem; }
  button { cursor: pointer; }
  button:hover { border-color: var(--accent); }
  .page { padding: 1rem 1.5rem; }
  .muted { color: var(--muted); }
  h1 { font-size: 1.5rem; margin: .25rem 0 1rem; }
  h2 { font-size: 1rem; margin: 0 0 .5rem; }
  .columns { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 2rem; align-items: start; }
  .comments { list-style: none; padding: 0; margin: 0 0 1rem; }
  .comment { border-bottom: 1px solid var(--line); padding: .5rem 0; }
  .comment.internal { background: color-mix(in srgb, #f8e6a0 25%, transparent); }
  .comment-body { white-space: pre-wrap; }
  .tag { font-size: 11px; text-transform: uppercase; border: 1px solid var(--line); border-radius: 3px; padding: 0 .25rem; }
  .status { font-size: 12px; font-weight: 600; text-transform: uppercase; padding: .15rem .5rem; border-radius: 3px; background: var(--line); }
  .status.indeterminate { background: #cce0ff; color: #0055cc; }
  .status.done { background: #dcfff1; color: #216e4e; }
  .fields { display: grid; grid-template-columns: 10rem 1fr; gap: .35rem .75rem; margin: 0 0 1rem; }
  .fields dt { color: var(--muted); }
  .fields dd { margin: 0; }
  .app { border: 1px solid var(--line); border-radius: 3px; }
  .app h2 { padding: .5rem .75rem; margin: 0; border-bottom: 1px solid var(--line); }
  .app iframe { display: block; width: 100%; height: 12rem; border: 0; }
  .compose textarea { width: 100%; box-sizing: border-box; min-height: 4rem; }
  .compose div { display: flex; gap: .5rem; align-items: center; margin-top: .35rem; }
  #error { color: #c9372c; }
</style>
</head>
<body>
<form class="bar" id="controls" onsubmit="return false">
<a href="/">Accord sandbox</a>
<fieldset><legend>Agent</legend><select id="agent" aria-label="Acting agent">${agentOptions}</select></fieldset>
<fieldset><legend>Transition</legend><select id="status" aria-label="Transition to">${options(
    statusesReply.map((s) => s.name),
    row.status,
  )}</select><button id="transition">Transition</button></fieldset>
<fieldset><legend>Priority</legend><select id="priority" aria-label="Priority">${options(
    PRIORITY_NAMES,
    row.priority,
  )}</select><button id="set-priority">Set</button></fieldset>
<fieldset><legend>Clock</legend><span id="clock" data-testid="clock"></span>
<button data-minutes="15">+15 min</button><button data-minutes="60">+1 h</button>
<button data-minutes="240">+4 h</button><button data-minutes="1440">+1 day</button></fieldset>
<fieldset><legend>Theme</legend><button id="theme" aria-pressed="false">Dark</button></fieldset>
<span id="error" role="alert"></span>
</form>
<div class="page">
<div class="columns">
<section class="main">
<div id="head-slot"></div>
<h2>Activity</h2>
<div id="activity-slot"></div>
<div class="compose">
<textarea id="comment" aria-label="Comment" placeholder="Add a comment…"></textarea>
<div><button id="comment-customer">Comment as customer</button><button id="comment-agent">Comment as agent</button>
<label><input type="checkbox" id="internal"> Internal note</label></div>
</div>
</section>
<aside class="side">
<div id="fields-slot"></div>
<section class="app">
<h2>Accord SLAs</h2>
<iframe id="app" title="Accord SLAs"></iframe>
</section>
</aside>
</div>
</div>
<template id="initial">${issueDetails(app, issue)}</template>
<script>
(function () {
  'use strict';
  var config = ${JSON.stringify(config).replace(/</g, '\\u003c')};
  var $ = function (id) { return document.getElementById(id); };
  var frame = $('app');
  var colorMode = 'light';

  function frameUrl() {
    return '/ui/issue-panel/?' + new URLSearchParams({ module: 'issue-panel', accountId: $('agent').value, issueId: config.id, colorMode: colorMode });
  }
  frame.src = frameUrl();
  $('agent').addEventListener('change', function () { frame.src = frameUrl(); });
  addEventListener('message', function (event) {
    if (event.source === frame.contentWindow && event.data && event.data.accordSandbox === 'resize') {
      frame.style.height = Math.max(80, Math.ceil(event.data.height)) + 'px';
    }
  });
  $('theme').addEventListener('click', function () {
    colorMode = colorMode === 'dark' ? 'light' : 'dark';
    document.documentElement.setAttribute('data-color-mode', colorMode);
    $('theme').textContent = colorMode === 'dark' ? 'Light' : 'Dark';
    $('theme').setAttribute('aria-pressed', String(colorMode === 'dark'));
    frame.contentWindow.postMessage({ accordSandbox: 'theme', colorMode: colorMode }, location.origin);
  });

  // Each part of the details goes into its slot, replacing the one before.
  function place(content) {
    [['issue-head', 'head-slot'], ['issue-activity', 'activity-slot'], ['issue-fields', 'fields-slot']].forEach(function (p) {
      var part = content.getElementById(p[0]);
      if (part) $(p[1]).replaceChildren(part);
    });
  }
  place($('initial').content);
  function refresh() {
    return fetch('/issue/' + encodeURIComponent(config.key) + '/details').then(function (res) { return res.text(); })
      .then(function (html) { var t = document.createElement('template'); t.innerHTML = html; place(t.content); });
  }
  function showClock() {
    return fetch('/api/clock').then(function (res) { return res.json(); }).then(function (clock) {
      $('clock').textContent = new Date(clock.now).toLocaleString('en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }) + ' Berlin';
    });
  }
  function post(path, body) {
    $('error').textContent = '';
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { if (!res.ok) throw new Error(json.error.message); return json; }); })
      .then(refresh)
      .catch(function (error) { $('error').textContent = error.message; });
  }
  var issuePath = '/api/site/issues/' + encodeURIComponent(config.key) + '/';
  $('transition').addEventListener('click', function () { post(issuePath + 'transition', { accountId: $('agent').value, to: $('status').value }); });
  $('set-priority').addEventListener('click', function () { post(issuePath + 'priority', { accountId: $('agent').value, priority: $('priority').value }); });
  function comment(accountId, internal) {
    var body = $('comment').value.trim();
    if (body === '') { $('error').textContent = 'Write a comment first.'; return; }
    post(issuePath + 'comment', { accountId: accountId, body: body, internal: internal }).then(function () { $('comment').value = ''; });
  }
  $('comment-customer').addEventListener('click', function () { comment(config.reporter, false); });
  $('comment-agent').addEventListener('click', function () { comment($('agent').value, $('internal').checked); });
  Array.prototype.forEach.call(document.querySelectorAll('[data-minutes]'), function (button) {
    button.addEventListener('click', function () { post('/api/clock/advance', { minutes: Number(button.dataset.minutes) }).then(showClock); });
  });
  // Accord's evaluations and the clock's moves, as the frame hears them.
  config.channels.forEach(function (channel) {
    new EventSource('/api/events?channel=' + encodeURIComponent(channel)).onmessage = function () { refresh(); showClock(); };
  });
  showClock();
})();
</script>
</body>
</html>
`;
}
