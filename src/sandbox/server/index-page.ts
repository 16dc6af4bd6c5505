import type { IssueRow } from './site-api';

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const berlin = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as people in the Berlin office read it. */
const local = (iso: string | null): string => {
  if (iso === null) return '';
  const ms = Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? iso : berlin.format(ms);
};

/**
 * The sandbox's front page: the site's issues, server-rendered with no script, each linking to its Jira JSON.
 * A stop-gap: the framed Custom UI host pages come in a later step.
 */
export function indexPage(rows: readonly IssueRow[], now: number): string {
  const open = rows.filter((r) => !r.resolved).length;
  const body = rows
    .map(
      (r) => `<tr${r.resolved ? ' class="done"' : ''}>
<td><a href="/api/site/issues/${encodeURIComponent(r.key)}">${escape(r.key)}</a></td>
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
  code { background: #f4f5f7; padding: 0 .25rem; }
  .note { background: #e9f2ff; padding: .5rem .75rem; border-radius: 3px; }
</style>
</head>
<body>
<h1>Accord sandbox: IT Help</h1>
<p>Sandbox clock: <strong>${escape(berlin.format(now))}</strong> (Berlin) · ${rows.length} issues, ${open} open.</p>
<p class="note">This page is a plain list of the simulated Jira site. The framed Custom UI pages (issue view,
admin page, project settings, dashboard gadget, customer portal) come in a later step; until then, use the JSON
API: <code>POST /api/invoke</code>, <code>GET /api/context</code>, <code>GET /api/events?channel=…</code>,
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
