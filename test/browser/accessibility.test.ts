import type { FrameLocator, Page } from 'playwright-core';
import { chromeFor } from '../../src/sandbox/server/chrome-text';
import { axeViolations, formatViolations, uiFrame } from './axe';
import { type View } from './chromium';
import { describeInBrowser, useBrowserSandbox } from './harness';
import { messagesOf } from './messages';

/**
 * axe-core over every screen of Accord, in light and dark, English and German: the admin page (the agreements
 * list, an agreement's editor, its version history with a diff open and a restore dialog, its problems
 * after a save and the discard dialog, the calendars list, a calendar's editor, recalculation with the
 * retention control, the audit log, the JSM comparison), the project settings, the issue panel, the portal,
 * the gadget's view and edit view, and the report. A screen passes with
 * no serious or critical violation; each view's test walks its screens and lists every violation it met, per
 * screen, so one run shows all there is to fix.
 */

const VIEWS: readonly { readonly name: string; readonly view: View; readonly locale: string }[] = [
  { name: 'light, en-US', view: { theme: 'light', locale: 'en-US' }, locale: 'en-US' },
  { name: 'dark, en-US', view: { theme: 'dark', locale: 'en-US' }, locale: 'en-US' },
  { name: 'light, de-DE', view: { theme: 'light', locale: 'de-DE' }, locale: 'de-DE' },
  { name: 'dark, de-DE', view: { theme: 'dark', locale: 'de-DE' }, locale: 'de-DE' },
];

/** Collects each screen's violations; `verdict` fails with all of them. */
class Audit {
  private readonly found: string[] = [];
  constructor(
    private readonly page: Page,
    private readonly view: string,
  ) {}

  /** Checks the Custom UI's document as it is now. */
  async check(screen: string): Promise<void> {
    const violations = await axeViolations(await uiFrame(this.page));
    if (violations.length > 0) this.found.push(`${screen} (${this.view}):\n${formatViolations(violations)}`);
  }

  verdict(): void {
    if (this.found.length > 0) {
      throw new Error(`axe-core finds serious or critical violations on\n${this.found.join('\n')}`);
    }
  }
}

describeInBrowser('every screen under axe-core, in Chromium', () => {
  const sandbox = useBrowserSandbox({
    uis: ['admin', 'project-settings', 'issue-panel', 'portal', 'gadget', 'report'],
  });
  let issueKey = '';

  beforeAll(async () => {
    // A second version of Gold support and of the Berlin calendar, so that each history has a diff to open.
    const config = sandbox.sandbox.store.config;
    const gold = (await config.list('agreement')).find((a) => a.body?.name === 'Gold support');
    if (!gold?.body) throw new Error('the seed has no Gold support agreement');
    await config.put(
      'agreement',
      gold.id,
      { ...gold.body, counterparty: 'Acme Corporation' },
      { expectedVersion: gold.version, savedAt: Date.UTC(2026, 10, 20, 9, 0), savedBy: 'chris-admin' },
    );
    const berlin = (await config.list('calendar')).find((c) => c.body?.name === 'Berlin office hours');
    if (!berlin?.body) throw new Error('the seed has no Berlin office hours calendar');
    await config.put(
      'calendar',
      berlin.id,
      { ...berlin.body, name: 'Berlin office' },
      { expectedVersion: berlin.version, savedAt: Date.UTC(2026, 10, 20, 9, 0), savedBy: 'chris-admin' },
    );
    await sandbox.api('POST', '/api/gadgets/accord-compliance-1', {
      configuration: { agreementId: 'gold', metricId: 'resolution', period: 'month', groupBy: 'goal' },
    });
    ({ key: issueKey } = await sandbox.createIssue({
      summary: 'The VPN drops every hour',
      priority: 'High',
      requestType: 'Report a network outage',
    }));
  });

  describe.each(VIEWS)('$name', ({ name, view, locale }) => {
    const say = messagesOf('admin', locale);

    sandbox.test(
      'the admin page: lists, editors, history and diff, dialogs, recalculation, retention, audit',
      async (page) => {
        const audit = new Audit(page, name);
        const frame = await sandbox.open(page, '/admin', view);
        await frame
          .getByRole('heading', { name: say('tabs.agreements'), level: 2 })
          .waitFor({ timeout: 20_000 });
        await frame.getByRole('button', { name: 'Gold support' }).first().waitFor();
        await audit.check('the agreements list');

        await frame.getByRole('button', { name: 'Gold support' }).first().click();
        await frame.locator('#accord-field-name').waitFor();
        await audit.check('the agreement editor');

        await openHistory(frame, say('history.heading'), say('history.changes'));
        await audit.check('the agreement’s version history with a diff open');
        await frame
          .getByRole('button', { name: new RegExp(`^${say('history.restore')}`) })
          .first()
          .click();
        await frame.getByRole('dialog').waitFor();
        await audit.check('the restore dialog');
        await frame
          .getByRole('dialog')
          .getByRole('button', { name: say('cancel') })
          .click();
        await frame.getByRole('dialog').waitFor({ state: 'detached' });

        // Every problem of a save at once, at its field, with a summary.
        await frame.locator('#accord-field-name').fill('');
        await frame.locator('#accord-field-metrics-0-goals-0-objectivePercent').fill('150');
        await frame
          .locator('.accord-save-bar')
          .getByRole('button', { name: say('save'), exact: true })
          .click();
        await frame.locator('.accord-error-summary li').first().waitFor({ timeout: 20_000 });
        await audit.check('the agreement editor with the problems of a save');
        await frame
          .locator('.accord-save-bar')
          .getByRole('button', { name: say('cancel') })
          .click();
        await frame.getByRole('dialog', { name: say('discardTitle') }).waitFor();
        await audit.check('the discard-changes dialog');
        await frame.getByRole('button', { name: say('discard') }).click();
        await frame.getByRole('dialog').waitFor({ state: 'detached' });

        await frame.getByRole('tab', { name: say('tabs.calendars') }).click();
        await frame
          .getByRole('button', { name: 'Berlin office', exact: true })
          .first()
          .waitFor({ timeout: 20_000 });
        await audit.check('the calendars list');
        await frame.getByRole('button', { name: 'Berlin office', exact: true }).first().click();
        await frame.getByRole('tabpanel').locator('#accord-field-name').waitFor();
        await audit.check('the calendar editor');
        await openHistory(frame, say('history.heading'), say('history.changes'));
        await audit.check('the calendar’s version history with a diff open');

        await frame.getByRole('tab', { name: say('tabs.jobs') }).click();
        await frame.locator('#accord-retention-heading').waitFor({ timeout: 20_000 });
        await audit.check('recalculation and retention');

        await frame.getByRole('tab', { name: say('tabs.audit') }).click();
        await frame.locator('table.accord-audit').waitFor({ timeout: 20_000 });
        await audit.check('the audit log');

        await frame.getByRole('tab', { name: say('tabs.jsm') }).click();
        await frame.locator('.accord-jsm').waitFor({ timeout: 20_000 });
        await audit.check('the JSM comparison');
        audit.verdict();
      },
      180_000,
    );

    sandbox.test('project settings, issue panel, portal, gadget and report', async (page) => {
      const audit = new Audit(page, name);
      const settings = await sandbox.open(page, '/project/IT/settings', view);
      await settings.locator('.accord-agreement').first().waitFor({ timeout: 20_000 });
      await audit.check('project settings');

      const panel = await sandbox.open(page, `/issue/${issueKey}`, view);
      await panel.locator('.accord-metric').first().waitFor({ timeout: 20_000 });
      await audit.check('the issue panel');

      const portal = await sandbox.open(page, `/portal/${issueKey}`, view);
      await portal.getByRole('list').first().waitFor({ timeout: 20_000 });
      await audit.check('the portal');

      const gadget = await sandbox.open(page, '/dashboard', view);
      await gadget.getByTestId('compliance-row').first().waitFor({ timeout: 20_000 });
      await audit.check('the gadget');
      await page
        .getByRole('button', {
          name: chromeFor({ locale, timezone: 'Europe/Berlin' }).text('dashboard.edit'),
        })
        .click();
      await gadget
        .getByRole('heading', { name: messagesOf('gadget', locale)('edit.title') })
        .waitFor({ timeout: 20_000 });
      await audit.check('the gadget’s edit view');

      const report = await sandbox.open(page, '/reports', view);
      await report.getByTestId('agreement').first().waitFor({ timeout: 20_000 });
      await audit.check('the report');
      audit.verdict();
    });
  });
});

/** Unfolds an editor's version history and opens the newest version's changes. */
async function openHistory(frame: FrameLocator, heading: string, changes: string): Promise<void> {
  const panel = frame.getByRole('tabpanel');
  await panel.getByRole('button', { name: heading }).click();
  await panel.getByRole('button', { name: changes }).first().click();
  await panel.locator('.accord-diff').first().waitFor({ timeout: 20_000 });
}
