import type { SandboxApp } from '../app';
import { appsSidebar, frameHtml, hostPageHtml, type Sidebar } from './chrome';
import { chromeFor, type Chrome } from './chrome-text';
import { GADGETS, type GadgetStore } from './gadgets';
import { escapeHtml as escape } from './html';
import { customers, hostView, jiraUsers } from './host-view';
import { HttpError } from './http';
import { findIssue, issueRow, listIssues } from './site-api';

/**
 * The host pages of Accord's page-sized modules, each as Jira shows it and as whom: the admin page (Jira
 * settings › Apps › Accord, as the site admin), the reports page (a second admin page), the project settings
 * page (as the project's admin), the dashboard with Accord's gadget (its view, or its edit view until it is
 * configured), and a customer portal request with Accord's panel (as the request's reporter). The issue view is
 * issue-page.ts. Each frames `/ui/<name>/`; chrome.ts writes the rest.
 */

/** The one service project, as Jira's REST API names it. */
const PROJECT = { key: 'IT', id: '10000', name: 'IT Help' } as const;
/** The site admin the admin pages open as. */
const SITE_ADMIN = 'chris-admin';
/** The IT project's admin. */
const PROJECT_ADMIN = 'alex-agent';

/** A page path after its base (`/calendars/berlin`), from the route's optional tail; `/` for none. */
const historyPath = (tail: string | undefined): string => (tail === undefined || tail === '' ? '/' : tail);

/** `GET /admin[/<path>]`: Accord's admin page, `jira:adminPage`, as the site admin. */
export function adminPage(app: SandboxApp, root: string, url: URL, tail: string | undefined): string {
  return adminLike(app, root, url, tail, {
    base: '/admin',
    name: 'admin',
    module: 'admin',
    title: 'Accord',
    current: 'admin',
  });
}

/** `GET /reports[/<path>]`: "Accord reports", Accord's second `jira:adminPage`, as the site admin. */
export function reportsPage(app: SandboxApp, root: string, url: URL, tail: string | undefined): string {
  return adminLike(app, root, url, tail, {
    base: '/reports',
    name: 'report',
    module: 'report',
    title: 'Accord reports',
    current: 'reports',
  });
}

function adminLike(
  app: SandboxApp,
  root: string,
  url: URL,
  tail: string | undefined,
  o: {
    base: string;
    name: string;
    module: string;
    title: string;
    current: 'admin' | 'reports';
  },
): string {
  const people = jiraUsers(app);
  const view = hostView(url, people, SITE_ADMIN);
  const c = chromeFor(view);
  const framed = {
    name: o.name,
    title: o.title,
    query: { module: o.module, path: historyPath(tail) },
    history: true,
    minHeight: 480,
  };
  return hostPageHtml({
    title: `${o.title} · ${c.text('side.apps')} · ${c.text('side.jiraSettings')}`,
    view,
    defaultAs: SITE_ADMIN,
    people,
    base: o.base,
    nav: 'apps',
    sidebar: appsSidebar(o.current, c),
    content: `<div class="crumbs">${c.html('side.jiraSettings')} / ${c.html('side.apps')} / ${escape(o.title)}</div>\n${frameHtml(root, framed, view)}`,
    framed,
  });
}

function projectSettingsSidebar(projectKey: string, c: Chrome): Sidebar {
  return {
    title: c.text('side.projectSettings'),
    subtitle: PROJECT.name,
    tile: projectKey,
    groups: [
      { links: [{ label: c.text('side.backToProject'), href: '/' }] },
      {
        links: [
          { label: c.text('side.details') },
          { label: c.text('side.people') },
          { label: c.text('side.requestTypes') },
          { label: c.text('side.automation') },
          { label: c.text('side.customerNotifications') },
        ],
      },
      {
        heading: c.text('side.apps'),
        links: [{ label: 'Accord SLAs', href: `/project/${projectKey}/settings`, current: true }],
      },
    ],
  };
}

/** `GET /project/<KEY>/settings[/<path>]`: the project settings page, `jira:projectSettingsPage`. */
export function projectSettingsPage(
  app: SandboxApp,
  root: string,
  url: URL,
  key: string,
  tail: string | undefined,
): string {
  if (key !== PROJECT.key) {
    throw new HttpError(404, 'not-found', `The sandbox has no project "${key}"; it has ${PROJECT.key}.`);
  }
  const people = jiraUsers(app);
  const view = hostView(url, people, PROJECT_ADMIN);
  const c = chromeFor(view);
  const framed = {
    name: 'project-settings',
    title: 'Accord SLAs',
    query: { module: 'project-settings', projectKey: PROJECT.key, path: historyPath(tail) },
    history: true,
    minHeight: 480,
  };
  return hostPageHtml({
    title: `Accord SLAs · ${c.text('side.projectSettings')} · ${PROJECT.name}`,
    view,
    defaultAs: PROJECT_ADMIN,
    people,
    base: `/project/${PROJECT.key}/settings`,
    nav: 'projects',
    sidebar: projectSettingsSidebar(PROJECT.key, c),
    content: `<div class="crumbs">${c.html('top.projects')} / ${escape(PROJECT.name)} / ${c.html('side.projectSettings')}</div>\n${frameHtml(root, framed, view)}`,
    framed,
  });
}

/**
 * `GET /dashboard`: a Jira dashboard with Accord's compliance gadget (`jira:dashboardGadget`), beside a filter
 * gadget of Jira's own listing open requests with Accord's SLA state field. A gadget never configured opens in
 * its edit view (`extension.entryPoint === 'edit'`), as a newly added gadget does.
 */
export function dashboardPage(app: SandboxApp, root: string, url: URL, gadgets: GadgetStore): string {
  const people = jiraUsers(app);
  const view = hostView(url, people, SITE_ADMIN);
  const c = chromeFor(view);
  const [gadget] = GADGETS;
  if (gadget === undefined) throw new Error('The sandbox dashboard has no gadget.');
  const editing = gadgets.configuration(gadget.id) === undefined;
  const framed = {
    name: 'gadget',
    title: gadget.title,
    query: { module: 'gadget', gadgetId: gadget.id, ...(editing ? { entryPoint: 'edit' } : {}) },
    minHeight: 240,
  };
  const open = listIssues(app)
    .filter((r) => !r.resolved)
    .slice(0, 10)
    .map(
      (r) =>
        `<tr><td><a href="/issue/${encodeURIComponent(r.key)}">${escape(r.key)}</a></td><td>${escape(r.summary ?? '')}</td><td>${escape(r.slaState ?? '')}</td><td>${escape(c.jiraTime(r.nextDeadline))}</td></tr>`,
    )
    .join('\n');
  const frame = frameHtml(root, framed, view);
  return hostPageHtml({
    title: c.text('title.defaultDashboard'),
    view,
    defaultAs: SITE_ADMIN,
    people,
    base: '/dashboard',
    nav: 'dashboards',
    content: `<div class="crumbs">${c.html('top.dashboards')}</div>
<h1>${c.html('title.defaultDashboard')}</h1>
<div class="dashboard">
<section class="gadget" aria-labelledby="gadget-title">
<header><h2 id="gadget-title">${escape(gadget.title)}</h2>${
      frame.startsWith('<iframe')
        ? `<button type="button" id="gadget-edit" aria-pressed="false">${c.html('dashboard.edit')}</button>`
        : ''
    }</header>
<div class="gadget-body">${frame}</div>
</section>
<section class="gadget" aria-labelledby="filter-title">
<header><h2 id="filter-title">${c.html('dashboard.filter', { project: escape(PROJECT.name) })}</h2></header>
<div class="gadget-body"><table>
<thead><tr><th>${c.html('field.key')}</th><th>${c.html('field.summary')}</th><th>${c.html('field.slaState')}</th><th>${c.html('field.nextSlaDeadline')}</th></tr></thead>
<tbody>${open === '' ? `<tr><td colspan="4">${c.html('dashboard.noneOpen')}</td></tr>` : open}</tbody>
</table></div>
</section>
</div>`,
    framed,
    styleFile: 'dashboard-page',
    scriptFile: 'dashboard-page',
  });
}

interface PortalComment {
  readonly author?: { readonly accountId?: string; readonly displayName?: string };
  readonly body?: {
    readonly content?: readonly { readonly content?: readonly { readonly text?: string }[] }[];
  };
  readonly created: string;
  readonly jsdPublic?: boolean;
}

/**
 * `GET /portal/<KEY>`: the customer portal's request page (`jiraServiceManagement:portalRequestDetailPanel`),
 * as the request's reporter by default: the request, its public comments (never internal notes), a reply box,
 * and Accord's panel framed under the request's details.
 */
export function portalPage(app: SandboxApp, root: string, url: URL, key: string): string {
  const issue = findIssue(app, key);
  const row = issueRow(app, issue);
  const people = customers(app);
  const reporter = row.reporter ?? people[0]?.accountId;
  const view = hostView(url, people, reporter);
  const c = chromeFor(view);
  const name = (accountId: string | undefined, fallback: string | undefined): string =>
    (accountId === undefined ? undefined : app.site.user(accountId)?.displayName) ??
    fallback ??
    c.text('value.someone');
  const comments = ((issue.field('comment') as { comments?: PortalComment[] } | undefined)?.comments ?? [])
    .filter((comment) => comment.jsdPublic !== false)
    .map((comment) => {
      const text = (comment.body?.content ?? [])
        .map((p) => (p.content ?? []).map((t) => t.text ?? '').join(''))
        .join('\n');
      return `<li><strong>${escape(name(comment.author?.accountId, comment.author?.displayName))}</strong> <span class="muted">${escape(c.jiraTime(comment.created))}</span><div class="text">${escape(text)}</div></li>`;
    })
    .join('\n');
  const framed = {
    name: 'portal',
    title: 'Our commitments',
    query: { module: 'portal', issueId: row.id },
    minHeight: 80,
  };
  return hostPageHtml({
    title: `${row.key}: ${row.summary ?? ''} · ${c.text('top.helpCenter')}`,
    view,
    defaultAs: reporter ?? '',
    people,
    base: `/portal/${row.key}`,
    nav: 'portal',
    content: `<div class="crumbs"><a href="/">${c.html('top.helpCenter')}</a> / ${escape(PROJECT.name)} / ${escape(row.key)}</div>
<div class="request" data-testid="portal-request">
<section>
<h1 data-testid="summary">${escape(row.summary ?? '')}</h1>
<p class="muted">${c.html('portal.raised', { name: escape(name(row.reporter ?? undefined, undefined)), time: escape(c.jiraTime(row.created)) })}</p>
<div class="panel-slot">
${frameHtml(root, framed, view)}
</div>
<h2>${c.html('issue.activity')}</h2>
<ol class="activity" data-testid="comments">${comments === '' ? `<li class="muted">${c.html('portal.noComments')}</li>` : comments}</ol>
<div class="reply"><textarea id="reply" aria-label="${c.html('portal.addCommentLabel')}" placeholder="${c.html('issue.addComment')}"></textarea>
<div><button type="button" class="primary" id="reply-send">${c.html('portal.addComment')}</button></div></div>
</section>
<aside>
<p><span class="status ${escape(row.statusCategory)}" data-testid="status">${escape(row.status)}</span></p>
<dl>
<dt>${c.html('field.requestType')}</dt><dd>${escape(row.requestType ?? c.text('value.none'))}</dd>
<dt>${c.html('field.priority')}</dt><dd>${escape(row.priority)}</dd>
<dt>${c.html('portal.sharedWith')}</dt><dd>${escape(row.organizations.join(', ') || c.text('portal.onlyYou'))}</dd>
</dl>
</aside>
</div>
<script type="application/json" id="portal-config">${JSON.stringify({ key: row.key }).replace(/</g, '\\u003c')}</script>`,
    framed,
    styleFile: 'portal-page',
    scriptFile: 'portal-page',
  });
}
