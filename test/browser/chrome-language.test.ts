import type { Page } from 'playwright-core';
import { CHROME_TEXT, type ChromeKey } from '../../src/sandbox/server/chrome-text';
import { hostUrl } from './chromium';
import { describeInBrowser, useBrowserSandbox } from './harness';

/**
 * The sandbox's own Jira chrome in the user's language, in Chromium: the issue page (bar, sidebar, controls,
 * fields, the activity re-read after a control), the outbox, the dashboard, the queue and the portal in German,
 * with German dates, and none of the English words the chrome has German for; the bar's language switch makes a
 * Danish page of it. The frames are Accord's UIs, with their own translations: left out here.
 */

/** What the site's data says on a page (summaries, comments, statuses, names, options, table cells, dates). */
const DATA = [
  'script',
  'style',
  'template',
  'select',
  'iframe',
  'td',
  '.comment-body',
  '.value',
  '.label',
  '.status',
  '[data-testid="summary"]',
  '.entry-head strong',
  '.sidebar .head strong',
  '#sandbox-clock',
].join(', ');

/**
 * The chrome's words on the page: its text, `aria-label`, `placeholder` and `title` attributes and the tab's
 * title, without the site's data ({@link DATA}). Run in the page; a string, since the tests compile without DOM.
 */
const CHROME_WORDS = `(() => {
  const found = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const element = node instanceof Element ? node : node.parentElement;
    if (element === null || element.closest(${JSON.stringify(DATA)}) !== null) continue;
    if (node instanceof Element) {
      for (const name of ['aria-label', 'placeholder', 'title']) found.push(node.getAttribute(name) ?? '');
    } else {
      found.push(node.textContent ?? '');
    }
  }
  return found.filter((s) => s.trim() !== '').join('\\n');
})()`;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English phrases of every key `language` says differently: each text's runs between placeholders. */
function englishPhrases(language: 'de' | 'da'): { key: ChromeKey; pattern: RegExp }[] {
  const table = CHROME_TEXT[language];
  return (Object.keys(CHROME_TEXT.en) as ChromeKey[])
    .filter((key) => table[key] !== CHROME_TEXT.en[key])
    .flatMap((key) =>
      CHROME_TEXT.en[key]
        .split(/\{\w+\}/)
        .map((phrase) => phrase.trim())
        // "to" or "·" alone is in too many names to mean anything.
        .filter((phrase) => (phrase.match(/\p{L}/gu) ?? []).length >= 3)
        // Danish "+15 min." holds English "+15 min": such a phrase cannot tell.
        .filter((phrase) => !table[key].includes(phrase))
        .map((phrase) => ({
          key,
          pattern: new RegExp(`(?<![\\p{L}])${escapeRegExp(phrase)}(?![\\p{L}])`, 'u'),
        })),
    );
}

/** The English the page still shows where the chrome has words in `language`: `key: "phrase"`. */
async function leftoverEnglish(page: Page, language: 'de' | 'da'): Promise<string[]> {
  const words = await page.evaluate<string>(CHROME_WORDS);
  return englishPhrases(language)
    .filter(({ pattern }) => pattern.test(words))
    .map(({ key, pattern }) => `${key}: ${pattern.source}`);
}

describeInBrowser('the sandbox chrome in German and Danish, in Chromium', () => {
  // Monday 23 November 2026, 09:30 in Berlin: a working morning of the seeded 9–17 calendar.
  const sandbox = useBrowserSandbox({ now: Date.UTC(2026, 10, 23, 8, 30), seed: { issues: 2, days: 1 } });
  const de = { locale: 'de-DE' } as const;

  sandbox.test(
    'the issue page, the outbox and the other pages speak German, dates too; the bar switches to Danish',
    async (page) => {
      const { key } = await sandbox.createIssue({ summary: 'The printer on 3 eats paper' });
      await page.goto(hostUrl(sandbox.url, `/issue/${key}`, de));

      await page.getByRole('heading', { name: 'Aktivität', exact: true }).waitFor();
      await page
        .getByRole('navigation', { name: 'IT Help' })
        .getByRole('link', { name: 'Postausgang' })
        .waitFor();
      await page
        .getByTestId('clock')
        .filter({ hasText: /^Mo\., 23\. Nov\., 09:30 MEZ$/ })
        .waitFor();
      await expect(page.getByTestId('labels').textContent()).resolves.toBe('Keine');
      // A control, then the details the page re-reads: in the page's language and zone, not the server's default.
      await page
        .getByLabel('Zugewiesene Person', { exact: true })
        .selectOption({ label: 'Bea Second-Level' });
      await page.getByRole('button', { name: 'Zuweisen', exact: true }).click();
      const change = page
        .getByTestId('history-change')
        .filter({ hasText: 'hat Zugewiesene Person von Keine in Bea Second-Level geändert' });
      await change.waitFor({ timeout: 20_000 });
      await change.getByText('hat Änderungen vorgenommen · Mo., 23. Nov. 2026, 09:30').waitFor();
      await expect(leftoverEnglish(page, 'de')).resolves.toEqual([]);

      // A week on, Accord has warned the assignee: the outbox's table, in German.
      await sandbox.advance(7 * 1440);
      await page.getByRole('link', { name: 'Postausgang' }).click();
      const row = page.getByTestId('outbox-row').filter({ hasText: `${key} at risk` });
      await row.waitFor({ timeout: 20_000 });
      await page.getByRole('heading', { name: 'Postausgang', level: 1 }).waitFor();
      await row.getByText('Zugewiesene Person (Bea Second-Level)').waitFor();
      await expect(page.getByRole('columnheader').allTextContents()).resolves.toEqual([
        'Gesendet',
        'Vorgang',
        'An',
        'Nachricht',
      ]);
      await expect(page.title()).resolves.toBe('Postausgang · Accord-Sandbox');
      await expect(leftoverEnglish(page, 'de')).resolves.toEqual([]);

      await page.goto(hostUrl(sandbox.url, '/dashboard', de));
      await page.getByRole('heading', { name: 'Standard-Dashboard' }).waitFor();
      await page.getByRole('columnheader', { name: 'Nächste SLA-Frist' }).waitFor();
      await page.getByRole('button', { name: 'Bearbeiten' }).waitFor();
      await expect(leftoverEnglish(page, 'de')).resolves.toEqual([]);

      for (const path of ['/', `/portal/${key}`, '/admin', '/project/IT/settings']) {
        await page.goto(hostUrl(sandbox.url, path, de));
        await expect(leftoverEnglish(page, 'de').then((left) => [path, left])).resolves.toEqual([path, []]);
      }

      // The bar's language switch: the chrome is written for a language, so the page comes again in Danish.
      await page.goto(hostUrl(sandbox.url, `/issue/${key}`, de));
      await page.getByLabel('Sprache').selectOption('da-DK');
      await page.getByRole('heading', { name: 'Aktivitet', exact: true }).waitFor();
      await page
        .getByTestId('history-change')
        .filter({ hasText: 'ændrede Ansvarlig fra Ingen til' })
        .waitFor();
      await expect(leftoverEnglish(page, 'da')).resolves.toEqual([]);
      expect(new URL(page.url()).searchParams.get('locale')).toBe('da-DK');
    },
    120_000,
  );

  sandbox.test(
    'a language the chrome is not written in is English throughout, its dates too',
    async (page) => {
      await page.goto(hostUrl(sandbox.url, '/outbox', { locale: 'fr-FR' }));
      await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en-US');
      await page
        .getByTestId('clock')
        .filter({ hasText: /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Nov|Dec) \d{1,2}, \d{1,2}:\d{2} (AM|PM)/ })
        .waitFor();
    },
  );
});
