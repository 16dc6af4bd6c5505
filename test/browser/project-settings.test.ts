import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The project settings page in a real browser, as the IT project's admin: the agreements the project uses, in
 * order; moved with the keyboard and saved, which the store then holds; a second admin's stale save refused;
 * the preview on recent issues; in light and dark and in German. Each state is photographed
 * (test/browser/artifacts/screens/).
 */
const SCREENS = join(ARTIFACTS, 'screens');

/** The whole page, or its first `height` pixels (enough to read a long page's top at full size). */
async function photograph(page: Page, name: string, height?: number): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({
    path: join(SCREENS, `${name}.png`),
    fullPage: true,
    ...(height === undefined ? {} : { clip: { x: 0, y: 0, width: 1280, height } }),
  });
}

/** The names in the "used" list, top to bottom. */
const usedNames = (frame: FrameLocator): Promise<string[]> =>
  frame.locator('[aria-labelledby="accord-used-title"] .accord-agreement__name').allTextContents();

describeInBrowser('the project settings page in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['project-settings'] });
  const saved = (): Promise<string[]> => sandbox.sandbox.store.config.projectAgreements('IT');
  /** Another admin (the site's) sets the project's list through Accord, as the settings page would. */
  const setList = async (agreementIds: string[]): Promise<void> => {
    const reply = await sandbox.api<{ ok: boolean }>('POST', '/api/invoke', {
      key: 'projects/set',
      payload: { projectKey: 'IT', agreementIds },
      context: { accountId: 'chris-admin', module: 'project-settings', projectKey: 'IT' },
    });
    expect(reply.ok).toBe(true);
  };
  // Each test starts from the seed's list, whatever the one before saved.
  beforeEach(async () => {
    await setList(['gold', 'second-level', 'netco-uc']);
  });

  sandbox.test('reorders with the keyboard and saves the order', async (page) => {
    const frame = await sandbox.open(page, '/project/IT/settings');
    await frame.locator('.accord-agreement').first().waitFor({ timeout: 20_000 });
    const before = await usedNames(frame);
    expect(before).toEqual(['Gold support', 'Second-level network team', 'NetCo carrier contract']);
    await photograph(page, 'project-settings-light');

    // Keyboard only: focus the first agreement's "down" button and press Enter twice; the focus follows it.
    await frame.getByRole('button', { name: 'Move Gold support down' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await usedNames(frame)).toEqual([
      'Second-level network team',
      'NetCo carrier contract',
      'Gold support',
    ]);
    await expect(frame.locator(':focus').getAttribute('aria-label')).resolves.toBe('Move Gold support up');
    await frame.getByRole('status').filter({ hasText: 'Gold support moved to position 3 of 3.' }).waitFor();

    // The NetCo contract is switched off with the keyboard too.
    await frame.getByLabel('Use NetCo carrier contract in this project').focus();
    await page.keyboard.press('Space');
    expect(await usedNames(frame)).toEqual(['Second-level network team', 'Gold support']);
    await frame.getByText('You have unsaved changes.').waitFor();

    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    await frame.getByRole('heading', { name: 'Saved' }).waitFor({ timeout: 10_000 });
    expect(await saved()).toEqual(['second-level', 'gold']);
    await photograph(page, 'project-settings-saved');

    // Re-measuring the project's issues runs to the end.
    await frame.getByRole('button', { name: "Re-measure this project's issues" }).click();
    await frame
      .locator('.accord-recalc__text', { hasText: /^Re-measured \d+ issues?\.$/ })
      .waitFor({ timeout: 30_000 });

    // The order is what the page shows after a reload.
    const again = await sandbox.open(page, '/project/IT/settings');
    await again.locator('.accord-agreement').first().waitFor({ timeout: 20_000 });
    expect(await usedNames(again)).toEqual(['Second-level network team', 'Gold support']);
  });

  sandbox.test('refuses a save over a list someone else changed, and loads theirs', async (page) => {
    await setList(['gold', 'second-level']);
    const frame = await sandbox.open(page, '/project/IT/settings');
    await frame.locator('.accord-agreement').first().waitFor({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'Move Gold support down' }).click();
    // Another admin saves meanwhile.
    await setList(['netco-uc']);
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    await frame.getByRole('heading', { name: 'Someone else changed this list' }).waitFor({ timeout: 10_000 });
    expect(await saved()).toEqual(['netco-uc']);
    await photograph(page, 'project-settings-conflict');
    await frame.getByRole('button', { name: 'Load their list' }).click();
    await frame.getByText('You have unsaved changes.').waitFor({ state: 'detached' });
    expect(await usedNames(frame)).toEqual(['NetCo carrier contract']);
  });

  sandbox.test('in German and dark: previews the list on the recent issues', async (page) => {
    const frame = await sandbox.open(page, '/project/IT/settings', { theme: 'dark', locale: 'de-DE' });
    await frame.getByRole('heading', { name: 'In diesem Projekt verwendet' }).waitFor({ timeout: 20_000 });
    await expect(frame.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
    // Without the carrier contract: the network outages lose it.
    await frame.getByLabel('NetCo carrier contract in diesem Projekt verwenden').focus();
    await page.keyboard.press('Space');
    await frame.getByRole('button', { name: 'Vorschau', exact: true }).click();
    await frame.locator('.accord-table tbody tr').first().waitFor({ timeout: 30_000 });
    const summary = (await frame.locator('.accord-preview__result').innerText()).replace(/\s+/g, ' ');
    expect(summary).toMatch(/\d+ Vorgänge, erstellt in den letzten 30 Tagen\./);
    expect(summary).toMatch(/Gold support SLA Gilt für \d+ von \d+/);
    expect(summary).toMatch(/Time to first response \d+ erfüllt, \d+ verletzt, \d+ noch offen/);
    expect(summary).not.toMatch(/NetCo carrier contract UC Gilt/);
    expect(summary).toMatch(/Bei \d+ Vorgängen? würde sich ändern, welche Vereinbarungen/);
    expect(summary).toContain('Entfällt: NetCo carrier contract');
    expect(summary).not.toContain('Neu:');
    await photograph(page, 'project-settings-dark-de');
    await photograph(page, 'project-settings-dark-de-top', 1400);
  });
});
