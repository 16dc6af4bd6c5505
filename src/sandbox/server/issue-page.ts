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
    styleFile: 'issue-page',
    scriptFile: 'issue-page',
  });
}
