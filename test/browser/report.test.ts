import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { parseCsv } from './csv';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The monthly service level report in a real browser: the figures per agreement, metric and goal agree with the
 * CSV the page exports (downloaded through its Blob link), the month picker changes the month, it reads in the
 * dark theme and in German, and its print rules leave the controls out and start each counterparty on a page.
 * Screenshots go to test/browser/artifacts/ for a person to look at.
 */

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until the host has sized the frame to the whole report (it follows the frame's body). */
async function grown(page: Page): Promise<void> {
  await page.waitForFunction(
    `(() => { const f = document.getElementById('accord-frame'); const d = f && f.contentDocument;
      return !!d && d.body.scrollHeight > 600 && Math.abs(f.getBoundingClientRect().height - d.body.scrollHeight) < 40; })()`,
  );
}

/** Chooses an option of an Atlaskit select by its label and the option's text, from the keyboard. */
async function choose(frame: FrameLocator, label: string, option: string): Promise<void> {
  const input = frame.getByLabel(label, { exact: true });
  await input.focus();
  await input.press('ArrowDown');
  await frame.getByRole('option', { name: option, exact: true }).click();
}

interface Shown {
  readonly agreement: string;
  readonly metric: string;
  readonly goal: string;
  readonly met: number;
  readonly breached: number;
  readonly share: string;
}

/** Every compliance row the page shows: a metric's pooled figures (goal '') and each goal's. */
async function shownRows(frame: FrameLocator): Promise<Shown[]> {
  const shown: Shown[] = [];
  for (const agreement of await frame.getByTestId('agreement').all()) {
    const id = (await agreement.getAttribute('data-agreement')) ?? '';
    for (const row of await agreement.locator('[data-testid="metric-row"], [data-testid="goal-row"]').all()) {
      shown.push({
        agreement: id,
        metric: (await row.getAttribute('data-metric')) ?? '',
        goal: (await row.getAttribute('data-goal')) ?? '',
        met: Number(await row.getAttribute('data-met')),
        breached: Number(await row.getAttribute('data-breached')),
        share: (await row.getByTestId('share').textContent()) ?? '',
      });
    }
  }
  return shown;
}

describeInBrowser('the service level report in Chromium', () => {
  // Eighty days of requests: this month and the ones before have ended, breached and running cycles.
  const sandbox = useBrowserSandbox({ uis: ['report'], seed: { issues: 60, days: 80 } });

  sandbox.test(
    'shows figures that agree with the CSV it exports, month by month',
    async (page) => {
      const frame = await sandbox.open(page, '/reports');
      await frame.getByTestId('counterparty').first().waitFor({ timeout: 30_000 });
      await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Service level report · November 2026',
      );
      await grown(page);
      const names = await frame.locator('[data-testid="counterparty"] h2').allTextContents();
      expect(names).toEqual(expect.arrayContaining(['Acme Corp']));
      await shot(page, 'report-light');

      for (const month of ['November 2026', 'October 2026']) {
        if (month !== 'November 2026') {
          await choose(frame, 'Month', month);
          await frame.getByRole('heading', { level: 1, name: `Service level report · ${month}` }).waitFor();
          await frame.getByTestId('counterparty').first().waitFor({ timeout: 30_000 });
        }
        const shown = await shownRows(frame);
        expect(shown.length).toBeGreaterThan(0);

        const downloading = page.waitForEvent('download');
        await frame.getByRole('button', { name: 'Export CSV' }).click();
        const download = await downloading;
        const label = month === 'November 2026' ? '2026-11' : '2026-10';
        expect(download.suggestedFilename()).toBe(`accord-all-${label}.csv`);
        const [header = [], ...rows] = parseCsv(readFileSync(await download.path(), 'utf8'));
        const column = (name: string): number => header.indexOf(name);
        expect(header).toEqual(expect.arrayContaining(['issue_key', 'agreement_version', 'goal', 'outcome']));
        await frame
          .getByTestId('exported')
          .filter({ hasText: `cycles to accord-all-${label}.csv` })
          .waitFor();

        let compared = 0;
        for (const row of shown) {
          const mine = rows.filter(
            (r) =>
              r[column('agreement_id')] === row.agreement &&
              r[column('metric_id')] === row.metric &&
              (row.goal === '' || r[column('goal_index')] === row.goal) &&
              r[column('period')] === label,
          );
          const met = mine.filter((r) => r[column('outcome')] === 'met').length;
          const breached = mine.filter((r) => r[column('outcome')] === 'breached').length;
          expect({ ...row, met, breached, share: row.share }).toEqual(row);
          if (met + breached > 0) {
            const percent = Math.floor((met / (met + breached)) * 1000 + 1e-9) / 10;
            expect(row.share).toBe(
              `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(percent)}%`,
            );
          }
          compared += met + breached;
        }
        // Every ended cycle of the month in the file is one the page counted.
        const ended = rows.filter(
          (r) => r[column('period')] === label && ['met', 'breached'].includes(r[column('outcome')] ?? ''),
        );
        const pooled = shown.filter((r) => r.goal === '').reduce((n, r) => n + r.met + r.breached, 0);
        expect(pooled).toBe(ended.length);
        expect(compared).toBeGreaterThan(0);
      }
    },
    120_000,
  );

  sandbox.test('reads in the dark theme and in German, and prints without its controls', async (page) => {
    const frame = await sandbox.open(page, '/reports', { theme: 'dark', locale: 'de-DE' });
    await frame.getByTestId('counterparty').first().waitFor({ timeout: 30_000 });
    await frame.locator('html[data-color-mode="dark"]').waitFor();
    await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Service-Level-Bericht · November 2026',
    );
    await frame.getByRole('button', { name: 'CSV exportieren' }).waitFor();
    await frame.getByText('Einhaltung').first().waitFor();
    await grown(page);
    await shot(page, 'report-dark-de');

    // The whole report as the browser prints it: the frame's own document (what window.print() in the frame
    // prints, without Jira around it), as a PDF and a picture.
    const src = (await page.locator('#accord-frame').getAttribute('src')) ?? '';
    const printed = await sandbox.browser.newPage({ viewport: { width: 1000, height: 1200 } });
    await printed.goto(new URL(src, sandbox.url).href);
    await printed.getByTestId('counterparty').first().waitFor({ timeout: 30_000 });
    await printed.emulateMedia({ media: 'print' });
    mkdirSync(ARTIFACTS, { recursive: true });
    await printed.pdf({ path: join(ARTIFACTS, 'report-de.pdf'), format: 'A4', printBackground: true });
    await shot(printed, 'report-print-de');
    await printed.close();

    await page.emulateMedia({ media: 'print' });
    await expect(frame.locator('.accord-report__toolbar').isVisible()).resolves.toBe(false);
    const breaks: unknown = await frame
      .locator('[data-testid="counterparty"]')
      .evaluateAll((sections: unknown[]) =>
        sections.map(
          (s) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { breakBefore: string } }
            ).getComputedStyle(s).breakBefore,
        ),
      );
    expect(Array.isArray(breaks) ? breaks.slice(1) : null).toEqual(
      Array.isArray(breaks) ? breaks.slice(1).map(() => 'page') : [],
    );
    // Paper is white even from the dark theme: the text prints black.
    const colour = await frame
      .locator('.accord-report__h1')
      .evaluate(
        (element: unknown) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(
            element,
          ).color,
      );
    expect(colour).toBe('rgb(0, 0, 0)');
  });
});
