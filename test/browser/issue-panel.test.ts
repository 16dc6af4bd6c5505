import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The issue view in a real browser: Accord's issue panel, framed by the sandbox's host page and talking to the
 * sandbox through the `@forge/bridge` shim, counts down, turns breached when the sandbox clock moves past the
 * deadline, shows a pause (and why) as soon as the issue waits for the customer, and reads its German
 * translations the way Forge serves them.
 */
describeInBrowser('the issue view in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['issue-panel'] });

  sandbox.test(
    'shows a countdown that turns at risk, then breached, as the clock moves past the warning and the deadline',
    async (page) => {
      // A High request: first response within 30 minutes, round the clock.
      const { key } = await sandbox.createIssue({ summary: 'The VPN drops every hour', priority: 'High' });
      const panel = await sandbox.open(page, `/issue/${key}`);
      await expect(page.getByTestId('summary').textContent()).resolves.toBe('The VPN drops every hour');
      const firstResponse = panel.locator('.accord-metric', { hasText: 'Time to first response' });
      await firstResponse.locator('.accord-metric__time').waitFor({ timeout: 20_000 });
      expect(await firstResponse.locator('.accord-metric__time').textContent()).toMatch(/\d+m/);
      expect(await firstResponse.locator('.accord-lozenge').textContent()).toMatch(/on track/i);

      // 25 of its 30 minutes: past the 75 % warning.
      await sandbox.advance(25);
      await firstResponse.locator('.accord-lozenge', { hasText: /at risk/i }).waitFor({ timeout: 20_000 });
      await firstResponse.locator('.accord-metric__time', { hasText: /^[45]m/ }).waitFor({ timeout: 10_000 });

      await page.getByRole('button', { name: '+1 h' }).click();

      await firstResponse.locator('.accord-lozenge', { hasText: /breached/i }).waitFor({ timeout: 20_000 });
      // The frame's clock follows the sandbox's: 55 minutes past the deadline.
      await firstResponse
        .locator('.accord-metric__time--overdue', { hasText: /55m/ })
        .waitFor({ timeout: 10_000 });
      await page.getByText('breached', { exact: true }).waitFor({ timeout: 10_000 });
    },
  );

  sandbox.test('a pause shows as paused, with its reason, without reloading the panel', async (page) => {
    // Gold support's resolution clock pauses while the request waits for the customer.
    const { key } = await sandbox.createIssue({ summary: 'Which laptop model is it?', priority: 'Medium' });
    const panel = await sandbox.open(page, `/issue/${key}`);
    const resolution = panel.locator('.accord-metric', { hasText: 'Time to resolution' });
    await resolution.locator('.accord-metric__time').waitFor({ timeout: 20_000 });
    expect(await resolution.locator('.accord-lozenge').textContent()).not.toMatch(/paused/i);
    // A mark in the frame's window survives only if the frame is not reloaded.
    await panel.locator('body').evaluate(() => {
      (globalThis as { accordMark?: boolean }).accordMark = true;
    });

    await page.getByLabel('Transition to').selectOption('Waiting for customer');
    await page.getByRole('button', { name: 'Transition', exact: true }).click();

    await resolution.locator('.accord-lozenge', { hasText: /paused/i }).waitFor({ timeout: 20_000 });
    await resolution.getByText(/Waiting for customer/).waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('status').textContent()).resolves.toBe('Waiting for customer');
    await expect(
      panel.locator('body').evaluate(() => (globalThis as { accordMark?: boolean }).accordMark),
    ).resolves.toBe(true);
  });

  sandbox.test('reads its German translations from __LOCALES__ through @forge/bridge', async (page) => {
    const { key } = await sandbox.createIssue({ summary: 'Drucker druckt nicht', priority: 'Low' });
    const translations = page.waitForResponse((r) => r.url().endsWith('/__LOCALES__/de-DE.json'));
    const info = page.waitForResponse((r) => r.url().endsWith('/__LOCALES__/i18n-info.json'));
    const panel = await sandbox.open(page, `/issue/${key}`, { locale: 'de-DE', theme: 'dark' });
    expect((await info).status()).toBe(200);
    expect((await translations).status()).toBe(200);
    expect(new URL((await translations).url()).pathname).toBe('/ui/issue-panel/__LOCALES__/de-DE.json');
    await panel.locator('.accord-metric').first().waitFor({ timeout: 20_000 });
    await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
  });
});
