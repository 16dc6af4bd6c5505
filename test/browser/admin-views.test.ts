import type { Locator } from 'playwright-core';
import type { View } from './chromium';
import { describeInBrowser, useBrowserSandbox } from './harness';
import { messagesOf, type Say } from './messages';

/**
 * What issue 15 asked of the admin page, in light and dark, English and German (the words read from the UI's
 * own locale files): the agreements list searched and filtered by kind; an agreement's editor with its sections
 * folding and one metric open at a time; every problem of a save listed at once and marked at its field, with a
 * summary whose links move the focus, among them JQL checked against the site (an unknown field refused with the
 * nearest known name; an unknown value saved with a warning); and a calendar's unsaved changes guarded on Cancel, saved as a version, its change
 * read in words in the history, and the earlier version restored.
 */
const VIEWS: readonly { readonly name: string; readonly view: View; readonly locale: string }[] = [
  { name: 'light, en-US', view: { theme: 'light', locale: 'en-US' }, locale: 'en-US' },
  { name: 'dark, en-US', view: { theme: 'dark', locale: 'en-US' }, locale: 'en-US' },
  { name: 'light, de-DE', view: { theme: 'light', locale: 'de-DE' }, locale: 'de-DE' },
  { name: 'dark, de-DE', view: { theme: 'dark', locale: 'de-DE' }, locale: 'de-DE' },
];

const text = async (locator: Locator): Promise<string> =>
  (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** The part of a message before its `{name}` placeholder, to match a sentence whose rest is data. */
const before = (say: Say, key: string, name: string): string =>
  say(key, { [name]: '\u0000' }).split('\u0000')[0] ?? '';

describeInBrowser('the admin page’s lists, editors and history, in four views', () => {
  const sandbox = useBrowserSandbox({ uis: ['admin'] });

  describe.each(VIEWS)('$name', ({ view, locale }) => {
    const say = messagesOf('admin', locale);

    sandbox.test(
      'searches the list, folds the editor, checks JQL and lists a save’s problems',
      async (page) => {
        const frame = await sandbox.open(page, '/admin', view);
        await frame
          .getByRole('heading', { name: say('tabs.agreements'), level: 2 })
          .waitFor({ timeout: 20_000 });
        await expect(frame.locator('html').getAttribute('data-color-mode')).resolves.toBe(view.theme);

        // ── Search and filter ────────────────────────────────────────────────────────────────────────
        const rows = frame.locator('.accord-list tbody tr');
        await rows.first().waitFor();
        const total = await rows.count();
        await frame.getByLabel(say('list.searchAgreements')).fill('acme');
        await frame.getByText(say('list.some', { shown: 1, total })).waitFor();
        expect(await text(rows)).toContain('Gold support');
        await frame.getByLabel(say('list.searchAgreements')).fill('zzz');
        await frame.getByText(say('list.none', { query: 'zzz' })).waitFor();
        await frame.getByLabel(say('list.searchAgreements')).fill('');
        await frame.getByRole('button', { name: 'OLA', exact: true }).click();
        await frame.getByText(say('list.some', { shown: 1, total })).waitFor();
        expect(await text(rows)).toContain('Second-level network team');
        await frame.getByRole('button', { name: say('list.allKinds') }).click();
        await expect(rows.count()).resolves.toBe(total);

        // ── The editor: sections fold, one metric open at a time ──────────────────────────────────────
        await frame.getByRole('button', { name: 'Gold support' }).first().click();
        await frame.locator('#accord-field-name').waitFor();
        const general = frame.getByRole('button', { name: say('agreements.general'), exact: true });
        await general.click();
        await expect(general.getAttribute('aria-expanded')).resolves.toBe('false');
        await frame.locator('#accord-field-name').waitFor({ state: 'hidden' });
        await general.click();
        await frame.locator('#accord-field-name').waitFor();
        const first = frame.getByRole('button', { name: 'Time to first response', exact: true });
        const resolution = frame.getByRole('button', { name: 'Time to resolution', exact: true });
        await expect(first.getAttribute('aria-expanded')).resolves.toBe('true');
        await resolution.click();
        await expect(resolution.getAttribute('aria-expanded')).resolves.toBe('true');
        await expect(first.getAttribute('aria-expanded')).resolves.toBe('false');
        await first.click();

        // ── A save's problems at once, at their fields, the summary moving the focus ────────────────────────
        const objective = frame.locator('#accord-field-metrics-0-goals-0-objectivePercent');
        const objective2 = frame.locator('#accord-field-metrics-0-goals-1-objectivePercent');
        const save = frame
          .locator('.accord-save-bar')
          .getByRole('button', { name: say('save'), exact: true });
        await objective.fill('150');
        await objective2.fill('200');
        await save.click();
        const summary = frame.locator('.accord-error-summary li');
        await summary.nth(1).waitFor({ timeout: 20_000 });
        await expect(objective.getAttribute('aria-invalid')).resolves.toBe('true');
        await expect(objective2.getAttribute('aria-invalid')).resolves.toBe('true');
        await summary.nth(1).getByRole('button').click();
        await expect(frame.locator(':focus').getAttribute('id')).resolves.toBe(
          'accord-field-metrics-0-goals-1-objectivePercent',
        );
        await objective.fill('100');
        await objective2.fill('95');

        // JQL against the site: a field it does not have is refused, named with the nearest one it has.
        const appliesTo = frame.locator('#accord-field-appliesTo');
        await appliesTo.fill('project = IT AND stauts = Open');
        await save.click();
        const unknownField = before(say, 'jql.site.unknownFieldNear', 'nearest').replace('{field}', 'stauts');
        const jqlProblem = summary.filter({ hasText: unknownField });
        await jqlProblem.waitFor({ timeout: 20_000 });
        expect(await text(jqlProblem)).toContain(say('jql.site.quoted', { name: 'status' }));
        await expect(appliesTo.getAttribute('aria-invalid')).resolves.toBe('true');
        await frame.locator('.accord-field', { has: appliesTo }).getByText(unknownField).waitFor();
        await jqlProblem.getByRole('button').click();
        await expect(frame.locator(':focus').getAttribute('id')).resolves.toBe('accord-field-appliesTo');

        // A value the site does not have is a warning: the agreement saves, the field says so.
        await appliesTo.fill('project = IT AND priority = Urgentt');
        await save.click();
        await frame
          .locator('.accord-field', { has: appliesTo })
          .getByText(say('jql.site.unknownValue', { kind: say('jql.site.kinds.priority'), value: 'Urgentt' }))
          .waitFor({ timeout: 20_000 });
        await expect(frame.locator('.accord-error-summary').count()).resolves.toBe(0);
      },
    );

    sandbox.test(
      'guards a calendar’s unsaved changes, saves a version, reads it and restores',
      async (page) => {
        const frame = await sandbox.open(page, '/admin', view);
        await frame
          .getByRole('heading', { name: say('tabs.agreements'), level: 2 })
          .waitFor({ timeout: 20_000 });
        await frame.getByRole('tab', { name: say('tabs.calendars') }).click();
        const panel = frame.getByRole('tabpanel');
        await panel.getByRole('button', { name: 'Berlin office hours', exact: true }).first().click();
        const name = panel.locator('#accord-field-name');
        await name.fill('Berlin head office');
        const bar = panel.locator('.accord-save-bar');

        // Cancel asks before dropping the change; "keep editing" keeps it.
        await bar.getByRole('button', { name: say('cancel') }).click();
        const discard = frame.getByRole('dialog', { name: say('discardTitle') });
        await discard.waitFor();
        await discard.getByRole('button', { name: say('cancel') }).click();
        await discard.waitFor({ state: 'detached' });
        await expect(name.inputValue()).resolves.toBe('Berlin head office');

        // Saved, the editor closes: the list has the new name, and its history the change in words.
        await bar.getByRole('button', { name: say('save'), exact: true }).click();
        await panel
          .getByRole('button', { name: 'Berlin head office', exact: true })
          .first()
          .click({ timeout: 20_000 });
        await panel.getByRole('button', { name: say('history.heading') }).click();
        await panel
          .getByRole('button', { name: say('history.changes') })
          .first()
          .click();
        const change = panel.locator('.accord-diff tbody tr').first();
        await change.waitFor({ timeout: 20_000 });
        expect(await text(change)).toContain('Berlin office hours');
        expect(await text(change)).toContain('Berlin head office');

        // The version before is restored as a new one.
        await panel
          .getByRole('button', { name: new RegExp(`^${say('history.restore')}`) })
          .first()
          .click();
        const restore = frame.getByRole('dialog');
        await restore.waitFor();
        await restore.getByRole('button', { name: say('history.restore'), exact: true }).click();
        await restore.waitFor({ state: 'detached' });
        await panel
          .getByRole('button', { name: 'Berlin office hours', exact: true })
          .first()
          .waitFor({ timeout: 20_000 });
      },
    );
  });
});
