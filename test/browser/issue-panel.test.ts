import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { openSandbox, type Sandbox } from '../../src/sandbox/persistence';
import { startServer, type SandboxServer } from '../../src/sandbox/server/server';

/**
 * The issue view in a real browser: Accord's issue panel, framed by the sandbox's host page and talking to the
 * sandbox through the `@forge/bridge` shim, shows a countdown, and turns to breached when the sandbox clock moves
 * past the deadline through the host page's control. Headless Debian Chromium driven by playwright-core (no
 * downloaded browsers); skipped, with a note, where `/usr/bin/chromium` is missing (`.ci/run` installs it).
 * `UPDATE_SCREENSHOTS=1` also writes the README's screenshot, docs/screenshots/issue-panel.png.
 */

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
/** Friday 20 November 2026, 10:30 in Berlin. */
const NOW = Date.UTC(2026, 10, 20, 9, 30);
const FAILURES = join(tmpdir(), 'accord-browser-failures');

const available = existsSync(CHROMIUM);
if (!available) {
  process.stdout.write(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install chromium).\n`);
}
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('the issue view in Chromium', () => {
  let dataDir: string;
  let sandbox: Sandbox;
  let server: SandboxServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A fresh checkout (or a clean CI) may not have built the panel yet.
    if (!existsSync(join(ROOT, 'static/issue-panel/dist/index.html'))) {
      execFileSync('npm', ['run', '--silent', 'build:ui'], { cwd: ROOT, stdio: 'inherit' });
    }
    dataDir = mkdtempSync(join(tmpdir(), 'accord-browser-'));
    sandbox = await openSandbox({ dataDir, now: NOW, seed: { issues: 20, days: 10 } });
    server = await startServer(sandbox, { port: 0, host: '127.0.0.1', root: ROOT });
    browser = await chromium.launch({
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
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await page.close();
  });

  /** Runs the steps; on failure saves what the browser showed, and says where. */
  async function withScreenshot(name: string, steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
    } catch (error) {
      mkdirSync(FAILURES, { recursive: true });
      const file = join(FAILURES, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      process.stdout.write(`Screenshot of the failing page: ${file}\n`);
      throw error;
    }
  }

  const panel = (): FrameLocator => page.frameLocator('iframe[title="Accord SLAs"]');

  it('shows a countdown, and the lozenge turns breached when the clock moves past the deadline', async () => {
    // A High request: first response within 30 minutes, round the clock.
    const created = await fetch(`${server.url}/api/site/issues`, {
      method: 'POST',
      body: JSON.stringify({
        reporter: 'carla-customer',
        summary: 'The VPN drops every hour',
        priority: 'High',
      }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };

    await withScreenshot('issue-panel-breach', async () => {
      await page.goto(`${server.url}/issue/${key}`);
      await expect(page.getByTestId('summary').textContent()).resolves.toBe('The VPN drops every hour');
      const firstResponse = panel().locator('.accord-metric', { hasText: 'Time to first response' });
      await firstResponse.locator('.accord-metric__time').waitFor({ timeout: 20_000 });
      expect(await firstResponse.locator('.accord-metric__time').textContent()).toMatch(/\d+m/);
      expect(await firstResponse.locator('.accord-lozenge').textContent()).not.toMatch(/breached/i);

      await page.getByRole('button', { name: '+1 h' }).click();

      await firstResponse.locator('.accord-lozenge', { hasText: /breached/i }).waitFor({ timeout: 20_000 });
      // The frame's clock follows the sandbox's: half an hour past the 11:00 deadline.
      await firstResponse
        .locator('.accord-metric__time--overdue', { hasText: /30m/ })
        .waitFor({ timeout: 10_000 });
      await page.getByText('breached', { exact: true }).waitFor({ timeout: 10_000 });
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        await page.screenshot({ path: join(ROOT, 'docs/screenshots/issue-panel.png'), fullPage: true });
      }
    });
  }, 60_000);
});
