/**
 * `npm run screenshots`: the README's pictures of every screen. Seeds a sandbox (the full seed, with the tests'
 * clock, so the pictures are the same from run to run but for the countdowns' seconds), opens each host page in
 * headless Debian Chromium, and writes `docs/screenshots/<name>.png`: each page in the light theme, and the
 * issue view also in dark and in German; then the sandbox's issue page and outbox, and the admin page as a person
 * uses it (the editor with a dialog open, a save's problems, a searched list, an agreement's and a calendar's
 * version diff), in light and in dark or German (`-dark`, `-de`). Each admin shot is the window (1280×800) at
 * the point of interest; versions are saved at a fixed time, so the pictures are the same from run to run. A page whose Custom UI is not built is skipped, saying which build to
 * run (`npm run build:ui` builds them all).
 *
 *   npm run screenshots                  # every page
 *   npm run screenshots -- issue-panel   # the named ones
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { openSandbox } from '../../src/sandbox/persistence';
import { startServer } from '../../src/sandbox/server/server';
import type { IssueRow } from '../../src/sandbox/server/site-api';
import type { Agreement } from '../../src/engine/agreement/types';
import type { Sandbox } from '../../src/sandbox/persistence';
import {
  CHROMIUM,
  chromiumAvailable,
  frameOf,
  hostUrl,
  isBuilt,
  launchChromium,
  openHost,
  ROOT,
  type View,
} from './chromium';
import { messagesOf, type Say } from './messages';

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
  /**
   * What a person does before the picture (open an editor, a dialog, a diff), in the view's words; it says
   * whether the whole page is taken or the window (1280×800) as it is then. Without it: the whole page.
   */
  readonly act?: (page: Page, frame: FrameLocator, say: Say) => Promise<'full' | 'window'>;
  /** A sandbox page without a Custom UI frame (the outbox). */
  readonly hostOnly?: boolean;
  /** Wants the second versions of Gold support and the Berlin calendar (saved before the first such shot). */
  readonly versions?: boolean;
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
      {
        name: 'sandbox-issue-page',
        ui: 'issue-panel',
        path: `/issue/${issue.key}`,
        ready: '.accord-metric',
        act: sandboxIssuePage,
      },
      { name: 'sandbox-outbox', ui: 'issue-panel', path: '/outbox', hostOnly: true, act: sandboxOutbox },
      ...inViews('admin-editor-dialog', ['light', 'dark', 'de'], editorWithDialog),
      ...inViews('admin-problems', ['light', 'de'], saveProblems),
      ...inViews('admin-list-search', ['light', 'dark'], listSearch),
      ...inViews('admin-version-diff', ['light', 'dark', 'de'], versionDiff),
      ...inViews('admin-calendar-diff', ['light', 'de'], calendarDiff),
    ];
    mkdirSync(OUT, { recursive: true });
    let versioned = false;
    for (const shot of shots.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
      if (!isBuilt(shot.ui)) {
        process.stdout.write(
          `skipped ${shot.name}: static/${shot.ui}/dist is not built (npm run build:ui -- ${shot.ui})\n`,
        );
        continue;
      }
      if (shot.versions === true && !versioned) {
        // After the shots of the seed as it is: Gold's added metric would show in the issue view.
        await secondVersions(sandbox);
        versioned = true;
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
  if (shot.hostOnly === true) await page.goto(hostUrl(url, shot.path, shot.view));
  const frame = shot.hostOnly === true ? frameOf(page) : await openHost(page, url, shot.path, shot.view);
  if (shot.hostOnly !== true) {
    await (
      shot.ready === undefined ? frame.locator('body *').first() : frame.locator(shot.ready).first()
    ).waitFor({
      timeout: 20_000,
    });
  }
  const say = messagesOf(shot.ui, shot.view?.locale ?? 'en-US');
  const how = shot.act === undefined ? 'full' : await shot.act(page, frame, say);
  if (shot.act !== undefined && shot.hostOnly !== true) {
    // No hover or focus ring left by what the person did: their transitions make pictures differ by a pixel.
    await page.mouse.move(0, 0);
    await frame.locator('body').evaluate(() => {
      (
        globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }
      ).document.activeElement?.blur?.();
    });
  }
  // The UI's data, its fonts and the frame's resize settle; a countdown's seconds go on ticking.
  await page.waitForTimeout(1500);
  const file = join(OUT, `${shot.name}.png`);
  await page.screenshot({ path: file, fullPage: how === 'full' });
  process.stdout.write(`wrote ${file.slice(ROOT.length + 1)}\n`);
}

// ── Issue 15's screens: the admin page's editors, dialogs, problems, lists and diffs; the sandbox's record ─────

type Variant = 'light' | 'dark' | 'de';
const VARIANTS: Readonly<Record<Variant, View>> = {
  light: {},
  dark: { theme: 'dark' },
  de: { locale: 'de-DE' },
};

/** One admin shot in each named variant: `<name>.png`, `<name>-dark.png`, `<name>-de.png`. */
function inViews(name: string, variants: readonly Variant[], act: NonNullable<Shot['act']>): Shot[] {
  return variants.map((variant) => ({
    name: variant === 'light' ? name : `${name}-${variant}`,
    ui: 'admin',
    path: '/admin',
    view: VARIANTS[variant],
    ready: 'table',
    act,
    versions: true,
  }));
}

/**
 * A second version of Gold support (a metric added, with a long name and JQL) and of the Berlin calendar (renamed,
 * a holiday added), saved by Chris Admin at a fixed time, so the version histories have diffs to show.
 */
async function secondVersions(sandbox: Sandbox): Promise<void> {
  const config = sandbox.store.config;
  const savedAt = Date.UTC(2026, 10, 20, 9, 0);
  const gold = (await config.list('agreement')).find((a) => a.body?.name === 'Gold support');
  if (!gold?.body) throw new Error('the seed has no Gold support agreement');
  const body: Agreement = {
    ...gold.body,
    metrics: [
      ...gold.body.metrics,
      {
        id: 'major-incident-resolution',
        name: 'Time to resolution for major incidents',
        start: [{ event: 'created' }],
        stop: [{ event: 'resolution', change: 'set' }],
        pauseWhile: 'status in ("Waiting for customer", "Waiting for third party")',
        goals: [
          {
            when: 'priority = Highest AND "Request Type" = "Report a system problem"',
            targetMinutes: 240,
            calendar: gold.body.metrics[0]?.goals[0]?.calendar ?? 'berlin-9-17',
            objectivePercent: 95,
          },
        ],
      },
    ],
  };
  await config.put('agreement', gold.id, body, {
    expectedVersion: gold.version,
    savedAt,
    savedBy: 'chris-admin',
  });
  const berlin = (await config.list('calendar')).find((c) => c.body?.name === 'Berlin office hours');
  if (!berlin?.body) throw new Error('the seed has no Berlin office hours calendar');
  await config.put(
    'calendar',
    berlin.id,
    {
      ...berlin.body,
      name: 'Berlin office',
      holidays: [...(berlin.body.holidays ?? []), { date: '2026-12-31', name: 'New Year’s Eve' }],
    },
    { expectedVersion: berlin.version, savedAt, savedBy: 'chris-admin' },
  );
}

async function openGold(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Gold support' }).first().click();
  await frame.locator('#accord-field-name').waitFor();
}

/** The agreement editor, its sections and second metric folded, a change, Cancel at the window's bottom. */
async function editorWithDialog(page: Page, frame: FrameLocator, say: Say): Promise<'window'> {
  await openGold(frame);
  await frame.locator('#accord-field-name').fill('Gold support plus');
  await frame.getByRole('button', { name: say('agreements.general'), exact: true }).click();
  await page.evaluate('window.scrollTo(0, 240)');
  await frame
    .locator('.accord-save-bar')
    .getByRole('button', { name: say('cancel') })
    .click();
  await frame.getByRole('dialog', { name: say('discardTitle') }).waitFor();
  return 'window';
}

/** Two objectives over 100 %: both problems at once, the summary at the top, each field marked. */
async function saveProblems(page: Page, frame: FrameLocator, say: Say): Promise<'window'> {
  await openGold(frame);
  await frame.locator('#accord-field-metrics-0-goals-0-objectivePercent').fill('150');
  await frame.locator('#accord-field-metrics-0-goals-1-objectivePercent').fill('200');
  await frame
    .locator('.accord-save-bar')
    .getByRole('button', { name: say('save'), exact: true })
    .click();
  await frame.locator('.accord-error-summary li').nth(1).waitFor({ timeout: 20_000 });
  await page.evaluate('window.scrollTo(0, 150)');
  return 'window';
}

/** The agreements list searched for "support". */
async function listSearch(_page: Page, frame: FrameLocator, say: Say): Promise<'full'> {
  await frame.getByLabel(say('list.searchAgreements')).fill('support');
  await frame.locator('.accord-list-filter__count').waitFor();
  return 'full';
}

/** Gold support's history, the change of version 2 (an added metric) open, read in words. */
async function versionDiff(page: Page, frame: FrameLocator, say: Say): Promise<'window'> {
  await openGold(frame);
  await frame.getByRole('button', { name: say('history.heading') }).click();
  await frame
    .getByRole('button', { name: say('history.changes') })
    .first()
    .click();
  const diff = frame.locator('.accord-diff').first();
  await diff.waitFor({ timeout: 20_000 });
  await scrollFrameTo(page, diff);
  return 'window';
}

/** The Berlin calendar's history, the change of version 2 (renamed, a holiday added) open. */
async function calendarDiff(page: Page, frame: FrameLocator, say: Say): Promise<'window'> {
  await frame.getByRole('tab', { name: say('tabs.calendars') }).click();
  const panel = frame.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Berlin office', exact: true }).first().click();
  await panel.getByRole('button', { name: say('history.heading') }).click();
  await panel
    .getByRole('button', { name: say('history.changes') })
    .first()
    .click();
  const diff = panel.locator('.accord-diff').first();
  await diff.waitFor({ timeout: 20_000 });
  await scrollFrameTo(page, diff);
  return 'window';
}

/** Scrolls the host page so that `part` of the frame sits near the window's top. */
async function scrollFrameTo(page: Page, part: ReturnType<FrameLocator['locator']>): Promise<void> {
  const top = (await part.boundingBox())?.y ?? 0;
  await page.evaluate(`window.scrollBy(0, ${String(Math.max(0, top - 260))})`);
}

/**
 * The sandbox's issue page: an agent assigns the request with the page's control; the history shows the change
 * beside Accord's internal note (marked as the app's), with the issue's labels and Accord's fields.
 */
async function sandboxIssuePage(page: Page): Promise<'full'> {
  await page.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Bea Second-Level' });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page
    .getByTestId('history-change')
    .filter({ hasText: 'Bea Second-Level' })
    .first()
    .waitFor({ timeout: 20_000 });
  return 'full';
}

/** The sandbox's outbox: the notifications Accord sent, newest first (the window's worth). */
async function sandboxOutbox(page: Page): Promise<'window'> {
  await page.getByTestId('outbox-row').first().waitFor({ timeout: 20_000 });
  return 'window';
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
