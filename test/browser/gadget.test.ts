import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { parseCsv } from './csv';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox, type BrowserSandbox } from './harness';

/**
 * The dashboard gadget in a real browser: configured in its edit view (Atlaskit's selects, saved through
 * `view.submit`), its figures agree with the CSV export of the same cycles (`reports/csv`), it reads in the dark
 * theme and in German, and an at-risk issue's link opens the issue through Jira's router. Screenshots of each
 * view go to test/browser/artifacts/ for a person to look at.
 */

const GADGET = 'accord-compliance-1';
const CONFIG = { agreementId: 'gold', metricId: 'resolution', period: 'month', groupBy: 'goal' };

/** Cycles per goal of the CSV's current period, as the gadget counts them: ended met or ended breached. */
async function csvCounts(sandbox: BrowserSandbox): Promise<Map<string, { met: number; breached: number }>> {
  const reply = await sandbox.api<{
    ok: boolean;
    data: { csv: string; nextCursor: string | null; periods: { label: string }[] };
  }>('POST', '/api/invoke', {
    key: 'reports/csv',
    payload: { agreementId: 'gold', metricId: 'resolution', period: 'month', count: 1 },
    context: { accountId: 'chris-admin', module: 'gadget' },
  });
  expect(reply.ok).toBe(true);
  expect(reply.data.nextCursor).toBeNull();
  const [header, ...rows] = parseCsv(reply.data.csv);
  const column = (name: string): number => header?.indexOf(name) ?? -1;
  const counts = new Map<string, { met: number; breached: number }>();
  for (const row of rows) {
    const goal = row[column('goal_index')] ?? '';
    const outcome = row[column('outcome')];
    const c = counts.get(goal) ?? { met: 0, breached: 0 };
    if (outcome === 'met') c.met++;
    if (outcome === 'breached') c.breached++;
    counts.set(goal, c);
  }
  return counts;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Chooses an option of an Atlaskit select by its label and the option's text, from the keyboard. */
async function choose(frame: FrameLocator, label: string, option: RegExp): Promise<void> {
  const input = frame.getByLabel(label, { exact: true });
  await input.focus();
  await input.press('ArrowDown');
  await frame.getByRole('option', { name: option }).click();
}

describeInBrowser('the dashboard gadget in Chromium', () => {
  // Eighty days of requests: the trend has earlier months, the current one has running and breached cycles.
  const sandbox = useBrowserSandbox({ uis: ['gadget'], seed: { issues: 60, days: 80 } });

  const configure = async (): Promise<void> => {
    await sandbox.api('POST', `/api/gadgets/${GADGET}`, { configuration: CONFIG });
  };

  sandbox.test(
    'is configured in its edit view, then shows figures that agree with the CSV of the same cycles',
    async (page) => {
      const frame = await sandbox.open(page, '/dashboard');
      await frame.getByRole('heading', { name: 'Gadget settings' }).waitFor({ timeout: 20_000 });
      await choose(frame, 'Agreement', /^Gold support/);
      await choose(frame, 'Metric', /^Time to resolution$/);
      await shot(page, 'gadget-edit');
      await frame.getByRole('button', { name: 'Save' }).click();

      const rows = frame.getByTestId('compliance-row');
      await rows.first().waitFor({ timeout: 20_000 });
      await expect(sandbox.api('GET', `/api/gadgets/${GADGET}`)).resolves.toEqual(
        expect.objectContaining({
          configuration: { agreementId: 'gold', metricId: 'resolution', period: 'month', groupBy: 'goal' },
        }),
      );
      await expect(frame.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
        'Gold support · Time to resolution',
      );

      const csv = await csvCounts(sandbox);
      const shown: { goal: string; met: number; breached: number; share: string; text: string }[] = [];
      for (const row of await rows.all()) {
        const counts = row.getByTestId('counts');
        shown.push({
          goal: (await row.getAttribute('data-goal')) ?? '',
          met: Number(await counts.getAttribute('data-met')),
          breached: Number(await counts.getAttribute('data-breached')),
          share: (await row.getByTestId('met-share').textContent()) ?? '',
          text: (await counts.textContent()) ?? '',
        });
      }
      expect(shown.length).toBeGreaterThan(0);
      let cycles = 0;
      for (const row of shown) {
        const expected = csv.get(row.goal) ?? { met: 0, breached: 0 };
        expect({ goal: row.goal, met: row.met, breached: row.breached }).toEqual({
          goal: row.goal,
          ...expected,
        });
        const completed = expected.met + expected.breached;
        expect(row.text).toContain(`${String(expected.met)} of ${String(completed)} met`);
        if (completed > 0) {
          const percent = Math.floor((expected.met / completed) * 100 * 10 + 1e-9) / 10;
          expect(row.share).toBe(
            `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(percent)}% met`,
          );
        }
        cycles += completed;
      }
      // The seed leaves this month with ended cycles: the comparison compared something.
      expect(cycles).toBeGreaterThan(0);
      await frame.getByTestId('trend-chart').first().waitFor();
      await shot(page, 'gadget-light');
    },
    90_000,
  );

  sandbox.test('reads in the dark theme and in German', async (page) => {
    await configure();
    const frame = await sandbox.open(page, '/dashboard', { theme: 'dark', locale: 'de-DE' });
    await frame.getByTestId('compliance-row').first().waitFor({ timeout: 20_000 });
    await frame.locator('html[data-color-mode="dark"]').waitFor();
    await expect(frame.getByTestId('period').textContent()).resolves.toBe('Dieser Monat · November 2026');
    await frame.getByRole('heading', { name: 'Jetzt gefährdet' }).waitFor();
    await frame.getByRole('heading', { name: 'Verletzungen diesen Monat' }).waitFor();
    const counts = await frame.getByTestId('counts').first().textContent();
    expect(counts).toMatch(/^\d+ von \d+ eingehalten/);
    // The text is light on the dark surface: the host's dark tokens reached the frame's stylesheet.
    const colour = await frame
      .locator('.accord-gadget__title')
      .evaluate(
        (element: unknown) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(
            element,
          ).color,
      );
    const [r = 0, g = 0, b = 0] = (colour.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeGreaterThan(3 * 150);
    await shot(page, 'gadget-dark-de');
  });

  sandbox.test('opens an at-risk issue or a breach through Jira’s router', async (page) => {
    await configure();
    const frame = await sandbox.open(page, '/dashboard');
    const link = frame.locator('[data-testid="at-risk"] a, [data-testid="breaches"] a').first();
    await link.waitFor({ timeout: 20_000 });
    const key = (await link.textContent()) ?? '';
    expect(key).toMatch(/^IT-\d+$/);
    await expect(link.getAttribute('href')).resolves.toBe(`/browse/${key}`);
    await link.click();
    await page.waitForURL(new RegExp(`/issue/${key}$`));
  });
});
