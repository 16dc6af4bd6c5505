import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { openSandbox, type Sandbox } from '../../src/sandbox/persistence';
import type { SeedOptions } from '../../src/sandbox/seed/seed';
import { startServer, type SandboxServer } from '../../src/sandbox/server/server';
import type { IssueRow } from '../../src/sandbox/server/site-api';
import {
  CHROMIUM,
  chromiumAvailable,
  ensureBuilt,
  launchChromium,
  openHost,
  ROOT,
  type View,
} from './chromium';

export { frameOf, hostUrl, ROOT, type View } from './chromium';

/**
 * The browser tests' harness: a seeded sandbox on a loopback port with a data folder of its own, served to
 * headless Debian Chromium, a fresh page per test, and a screenshot of the page when a test fails. A test file
 * reads as its story:
 *
 * ```ts
 * describeInBrowser('the admin page', () => {
 *   const sandbox = useBrowserSandbox({ uis: ['admin'] });
 *   sandbox.test('creates a calendar', async (page) => {
 *     const admin = await sandbox.open(page, '/admin', { theme: 'dark', locale: 'de-DE' });
 *     await admin.getByRole('button', { name: 'Kalender anlegen' }).click();
 *   });
 * });
 * ```
 *
 * Where `/usr/bin/chromium` is missing the tests are skipped with a note (`apt-get install chromium`).
 */

/** Friday 20 November 2026, 10:30 in Berlin: the clock of the tests' sandboxes unless a test says otherwise. */
export const NOW = Date.UTC(2026, 10, 20, 9, 30);
/** Where a failing test's screenshot goes (ignored by git). */
export const ARTIFACTS = join(__dirname, 'artifacts');

let noted = false;
/** `describe` where Chromium is installed; elsewhere `describe.skip`, with a note saying why. */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
    return;
  }
  if (!noted) {
    process.stdout.write(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install chromium).\n`);
    noted = true;
  }
  describe.skip(name, body);
}

export interface BrowserSandboxOptions {
  /** The sandbox clock (default {@link NOW}). */
  readonly now?: number;
  /** How much history to seed (default 20 issues over 10 days: enough for every state, and quick). */
  readonly seed?: Omit<SeedOptions, 'now'>;
  /** The Custom UIs the tests open: built first where they are not. */
  readonly uis?: readonly string[];
  /** The repository whose `static/<name>/dist` and `locales/` are served (default: this one). */
  readonly root?: () => string;
}

/** What a test reaches: the sandbox, its address, the browser, and helpers. Valid from `beforeAll` on. */
export interface BrowserSandbox {
  readonly url: string;
  readonly sandbox: Sandbox;
  readonly browser: Browser;
  /** A test with a fresh page (1280×900), closed after it; on failure the page's screenshot is saved. */
  test(name: string, run: (page: Page) => Promise<void>, timeoutMs?: number): void;
  /** Opens a host page in a view (theme, locale, time zone, who); resolves the Custom UI's frame. */
  open(page: Page, path: string, view?: View): Promise<FrameLocator>;
  /** A JSON call to the sandbox's API; a refusal throws with its message. */
  api<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** A customer raises a request (`POST /api/site/issues`). */
  createIssue(body: {
    readonly reporter?: string;
    readonly summary?: string;
    readonly priority?: string;
    readonly requestType?: string;
  }): Promise<IssueRow>;
  /** Moves the sandbox clock, running every sweep and action on the way. */
  advance(minutes: number): Promise<void>;
}

/** Starts a seeded sandbox and Chromium for the enclosing `describe`, and stops them after it. */
export function useBrowserSandbox(options: BrowserSandboxOptions = {}): BrowserSandbox {
  let dataDir: string | undefined;
  let sandbox: Sandbox | undefined;
  let server: SandboxServer | undefined;
  let browser: Browser | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The browser sandbox's ${what} is used before beforeAll ran.`);
    return value;
  };

  beforeAll(async () => {
    ensureBuilt(options.uis ?? []);
    dataDir = mkdtempSync(join(tmpdir(), 'accord-browser-'));
    sandbox = await openSandbox({
      dataDir,
      now: options.now ?? NOW,
      seed: options.seed ?? { issues: 20, days: 10 },
    });
    server = await startServer(sandbox, {
      port: 0,
      host: '127.0.0.1',
      root: options.root?.() ?? ROOT,
      gadgetsFile: join(dataDir, 'gadgets.json'),
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sandbox?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${ready(server, 'server').url}${path}`, {
      method,
      ...(method === 'POST' ? { headers: { 'Content-Type': 'application/json' } } : {}),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T & { error?: { message?: string } };
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json.error?.message ?? ''}`);
    return json;
  };

  return {
    get url() {
      return ready(server, 'server').url;
    },
    get sandbox() {
      return ready(sandbox, 'sandbox');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    test(name, run, timeoutMs = 60_000) {
      it(
        name,
        async () => {
          const page = await ready(browser, 'browser').newPage({ viewport: { width: 1280, height: 900 } });
          try {
            await run(page);
          } catch (error) {
            mkdirSync(ARTIFACTS, { recursive: true });
            const file = join(ARTIFACTS, `${slug(expect.getState().currentTestName ?? name)}.png`);
            await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
            process.stdout.write(`Screenshot of the failing page: ${file}\n`);
            throw error;
          } finally {
            await page.close();
          }
        },
        timeoutMs,
      );
    },
    open: (page, path, view) => openHost(page, ready(server, 'server').url, path, view),
    api,
    createIssue: (body) =>
      api<IssueRow>('POST', '/api/site/issues', {
        reporter: 'carla-customer',
        summary: 'Something is broken',
        ...body,
      }),
    advance: async (minutes) => {
      await api('POST', '/api/clock/advance', { minutes });
    },
  };
}

/** A file name for a test's name: `the issue view in Chromium a pause shows as paused` → `the-issue-view-…`. */
const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
