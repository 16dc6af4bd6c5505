import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The JSM comparison in a real browser: the admin page's tab asks the sandbox, whose simulated site answers JSM's
 * own SLAs in JSM's documented shape, and shows JSM's cycles beside Accord's, in German and dark, then English
 * and light.
 */
describeInBrowser('the JSM comparison in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['admin'] });

  sandbox.test(
    'compares JSM’s "Time to resolution" with Gold support’s, request by request, in German and English',
    async (page) => {
      const frame = await sandbox.open(page, '/admin', { theme: 'dark', locale: 'de-DE' });
      await frame.getByRole('tab', { name: 'JSM-Vergleich' }).click({ timeout: 20_000 });
      await frame.getByLabel('JSM-SLA-Metrik').fill('Time to resolution');
      // Gold support is the first agreement; pick its resolution metric.
      await frame.locator('#accord-field-metricId').click();
      await frame.locator('[class*="option"]', { hasText: 'Time to resolution' }).first().click();
      await frame.getByRole('button', { name: 'Vergleichen', exact: true }).click();
      const summary = frame.getByTestId('jsm-summary');
      await summary.waitFor({ timeout: 30_000 });
      expect(await summary.innerText()).toMatch(/^\d+ von \d+ Anfragen? (wird|werden) anders gemessen\.$/);
      await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
      // Gold counts Berlin's office hours, JSM's sandbox SLA the whole day: some request differs, and says why.
      const differing = frame.locator('[data-testid="jsm-cycle"][data-differences*="elapsed"]').first();
      await differing.waitFor({ timeout: 10_000 });
      await expect(differing.getByTestId('jsm-why').innerText()).resolves.toMatch(
        /Anderer Kalender|Anderes Ziel/,
      );

      const english = await sandbox.open(page, '/admin');
      await english.getByRole('tab', { name: 'JSM comparison' }).click({ timeout: 20_000 });
      await english.getByLabel('JSM SLA metric').fill('Time to first response');
      await english.getByRole('button', { name: 'Compare', exact: true }).click();
      await english.getByTestId('jsm-summary').waitFor({ timeout: 30_000 });
      expect(await english.getByTestId('jsm-summary').innerText()).toMatch(
        /^\d+ of \d+ requests? measures? differently\.$/,
      );
      await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe('light');
    },
    180_000,
  );
});
