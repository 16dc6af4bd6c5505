import type { FrameLocator, Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox } from './harness';

/**
 * Dialogs and the save bar where the admin is looking. The host sizes the admin frame to its content, so an
 * agreement's editor makes it thousands of pixels tall and the host page scrolls: a dialog placed at the top
 * of the frame (as Atlaskit places it in a viewport) opens out of sight, leaving a grey overlay and nothing
 * else. Each dialog here is opened with the host page scrolled to its bottom and must lie within the window.
 */
const VIEWPORT = { width: 1280, height: 900 };

/** Scrolls the host page to its very bottom (the frame's bottom edge in view). */
async function scrollHostToBottom(page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
}

/**
 * The locator's box in the host window once it is inside the window; fails with the last box seen when it
 * is not there within `timeoutMs` (the dialog fades in and the frame reports the visible band as the host
 * scrolls, so the first box may be a moving one).
 */
async function boxInView(locator: Locator, timeoutMs = 10_000): Promise<{ y: number; height: number }> {
  await locator.waitFor();
  const deadline = Date.now() + timeoutMs;
  let last: { x: number; y: number; width: number; height: number } | null = null;
  for (;;) {
    const box = await locator.boundingBox();
    const inside =
      box !== null &&
      box.height > 0 &&
      box.y >= 0 &&
      box.y + box.height <= VIEWPORT.height &&
      box.x >= 0 &&
      box.x + box.width <= VIEWPORT.width;
    if (inside) return box;
    last = box ?? last;
    if (Date.now() > deadline) {
      throw new Error(`not within the ${VIEWPORT.width}×${VIEWPORT.height} window: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function frameHeight(page: Page): Promise<number> {
  return (await page.locator('#accord-frame').boundingBox())?.height ?? 0;
}

async function openGold(page: Page, frame: FrameLocator): Promise<void> {
  await frame.getByRole('heading', { name: 'Agreements', level: 2 }).waitFor({ timeout: 20_000 });
  await frame.getByRole('button', { name: 'Gold support' }).first().click();
  await frame.locator('#accord-field-name').waitFor();
  // The frame is as tall as the whole editor.
  await page.waitForFunction("document.getElementById('accord-frame').getBoundingClientRect().height > 2500");
}

describeInBrowser('dialogs in a tall admin frame, in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['admin'] });

  sandbox.test(
    'restore, discard and delete open in view with the page scrolled to the bottom',
    async (page) => {
      const frame = await sandbox.open(page, '/admin');
      await openGold(page, frame);
      mkdirSync(ARTIFACTS, { recursive: true });
      expect(await frameHeight(page)).toBeGreaterThan(2_500);
      // Scrolled into the middle of the editor, save and cancel stay at the bottom of the window.
      await page.evaluate('window.scrollTo(0, 1500)');
      await boxInView(frame.locator('.accord-save-bar').getByRole('button', { name: 'Save', exact: true }));
      await boxInView(frame.locator('.accord-save-bar').getByRole('button', { name: 'Close', exact: true }));
      await page.screenshot({ path: join(ARTIFACTS, 'admin-editor-sticky-save-bar.png') });

      // A second version, so that the history offers a restore.
      await frame.locator('#accord-field-name').fill('Gold support plus');
      await scrollHostToBottom(page);
      const save = frame.getByRole('button', { name: 'Save', exact: true });
      await boxInView(save);
      await save.click();
      await frame.getByText('Saved as version 2', { exact: true }).waitFor({ timeout: 20_000 });

      await frame.getByRole('button', { name: 'Version history' }).click();
      await scrollHostToBottom(page);
      await frame.getByRole('button', { name: 'Restore version 1' }).click();
      const dialog = frame.getByRole('dialog');
      await boxInView(dialog);
      await boxInView(dialog.getByRole('button', { name: 'Restore' }));
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      await frame.locator('#accord-field-name').fill('Gold support, changed');
      await scrollHostToBottom(page);
      await frame.locator('.accord-save-bar').getByRole('button', { name: 'Cancel' }).click();
      await boxInView(frame.getByRole('dialog', { name: 'Discard your changes?' }));
      await boxInView(frame.getByRole('button', { name: 'Discard changes' }));
      await frame.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await frame.getByRole('dialog').waitFor({ state: 'detached' });

      await scrollHostToBottom(page);
      await frame.locator('.accord-save-bar').getByRole('button', { name: 'Delete' }).click();
      await boxInView(frame.getByRole('dialog'));
      await boxInView(frame.getByRole('dialog').getByRole('button', { name: 'Delete' }));
    },
    120_000,
  );

  sandbox.test('the ICS import opens in view with the page scrolled to the bottom', async (page) => {
    const frame = await sandbox.open(page, '/admin');
    await frame.getByRole('heading', { name: 'Agreements', level: 2 }).waitFor({ timeout: 20_000 });
    await frame.getByRole('tab', { name: 'Calendars' }).click();
    await frame.getByRole('button', { name: 'Create calendar' }).first().click();
    await frame.locator('#accord-field-name').waitFor();
    await scrollHostToBottom(page);
    await frame.locator('input[type=file]').setInputFiles({
      name: 'holidays.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//Accord//test//EN',
          'BEGIN:VEVENT',
          'UID:1@accord',
          'DTSTART;VALUE=DATE:20261224',
          'SUMMARY:Christmas Eve',
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      ),
    });
    await scrollHostToBottom(page);
    const dialog = frame.getByRole('dialog');
    await boxInView(dialog);
    await boxInView(dialog.getByRole('button', { name: /^Add/ }));
  });
});
