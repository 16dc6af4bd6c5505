import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), and the sandbox's host pages opened
 * in it: what the browser tests (harness.ts) and `npm run screenshots` (screenshots.ts) share. No Jest here.
 */

/** Where Debian puts Chromium (`apt-get install chromium`; `.ci/run` installs it). */
export const CHROMIUM = '/usr/bin/chromium';
/** The repository. */
export const ROOT = resolve(__dirname, '../..');

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

/** Headless Chromium that only talks to the loopback sandbox: no first-run, sync, updates or QUIC. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
  });
}

/** Whether `static/<name>/dist` is built. */
export const isBuilt = (name: string): boolean =>
  existsSync(resolve(ROOT, 'static', name, 'dist', 'index.html'));
/** Whether `static/<name>/` is a UI `npm run build:ui` can build. */
export const isWritten = (name: string): boolean =>
  existsSync(resolve(ROOT, 'static', name, 'vite.config.ts'));

/** Builds the named UIs that are not built yet (a fresh checkout has none; CI builds them all first). */
export function ensureBuilt(names: readonly string[]): void {
  const missing = names.filter((name) => !isBuilt(name));
  if (missing.length === 0) return;
  execFileSync('npm', ['run', '--silent', 'build:ui', '--', ...missing], { cwd: ROOT, stdio: 'inherit' });
}

/** How a host page is viewed; each is a query parameter of the page (src/sandbox/server/host-view.ts). */
export interface View {
  readonly theme?: 'light' | 'dark';
  /** Forge's locale code, e.g. `de-DE`. */
  readonly locale?: string;
  /** An IANA zone, e.g. `Europe/Copenhagen`. */
  readonly timezone?: string;
  /** The account the page is viewed as (the page's default otherwise). */
  readonly as?: string;
}

/** A host page's address in a view: `/admin?theme=dark&locale=de-DE`. */
export function hostUrl(base: string, path: string, view: View = {}): string {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(view)) {
    if (typeof value === 'string') url.searchParams.set(name, value);
  }
  return url.href;
}

/** The framed Custom UI of a host page. */
export const frameOf = (page: Page): FrameLocator => page.frameLocator('#accord-frame');

/**
 * Opens a host page (`/issue/IT-1`, `/admin`, `/dashboard`, …) in a view and waits until its Custom UI's
 * document has loaded; returns the frame. A page whose UI is not built shows a message in place of the frame:
 * that fails here, saying so.
 */
export async function openHost(
  page: Page,
  base: string,
  path: string,
  view: View = {},
): Promise<FrameLocator> {
  const response = await page.goto(hostUrl(base, path, view));
  if (!response?.ok()) {
    throw new Error(`${path} answered ${response?.status() ?? 'nothing'}: ${(await response?.text()) ?? ''}`);
  }
  const notBuilt = page.getByTestId('not-built');
  if (await notBuilt.count()) throw new Error(`${path}: ${(await notBuilt.textContent()) ?? 'not built'}`);
  const frame = frameOf(page);
  await frame.locator('body').waitFor({ state: 'attached' });
  return frame;
}
