import { issueChannel } from '../../app/ports/publisher';
import type { SandboxApp } from '../app';
import type { JiraIssueBuilder } from '../jira/issue-model';
import { statusesReply } from '../jira/issue-model';
import { PRIORITY_NAMES } from '../jira/service-desk';
import { frameHtml, hostPageHtml, projectSidebar } from './chrome';
import { chromeFor, type Chrome } from './chrome-text';
import { hostView, projectAgents } from './host-view';
import { escapeHtml } from './html';
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

/**
 * The parts of the page that change, each with its id: the summary, the comments, the fields; in the chrome's
 * language and zone (`GET /issue/<key>/details?locale=…&timezone=…`, as the page's script asks for them).
 */
export function issueDetails(app: SandboxApp, issue: JiraIssueBuilder, c: Chrome): string {
  const row = issueRow(app, issue);
  const displayName = (accountId: string | null | undefined): string =>
    accountId ? (app.site.user(accountId)?.displayName ?? accountId) : c.text('value.unassigned');
  const labels = ((issue.field('labels') as string[] | undefined) ?? [])
    .map((l) => `<span class="label">${escapeHtml(l)}</span>`)
    .join(' ');
  const field = (name: string, value: string): string =>
    `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value === '' ? c.text('value.none') : value)}</dd>`;
  return `<header id="issue-head">
<div class="crumbs muted">IT Help / <span data-testid="issue-key">${escapeHtml(row.key)}</span></div>
<h1 data-testid="summary">${escapeHtml(row.summary ?? '')}</h1>
</header>
${issueHistoryHtml(app, issue, c)}
<div id="issue-fields">
<p><span class="status ${escapeHtml(row.statusCategory)}" data-testid="status">${escapeHtml(row.status)}</span></p>
<dl class="fields">
${field(c.text('field.assignee'), displayName(row.assignee))}
${field(c.text('field.reporter'), displayName(row.reporter))}
${field(c.text('field.requestType'), row.requestType ?? '')}
${field(c.text('field.priority'), row.priority)}
${field(c.text('field.organizations'), row.organizations.join(', '))}
<dt>${c.html('field.labels')}</dt><dd data-testid="labels">${labels === '' ? c.html('value.none') : labels}</dd>
${field(c.text('field.team'), row.team ?? '')}
${field(c.text('field.components'), row.components.join(', '))}
${field(c.text('field.created'), c.jiraTime(row.created))}
${field(c.text('field.slaStateAccord'), row.slaState ?? '')}
${field(c.text('field.nextSlaDeadlineAccord'), c.jiraTime(row.nextDeadline))}
</dl>
</div>`;
}

/** The whole page: Jira's chrome, the controls, the details, and the framed panel. */
export function issuePage(app: SandboxApp, issue: JiraIssueBuilder, root: string, url: URL): string {
  const row = issueRow(app, issue);
  const people = projectAgents(app, 'IT');
  const view = hostView(url, people);
  const c = chromeFor(view);
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
    title: `${row.key}: ${row.summary ?? ''}`,
    view,
    defaultAs: people[0]?.accountId ?? '',
    people,
    base: `/issue/${row.key}`,
    nav: 'projects',
    sidebar: projectSidebar('queues', c),
    content: `<form class="controls" id="controls" onsubmit="return false" aria-label="${c.html('issue.controls')}">
<span class="brand">${c.html('issue.actOn', { key: escapeHtml(row.key) })}</span>
<label>${c.html('issue.transition')} <select id="status" aria-label="${c.html('issue.transitionTo')}">${options(
      statusesReply.map((s) => s.name),
      row.status,
    )}</select></label><button type="button" id="transition">${c.html('issue.transition')}</button>
<label>${c.html('field.priority')} <select id="priority" aria-label="${c.html('field.priority')}">${options(PRIORITY_NAMES, row.priority)}</select></label>
<button type="button" id="set-priority">${c.html('issue.setPriority')}</button>
<label>${c.html('field.assignee')} <select id="assignee" aria-label="${c.html('field.assignee')}"><option value=""${row.assignee === null ? ' selected' : ''}>${c.html('value.unassigned')}</option>${people
      .map(
        (p) =>
          `<option value="${escapeHtml(p.accountId)}"${p.accountId === row.assignee ? ' selected' : ''}>${escapeHtml(p.displayName)}</option>`,
      )
      .join('')}</select></label>
<button type="button" id="set-assignee">${c.html('issue.assign')}</button>
</form>
<div class="columns">
<section class="main">
<div id="head-slot"></div>
<h2>${c.html('issue.activity')}</h2>
<div id="activity-slot"></div>
<div class="compose">
<textarea id="comment" aria-label="${c.html('issue.comment')}" placeholder="${c.html('issue.addComment')}"></textarea>
<div><button type="button" id="comment-customer">${c.html('issue.commentAsCustomer')}</button><button type="button" id="comment-agent">${c.html('issue.commentAsAgent')}</button>
<label><input type="checkbox" id="internal"> ${c.html('issue.internalNote')}</label></div>
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
<template id="initial">${issueDetails(app, issue, c)}</template>
<script type="application/json" id="issue-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`,
    framed,
    styleFile: 'issue-page',
    scriptFile: 'issue-page',
  });
}
