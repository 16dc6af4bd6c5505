import type { FrameLocator, Locator } from 'playwright-core';
import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * A goal in business days, made in the agreement editor and shown on the issue panel, in German and dark and in
 * English and light. The sandbox's clock is Friday 20 November 2026, 10:30 in Berlin: a Medium request raised now,
 * before the 12:00 cut-off, is due the same day at 17:00.
 */

/** Picks `option` in the Atlaskit select whose input has the id `id`, by typing and Enter. */
async function choose(frame: FrameLocator, id: string, text: string): Promise<void> {
  const input = frame.locator(`#${id}`);
  await input.click();
  await input.fill(text);
  await frame.locator('[class*="option"]', { hasText: text }).first().waitFor();
  await input.press('Enter');
}

const text = async (locator: Locator): Promise<string> =>
  (await locator.innerText()).replace(/\s+/g, ' ').trim();

const GOAL = 'accord-field-metrics-0-goals-1';

describeInBrowser('business-day goals in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['admin', 'issue-panel'] });

  sandbox.test(
    'an admin writes "before 12:00: by 17:00 the same day" in German, and the panel says "bis Fr., 17:00"',
    async (page) => {
      const frame = await sandbox.open(page, '/admin', { theme: 'dark', locale: 'de-DE' });
      await frame.getByRole('button', { name: 'Gold support' }).first().click({ timeout: 20_000 });
      await frame.locator('#accord-field-name').waitFor({ timeout: 20_000 });
      await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');

      // The first response's Medium goal: from 2 h of working time to business days.
      await choose(frame, `${GOAL}-target`, 'Werktage');
      const days = frame.locator(`#${GOAL}-businessDays-days`);
      await days.fill('0');
      const dueAt = frame.locator(`#${GOAL}-businessDays-dueAt`);
      const cutoff = frame.locator(`#${GOAL}-businessDays-cutoff`);
      await cutoff.fill('12:00');
      await dueAt.fill('11:00');
      await frame.getByText('Am selben Tag muss die Fälligkeit nach dem Annahmeschluss liegen.').waitFor();
      await dueAt.fill('17:00');
      const title = frame.locator(`[data-path="$.metrics[0].goals[1]"] .accord-goal__title`);
      await expect(text(title)).resolves.toBe(
        'Ziel 2 · am selben Werktag, fällig 17:00, eingegangen nach 12:00: nächster Tag',
      );
      await frame.getByRole('button', { name: 'Speichern', exact: true }).click();
      await frame.getByText('Als Version 2 gespeichert', { exact: true }).waitFor({ timeout: 20_000 });
      const saved = await sandbox.sandbox.store.config.get('agreement', 'gold');
      expect((saved?.body as { metrics: { goals: unknown[] }[] }).metrics[0]?.goals[1]).toEqual({
        when: 'priority = Medium',
        businessDays: { days: 0, cutoff: '12:00', dueAt: '17:00' },
        calendar: 'berlin-9-17',
        objectivePercent: 95,
      });

      const { key } = await sandbox.createIssue({ summary: 'Drucker druckt nicht', priority: 'Medium' });
      const panel = await sandbox.open(page, `/issue/${key}`, { theme: 'dark', locale: 'de-DE' });
      const metric = panel.locator('.accord-metric', { hasText: 'Time to first response' });
      const terms = metric.getByTestId('goal-terms');
      await terms.waitFor({ timeout: 20_000 });
      await expect(text(terms)).resolves.toBe(
        'bis Fr., 17:00 · am selben Werktag, fällig 17:00, eingegangen nach 12:00: nächster Tag',
      );

      // The same request in English and light, for an agent in New York: still 17:00 Berlin, where it was agreed.
      const english = await sandbox.open(page, `/issue/${key}`, { timezone: 'America/New_York' });
      const line = english
        .locator('.accord-metric', { hasText: 'Time to first response' })
        .getByTestId('goal-terms');
      await line.waitFor({ timeout: 20_000 });
      await expect(text(line)).resolves.toMatch(/^by Fri,? 5:00 PM · same business day, due 5:00 PM/);
      await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe('light');
    },
    180_000,
  );
});
