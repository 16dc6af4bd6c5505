import { hostPageHtml, projectSidebar } from './chrome';
import type { HostView, Person } from './host-view';
import { berlinTime, escapeHtml as escape, localTime as local } from './html';
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
<td>${escape(local(r.nextDeadline))}</td>
<td class="links"><a href="/portal/${encodeURIComponent(r.key)}">portal</a> · <a href="/api/site/issues/${encodeURIComponent(r.key)}">JSON</a></td>
</tr>`,
    )
    .join('\n');
  const screen = (href: string, label: string, what: string): string =>
    `<li><a href="${escape(href)}">${escape(label)}</a> <span class="muted">${escape(what)}</span></li>`;
  return hostPageHtml({
    title: 'IT Help · Queues · Accord sandbox',
    view,
    defaultAs: people[0]?.accountId ?? '',
    people,
    base: '/',
    nav: 'projects',
    sidebar: projectSidebar('queues'),
    styleFile: 'index-page',
    content: `<div class="crumbs">Projects / IT Help</div>
<h1>Accord sandbox: IT Help</h1>
<p>Sandbox clock: <strong>${escape(berlinTime(now))}</strong> (Berlin) · ${rows.length} issues, ${open.length} open.
Every screen is the real app, framed as Jira frames it; the bar at the top acts as Jira would.</p>
<h2>Accord's screens</h2>
<ul class="screens" data-testid="screens">
${sample === undefined ? '' : screen(`/issue/${sample.key}`, `Issue view: ${sample.key}`, "agents' countdowns (any key below)")}
${screen('/admin', 'Admin page', 'Jira settings › Apps › Accord, as the site admin')}
${screen('/reports', 'Reports', 'Jira settings › Apps › Accord reports')}
${screen('/project/IT/settings', 'Project settings', 'IT Help › Project settings › Accord SLAs')}
${screen('/dashboard', 'Dashboard', "with Accord's compliance gadget")}
${sample === undefined ? '' : screen(`/portal/${sample.key}`, `Customer portal: ${sample.key}`, 'the request as its reporter sees it')}
</ul>
<p class="muted">And the JSON API: <code>POST /api/invoke</code>, <code>GET /api/context</code>,
<code>GET /api/events?channel=…</code>, <code>GET /api/site</code>, <code>GET|POST /api/site/issues</code>,
<code>POST /api/site/issues/:id/comment|transition|priority|assignee|team</code>, <code>GET /api/clock</code>,
<code>POST /api/clock/advance</code>, <code>GET|POST /api/gadgets/:id</code> (see the README).</p>
<h2>Queue: all requests</h2>
<table>
<thead><tr><th>Key</th><th>Summary</th><th>Status</th><th>Priority</th><th>Organization</th><th>Team</th><th>Assignee</th><th>SLA state</th><th>Next deadline</th><th></th></tr></thead>
<tbody>
${body}
</tbody>
</table>`,
  });
}
