import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The extension dialog on the issue panel, in Chromium: a Jira admin extends a running first response with a
 * reason and sees the deadline move, the card say so and the timeline tell who and why; in the dark theme the
 * dialog is drawn with the dark tokens; in German a breach is excused. The dialog must lie inside the window
 * (the frame keeps room for it while it is open). A High request's first response is due in 30 minutes,
 * round the clock.
 */
describeInBrowser('the extension dialog in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['issue-panel'] });
  const VIEWPORT_HEIGHT = 900;

  async function firstResponseOf(page: Page, view: { theme?: 'light' | 'dark'; locale?: string }) {
    const { key } = await sandbox.createIssue({ summary: 'The VPN drops every hour', priority: 'High' });
    const panel = await sandbox.open(page, `/issue/${key}`, { as: 'chris-admin', ...view });
    const card = panel.locator('.accord-metric').first();
    await card.locator('.accord-metric__time').waitFor({ timeout: 20_000 });
    return { panel, card };
  }

  /** The dialog, once it is open and wholly inside the host window. */
  async function dialogOf(page: Page, panel: FrameLocator): Promise<Locator> {
    const dialog = panel.getByTestId('accord-adjust-dialog');
    await dialog.waitFor({ timeout: 20_000 });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const box = await dialog.boundingBox();
      if (box && box.y >= 0 && box.y + box.height <= VIEWPORT_HEIGHT) break;
      if (Date.now() > deadline)
        throw new Error(`the dialog is not inside the window: ${JSON.stringify(box)}`);
      await page.waitForTimeout(100);
    }
    return dialog;
  }

  sandbox.test('extends a running deadline by an hour, with a reason shown in the timeline', async (page) => {
    const { panel, card } = await firstResponseOf(page, { theme: 'light' });
    const dueBefore = await card.locator('.accord-metric__facts li').first().textContent();
    await card.getByRole('button', { name: 'Extend deadline' }).click();
    const dialog = await dialogOf(page, panel);
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('Extend the deadline');

    // No reason: refused in the dialog, nothing sent.
    await dialog.getByTestId('accord-adjust-submit').click();
    await dialog.getByTestId('accord-adjust-problem').getByText('Give a reason.').waitFor();

    await dialog.getByTestId('accord-adjust-reason').fill('The customer asked us to wait for their vendor');
    await dialog.getByTestId('accord-adjust-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });

    await card.getByText(/^Extended by 1\s?h/).waitFor({ timeout: 20_000 });
    await expect(card.locator('.accord-metric__facts li').first().textContent()).resolves.not.toBe(dueBefore);
    await card.getByRole('button', { name: /Timeline/ }).click();
    await card
      .getByText(/Deadline extended by 1\s?h by chris-admin: The customer asked us to wait for their vendor/)
      .waitFor({ timeout: 10_000 });
  });

  sandbox.test('draws the dialog with the dark theme’s tokens', async (page) => {
    const { panel, card } = await firstResponseOf(page, { theme: 'dark' });
    await card.getByRole('button', { name: 'Extend deadline' }).click();
    const dialog = await dialogOf(page, panel);
    await expect(panel.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
    // The dialog's surface is dark: its background's brightness is low.
    const background = await dialog.evaluate((el) => {
      // No DOM types in the tests' compilation: the page's own functions, typed as used here.
      type Node = { readonly parentElement: Node | null };
      const view = globalThis as unknown as { getComputedStyle(n: Node): { backgroundColor: string } };
      for (let node: Node | null = el; node; node = node.parentElement) {
        const color = view.getComputedStyle(node).backgroundColor;
        if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
      }
      return '';
    });
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3).toBeLessThan(80);
    await dialog.getByTestId('accord-adjust-to').click();
    await dialog.getByTestId('accord-adjust-until').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  });

  sandbox.test('excuses a breach in German', async (page) => {
    const { panel, card } = await firstResponseOf(page, { locale: 'de-DE' });
    await sandbox.advance(35);
    await card.getByRole('button', { name: 'Verletzung entschuldigen' }).click({ timeout: 20_000 });
    const dialog = await dialogOf(page, panel);
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('Verletzung entschuldigen');
    await dialog.getByTestId('accord-adjust-reason').fill('Stromausfall beim Kunden');
    await dialog.getByRole('button', { name: 'Entschuldigen' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await card.getByText('Verletzung entschuldigt', { exact: true }).waitFor({ timeout: 20_000 });
    // Excused once: the button is gone.
    await expect(card.getByRole('button', { name: 'Verletzung entschuldigen' }).count()).resolves.toBe(0);
  });
});
