import type { FrameLocator, Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { View } from './chromium';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox } from './harness';
import { messagesOf, type Say } from './messages';

/**
 * Dialogs and the save bar where the admin is looking. The host sizes the admin frame to its content, so an
 * agreement's editor makes it thousands of pixels tall and the host page scrolls: a dialog placed at the top
 * of the frame (as Atlaskit places it in a viewport) opens out of sight, leaving a grey overlay and nothing
 * else. Each dialog here is opened with the host page scrolled to its bottom and must lie within the window; in
 * light and English, and in dark and German (longer words, the same places).
 */
const VIEWPORT = { width: 1280, height: 900 };

const VIEWS: readonly { readonly name: string; readonly view: View; readonly locale: string }[] = [
  { name: 'light, en-US', view: { theme: 'light', locale: 'en-US' }, locale: 'en-US' },
  { name: 'dark, de-DE', view: { theme: 'dark', locale: 'de-DE' }, locale: 'de-DE' },
];

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

async function openGold(page: Page, frame: FrameLocator, say: Say): Promise<void> {
  await frame.getByRole('heading', { name: say('tabs.agreements'), level: 2 }).waitFor({ timeout: 20_000 });
  await frame.getByRole('button', { name: 'Gold support' }).first().click();
  await frame.locator('#accord-field-name').waitFor();
  // The frame is as tall as the whole editor.
  await page.waitForFunction("document.getElementById('accord-frame').getBoundingClientRect().height > 2500");
}

describeInBrowser('dialogs in a tall admin frame, in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['admin'] });

  describe.each(VIEWS)('$name', ({ name, view, locale }) => {
    const say = messagesOf('admin', locale);
    sandbox.test(
      'restore, discard and delete open in view with the page scrolled to the bottom',
      async (page) => {
        const frame = await sandbox.open(page, '/admin', view);
        await openGold(page, frame, say);
        mkdirSync(ARTIFACTS, { recursive: true });
        expect(await frameHeight(page)).toBeGreaterThan(2_500);
        // Scrolled into the middle of the editor, save and cancel stay at the bottom of the window.
        await page.evaluate('window.scrollTo(0, 1500)');
        const bar = frame.locator('.accord-save-bar');
        await boxInView(bar.getByRole('button', { name: say('save'), exact: true }));
        await boxInView(bar.getByRole('button', { name: say('close'), exact: true }));
        await page.screenshot({
          path: join(ARTIFACTS, `admin-editor-sticky-save-bar-${name.replace(/\W+/g, '-')}.png`),
        });

        // A second version, so that the history offers a restore.
        await frame.locator('#accord-field-name').fill(`Gold support (${name})`);
        await scrollHostToBottom(page);
        const save = frame.getByRole('button', { name: say('save'), exact: true });
        await boxInView(save);
        await save.click();
        await frame
          .getByText(new RegExp(`^${say('agreements.savedTitle', { version: '\\d+' })}$`))
          .waitFor({ timeout: 20_000 });

        await frame.getByRole('button', { name: say('history.heading') }).click();
        await scrollHostToBottom(page);
        await frame
          .getByRole('button', {
            name: `${say('history.restore')} ${say('history.version', { version: 1 })}`,
          })
          .click();
        const dialog = frame.getByRole('dialog');
        await boxInView(dialog);
        await boxInView(dialog.getByRole('button', { name: say('history.restore') }));
        await dialog.getByRole('button', { name: say('cancel') }).click();
        await dialog.waitFor({ state: 'detached' });

        await frame.locator('#accord-field-name').fill('Gold support, changed');
        await scrollHostToBottom(page);
        await bar.getByRole('button', { name: say('cancel') }).click();
        await boxInView(frame.getByRole('dialog', { name: say('discardTitle') }));
        await boxInView(frame.getByRole('button', { name: say('discard') }));
        await frame
          .getByRole('dialog')
          .getByRole('button', { name: say('cancel') })
          .click();
        await frame.getByRole('dialog').waitFor({ state: 'detached' });

        await scrollHostToBottom(page);
        await bar.getByRole('button', { name: say('delete') }).click();
        await boxInView(frame.getByRole('dialog'));
        await boxInView(frame.getByRole('dialog').getByRole('button', { name: say('delete') }));
      },
      120_000,
    );

    sandbox.test('the ICS import opens in view with the page scrolled to the bottom', async (page) => {
      const frame = await sandbox.open(page, '/admin', view);
      await frame
        .getByRole('heading', { name: say('tabs.agreements'), level: 2 })
        .waitFor({ timeout: 20_000 });
      await frame.getByRole('tab', { name: say('tabs.calendars') }).click();
      await frame
        .getByRole('button', { name: say('calendars.create') })
        .first()
        .click();
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
      await boxInView(dialog.getByRole('button', { name: say('ics.add.one', { count: 1 }) }));
    });
  });
});
