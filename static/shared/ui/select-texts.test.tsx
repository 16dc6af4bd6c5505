/**
 * @jest-environment jsdom
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Select from '@atlaskit/select';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createI18n } from '../i18n/i18n';
import { I18nProvider } from '../i18n/use-i18n';
import { testTranslations } from '../testing/translations';
import { useSelectTexts } from './select-texts';

const PRIORITIES = [
  { label: 'Hoch', value: 'high' },
  { label: 'Niedrig', value: 'low' },
];

function Priority() {
  return (
    <>
      <label htmlFor="priority">Priorität</label>
      {/* jsdom counts as a touch device, where a select lets go of focus on a choice and says nothing. */}
      <Select {...useSelectTexts()} inputId="priority" options={PRIORITIES} blurInputOnSelect={false} />
    </>
  );
}

/** The select in `locale`; what its live region (`role="status"`) says, without Atlaskit's hidden styling. */
async function priorityIn(locale: string) {
  const i18n = createI18n(locale, 'admin', await testTranslations(locale));
  render(
    <I18nProvider i18n={i18n}>
      <Priority />
    </I18nProvider>,
  );
  const user = userEvent.setup();
  const input = screen.getByLabelText('Priorität');
  const status = () => (document.querySelector('[role="status"]')?.textContent ?? '').trim();
  return { user, input, status };
}

describe('an Atlaskit select, in the user’s language', () => {
  it('says “no options”, the results and the choice in German', async () => {
    const { user, input, status } = await priorityIn('de-DE');
    await user.type(input, 'xyz');
    expect(await screen.findByText('Keine Optionen')).toBeTruthy();

    await user.clear(input);
    await user.type(input, 'Ho');
    expect(status()).toContain('1 Ergebnis verfügbar für den Suchbegriff Ho.');
    await user.keyboard('{Enter}');
    await waitFor(() => {
      expect(status()).toContain('Option Hoch ausgewählt.');
    });
    expect(status()).not.toMatch(/selected|results? available|search term/);
  });

  it('and in Danish', async () => {
    const { user, input, status } = await priorityIn('da-DK');
    await user.type(input, 'i');
    expect(status()).toContain('2 resultater tilgængelige for søgeordet i.');
  });
});

describe('every Atlaskit select of the UIs', () => {
  it('is given the texts (a new one that forgets would speak English)', () => {
    const root = join(__dirname, '..', '..');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (f) =>
        f.endsWith('.tsx') && !f.endsWith('.test.tsx') && !f.includes('node_modules') && !f.includes('dist'),
    );
    const bare: string[] = [];
    for (const file of sources) {
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*<Select\b/.test(line) && !(lines[i + 1] ?? '').includes('{...selectText}')) {
          bare.push(`${file}:${String(i + 1)}`);
        }
      });
    }
    expect(sources.length).toBeGreaterThan(50);
    expect(bare).toEqual([]);
  });
});
