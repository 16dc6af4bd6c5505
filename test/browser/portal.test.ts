import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The customer portal in a real browser: Accord's panel on a request, framed by the sandbox's help center page
 * as the request's reporter, says what the customer-visible SLA commits to, in the customer's language and
 * zone, follows the request as an agent answers and waits for the customer, and shows nothing of the OLA, the
 * UC, the agreement's name or its conditions. Each state is photographed (test/browser/artifacts/screens/).
 */
const SCREENS = join(ARTIFACTS, 'screens');

/** What the panel says, as one line of text (as shown: lozenges are upper case). */
const panelText = async (panel: FrameLocator): Promise<string> =>
  (await panel.locator('body').innerText()).replace(/\s+/g, ' ').trim();

async function photograph(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

// Everything internal the panel must never show: the OLA's and the UC's names and kinds, the SLA's own name,
// its counterparty, its conditions and its statuses.
const INTERNAL =
  /OLA|\bUC\b|Second-level|NetCo|carrier|Gold support|Acme|priority|status|Waiting for customer/i;

describeInBrowser('the customer portal in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['portal'] });

  sandbox.test('shows the SLA’s commitments and nothing of the OLA or the UC', async (page) => {
    // Network, so the NetCo UC applies too; the second-level OLA applies to every IT request.
    const { key } = await sandbox.createIssue({
      summary: 'The office network is down',
      priority: 'High',
      requestType: 'Report a network outage',
    });
    const panel = await sandbox.open(page, `/portal/${key}`);
    await panel.getByText(/We will respond by/).waitFor({ timeout: 20_000 });
    const text = await panelText(panel);
    // A High request: first response within 30 minutes of now, round the clock, in the customer's zone.
    expect(text).toMatch(/^Response We will respond by Friday, November 20 at \d{1,2}:\d{2} AM GMT\+1\./);
    expect(text).toMatch(/Resolution We will resolve your request by .+\.$/);
    expect(text).not.toMatch(INTERNAL);
    expect(await panel.getByRole('list', { name: 'Our commitments on this request' }).count()).toBe(1);
    await photograph(page, 'portal-light');
  });

  sandbox.test(
    'in German and dark: the agent’s answer is met, and the resolution waits for the customer',
    async (page) => {
      const { key, id } = await sandbox.createIssue({ summary: 'Neuer Laptop', priority: 'Medium' });
      await sandbox.advance(20);
      await sandbox.api('POST', `/api/site/issues/${id}/comment`, {
        accountId: 'alex-agent',
        body: 'Welches Modell hätten Sie gern?',
      });
      await sandbox.api('POST', `/api/site/issues/${id}/transition`, {
        accountId: 'alex-agent',
        to: 'Waiting for customer',
      });
      await sandbox.advance(5);
      const panel = await sandbox.open(page, `/portal/${key}`, { theme: 'dark', locale: 'de-DE' });
      await panel.getByText(/Wir haben Ihnen am/).waitFor({ timeout: 20_000 });
      const text = await panelText(panel);
      expect(text).toMatch(
        /^Antwort Wir haben Ihnen am Freitag, 20\. November um \d{2}:\d{2} MEZ geantwortet\./,
      );
      expect(text).toContain(
        'Lösung WARTET AUF SIE Wir warten auf Ihre Antwort. Bis dahin ist die Frist angehalten.',
      );
      expect(text).not.toMatch(INTERNAL);
      await expect(panel.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
      await photograph(page, 'portal-dark-de');
    },
  );

  sandbox.test(
    'says it is running late once the clock passes the deadline, in Danish',
    async (page) => {
      const { key } = await sandbox.createIssue({ summary: 'Printer on fire', priority: 'High' });
      const panel = await sandbox.open(page, `/portal/${key}`, {
        locale: 'da-DK',
        timezone: 'Europe/Copenhagen',
      });
      await panel.getByText(/Vi svarer dig senest/).waitFor({ timeout: 20_000 });
      // Thirty minutes round the clock for a High request's first response: an hour later it is late.
      // The sandbox bar speaks Danish too: "+1 t." is an hour.
      await page.getByRole('button', { name: '+1 t.' }).click();
      await panel.getByText('Forsinket', { exact: true }).waitFor({ timeout: 70_000 });
      expect(await panelText(panel)).toMatch(
        /^Svar FORSINKET Vi ville svare dig senest fredag 20\. november kl\. \d{2}\.\d{2} CET\. Vi er desværre forsinket/,
      );
      await photograph(page, 'portal-late-da');
    },
    120_000,
  );

  sandbox.test(
    'a customer of an organization without a visible SLA reads a short neutral line',
    async (page) => {
      const { key } = await sandbox.createIssue({ reporter: 'gina-customer', summary: 'Password reset' });
      const panel = await sandbox.open(page, `/portal/${key}`);
      await panel
        .getByText('There is no agreed response or resolution time for this request.')
        .waitFor({ timeout: 20_000 });
      expect(await panelText(panel)).not.toMatch(INTERNAL);
      await photograph(page, 'portal-none');
    },
  );
  sandbox.test(
    'a customer whose Jira speaks French reads it entirely in English, dates too',
    async (page) => {
      const { key } = await sandbox.createIssue({ summary: 'Imprimante en panne', priority: 'High' });
      const panel = await sandbox.open(page, `/portal/${key}`, { locale: 'fr-FR', timezone: 'Europe/Paris' });
      await panel.getByText(/We will respond by/).waitFor({ timeout: 20_000 });
      // English words with French dates ("vendredi 20 novembre à 11:00") was what a French locale used to give.
      expect(await panelText(panel)).toMatch(
        /^Response We will respond by Friday, November 20 at \d{1,2}:\d{2} [AP]M GMT\+1\./,
      );
    },
  );
});
