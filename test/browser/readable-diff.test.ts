import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement } from '../../src/engine/agreement/types';
import type { View } from './chromium';
import { ARTIFACTS, describeInBrowser, useBrowserSandbox } from './harness';
import { messagesOf } from './messages';

/**
 * The version history in Chromium: who saved a version by name, and a version's changes in words (an added metric
 * with a long name and a long JQL), within the frame's width: nothing scrolls sideways, nothing breaks mid-word;
 * in light and English, and in dark and German (whose line puts the name before the verb).
 */
const LONG_NAME = 'Time to resolution for major incidents raised by the customer’s operations centre';
const VIEWS: readonly {
  readonly name: string;
  readonly view: View;
  readonly locale: string;
  /** The diff's line for the added metric, and the start of its goals, in the view's language. */
  readonly added: string;
  readonly goals: string;
}[] = [
  {
    name: 'light, en-US',
    view: { theme: 'light', locale: 'en-US' },
    locale: 'en-US',
    added: `Added metric 3 “${LONG_NAME}”`,
    goals: 'Goals: 4h',
  },
  {
    name: 'dark, de-DE',
    view: { theme: 'dark', locale: 'de-DE' },
    locale: 'de-DE',
    added: `Metrik 3 „${LONG_NAME}“ hinzugefügt`,
    goals: 'Ziele: 4h',
  },
];

describeInBrowser('the version diff in words, in Chromium', () => {
  const sandbox = useBrowserSandbox({ uis: ['admin'] });

  beforeAll(async () => {
    const store = sandbox.sandbox.store;
    const gold = (await store.config.list('agreement')).find((a) => a.body?.name === 'Gold support');
    if (!gold?.body) throw new Error('the seed has no Gold support agreement');
    const body: Agreement = {
      ...gold.body,
      metrics: [
        ...gold.body.metrics,
        {
          id: 'major-incident-resolution',
          name: LONG_NAME,
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
  });

  describe.each(VIEWS)('$name', ({ name, view, locale, added, goals }) => {
    const say = messagesOf('admin', locale);
    sandbox.test('reads an added metric in words, names who saved it, and fits the frame', async (page) => {
      const frame = await sandbox.open(page, '/admin', view);
      await frame
        .getByRole('heading', { name: say('tabs.agreements'), level: 2 })
        .waitFor({ timeout: 20_000 });
      await frame.getByRole('button', { name: 'Gold support' }).first().click();
      await frame.getByRole('button', { name: say('history.heading') }).click();
      await frame
        .getByText(say('history.savedBy', { date: '\u0000', by: 'Chris Admin' }).split('\u0000')[1] ?? '')
        .first()
        .waitFor({ timeout: 20_000 });
      await frame
        .getByRole('button', { name: say('history.changes') })
        .first()
        .click();
      const row = frame.locator('.accord-diff tbody tr').first();
      await row.waitFor();
      expect(await row.locator('th').textContent()).toBe(added);
      expect(await row.locator('td').nth(1).textContent()).toContain(goals);
      await row.scrollIntoViewIfNeeded();
      mkdirSync(ARTIFACTS, { recursive: true });
      await row.screenshot({ path: join(ARTIFACTS, `admin-version-diff-${name.replace(/\W+/g, '-')}.png`) });
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
});
