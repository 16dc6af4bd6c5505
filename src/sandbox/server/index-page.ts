import { hostPageHtml, projectSidebar } from './chrome';
import { chromeFor } from './chrome-text';
import type { HostView, Person } from './host-view';
import { escapeHtml as escape } from './html';
import type { IssueRow } from './site-api';

/**
 * The sandbox's front page, the IT Help queue in Jira's chrome: where each of Accord's screens is (the issue
 * view, the admin and reports pages, project settings, the dashboard with the gadget, the customer portal), and
 * the site's issues, each linking to its issue view, its portal request and its Jira JSON.
 */
export function indexPage(
  rows: readonly IssueRow[],
  now: number,
  view: HostView,
  people: readonly Person[],
): string {
  const c = chromeFor(view);
  const open = rows.filter((r) => !r.resolved);
  const sample = open[0] ?? rows[0];
  const body = rows
    .map(
      (r) => `<tr${r.resolved ? ' class="done"' : ''}>
<td><a href="/issue/${encodeURIComponent(r.key)}">${escape(r.key)}</a></td>
<td>${escape(r.summary ?? '')}</td>
<td>${escape(r.status)}</td>
<td>${escape(r.priority)}</td>
<td>${escape(r.organizations.join(', '))}</td>
<td>${escape(r.team ?? '')}</td>
<td>${escape(r.assignee ?? '')}</td>
<td class="state ${escape(r.slaState ?? '')}">${escape(r.slaState ?? '')}</td>
<td>${escape(c.jiraTime(r.nextDeadline))}</td>
<td class="links"><a href="/portal/${encodeURIComponent(r.key)}">${c.html('index.portalLink')}</a> · <a href="/api/site/issues/${encodeURIComponent(r.key)}">JSON</a></td>
</tr>`,
    )
    .join('\n');
  const screen = (href: string, label: string, what: string): string =>
    `<li><a href="${escape(href)}">${escape(label)}</a> <span class="muted">${escape(what)}</span></li>`;
  return hostPageHtml({
    title: `IT Help · ${c.text('title.queues')}`,
    view,
    defaultAs: people[0]?.accountId ?? '',
    people,
    base: '/',
    nav: 'projects',
    sidebar: projectSidebar('queues', c),
    styleFile: 'index-page',
    content: `<div class="crumbs">${c.html('top.projects')} / IT Help</div>
<h1>${c.html('index.heading', { project: 'IT Help' })}</h1>
<p>${c.html('index.clock')} <strong>${escape(c.time(now, true))}</strong> · ${c.html('index.counts', { count: rows.length, open: open.length })}
${c.html('index.about')}</p>
<h2>${c.html('index.screens')}</h2>
<ul class="screens" data-testid="screens">
${sample === undefined ? '' : screen(`/issue/${sample.key}`, c.text('index.issueView', { key: sample.key }), c.text('index.issueViewWhat'))}
${screen('/admin', c.text('index.adminPage'), c.text('index.adminWhat'))}
${screen('/reports', c.text('side.reports'), c.text('index.reportsWhat'))}
${screen('/project/IT/settings', c.text('side.projectSettings'), c.text('index.settingsWhat', { project: 'IT Help' }))}
${screen('/dashboard', c.text('index.dashboard'), c.text('index.dashboardWhat'))}
${sample === undefined ? '' : screen(`/portal/${sample.key}`, c.text('index.portal', { key: sample.key }), c.text('index.portalWhat'))}
</ul>
<p class="muted">${c.html('index.api')} <code>POST /api/invoke</code>, <code>GET /api/context</code>,
<code>GET /api/events?channel=…</code>, <code>GET /api/site</code>, <code>GET|POST /api/site/issues</code>,
<code>POST /api/site/issues/:id/comment|transition|priority|assignee|team</code>, <code>GET /api/clock</code>,
<code>POST /api/clock/advance</code>, <code>GET|POST /api/gadgets/:id</code> ${c.html('index.seeReadme')}</p>
<h2>${c.html('index.queue')}</h2>
<table>
<thead><tr>${(
      [
        'field.key',
        'field.summary',
        'field.status',
        'field.priority',
        'field.organization',
        'field.team',
        'field.assignee',
        'field.slaState',
        'field.nextDeadline',
      ] as const
    )
      .map((key) => `<th>${c.html(key)}</th>`)
      .join('')}<th></th></tr></thead>
<tbody>
${body}
</tbody>
</table>`,
  });
}
