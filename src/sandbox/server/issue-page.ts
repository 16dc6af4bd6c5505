import { issueChannel } from '../../app/ports/publisher';
import type { SandboxApp } from '../app';
import type { JiraIssueBuilder } from '../jira/issue-model';
import { statusesReply } from '../jira/issue-model';
import { PRIORITY_NAMES } from '../jira/service-desk';
import { frameHtml, hostPageHtml, projectSidebar } from './chrome';
import { hostView, projectAgents } from './host-view';
import { escapeHtml, localTime } from './html';
import { issueHistoryHtml } from './issue-history';
import { issueRow } from './site-api';

/**
 * `GET /issue/<key>`: a Jira issue view in miniature, in Jira's chrome (chrome.ts). The issue's summary, fields
 * and comments on the left and right as Jira lays them out, Accord's issue panel framed as Jira frames a
 * `jira:issueContext` module (`/ui/issue-panel/` with the bridge shim), and controls that act as Jira and its
 * people would: comments as the customer or an agent, transitions and priorities, by the agent the page is
 * viewed as (the sandbox bar's "View as", which also has the clock, colour mode, language and time zone). The
 * details re-render from `GET /issue/<key>/details` after each control and on every realtime notice, so the
 * frame is never reloaded by a change.
 */

const displayName = (app: SandboxApp, accountId: string | null | undefined): string =>
  accountId ? (app.site.user(accountId)?.displayName ?? accountId) : 'Unassigned';

/** The parts of the page that change, each with its id: the summary, the comments, the fields. */
export function issueDetails(app: SandboxApp, issue: JiraIssueBuilder): string {
  const row = issueRow(app, issue);
  const labels = ((issue.field('labels') as string[] | undefined) ?? [])
    .map((l) => `<span class="label">${escapeHtml(l)}</span>`)
    .join(' ');
  const field = (name: string, value: string): string =>
    `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value === '' ? 'None' : value)}</dd>`;
  return `<header id="issue-head">
<div class="crumbs muted">IT Help / <span data-testid="issue-key">${escapeHtml(row.key)}</span></div>
<h1 data-testid="summary">${escapeHtml(row.summary ?? '')}</h1>
</header>
${issueHistoryHtml(app, issue)}
<div id="issue-fields">
<p><span class="status ${escapeHtml(row.statusCategory)}" data-testid="status">${escapeHtml(row.status)}</span></p>
<dl class="fields">
${field('Assignee', displayName(app, row.assignee))}
${field('Reporter', displayName(app, row.reporter))}
${field('Request type', row.requestType ?? '')}
${field('Priority', row.priority)}
${field('Organizations', row.organizations.join(', '))}
<dt>Labels</dt><dd data-testid="labels">${labels === '' ? 'None' : labels}</dd>
${field('Team', row.team ?? '')}
${field('Components', row.components.join(', '))}
${field('Created', localTime(row.created))}
${field('SLA state (Accord field)', row.slaState ?? '')}
${field('Next SLA deadline (Accord field)', localTime(row.nextDeadline))}
</dl>
</div>`;
}

const ISSUE_STYLE = `
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 16px; padding: 6px 12px;
  font-size: 12px; border-radius: 3px; background: var(--ds-background-discovery, #f3f0ff); }
.controls .brand { font-weight: 653; color: var(--ds-text-discovery, #5e4db2); }
.controls label { display: inline-flex; gap: 4px; align-items: center; }
.controls select, .controls button { min-height: 24px; padding: 0 6px; font-size: 12px; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 32px; align-items: start; }
.history { list-style: none; padding: 0; margin: 0 0 16px; }
.entry { border-bottom: 1px solid var(--ds-border, #091e4224); padding: 8px 0; }
.entry .items { margin: 4px 0 0; padding-left: 20px; }
.entry .value { font-weight: 653; }
.comment.internal { background: var(--ds-background-warning, #fff7d6); }
.comment-body { white-space: pre-wrap; }
.tag.app { color: var(--ds-text-discovery, #5e4db2); border-color: var(--ds-border-discovery, #8270db); }
.label { font-size: 12px; padding: 0 4px; border-radius: 3px; background: var(--ds-background-neutral, #091e420f); }
.tag { font-size: 11px; text-transform: uppercase; border: 1px solid var(--ds-border, #091e4224); border-radius: 3px; padding: 0 4px; }
.status { font-size: 12px; font-weight: 653; text-transform: uppercase; padding: 2px 8px; border-radius: 3px;
  background: var(--ds-background-neutral, #091e420f); }
.status.indeterminate { background: var(--ds-background-information, #e9f2ff); color: var(--ds-text-information, #0055cc); }
.status.done { background: var(--ds-background-success, #dcfff1); color: var(--ds-text-success, #216e4e); }
.fields { display: grid; grid-template-columns: 10rem 1fr; gap: 6px 12px; margin: 0 0 16px; }
.fields dt { color: var(--ds-text-subtle, #44546f); }
.fields dd { margin: 0; }
.app { border: 1px solid var(--ds-border, #091e4224); border-radius: 3px; }
.app h2 { padding: 8px 12px; margin: 0; border-bottom: 1px solid var(--ds-border, #091e4224); font-size: 14px; }
.compose textarea { width: 100%; min-height: 4rem; }
.compose div { display: flex; gap: 8px; align-items: center; margin-top: 6px; }
`;

/** The page's own script: the controls, and the details re-read on every change and realtime notice. */
const ISSUE_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('issue-config').textContent);
  var $ = function (id) { return document.getElementById(id); };
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
  accordHost.on('changed', refresh);
  var issuePath = '/api/site/issues/' + encodeURIComponent(config.key) + '/';
  $('transition').addEventListener('click', function () { accordHost.send(issuePath + 'transition', { accountId: accordHost.view.as, to: $('status').value }); });
  $('set-priority').addEventListener('click', function () { accordHost.send(issuePath + 'priority', { accountId: accordHost.view.as, priority: $('priority').value }); });
  $('set-assignee').addEventListener('click', function () { accordHost.send(issuePath + 'assignee', { accountId: accordHost.view.as, assignee: $('assignee').value || null }); });
  function comment(accountId, internal) {
    var body = $('comment').value.trim();
    if (body === '') { $('sandbox-error').textContent = 'Write a comment first.'; return; }
    accordHost.send(issuePath + 'comment', { accountId: accountId, body: body, internal: internal }).then(function (ok) { if (ok) $('comment').value = ''; });
  }
  $('comment-customer').addEventListener('click', function () { comment(config.reporter, false); });
  $('comment-agent').addEventListener('click', function () { comment(accordHost.view.as, $('internal').checked); });
  // Accord's evaluations of this issue, as the frame hears them.
  new EventSource('/api/events?channel=' + encodeURIComponent(config.channel)).onmessage = refresh;
})();`;

/** The whole page: Jira's chrome, the controls, the details, and the framed panel. */
export function issuePage(app: SandboxApp, issue: JiraIssueBuilder, root: string, url: URL): string {
  const row = issueRow(app, issue);
  const people = projectAgents(app, 'IT');
  const view = hostView(url, people);
  const options = (values: readonly string[], selected?: string): string =>
    values.map((v) => `<option${v === selected ? ' selected' : ''}>${escapeHtml(v)}</option>`).join('');
  const config = { key: row.key, reporter: row.reporter, channel: issueChannel(row.id) };
  const framed = {
    name: 'issue-panel',
    title: 'Accord SLAs',
    query: { module: 'issue-panel', issueId: row.id },
    minHeight: 80,
  };
  return hostPageHtml({
    title: `${row.key}: ${row.summary ?? ''} · Accord sandbox`,
    view,
    defaultAs: people[0]?.accountId ?? '',
    people,
    base: `/issue/${row.key}`,
    nav: 'projects',
    sidebar: projectSidebar('queues'),
    content: `<form class="controls" id="controls" onsubmit="return false" aria-label="Act on the issue">
<span class="brand">Sandbox: act on ${escapeHtml(row.key)}</span>
<label>Transition <select id="status" aria-label="Transition to">${options(
      statusesReply.map((s) => s.name),
      row.status,
    )}</select></label><button type="button" id="transition">Transition</button>
<label>Priority <select id="priority" aria-label="Priority">${options(PRIORITY_NAMES, row.priority)}</select></label>
<button type="button" id="set-priority">Set priority</button>
<label>Assignee <select id="assignee" aria-label="Assignee"><option value=""${row.assignee === null ? ' selected' : ''}>Unassigned</option>${people
      .map(
        (p) =>
          `<option value="${escapeHtml(p.accountId)}"${p.accountId === row.assignee ? ' selected' : ''}>${escapeHtml(p.displayName)}</option>`,
      )
      .join('')}</select></label>
<button type="button" id="set-assignee">Assign</button>
</form>
<div class="columns">
<section class="main">
<div id="head-slot"></div>
<h2>Activity</h2>
<div id="activity-slot"></div>
<div class="compose">
<textarea id="comment" aria-label="Comment" placeholder="Add a comment…"></textarea>
<div><button type="button" id="comment-customer">Comment as customer</button><button type="button" id="comment-agent">Comment as agent</button>
<label><input type="checkbox" id="internal"> Internal note</label></div>
</div>
</section>
<aside class="side">
<div id="fields-slot"></div>
<section class="app">
<h2>Accord SLAs</h2>
${frameHtml(root, framed, view)}
</section>
</aside>
</div>
<template id="initial">${issueDetails(app, issue)}</template>
<script type="application/json" id="issue-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`,
    framed,
    style: ISSUE_STYLE,
    script: ISSUE_SCRIPT,
  });
}
