import type { SandboxApp } from '../app';
import { hostPageHtml, projectSidebar } from './chrome';
import { chromeFor, type Chrome, type ChromePlainKey } from './chrome-text';
import { hostView, projectAgents } from './host-view';
import { escapeHtml } from './html';

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

const ROLES: Readonly<Record<string, ChromePlainKey>> = {
  assignee: 'field.assignee',
  reporter: 'field.reporter',
  watchers: 'outbox.watchers',
  voters: 'outbox.voters',
};

/**
 * A recipient as people read it: an account by its display name, `group:<name>`, or one of Jira's roles
 * (`assignee`, `reporter`, …) with whom it names on the issue now.
 */
function recipient(app: SandboxApp, issueId: string, to: string, c: Chrome): string {
  if (to.startsWith('group:')) return c.text('outbox.group', { name: to.slice('group:'.length) });
  const roleKey = ROLES[to];
  if (roleKey === undefined) return app.site.user(to)?.displayName ?? to;
  const role = c.text(roleKey);
  const holder = (app.site.find(issueId)?.field(to) as { accountId?: string } | null | undefined)?.accountId;
  const name = holder === undefined ? undefined : (app.site.user(holder)?.displayName ?? holder);
  return name === undefined ? role : `${role} (${name})`;
}

/** The outbox page, in the service project's chrome. */
export function outboxPage(app: SandboxApp, url: URL): string {
  const people = projectAgents(app, 'IT');
  const view = hostView(url, people);
  const c = chromeFor(view);
  const rows = outbox(app)
    .map(
      (n) => `<tr data-testid="outbox-row">
<td>${escapeHtml(c.jiraTime(n.at))}</td>
<td>${n.issueKey === null ? escapeHtml(n.issueId) : `<a href="/issue/${escapeHtml(n.issueKey)}">${escapeHtml(n.issueKey)}</a>`}</td>
<td>${escapeHtml(n.to.map((t) => recipient(app, n.issueId, t, c)).join(', '))}</td>
<td><strong class="subject">${escapeHtml(n.subject)}</strong><div class="body">${escapeHtml(n.body)}</div></td>
</tr>`,
    )
    .join('\n');
  return hostPageHtml({
    title: c.text('outbox.title'),
    view,
    defaultAs: people[0]?.accountId ?? '',
    people,
    base: '/outbox',
    nav: 'projects',
    sidebar: projectSidebar('outbox', c),
    styleFile: 'outbox-page',
    content: `<h1>${c.html('outbox.title')}</h1>
<p class="muted">${c.html('outbox.intro')}</p>
${
  rows === ''
    ? `<p data-testid="outbox-empty">${c.html('outbox.empty')}</p>`
    : `<table class="outbox" data-testid="outbox">
<thead><tr><th scope="col">${c.html('outbox.sent')}</th><th scope="col">${c.html('outbox.issue')}</th><th scope="col">${c.html('outbox.to')}</th><th scope="col">${c.html('outbox.message')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}`,
  });
}
