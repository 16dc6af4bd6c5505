import type { FrameLocator } from 'playwright-core';
import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The seeded escalation in a real browser: Gold support's "Time to resolution" raises the priority to Highest
 * at its breach and writes an internal note, again every 4 working hours. Accord's own change must not move
 * the breach (under Highest's 4 h round the clock it would land on Monday 14:30), must not file the cycle under
 * Highest in the report, and must not send reminders at night (every 4 h around the clock would write six).
 *
 * A High request raised Monday 23 November 2026 at 10:30 Berlin: 8 working hours of Berlin 9–17, due and
 * breached Tuesday 10:30; notes Tuesday 10:30 and 14:30 (4 working hours on), the next one due Wednesday 10:30.
 * Resolved Wednesday 09:15, it ends breached under High.
 */

/** Monday 23 November 2026, 10:30 in Berlin. */
const MONDAY = Date.UTC(2026, 10, 23, 9, 30);

interface Row {
  readonly goal: string;
  readonly met: number;
  readonly breached: number;
}

/** The report's "Time to resolution" goal rows of Gold support for the month shown. */
async function resolutionGoals(frame: FrameLocator): Promise<Row[]> {
  await frame.getByTestId('counterparty').first().waitFor({ timeout: 30_000 });
  const gold = frame.locator('[data-testid="agreement"][data-agreement="gold"]');
  const rows = await gold.locator('[data-testid="goal-row"][data-metric="resolution"]').all();
  const shown: Row[] = [];
  for (const row of rows) {
    shown.push({
      goal: (await row.getAttribute('data-goal')) ?? '',
      met: Number(await row.getAttribute('data-met')),
      breached: Number(await row.getAttribute('data-breached')),
    });
  }
  return shown;
}

describeInBrowser('Accord’s own escalation in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['issue-panel', 'report'], now: MONDAY });

  sandbox.test(
    'leaves the breach time, the report’s goal and the number of breach notes as they were',
    async (page) => {
      const before = await resolutionGoals(await sandbox.open(page, '/reports'));
      const issue = await sandbox.createIssue({ summary: 'Printer jams on every page', priority: 'High' });
      await sandbox.api('POST', `/api/site/issues/${issue.key}/comment`, {
        accountId: 'alex-agent',
        body: 'Looking into it',
      });

      // Tuesday 10:45: breached at 10:30, and Accord has escalated.
      await sandbox.advance(24 * 60 + 15);
      const panel = await sandbox.open(page, `/issue/${issue.key}`);
      const resolution = panel.locator('.accord-metric', { hasText: 'Time to resolution' });
      await resolution.locator('.accord-lozenge', { hasText: /breached/i }).waitFor({ timeout: 20_000 });
      await expect(page.locator('.fields dt:text-is("Priority") + dd').textContent()).resolves.toBe(
        'Highest',
      );
      const facts = (await resolution.locator('.accord-metric__facts').textContent()) ?? '';
      expect(facts).toMatch(/Breached .*24.*10:30/);
      expect(facts).not.toMatch(/14:30/);

      // Wednesday 09:00: one more note at Tuesday 14:30, none at night.
      await sandbox.advance(22 * 60 + 15);
      await page.reload();
      const notes = page.locator('[data-testid="history"] .entry.comment.internal', {
        hasText: 'breached on',
      });
      await notes.first().waitFor({ timeout: 20_000 });
      const times = await notes.locator('.entry-head .muted').allTextContents();
      // The page is en-US: 14:30 in Berlin reads "2:30 PM".
      expect(times.map((t) => t.replace(/\s+/g, ' '))).toEqual([
        expect.stringMatching(/\b10:30 AM/),
        expect.stringMatching(/\b2:30 PM/),
      ]);
      const reloaded = page.frameLocator('#accord-frame');
      const card = reloaded.locator('.accord-metric', { hasText: 'Time to resolution' });
      await card.locator('.accord-metric__facts').waitFor({ timeout: 20_000 });
      expect(await card.locator('.accord-metric__facts').textContent()).toMatch(/Breached .*24.*10:30/);

      // Resolved Wednesday 09:15: the cycle ends breached under High, and nothing is filed under Highest.
      await sandbox.advance(15);
      await sandbox.api('POST', `/api/site/issues/${issue.key}/transition`, {
        accountId: 'alex-agent',
        to: 'Resolved',
      });
      const after = await resolutionGoals(await sandbox.open(page, '/reports'));
      const delta = after.map((row) => {
        const was = before.find((b) => b.goal === row.goal);
        return [row.goal, row.met - (was?.met ?? 0), row.breached - (was?.breached ?? 0)];
      });
      expect(delta).toEqual([
        ['0', 0, 0],
        ['1', 0, 1],
        ['2', 0, 0],
      ]);
      // Among the month's breached cycles, one by one: breached Tuesday 10:30.
      const gold = page
        .frameLocator('#accord-frame')
        .locator('[data-testid="agreement"][data-agreement="gold"]');
      await gold.getByRole('button', { name: 'Show the breached cycles one by one' }).click();
      const worst = gold.locator('[data-testid="worst-cycles"] tr', { hasText: issue.key });
      await expect(worst.locator('td').nth(1).textContent()).resolves.toMatch(/24.*10:30/);
    },
    180_000,
  );
});
