import { berlinTime, escapeHtml as escape, localTime as local } from './html';
import type { IssueRow } from './site-api';

/**
 * The sandbox's front page: the site's issues, server-rendered with no script, each linking to its issue view
 * (`/issue/<key>`, with Accord's panel framed) and to its Jira JSON. The other host pages come in a later step.
 */
export function indexPage(rows: readonly IssueRow[], now: number): string {
  const open = rows.filter((r) => !r.resolved).length;
  const body = rows
    .map(
      (r) => `<tr${r.resolved ? ' class="done"' : ''}>
<td><a href="/issue/${encodeURIComponent(r.key)}">${escape(r.key)}</a> <a class="json" href="/api/site/issues/${encodeURIComponent(r.key)}">JSON</a></td>
<td>${escape(r.summary ?? '')}</td>
<td>${escape(r.status)}</td>
<td>${escape(r.priority)}</td>
<td>${escape(r.organizations.join(', '))}</td>
<td>${escape(r.team ?? '')}</td>
<td>${escape(r.assignee ?? '')}</td>
<td class="state ${escape(r.slaState ?? '')}">${escape(r.slaState ?? '')}</td>
<td>${escape(local(r.nextDeadline))}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Accord sandbox · IT Help</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #172b4d; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #dfe1e6; vertical-align: top; }
  th { background: #f4f5f7; position: sticky; top: 0; }
  tr.done { color: #6b778c; }
  .state.breached { color: #ae2a19; font-weight: 600; }
  .state.at-risk { color: #a54800; font-weight: 600; }
  .state.paused { color: #5e4db2; }
  a.json { font-size: 11px; color: #6b778c; }
  code { background: #f4f5f7; padding: 0 .25rem; }
  .note { background: #e9f2ff; padding: .5rem .75rem; border-radius: 3px; }
</style>
</head>
<body>
<h1>Accord sandbox: IT Help</h1>
<p>Sandbox clock: <strong>${escape(berlinTime(now))}</strong> (Berlin) · ${rows.length} issues, ${open} open.</p>
<p class="note">This page is a plain list of the simulated Jira site. Open an issue's key for its issue view,
with Accord's panel framed as Jira frames it. The other framed Custom UI pages (admin page, project settings,
dashboard gadget, customer portal) come in a later step; until then, use the JSON API: <code>POST /api/invoke</code>, <code>GET /api/context</code>, <code>GET /api/events?channel=…</code>,
<code>GET /api/site</code>, <code>GET|POST /api/site/issues</code>,
<code>POST /api/site/issues/:id/comment|transition|priority|assignee|team</code>,
<code>GET /api/clock</code>, <code>POST /api/clock/advance</code> (see the README).</p>
<table>
<thead><tr><th>Key</th><th>Summary</th><th>Status</th><th>Priority</th><th>Organization</th><th>Team</th><th>Assignee</th><th>SLA state</th><th>Next deadline</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
