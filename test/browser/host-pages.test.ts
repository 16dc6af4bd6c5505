import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * What the host pages do around any Custom UI, in a real browser: the switchers reach the frame, a gadget's edit
 * view saves and closes through `view.submit` and `view.close`, `view.createHistory` lives in the page's URL,
 * flags, titles and navigation. The UIs here are a probe (fixtures/bridge-probe.html) that calls the bridge as
 * `@forge/bridge` does, so these tests hold whatever the real UIs become.
 */

const PROBE = join(__dirname, 'fixtures', 'bridge-probe.html');

describeInBrowser('host pages around a Custom UI', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'accord-probe-'));
    for (const name of ['admin', 'gadget', 'report']) {
      mkdirSync(join(root, 'static', name, 'dist'), { recursive: true });
      copyFileSync(PROBE, join(root, 'static', name, 'dist', 'index.html'));
    }
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const sandbox = useBrowserSandbox({ root: () => root });

  const contextOf = async (frame: FrameLocator): Promise<Record<string, unknown>> => {
    const text = frame.getByTestId('context');
    await text.filter({ hasText: /\{/ }).waitFor();
    return JSON.parse((await text.textContent()) ?? '{}') as Record<string, unknown>;
  };

  sandbox.test(
    'the theme, language and time zone switchers reach the frame, and stay in the URL',
    async (page) => {
      const frame = await sandbox.open(page, '/admin');
      expect(await contextOf(frame)).toEqual(
        expect.objectContaining({ locale: 'en-US', timezone: 'Europe/Berlin', moduleKey: 'accord-admin' }),
      );
      await frame.locator('html[data-color-mode="light"]').waitFor();
      await frame.locator('body').evaluate(() => {
        (globalThis as { accordMark?: boolean }).accordMark = true;
      });

      // The colour mode is posted to the frame: no reload.
      await page.getByLabel('Theme').selectOption('dark');
      await frame.locator('html[data-color-mode="dark"]').waitFor();
      await page.locator('html[data-color-mode="dark"]').waitFor();
      await expect(
        frame.locator('body').evaluate(() => (globalThis as { accordMark?: boolean }).accordMark),
      ).resolves.toBe(true);

      // A language or a time zone is a new context: the page, written in them, comes again, the frame with it.
      await page.getByLabel('Language').selectOption('de-DE');
      await frame.getByTestId('context').filter({ hasText: '"locale":"de-DE"' }).waitFor();
      await page.getByLabel('Zeitzone').selectOption('Europe/Copenhagen');
      const context = await (async () => {
        await frame.getByTestId('context').filter({ hasText: 'Europe/Copenhagen' }).waitFor();
        return contextOf(frame);
      })();
      expect(context).toEqual(
        expect.objectContaining({
          locale: 'de-DE',
          timezone: 'Europe/Copenhagen',
          theme: { colorMode: 'dark' },
        }),
      );
      expect(new URL(page.url()).search).toBe('?theme=dark&locale=de-DE&timezone=Europe%2FCopenhagen');
      await frame.locator('html[data-color-mode="dark"]').waitFor();
    },
  );

  sandbox.test('a gadget’s edit view saves with view.submit and goes back with view.close', async (page) => {
    const frame = await sandbox.open(page, '/dashboard');
    // Never configured: Jira opens its edit view.
    await frame.getByTestId('mode').filter({ hasText: 'edit' }).waitFor();
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.getByTestId('mode').filter({ hasText: 'view' }).waitFor();
    expect(await contextOf(frame)).toEqual(
      expect.objectContaining({
        extension: expect.objectContaining({ gadgetConfiguration: { days: 30 } }) as unknown,
      }),
    );
    await expect(sandbox.api('GET', '/api/gadgets/accord-compliance-1')).resolves.toEqual(
      expect.objectContaining({ configuration: { days: 30 } }),
    );

    await page.getByRole('button', { name: 'Edit' }).click();
    await frame.getByTestId('mode').filter({ hasText: 'edit' }).waitFor();
    expect((await contextOf(frame)).extension).toEqual(
      expect.objectContaining({ entryPoint: 'edit', gadgetConfiguration: { days: 30 } }),
    );
    await frame.getByRole('button', { name: 'Cancel' }).click();
    await frame.getByTestId('mode').filter({ hasText: 'view' }).waitFor();
    // A reload keeps the saved configuration, in the view.
    const again = await sandbox.open(page, '/dashboard');
    await again.getByTestId('mode').filter({ hasText: 'view' }).waitFor();
  });

  sandbox.test('view.submit and view.close answer false outside a gadget’s edit view', async (page) => {
    const frame = await sandbox.open(page, '/reports');
    expect(await contextOf(frame)).toEqual(expect.objectContaining({ moduleKey: 'accord-reports' }));
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.getByTestId('result').filter({ hasText: 'false' }).waitFor();
  });

  sandbox.test(
    'view.createHistory keeps its path in the page’s URL, through reloads and the back button',
    async (page) => {
      const frame = await sandbox.open(page, '/admin');
      await frame.getByTestId('location').filter({ hasText: 'START /' }).waitFor();
      await frame.getByRole('button', { name: 'Calendars' }).click();
      await frame.getByTestId('location').filter({ hasText: 'PUSH /calendars/berlin' }).waitFor();
      await page.waitForURL(/\/admin\/calendars\/berlin$/);

      await page.reload();
      await frame.getByTestId('location').filter({ hasText: 'START /calendars/berlin' }).waitFor();
      await page.goBack();
      await page.waitForURL(/\/admin$/);
      await frame.getByTestId('location').filter({ hasText: 'POP /' }).waitFor();
    },
  );

  sandbox.test('flags, the window title and navigation land in the host page', async (page) => {
    const frame = await sandbox.open(page, '/admin', { theme: 'dark' });
    await frame.getByRole('button', { name: 'Flag' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Saved' })
      .filter({ hasText: 'The calendar is saved.' })
      .waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' }).count()).resolves.toBe(0);

    await frame.getByRole('button', { name: 'Title' }).click();
    await expect(page.waitForFunction("document.title === 'Calendars · Accord'")).resolves.toBeTruthy();

    // A sandbox page opens in the frame's colour mode.
    await frame.getByRole('button', { name: 'Open IT-1' }).click();
    await page.waitForURL(/\/issue\/IT-1\?theme=dark$/);
  });

  sandbox.test('a page whose UI is not built says which build to run', async (page) => {
    await page.goto(`${sandbox.url}/portal/IT-1`);
    await page.getByTestId('not-built').filter({ hasText: 'The portal Custom UI is not built' }).waitFor();
    await expect(page.locator('#accord-frame').count()).resolves.toBe(0);
  });
});
