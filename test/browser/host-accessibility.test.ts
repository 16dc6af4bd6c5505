import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from './axe';
import { chromeFor } from '../../src/sandbox/server/chrome-text';
import { type View } from './chromium';
import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * axe-core over the sandbox's host pages themselves (accessibility.test.ts checks the Custom UIs in their
 * frames): the chrome `npm start` serves around each UI, in light and dark, English and German. The sandbox bar
 * (clock, View as, theme, language, time zone), Jira's top bar and sidebar, the help center's header, and each
 * page's own content: the index, the admin and reports pages, project settings, the dashboard with its filter
 * gadget, the portal request with its activity and reply box, the issue page with its controls, history,
 * labels and assignee, the outbox, and a flag the UI raised. The frame is left out (it is the UIs' test); the UIs
 * are the bridge probe, so this holds whatever they become.
 */

const PROBE = join(__dirname, 'fixtures', 'bridge-probe.html');
const UIS = ['admin', 'report', 'project-settings', 'gadget', 'portal', 'issue-panel'];

const VIEWS: readonly { readonly name: string; readonly view: View }[] = [
  { name: 'light, en-US', view: { theme: 'light', locale: 'en-US' } },
  { name: 'dark, en-US', view: { theme: 'dark', locale: 'en-US' } },
  { name: 'light, de-DE', view: { theme: 'light', locale: 'de-DE' } },
  { name: 'dark, de-DE', view: { theme: 'dark', locale: 'de-DE' } },
];

/** Collects each page's violations (the frame left out); `verdict` fails with all of them. */
class Audit {
  private readonly found: string[] = [];
  constructor(
    private readonly page: Page,
    private readonly view: string,
  ) {}

  async check(screen: string): Promise<void> {
    const violations = await axeViolations(this.page, ['#accord-frame']);
    if (violations.length > 0) this.found.push(`${screen} (${this.view}):\n${formatViolations(violations)}`);
  }

  verdict(): void {
    if (this.found.length > 0) {
      throw new Error(`axe-core finds serious or critical violations on\n${this.found.join('\n')}`);
    }
  }
}

describeInBrowser('the host pages under axe-core, in Chromium', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'accord-host-axe-'));
    for (const name of UIS) {
      mkdirSync(join(root, 'static', name, 'dist'), { recursive: true });
      copyFileSync(PROBE, join(root, 'static', name, 'dist', 'index.html'));
    }
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const sandbox = useBrowserSandbox({ root: () => root });
  let issueKey = '';

  beforeAll(async () => {
    // A High request left unanswered for a working day: Accord's labels, its escalation in the history and its
    // notices in the outbox, beside a customer's and an agent's comment.
    ({ key: issueKey } = await sandbox.createIssue({
      summary: 'The VPN drops every hour',
      priority: 'High',
      requestType: 'Report a network outage',
    }));
    await sandbox.api('POST', `/api/site/issues/${issueKey}/comment`, {
      accountId: 'alex-agent',
      body: 'Looking into it.',
      internal: true,
    });
    await sandbox.api('POST', `/api/site/issues/${issueKey}/assignee`, {
      accountId: 'alex-agent',
      assignee: 'alex-agent',
    });
    await sandbox.advance(8 * 60);
  });

  describe.each(VIEWS)('$name', ({ name, view }) => {
    sandbox.test(
      'every host page: bars, sidebars, the issue page’s controls and history, the outbox, a flag',
      async (page) => {
        const audit = new Audit(page, name);
        const chrome = chromeFor({ locale: view.locale ?? 'en-US', timezone: 'Europe/Berlin' });
        const visit = async (path: string): Promise<void> => {
          const url = new URL(path, sandbox.url);
          for (const [k, v] of Object.entries(view)) url.searchParams.set(k, v as string);
          const response = await page.goto(url.href);
          if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
        };

        await visit('/');
        await audit.check('the index');

        const admin = await sandbox.open(page, '/admin', view);
        await audit.check('the admin page');
        // A flag the UI raised, over the page.
        await admin.getByRole('button', { name: 'Flag' }).click();
        await page.locator('#accord-flags').getByRole('status').first().waitFor();
        await audit.check('the admin page with a flag');

        await sandbox.open(page, '/reports', view);
        await audit.check('the reports page');

        await sandbox.open(page, '/project/IT/settings', view);
        await audit.check('project settings');

        await sandbox.open(page, '/dashboard', view);
        await audit.check('the dashboard');
        // The gadget's Edit toggled (a gadget never configured opens in its edit view: then back to its view).
        const pressed = await page.locator('#gadget-edit').getAttribute('aria-pressed');
        await page.getByRole('button', { name: chrome.text('dashboard.edit') }).click();
        await page.locator(`#gadget-edit[aria-pressed="${String(pressed !== 'true')}"]`).waitFor();
        await audit.check('the dashboard with the gadget’s Edit toggled');

        await sandbox.open(page, `/portal/${issueKey}`, view);
        await audit.check('the portal request');

        await sandbox.open(page, `/issue/${issueKey}`, view);
        await page.getByTestId('history').waitFor();
        await page.getByTestId('labels').locator('.label').first().waitFor();
        await audit.check('the issue page');
        // The sandbox bar's error: a comment sent empty.
        await page.getByRole('button', { name: chrome.text('issue.commentAsCustomer') }).click();
        await page.locator('#sandbox-error').filter({ hasText: /\S/ }).waitFor();
        await audit.check('the issue page with the sandbox bar’s error');

        await visit('/outbox');
        // Accord's notices of the breach, not the empty outbox.
        await page.getByTestId('outbox-row').first().waitFor();
        await audit.check('the outbox');
        audit.verdict();
      },
      120_000,
    );
  });
});
