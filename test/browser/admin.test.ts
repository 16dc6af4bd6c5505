import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The admin page in a real browser, as the site admin: a calendar and an agreement made in the UI apply to
 * the issues that come after (the issue view's panel counts on them), and an OLA made in German, in the dark
 * theme, is checked against the SLA it underpins, previewed, saved, and applied to issues already measured by
 * a recalculation. Each state is photographed (test/browser/artifacts/screens/).
 */
const SCREENS = join(ARTIFACTS, 'screens');

/** The whole page, or its first `height` pixels. */
async function photograph(page: Page, name: string, height?: number): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({
    path: join(SCREENS, `${name}.png`),
    fullPage: true,
    ...(height === undefined ? {} : { clip: { x: 0, y: 0, width: 1280, height } }),
  });
}

/** A part of the page at its full size. */
async function photographPart(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await part.screenshot({ path: join(SCREENS, `${name}.png`) });
}

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

describeInBrowser('the admin page in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['admin', 'issue-panel'] });

  sandbox.test(
    'a calendar and an agreement made in the UI measure the next request',
    async (page) => {
      const frame = await sandbox.open(page, '/admin');
      await frame.getByRole('heading', { name: 'Agreements', level: 2 }).waitFor({ timeout: 20_000 });

      // ── A calendar: Copenhagen office hours, Fridays until 16:00, today closed ──────────────────────
      await frame.getByRole('tab', { name: 'Calendars' }).click();
      await frame.getByRole('button', { name: 'Create calendar' }).first().click();
      await frame.locator('#accord-field-name').fill('Copenhagen support desk');
      await choose(frame, 'accord-field-timeZone', 'Europe/Copenhagen');
      const fridayEnd = frame.getByLabel('Friday, hours 1, until');
      await fridayEnd.fill('25:00');
      await frame
        .getByText(
          '“25:00” is not a time of day: write it as HH:mm, for example 17:00, or 24:00 for the end of the day.',
        )
        .waitFor();
      expect(await fridayEnd.getAttribute('aria-invalid')).toBe('true');
      await fridayEnd.fill('16');
      await fridayEnd.blur();
      expect(await fridayEnd.inputValue()).toBe('16:00');
      await choose(frame, 'accord-field-holidayRegion', 'Denmark');
      await frame.getByText(/public holidays in DK in 2026/).waitFor();
      // Today, Friday 20 November, the desk is closed.
      await frame.getByRole('button', { name: 'Add exception day' }).click();
      expect(await frame.locator('#accord-field-exceptions-0-date').inputValue()).toBe('11/20/2026');
      const preview = frame.locator('.accord-preview__table');
      await expect(text(preview.locator('tr', { hasText: 'Fri, Nov 20' }))).resolves.toBe(
        'Fri, Nov 20 Exception day: closed —',
      );
      await expect(text(preview.locator('tr', { hasText: 'Fri, Nov 27' }))).resolves.toBe(
        'Fri, Nov 27 09:00–16:00 7h',
      );
      await expect(text(preview.locator('tr', { hasText: 'Week of Mon, Nov 23' }))).resolves.toBe(
        'Week of Mon, Nov 23 39h',
      );
      await photographPart(frame.locator('.accord-editor'), 'admin-calendar-editor');
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const row = frame.locator('tr', { hasText: 'Copenhagen support desk' });
      await row.waitFor();
      expect(await text(row)).toBe(
        'Copenhagen support desk Europe/Copenhagen Mon–Thu 09:00–17:00; Fri 09:00–16:00 Public holidays DK · 1 exception day Not used yet',
      );

      // ── An SLA on it for IT's Highest requests: acknowledge within an hour of working time ──────────
      await frame.getByRole('tab', { name: 'Agreements' }).click();
      await frame.getByRole('button', { name: 'Create agreement' }).first().click();
      await frame.locator('#accord-field-name').fill('Platinum support');
      expect(await frame.locator('#accord-field-id').inputValue()).toBe('platinum-support');
      await frame.locator('#accord-field-counterparty').fill('Acme Corp');
      await frame.locator('#accord-field-projects').fill('IT');
      const appliesTo = frame.locator('#accord-field-appliesTo');
      await appliesTo.fill('priority = ');
      await frame.getByText('Column 12: Expected a value after "=" but found end of query').waitFor();
      await appliesTo.fill('priority = Highest');
      await frame.locator('#accord-field-metrics-0-name').fill('Time to acknowledge');
      await frame.locator('#accord-field-metrics-0-goals-0-targetMinutes').fill('1');
      await choose(frame, 'accord-field-metrics-0-goals-0-calendar', 'Copenhagen support desk');
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await frame.getByText('Saved as version 1', { exact: true }).waitFor({ timeout: 20_000 });
      await expect(
        frame.locator('[role="status"][aria-live="polite"]').first().innerText(),
      ).resolves.toContain('Agreement “Platinum support” saved as version 1.');
      await photograph(page, 'admin-agreement-saved', 900);
      expect(await sandbox.sandbox.store.config.projectAgreements('IT')).toContain('platinum-support');

      // ── The next Highest request is measured on it: closed today, so it counts from Monday 09:00 ────
      const { key } = await sandbox.createIssue({ summary: 'Our shop is down', priority: 'Highest' });
      const panel = await sandbox.open(page, `/issue/${key}`);
      const metric = panel.locator('.accord-metric', { hasText: 'Time to acknowledge' });
      await metric.waitFor({ timeout: 20_000 });
      expect(await text(metric)).toContain('Platinum support');
      expect(await text(metric)).toContain('Due Mon, Nov 23, 10:00 AM');
      expect(await text(metric)).toContain('Out of hours: resumes Mon, Nov 23, 9:00 AM');
      await photograph(page, 'admin-issue-panel');
    },
    180_000,
  );

  sandbox.test(
    'in German and dark: an OLA that cannot fit its SLA is flagged, previewed, saved and recalculated',
    async (page) => {
      const frame = await sandbox.open(page, '/admin', { theme: 'dark', locale: 'de-DE' });
      await frame.getByRole('heading', { name: 'Vereinbarungen', level: 2 }).waitFor({ timeout: 20_000 });
      await expect(frame.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
      await frame.getByRole('button', { name: 'Vereinbarung anlegen' }).first().click();
      await frame.locator('#accord-field-name').fill('Netzwerkteam');
      await choose(frame, 'accord-field-kind', 'OLA – mit einem internen Team');
      await frame.getByLabel('Internes Team').fill('Netzwerk');
      await frame.locator('#accord-field-projects').fill('IT');
      await frame.locator('#accord-field-appliesTo').fill('priority = Highest AND');
      // The parser's problem in German, worded from its parts, with the place marked in the query.
      const jqlError = frame.locator('.accord-jql-error');
      await frame.getByText(/^Spalte 23: /).waitFor();
      expect(await text(jqlError.locator('span').first())).toBe(
        'Spalte 23: Erwartet wird ein Feldname oder "(" nach "AND", gefunden wurde das Ende der Abfrage',
      );
      await photographPart(frame.locator('.accord-field', { has: jqlError }), 'admin-jql-error-dark-de');
      await frame.locator('#accord-field-appliesTo').fill('priority = Highest');
      await frame.locator('#accord-field-metrics-0-name').fill('Bearbeitungszeit Netzwerk');
      await frame.locator('#accord-field-metrics-0-goals-0-targetMinutes').fill('6');
      await choose(frame, 'accord-field-metrics-0-goals-0-calendar', 'Berlin office hours');

      // Gold's Highest requests must be resolved within 4 hours: 6 office hours cannot fit. (So does any other
      // SLA on Highest requests the sandbox has by now.)
      const fit = frame.locator('#accord-agr-fit-heading').locator('..');
      await fit.getByText(/^\d+ Zielzeiten? passen? nicht$/).waitFor({ timeout: 20_000 });
      // Hours as the browser's Intl writes them in German (`6 Std.` or `6h`).
      expect(await text(fit)).toMatch(
        /Diese Vereinbarung \(OLA\), Bearbeitungszeit Netzwerk, Ziel 1: 6 ?(Std\.|h) nach Berlin office hours passt nicht in Gold support \(SLA\), Time to resolution, Ziel 1: 4 ?(Std\.|h) nach 24\/7\. Bei Vorgängen, bei denen priority = Highest AND project = IT AND organizations = "Acme Corp"\. Zum Beispiel endet es, wenn es am 20\.11\.2026, 11:00 beginnt, erst nach der Frist des SLAs\./,
      );

      // The preview on IT's resolved requests, before saving (its section folded until asked for).
      await frame.getByRole('button', { name: 'Vorschau auf gelöste Vorgänge' }).click();
      await frame.getByRole('button', { name: 'Vorschau', exact: true }).click();
      const previewTable = frame.locator('#accord-agr-preview-heading').locator('..').locator('table');
      await previewTable.waitFor({ timeout: 20_000 });
      expect(await text(previewTable.locator('thead'))).toBe(
        'Metrik Ziel Erfüllt Verletzt Erfüllungsquote Zielquote',
      );
      await photographPart(fit, 'admin-fit-dark-de');

      await frame.getByRole('button', { name: 'Speichern', exact: true }).click();
      await frame.getByText('Als Version 1 gespeichert', { exact: true }).waitFor({ timeout: 20_000 });
      await photograph(page, 'admin-dark-de', 1200);

      // Recalculate: the requests IT already had get the OLA's metric.
      await frame.getByRole('button', { name: 'Vorgänge neu berechnen' }).click();
      await frame.getByRole('heading', { name: 'Neuberechnung', level: 2 }).waitFor();
      const job = frame.locator('.accord-job').first();
      await job.getByText('Fertig').waitFor({ timeout: 30_000 });
      // Who started it, by name (Jira's bulk user lookup), not by account id.
      await job.getByText(/von Chris Admin/).waitFor();
      expect(await text(job)).toMatch(
        /^Vereinbarung „Netzwerkteam“ Gestartet am .+ von Chris Admin Fertig .*\(100 %\)/,
      );
      await photographPart(frame.locator('.accord-list'), 'admin-jobs-dark-de');

      // The audit log says who did it.
      await frame.getByRole('tab', { name: 'Prüfprotokoll' }).click();
      const audit = frame.locator('table.accord-audit');
      await audit.waitFor();
      await audit.getByText('Chris Admin').first().waitFor();
      // The sandbox's clock stands still: every change of this test has the same time.
      expect(await text(audit)).toMatch(/Chris Admin Neuberechnung gestartet job-/);
      expect(await text(audit)).toContain('Vereinbarung gespeichert netzwerkteam · Version 1');

      // An earlier Highest request now shows the OLA in the issue view.
      const rows = await sandbox.api<{ key: string; priority: string }[]>('GET', '/api/site/issues');
      const highest = rows.find((r) => r.priority === 'Highest');
      if (!highest) throw new Error('the seed has no Highest request');
      const panel = await sandbox.open(page, `/issue/${highest.key}`, { theme: 'dark', locale: 'de-DE' });
      await panel
        .locator('.accord-metric', { hasText: 'Bearbeitungszeit Netzwerk' })
        .waitFor({ timeout: 20_000 });
      expect(await text(panel.locator('body'))).toContain('OLA');
    },
    180_000,
  );
});
