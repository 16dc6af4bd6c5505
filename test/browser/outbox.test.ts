import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * What Accord did, seen in Chromium on the sandbox's pages: an agent assigns the request with the issue page's
 * control, the clock moves past the point where Gold support warns the assignee, and the outbox shows the
 * notification while the issue's labels and history show Accord's label and internal note, marked as the app's.
 */
describeInBrowser('what Accord did, in Chromium', () => {
  // Monday 23 November 2026, 09:30 in Berlin: a working morning of the seeded 9–17 calendar.
  const sandbox = useBrowserSandbox({ now: Date.UTC(2026, 10, 23, 8, 30), seed: { issues: 2, days: 1 } });

  sandbox.test(
    'assigning, then a week on: the outbox and the issue’s history show Accord’s actions',
    async (page) => {
      const { key } = await sandbox.createIssue({ summary: 'The printer on 3 eats paper' });
      await page.goto(`${sandbox.url}/issue/${key}`);
      const history = page.getByTestId('history');
      await expect(page.getByTestId('labels').textContent()).resolves.toBe('None');

      await page.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Bea Second-Level' });
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      // The page re-reads its details after the control: the change is in the history, by the agent.
      const assignment = history.getByTestId('history-change').filter({ hasText: 'Assignee' });
      await assignment.filter({ hasText: 'Bea Second-Level' }).waitFor({ timeout: 20_000 });
      await expect(assignment.getByTestId('app-entry').count()).resolves.toBe(0);
      await expect(assignment.locator('strong').first().textContent()).resolves.toBe('Chris Admin');

      // A week on: past 80 % of the three working days to resolve, and past the breach.
      await sandbox.advance(7 * 1440);
      await page.getByRole('link', { name: 'Outbox' }).click();
      const row = page.getByTestId('outbox-row').filter({ hasText: `${key} at risk` });
      await row.waitFor({ timeout: 20_000 });
      await row.getByText('Assignee (Bea Second-Level)').waitFor();
      await row.getByText(/Time to resolution is due at/).waitFor();

      await row.getByRole('link', { name: key }).click();
      await page.getByTestId('labels').getByText('sla-at-risk').waitFor({ timeout: 20_000 });
      const label = history.getByTestId('history-change').filter({ hasText: 'sla-at-risk' });
      await label.getByTestId('app-entry').waitFor();
      // The breach note repeats every four hours: the first is enough.
      const note = history
        .getByTestId('history-comment')
        .filter({ hasText: `breached on ${key}` })
        .first();
      await note.getByTestId('app-entry').waitFor();
      await note.getByText('Internal note').waitFor();
      await expect(note.locator('strong').first().textContent()).resolves.toBe('Accord');
    },
  );

  // The portal's reply box is host/portal-page.ts: its key comes from the page's JSON config, not the URL.
  sandbox.test(
    'the portal’s reply box posts the customer’s comment, and the issue’s history shows it',
    async (page) => {
      const { key } = await sandbox.createIssue({ summary: 'New laptop please' });
      await page.goto(`${sandbox.url}/portal/${key}`);
      await page.getByRole('button', { name: 'Add comment' }).click();
      await page.getByText('Write a comment first.').waitFor();
      await page.getByLabel('Add a comment').fill('Any 14-inch model will do.');
      await page.getByRole('button', { name: 'Add comment' }).click();
      await page.getByTestId('comments').getByText('Any 14-inch model will do.').waitFor({ timeout: 20_000 });
      await page.goto(`${sandbox.url}/issue/${key}`);
      const comment = page.getByTestId('history-comment').filter({ hasText: 'Any 14-inch model will do.' });
      await expect(comment.locator('strong').first().textContent()).resolves.toBe('Carla Customer');
    },
  );
});
