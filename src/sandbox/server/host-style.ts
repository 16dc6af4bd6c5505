/**
 * The host pages' stylesheet: Jira's chrome in miniature (a top bar, a sidebar, the content), the help center's
 * for the portal, the sandbox's own bar of controls above them, and flags. Coloured with @atlaskit/tokens' CSS
 * variables, whose light and dark themes the pages load (`/sandbox/tokens/<theme>.css`), so the chrome switches
 * colour mode as Jira's does; each variable has a light fallback for the moment before the themes load.
 */
export const HOST_STYLE = `/* Accord sandbox host pages (see src/sandbox/server/host-style.ts). */
* { box-sizing: border-box; }
html { color-scheme: light; }
html[data-color-mode="dark"] { color-scheme: dark; }
body { margin: 0; font: 14px/1.43 ui-sans-serif, -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Helvetica Neue", sans-serif;
  background: var(--ds-surface, #fff); color: var(--ds-text, #172b4d); }
a { color: var(--ds-link, #0c66e4); text-decoration: none; }
a:hover { text-decoration: underline; }
button, select, textarea, input { font: inherit; color: inherit; }
button, select { background: var(--ds-background-neutral, #091e420f); border: 0; border-radius: 3px; padding: 4px 10px; min-height: 32px; cursor: pointer; }
button:hover, select:hover { background: var(--ds-background-neutral-hovered, #091e4224); }
button.primary { background: var(--ds-background-brand-bold, #0c66e4); color: var(--ds-text-inverse, #fff); }
button.primary:hover { background: var(--ds-background-brand-bold-hovered, #0055cc); }
:focus-visible { outline: 2px solid var(--ds-border-focused, #388bff); outline-offset: 2px; }
textarea { background: var(--ds-background-input, #fff); border: 1px solid var(--ds-border-input, #8590a2); border-radius: 3px; padding: 8px; }
.muted { color: var(--ds-text-subtle, #44546f); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* The sandbox's bar: not Jira's, and says so. */
.sandbox-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px; padding: 4px 16px; font-size: 12px;
  background: var(--ds-background-discovery, #f3f0ff); color: var(--ds-text, #172b4d);
  border-bottom: 1px solid var(--ds-border-discovery, #8270db); }
.sandbox-bar .brand { font-weight: 653; color: var(--ds-text-discovery, #5e4db2); }
.sandbox-bar label, .sandbox-bar .group { display: inline-flex; align-items: center; gap: 4px; }
.sandbox-bar select, .sandbox-bar button { min-height: 24px; padding: 0 6px; font-size: 12px; }
.sandbox-bar .error { color: var(--ds-text-danger, #ae2e24); font-weight: 600; }

/* Jira's top navigation. */
.topnav { display: flex; align-items: center; gap: 4px; height: 56px; padding: 0 12px;
  background: var(--ds-surface, #fff); border-bottom: 1px solid var(--ds-border, #091e4224); }
.topnav .logo { display: inline-flex; align-items: center; gap: 8px; margin: 0 12px 0 4px; font-weight: 653; font-size: 18px;
  color: var(--ds-text, #172b4d); }
.topnav .logo svg { display: block; }
.topnav .item { padding: 6px 8px; border-radius: 3px; color: var(--ds-text-subtle, #44546f); font-weight: 500; }
.topnav .item:hover { background: var(--ds-background-neutral-subtle-hovered, #091e420f); text-decoration: none; }
.topnav .item.current { color: var(--ds-text-selected, #0c66e4); box-shadow: inset 0 -3px 0 var(--ds-border-selected, #0c66e4); border-radius: 0; }
.topnav .create { margin-left: 8px; }
.topnav .spacer { flex: 1; }
.topnav .search { width: 200px; min-height: 32px; padding: 4px 8px; border: 1px solid var(--ds-border-input, #8590a2); border-radius: 3px;
  background: var(--ds-background-input, #fff); color: var(--ds-text-subtlest, #626f86); }
.topnav .icon { display: inline-flex; width: 32px; height: 32px; align-items: center; justify-content: center; border-radius: 50%;
  color: var(--ds-icon-subtle, #626f86); }
.avatar { display: inline-flex; width: 28px; height: 28px; align-items: center; justify-content: center; border-radius: 50%;
  font-size: 11px; font-weight: 653; background: var(--ds-background-accent-purple-bolder, #6e5dc6); color: var(--ds-text-inverse, #fff); }

/* The sidebar and the content. */
.layout { display: flex; min-height: calc(100vh - 90px); }
.sidebar { flex: 0 0 240px; padding: 16px 8px; background: var(--ds-surface, #fff); border-right: 1px solid var(--ds-border, #091e4224); }
.sidebar .head { display: flex; gap: 8px; align-items: center; padding: 0 8px 16px; }
.sidebar .head .tile { width: 32px; height: 32px; border-radius: 4px; display: inline-flex; align-items: center; justify-content: center;
  background: var(--ds-background-accent-blue-subtle, #579dff); color: var(--ds-text-inverse, #fff); font-weight: 653; }
.sidebar .head strong { display: block; }
.sidebar .head span { font-size: 12px; color: var(--ds-text-subtle, #44546f); }
.sidebar h3 { margin: 16px 8px 4px; font-size: 11px; font-weight: 653; text-transform: uppercase; color: var(--ds-text-subtlest, #626f86); }
.sidebar a, .sidebar .disabled { display: block; padding: 8px; border-radius: 3px; color: var(--ds-text-subtle, #44546f); }
.sidebar a:hover { background: var(--ds-background-neutral-subtle-hovered, #091e420f); text-decoration: none; }
.sidebar a[aria-current="page"] { background: var(--ds-background-selected, #e9f2ff); color: var(--ds-text-selected, #0c66e4); font-weight: 600; }
.sidebar .disabled { color: var(--ds-text-disabled, #091e424f); cursor: default; }
.content { flex: 1; min-width: 0; padding: 24px 32px 48px; }
.crumbs { font-size: 14px; color: var(--ds-text-subtle, #44546f); margin-bottom: 8px; }
.crumbs a { color: var(--ds-text-subtle, #44546f); }
h1 { font-size: 24px; font-weight: 653; line-height: 28px; margin: 0 0 16px; }
h2 { font-size: 16px; font-weight: 653; margin: 0 0 8px; }

/* A framed Custom UI, and what shows where one is not built. */
.app-frame { display: block; width: 100%; height: 240px; border: 0; background: transparent; }
.not-built { max-width: 640px; margin: 24px 0; padding: 16px 20px; border-radius: 3px;
  background: var(--ds-background-warning, #fff7d6); color: var(--ds-text, #172b4d); border-left: 4px solid var(--ds-border-warning, #e56910); }
.not-built h2 { margin: 0 0 8px; }
.not-built code { background: var(--ds-background-neutral, #091e420f); padding: 0 4px; border-radius: 3px; }

/* Flags (view's showFlag), bottom left as Jira's. */
.flags { position: fixed; left: 24px; bottom: 24px; display: flex; flex-direction: column; gap: 8px; z-index: 10; width: 400px; }
.flag { display: flex; gap: 12px; padding: 16px; border-radius: 3px; background: var(--ds-surface-overlay, #fff);
  box-shadow: var(--ds-shadow-overlay, 0 8px 12px #091e4226, 0 0 1px #091e424f); }
.flag .mark { flex: 0 0 auto; width: 20px; height: 20px; border-radius: 50%; background: var(--ds-icon-information, #1d7afc); }
.flag.success .mark { background: var(--ds-icon-success, #22a06b); }
.flag.warning .mark { background: var(--ds-icon-warning, #e56910); }
.flag.error .mark { background: var(--ds-icon-danger, #e34935); }
.flag .body { flex: 1; }
.flag .title { font-weight: 653; }
.flag button { min-height: 24px; align-self: flex-start; }

/* The help center (customer portal). */
.portal-header { display: flex; align-items: center; gap: 12px; padding: 0 24px; height: 64px;
  background: var(--ds-background-brand-bold, #0c66e4); color: var(--ds-text-inverse, #fff); }
.portal-header a { color: var(--ds-text-inverse, #fff); font-weight: 653; font-size: 16px; }
.portal-header .spacer { flex: 1; }
.portal-main { max-width: 1040px; margin: 0 auto; padding: 24px; }
`;

/** Where the server serves {@link HOST_STYLE}. */
export const HOST_STYLE_PATH = '/sandbox/host.css';
