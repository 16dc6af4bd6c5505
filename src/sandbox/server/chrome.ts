import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml as escape } from './html';
import { chromeFor, type Chrome } from './chrome-text';
import { hostScriptPath, hostStylePath } from './host-assets';
import { OFFERED_LOCALES, OFFERED_TIME_ZONES, type HostView, type Person } from './host-view';

/**
 * The frame of every host page: the sandbox's bar of controls (the clock, who is looking, colour mode,
 * language, time zone), then Jira's chrome as a site shows it (a top bar and a sidebar; the help center's
 * header for the portal) around the page's content, and the Custom UI framed in it as Jira frames a module.
 * host/host-page.ts brings it to life in the browser.
 */

/** A link in a sidebar; without `href` it is shown, disabled, to make the sidebar look like Jira's. */
export interface SidebarLink {
  readonly label: string;
  readonly href?: string;
  readonly current?: boolean;
}

export interface Sidebar {
  readonly title: string;
  readonly subtitle: string;
  /** The tile's letters beside the title. */
  readonly tile: string;
  readonly groups: readonly { readonly heading?: string; readonly links: readonly SidebarLink[] }[];
}

/** The Custom UI a page frames. */
export interface FramedUi {
  /** The UI's folder in `static/`, served under `/ui/<name>/`. */
  readonly name: string;
  /** The frame's accessible title. */
  readonly title: string;
  /** The frame's query besides the view: `module`, `issueId`, `projectKey`, `gadgetId`, `entryPoint`, `path`. */
  readonly query: Readonly<Record<string, string>>;
  /** Whether the frame's `view.createHistory()` path is kept in the page's URL, after `base`. */
  readonly history?: boolean;
  /** The least height of the frame before it says how tall it is. */
  readonly minHeight?: number;
}

export interface HostPage {
  /** The tab's title before the sandbox's name (`Outbox`), in the view's language. */
  readonly title: string;
  readonly view: HostView;
  /** The view the page's URL leaves out: its default `as` and the defaults of the others. */
  readonly defaultAs: string;
  /** Whom the page may be viewed as (the bar's "View as"). */
  readonly people: readonly Person[];
  /** The page's path without the frame's history path: `/admin`, `/issue/IT-1`. */
  readonly base: string;
  /** The top bar's current item, or the help center's header for the portal. */
  readonly nav: 'projects' | 'dashboards' | 'apps' | 'portal';
  readonly sidebar?: Sidebar;
  /** The page's content; {@link frameHtml} writes the frame. */
  readonly content: string;
  readonly framed?: FramedUi;
  /** The page's own script file in `host/` (`issue-page` for `host/issue-page.ts`), run after the host script. */
  readonly scriptFile?: string;
  /** The page's own stylesheet in `host/` (`issue-page` for `host/issue-page.css`). */
  readonly styleFile?: string;
}

/** The defaults a host page's URL leaves out. */
export const DEFAULT_VIEW = { theme: 'light', locale: 'en-US', timezone: 'Europe/Berlin' } as const;

/**
 * The frame of a Custom UI, its URL written for the page's view; or, when `static/<name>/dist` is not built,
 * a message saying which `npm run build:ui` entry to build.
 */
export function frameHtml(root: string, ui: FramedUi, view: HostView): string {
  if (!existsSync(join(root, 'static', ui.name, 'dist', 'index.html'))) return notBuilt(root, ui.name);
  const query = new URLSearchParams({
    ...ui.query,
    accountId: view.as,
    colorMode: view.theme,
    locale: view.locale,
    timezone: view.timezone,
  });
  return `<iframe id="accord-frame" data-testid="accord-frame" class="app-frame" title="${escape(ui.title)}" src="/ui/${escape(ui.name)}/?${escape(query.toString())}"${ui.minHeight === undefined ? '' : ` style="height:${ui.minHeight}px"`}></iframe>`;
}

function notBuilt(root: string, name: string): string {
  const written = existsSync(join(root, 'static', name, 'vite.config.ts'));
  const how = written
    ? `Run <code>npm run build:ui -- ${escape(name)}</code> (or <code>npm run build:ui</code> for every UI; <code>npm start</code> builds them too), then reload this page.`
    : `<code>static/${escape(name)}/</code> has no <code>vite.config.ts</code> yet, so <code>npm run build:ui</code> has no <code>${escape(name)}</code> entry to build: this UI is not written yet.`;
  return `<div class="not-built" role="alert" data-testid="not-built">
<h2>The ${escape(name)} Custom UI is not built</h2>
<p>The sandbox serves it from <code>static/${escape(name)}/dist</code>, which has no <code>index.html</code>. ${how}</p>
</div>`;
}

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

const select = (
  id: string,
  label: string,
  options: readonly { value: string; label: string }[],
  selected: string,
): string => {
  const all = options.some((o) => o.value === selected)
    ? options
    : [...options, { value: selected, label: selected }];
  return `<label>${escape(label)} <select id="${id}">${all
    .map(
      (o) =>
        `<option value="${escape(o.value)}"${o.value === selected ? ' selected' : ''}>${escape(o.label)}</option>`,
    )
    .join('')}</select></label>`;
};

function sandboxBar(page: HostPage, c: Chrome): string {
  const { view } = page;
  return `<div class="sandbox-bar" role="region" aria-label="${c.html('bar.region')}">
<a class="brand" href="/">${c.html('bar.brand')}</a>
<span class="group"><span>${c.html('bar.clock')}</span> <strong id="sandbox-clock" data-testid="clock"></strong>
<button type="button" data-minutes="15">${c.html('bar.plus15m')}</button><button type="button" data-minutes="60">${c.html('bar.plus1h')}</button>
<button type="button" data-minutes="240">${c.html('bar.plus4h')}</button><button type="button" data-minutes="1440">${c.html('bar.plus1d')}</button></span>
${select(
  'view-as',
  c.text('bar.viewAs'),
  page.people.map((p) => ({ value: p.accountId, label: p.displayName })),
  view.as,
)}
${select(
  'view-theme',
  c.text('bar.theme'),
  [
    { value: 'light', label: c.text('bar.light') },
    { value: 'dark', label: c.text('bar.dark') },
  ],
  view.theme,
)}
${select(
  'view-locale',
  c.text('bar.language'),
  OFFERED_LOCALES.map((l) => ({ value: l.code, label: l.label })),
  view.locale,
)}
${select(
  'view-timezone',
  c.text('bar.timeZone'),
  OFFERED_TIME_ZONES.map((z) => ({ value: z, label: z })),
  view.timezone,
)}
<span id="sandbox-error" class="error" role="alert"></span>
</div>`;
}

const LOGO = `<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><rect width="24" height="24" rx="6" fill="var(--ds-background-brand-bold, #0c66e4)"/><path d="M12 5l5 5-5 5-2-2 3-3-3-3z M8 11l2 2-2 2-2-2z" fill="var(--ds-text-inverse, #fff)"/></svg>`;
const GRID = `<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" fill="currentColor">${[
  3, 9, 15,
]
  .flatMap((x) => [3, 9, 15].map((y) => `<rect x="${x - 1.5}" y="${y - 1.5}" width="3" height="3" rx="1"/>`))
  .join('')}</svg>`;
const GEAR = `<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2"><circle cx="10" cy="10" r="3"/><path d="M10 2v3M10 15v3M2 10h3M15 10h3M4.3 4.3l2.1 2.1M13.6 13.6l2.1 2.1M4.3 15.7l2.1-2.1M13.6 6.4l2.1-2.1"/></svg>`;

function jiraTopBar(page: HostPage, user: Person, c: Chrome): string {
  const item = (label: string, href: string, current: boolean): string =>
    `<a class="item${current ? ' current' : ''}" href="${href}"${current ? ' aria-current="true"' : ''}>${escape(label)}</a>`;
  return `<header class="topnav" aria-label="Jira">
<span class="icon" aria-hidden="true">${GRID}</span>
<a class="logo" href="/">${LOGO}<span>Jira</span></a>
<nav aria-label="${c.html('top.navigation')}">
${item(c.text('top.yourWork'), '/', false)}
${item(c.text('top.projects'), '/', page.nav === 'projects')}
${item(c.text('top.dashboards'), '/dashboard', page.nav === 'dashboards')}
${item(c.text('top.apps'), '/admin', page.nav === 'apps')}
</nav>
<button type="button" class="primary create" disabled>${c.html('top.create')}</button>
<span class="spacer"></span>
<input class="search" type="search" placeholder="${c.html('top.search')}" aria-label="${c.html('top.searchLabel')}" disabled>
<a class="icon" href="/admin" title="${c.html('top.settingsApps')}">${GEAR}<span class="visually-hidden">${c.html('top.settings')}</span></a>
<span class="avatar" title="${escape(user.displayName)}">${escape(initials(user.displayName))}</span>
</header>`;
}

function portalHeader(user: Person, c: Chrome): string {
  return `<header class="portal-header" aria-label="${c.html('top.helpCenter')}">
<a href="/">${c.html('top.helpCenter')}</a>
<span class="spacer"></span>
<span>${escape(user.displayName)}</span>
<span class="avatar" title="${escape(user.displayName)}">${escape(initials(user.displayName))}</span>
</header>`;
}

function sidebarHtml(sidebar: Sidebar): string {
  const link = (l: SidebarLink): string =>
    l.href === undefined
      ? `<span class="disabled" aria-disabled="true">${escape(l.label)}</span>`
      : `<a href="${escape(l.href)}"${l.current === true ? ' aria-current="page"' : ''}>${escape(l.label)}</a>`;
  return `<nav class="sidebar" aria-label="${escape(sidebar.title)}">
<div class="head"><span class="tile" aria-hidden="true">${escape(sidebar.tile)}</span><div><strong>${escape(sidebar.title)}</strong><span>${escape(sidebar.subtitle)}</span></div></div>
${sidebar.groups
  .map(
    (g) =>
      `${g.heading === undefined ? '' : `<h3>${escape(g.heading)}</h3>`}\n${g.links.map(link).join('\n')}`,
  )
  .join('\n')}
</nav>`;
}

/** A whole host page. */
export function hostPageHtml(page: HostPage): string {
  const { view } = page;
  const c = chromeFor(view);
  const user = page.people.find((p) => p.accountId === view.as) ?? {
    accountId: view.as,
    displayName: view.as,
  };
  const config = {
    ui: page.framed?.name ?? null,
    frame: { ...(page.framed?.query ?? {}) },
    view,
    defaults: { ...DEFAULT_VIEW, as: page.defaultAs },
    base: page.base,
    history: page.framed?.history === true,
    minHeight: page.framed?.minHeight ?? 80,
    // The chrome's words and the locale of its dates, for the host scripts (accordHost.say).
    locale: c.locale,
    text: c.messages,
  };
  const body =
    page.nav === 'portal'
      ? `${portalHeader(user, c)}\n<main class="portal-main">\n${page.content}\n</main>`
      : `${jiraTopBar(page, user, c)}
<div class="layout">
${page.sidebar === undefined ? '' : sidebarHtml(page.sidebar)}
<main class="content">
${page.content}
</main>
</div>`;
  return `<!doctype html>
<html lang="${escape(c.locale)}" data-color-mode="${view.theme}" data-theme="dark:dark light:light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${c.html('title.page', { page: escape(page.title) })}</title>
<link rel="stylesheet" href="/sandbox/tokens/light.css">
<link rel="stylesheet" href="/sandbox/tokens/dark.css">
<link rel="stylesheet" href="${hostStylePath('host-page')}">
${page.styleFile === undefined ? '' : `<link rel="stylesheet" href="${hostStylePath(page.styleFile)}">`}
</head>
<body>
${sandboxBar(page, c)}
${body}
<div id="accord-flags" class="flags" aria-live="polite"></div>
<script type="application/json" id="accord-host">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script src="${hostScriptPath('host-page')}" defer></script>
${page.scriptFile === undefined ? '' : `<script src="${hostScriptPath(page.scriptFile)}" defer></script>`}
</body>
</html>
`;
}

/** The service project's sidebar (the issue view, the queues). */
export function projectSidebar(current: 'queues' | 'settings' | 'outbox', c: Chrome): Sidebar {
  return {
    title: 'IT Help',
    subtitle: c.text('side.serviceProject'),
    tile: 'IT',
    groups: [
      {
        links: [
          { label: c.text('side.queues'), href: '/', current: current === 'queues' },
          { label: c.text('side.reports') },
          { label: c.text('side.customers') },
          { label: c.text('side.knowledgeBase') },
        ],
      },
      {
        links: [
          {
            label: c.text('side.projectSettings'),
            href: '/project/IT/settings',
            current: current === 'settings',
          },
        ],
      },
      // Not Jira's: where the sandbox shows the e-mail a site would have sent.
      {
        heading: c.text('side.sandbox'),
        links: [{ label: c.text('side.outbox'), href: '/outbox', current: current === 'outbox' }],
      },
    ],
  };
}

/** Jira settings › Apps, with Accord's two admin pages. */
export function appsSidebar(current: 'admin' | 'reports', c: Chrome): Sidebar {
  return {
    title: c.text('side.jiraSettings'),
    subtitle: c.text('side.apps'),
    tile: 'J',
    groups: [
      {
        heading: c.text('side.apps'),
        links: [{ label: c.text('side.findApps') }, { label: c.text('side.manageApps') }],
      },
      {
        heading: 'Accord',
        links: [
          { label: 'Accord', href: '/admin', current: current === 'admin' },
          { label: 'Accord reports', href: '/reports', current: current === 'reports' },
        ],
      },
    ],
  };
}
