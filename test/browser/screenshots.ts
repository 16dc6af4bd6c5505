/**
 * `npm run screenshots`: the README's pictures of every screen. Seeds a sandbox (the full seed, with the tests'
 * clock, so the pictures are the same from run to run but for the countdowns' seconds), opens each host page in
 * headless Debian Chromium, and writes `docs/screenshots/<name>.png`: each page in the light theme, and the
 * issue view also in dark and in German. A page whose Custom UI is not built is skipped, saying which build to
 * run (`npm run build:ui` builds them all).
 *
 *   npm run screenshots                  # every page
 *   npm run screenshots -- issue-panel   # the named ones
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSandbox } from '../../src/sandbox/persistence';
import { startServer } from '../../src/sandbox/server/server';
import type { IssueRow } from '../../src/sandbox/server/site-api';
import { CHROMIUM, chromiumAvailable, isBuilt, launchChromium, openHost, ROOT, type View } from './chromium';

/** Friday 20 November 2026, 10:30 in Berlin, as in the browser tests. */
const NOW = Date.UTC(2026, 10, 20, 9, 30);
const OUT = join(ROOT, 'docs', 'screenshots');

interface Shot {
  /** The file's name in docs/screenshots/, without `.png`. */
  readonly name: string;
  /** The Custom UI the page frames. */
  readonly ui: string;
  readonly path: string;
  readonly view?: View;
  /** What shows once the UI has rendered, in the frame. */
  readonly ready?: string;
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) throw new Error(`${CHROMIUM} is missing (apt-get install chromium).`);
  const wanted = process.argv.slice(2);
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-screenshots-'));
  process.stdout.write('Seeding a sandbox…\n');
  const sandbox = await openSandbox({ dataDir, now: NOW });
  const server = await startServer(sandbox, {
    port: 0,
    host: '127.0.0.1',
    root: ROOT,
    gadgetsFile: join(dataDir, 'gadgets.json'),
  });
  const browser = await launchChromium();
  try {
    const issue = await featuredIssue(server.url);
    await configureGadget(server.url);
    const shots: Shot[] = [
      { name: 'issue-panel', ui: 'issue-panel', path: `/issue/${issue.key}`, ready: '.accord-metric' },
      {
        name: 'issue-panel-dark',
        ui: 'issue-panel',
        path: `/issue/${issue.key}`,
        view: { theme: 'dark' },
        ready: '.accord-metric',
      },
      {
        name: 'issue-panel-de',
        ui: 'issue-panel',
        path: `/issue/${issue.key}`,
        view: { locale: 'de-DE' },
        ready: '.accord-metric',
      },
      { name: 'admin', ui: 'admin', path: '/admin', ready: 'table' },
      { name: 'reports', ui: 'report', path: '/reports', ready: 'table' },
      { name: 'project-settings', ui: 'project-settings', path: '/project/IT/settings' },
      { name: 'dashboard', ui: 'gadget', path: '/dashboard', ready: 'svg' },
      { name: 'portal', ui: 'portal', path: `/portal/${issue.key}` },
    ];
    mkdirSync(OUT, { recursive: true });
    for (const shot of shots.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
      if (!isBuilt(shot.ui)) {
        process.stdout.write(
          `skipped ${shot.name}: static/${shot.ui}/dist is not built (npm run build:ui -- ${shot.ui})\n`,
        );
        continue;
      }
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await take(page, server.url, shot);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The README's issue: a High request (first response within 30 minutes, round the clock) raised at 10:30 and
 * not answered for an hour, so its first response is breached and its resolution runs.
 */
async function featuredIssue(url: string): Promise<IssueRow> {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const issue = await post<IssueRow>('/api/site/issues', {
    reporter: 'carla-customer',
    summary: 'The VPN drops every hour',
    priority: 'High',
    requestType: 'Report a network outage',
  });
  await post('/api/clock/advance', { minutes: 60 });
  return issue;
}

/** The dashboard shows the gadget as a service manager set it up: Gold support's resolution times, by month. */
async function configureGadget(url: string): Promise<void> {
  const res = await fetch(`${url}/api/gadgets/accord-compliance-1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      configuration: { agreementId: 'gold', metricId: 'resolution', period: 'month', groupBy: 'goal' },
    }),
  });
  if (!res.ok) throw new Error(`configuring the gadget: ${res.status} ${await res.text()}`);
}

async function take(page: Page, url: string, shot: Shot): Promise<void> {
  const frame = await openHost(page, url, shot.path, shot.view);
  await (
    shot.ready === undefined ? frame.locator('body *').first() : frame.locator(shot.ready).first()
  ).waitFor({
    timeout: 20_000,
  });
  // The UI's data, its fonts and the frame's resize settle; a countdown's seconds go on ticking.
  await page.waitForTimeout(1500);
  const file = join(OUT, `${shot.name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`wrote ${file.slice(ROOT.length + 1)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
