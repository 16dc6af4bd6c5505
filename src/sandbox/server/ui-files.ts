import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { BRIDGE_SHIM_PATH } from './host-assets';
import { HttpError } from './http';

/**
 * The built Custom UIs (`static/<name>/dist`), served under `/ui/<name>/` as Forge serves a resource, with the
 * sandbox's `@forge/bridge` shim put into each `index.html` before the app's own script; and the design tokens'
 * themes, which Jira's host puts into a frame once the UI calls `view.theme.enable()`.
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A UI's folder name: what `static/` holds, and nothing that climbs out of it. */
export const UI_NAME = /^[a-z][a-z0-9-]*$/;

/** The repository's root: the nearest folder above this file with a `static/` beside a `package.json`. */
export function findRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'static'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/** The id of the JSON script in a served `index.html` that holds the frame's `view.getContext()` (bridge-shim.ts). */
export const CONTEXT_SCRIPT_ID = 'accord-sandbox-context';

/**
 * `GET /ui/<name>/<path>`: a file of `static/<name>/dist`, `index.html` for the folder itself. A path that
 * leaves the folder (`..`, an encoded slash or backslash) or names nothing is a 404, as is a UI not built yet
 * (with a hint to build it). `context`, when given, is written into `index.html` before the shim, which answers
 * the frame's first `view.getContext()` with it instead of a round trip (as Jira's host answers it at once).
 */
export function sendUiFile(
  res: ServerResponse,
  root: string,
  name: string,
  rest: string,
  context?: () => unknown,
): void {
  const notFound = (): never => {
    throw new HttpError(404, 'not-found', `The sandbox has no /ui/${name}/${rest}.`);
  };
  if (!UI_NAME.test(name)) notFound();
  const dist = resolve(root, 'static', name, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new HttpError(
      404,
      'not-built',
      `The ${name} Custom UI is not built; run \`npm run build:ui\` (npm start does).`,
    );
  }
  let relative: string;
  try {
    relative = decodeURIComponent(rest === '' ? 'index.html' : rest);
  } catch {
    return notFound();
  }
  if (relative.includes('\\') || relative.includes('\0')) notFound();
  const file = resolve(dist, relative);
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) notFound();
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  let body = readFileSync(file);
  if (file === join(dist, 'index.html'))
    body = Buffer.from(withShim(body.toString('utf8'), context === undefined ? undefined : context()));
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body.length,
    // Rebuilt while the sandbox runs: never cached.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/**
 * Puts the shim's classic script before the page's first script (or at the end of `<head>`): `@forge/bridge`
 * looks for the host's bridge as its modules load, and a classic script runs before any module script. The
 * frame's context, when given, goes just before it as JSON.
 */
export function withShim(html: string, context?: unknown): string {
  const shim = `<script src="${BRIDGE_SHIM_PATH}"></script>`;
  const tag =
    context === undefined
      ? shim
      : `<script type="application/json" id="${CONTEXT_SCRIPT_ID}">${JSON.stringify(context).replace(/</g, '\\u003c')}</script>\n    ${shim}`;
  // Replaced by functions: the context's text may hold `$&` and the like.
  if (/<script\b/i.test(html)) return html.replace(/<script\b/i, () => `${tag}\n    <script`);
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, () => `${tag}\n</head>`) : tag + html;
}

/** The themes `view.theme.enable()` applies, each as the `data-theme` name @atlaskit/tokens' CSS selects on. */
const THEMES: Readonly<Record<string, string>> = {
  light: 'atlassian-light',
  dark: 'atlassian-dark',
  spacing: 'atlassian-spacing',
  typography: 'atlassian-typography',
  shape: 'atlassian-shape',
};

/** One theme's stylesheet from @atlaskit/tokens (a dev dependency). */
function themeCss(theme: string): string {
  const artifact = THEMES[theme];
  if (artifact === undefined) throw new HttpError(404, 'not-found', `There is no token theme "${theme}".`);
  // The package ships each theme as a module whose default export is the stylesheet's text.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${artifact}.js`) as { default: string })
    .default;
}

/**
 * `GET /sandbox/tokens/<theme>.css`: one of @atlaskit/tokens' theme stylesheets, or `all.css`, every theme
 * `view.theme.enable()` applies in one: a frame asks for that one (bridge-shim.ts) instead of five, which had
 * taken five of the six connections a browser opens to the sandbox, and its first resolver call waited behind them.
 */
export function sendTokens(res: ServerResponse, theme: string): void {
  const css = theme === 'all' ? Object.keys(THEMES).map(themeCss).join('\n') : themeCss(theme);
  res.writeHead(200, {
    'Content-Type': 'text/css; charset=utf-8',
    'Content-Length': Buffer.byteLength(css),
    'Cache-Control': 'no-store',
  });
  res.end(css);
}
