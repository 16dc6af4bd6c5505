import type { SandboxApp } from '../app';
import { hostPageHtml, projectSidebar } from './chrome';
import { hostView, projectAgents } from './host-view';
import { escapeHtml, localTime } from './html';

/**
 * `GET /outbox`: the notifications Accord sent through Jira's `/notify` (the simulated site keeps them, where a
 * real site would send e-mail), newest first: to whom, about which issue, the subject, the body and when. The
 * sandbox's own page, in the project's chrome; `GET /api/site/notifications` gives the same as JSON.
 */

/** One sent notification as the outbox lists it. */
export interface OutboxEntry {
  readonly issueId: string;
  readonly issueKey: string | null;
  readonly to: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** Jira's timestamp of the send, or null for a notification saved by an older sandbox. */
  readonly at: string | null;
}

/** Every notification the site recorded, newest first. */
export function outbox(app: SandboxApp): OutboxEntry[] {
  return app.site.notifications
    .map((n) => ({
      issueId: n.issueId,
      issueKey: app.site.find(n.issueId)?.key ?? null,
      to: n.to,
      subject: n.subject,
      body: n.body,
      at: n.at ?? null,
    }))
    .reverse();
}

const ROLES: Readonly<Record<string, string>> = {
  assignee: 'Assignee',
  reporter: 'Reporter',
  watchers: 'Watchers',
  voters: 'Voters',
};

/**
 * A recipient as people read it: an account by its display name, `group:<name>`, or one of Jira's roles
 * (`assignee`, `reporter`, …) with whom it names on the issue now.
 */
function recipient(app: SandboxApp, issueId: string, to: string): string {
  if (to.startsWith('group:')) return `Group ${to.slice('group:'.length)}`;
  const role = ROLES[to];
  if (role === undefined) return app.site.user(to)?.displayName ?? to;
  const holder = (app.site.find(issueId)?.field(to) as { accountId?: string } | null | undefined)?.accountId;
  const name = holder === undefined ? undefined : (app.site.user(holder)?.displayName ?? holder);
  return name === undefined ? role : `${role} (${name})`;
}

/** The outbox page, in the service project's chrome. */
export function outboxPage(app: SandboxApp, url: URL): string {
  const people = projectAgents(app, 'IT');
  const view = hostView(url, people);
  const rows = outbox(app)
    .map(
      (n) => `<tr data-testid="outbox-row">
<td>${escapeHtml(n.at === null ? '' : localTime(n.at))}</td>
<td>${n.issueKey === null ? escapeHtml(n.issueId) : `<a href="/issue/${escapeHtml(n.issueKey)}">${escapeHtml(n.issueKey)}</a>`}</td>
<td>${escapeHtml(n.to.map((t) => recipient(app, n.issueId, t)).join(', '))}</td>
<td><strong class="subject">${escapeHtml(n.subject)}</strong><div class="body">${escapeHtml(n.body)}</div></td>
</tr>`,
    )
    .join('\n');
  return hostPageHtml({
    title: 'Outbox · Accord sandbox',
    view,
    defaultAs: people[0]?.accountId ?? '',
    people,
    base: '/outbox',
    nav: 'projects',
    sidebar: projectSidebar('outbox'),
    styleFile: 'outbox-page',
    content: `<h1>Outbox</h1>
<p class="muted">What Accord sent through Jira's notify API. A real site would e-mail these; the sandbox keeps them here.</p>
${
  rows === ''
    ? '<p data-testid="outbox-empty">Accord has sent no notifications yet.</p>'
    : `<table class="outbox" data-testid="outbox">
<thead><tr><th scope="col">Sent</th><th scope="col">Issue</th><th scope="col">To</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}`,
  });
}
