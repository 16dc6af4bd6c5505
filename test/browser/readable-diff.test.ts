import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement } from '../../src/engine/agreement/types';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The version history in Chromium: who saved a version by name, and a version's changes in words (an added metric
 * with a long name and a long JQL), within the frame's width: nothing scrolls sideways, nothing breaks mid-word.
 */
describeInBrowser('the version diff in words, in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['admin'] });

  sandbox.test('reads an added metric in words, names who saved it, and fits the frame', async (page) => {
    const store = sandbox.sandbox.store;
    const gold = (await store.config.list('agreement')).find((a) => a.body?.name === 'Gold support');
    if (!gold?.body) throw new Error('the seed has no Gold support agreement');
    const body: Agreement = {
      ...gold.body,
      metrics: [
        ...gold.body.metrics,
        {
          id: 'major-incident-resolution',
          name: 'Time to resolution for major incidents raised by the customer’s operations centre',
          start: [{ event: 'created' }],
          stop: [{ event: 'resolution', change: 'set' }],
          pauseWhile:
            'status in ("Waiting for customer", "Waiting for third party", "Pending change approval")',
          goals: [
            {
              when: 'priority in (Highest, High) AND "Request Type" in ("Report a system problem", "Report an outage")',
              targetMinutes: 240,
              calendar: gold.body.metrics[0]?.goals[0]?.calendar ?? 'berlin-9-17',
              objectivePercent: 95,
            },
          ],
        },
      ],
    };
    await store.config.put('agreement', gold.id, body, {
      expectedVersion: gold.version,
      savedAt: Date.UTC(2026, 10, 20, 9, 0),
      savedBy: 'chris-admin',
    });

    const frame = await sandbox.open(page, '/admin');
    await frame.getByRole('heading', { name: 'Agreements', level: 2 }).waitFor({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'Gold support' }).first().click();
    await frame.getByRole('button', { name: 'Version history' }).click();
    await frame.getByText('by Chris Admin').first().waitFor({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'What changed' }).first().click();
    const row = frame.locator('.accord-diff tbody tr').first();
    await row.waitFor();
    expect(await row.locator('th').textContent()).toBe(
      'Added metric 3 “Time to resolution for major incidents raised by the customer’s operations centre”',
    );
    expect(await row.locator('td').nth(1).textContent()).toContain('Goals: 4h');
    await row.scrollIntoViewIfNeeded();
    mkdirSync(ARTIFACTS, { recursive: true });
    await row.screenshot({ path: join(ARTIFACTS, 'admin-version-diff.png') });
    // Nothing wider than the frame: neither the page nor the diff's table scrolls sideways.
    const widths = await frame.locator('.accord-diff').evaluate((element: unknown) => {
      interface Box {
        readonly scrollWidth: number;
        readonly clientWidth: number;
        getBoundingClientRect(): { readonly right: number };
        querySelector(selector: string): Box | null;
        readonly ownerDocument: { readonly documentElement: Box };
      }
      const diff = element as Box;
      const root = diff.ownerDocument.documentElement;
      return {
        page: root.scrollWidth - root.clientWidth,
        diff: diff.scrollWidth - diff.clientWidth,
        table:
          (diff.querySelector('table')?.getBoundingClientRect().right ?? 0) -
          diff.getBoundingClientRect().right,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(0);
    expect(widths.diff).toBeLessThanOrEqual(0);
    expect(widths.table).toBeLessThanOrEqual(0.5);
  });
});
