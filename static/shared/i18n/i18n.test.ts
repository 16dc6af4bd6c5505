import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { catalogueLookup, createI18n } from './i18n';

const catalogue = {
  shared: { retry: 'Try again', hello: 'shared hello' },
  panel: {
    hello: 'Hello {name}',
    cycles: { one: '{count} cycle', other: '{count} cycles' },
    plain: 'Count {count}',
  },
};
const german = {
  panel: { hello: 'Hallo {name}', cycles: { one: '{count} Zyklus', other: '{count} Zyklen' } },
};

describe('createI18n', () => {
  const en = createI18n('en-US', 'panel', catalogueLookup(catalogue));

  it('fills placeholders, formatting numbers for the locale', () => {
    expect(en.t('hello', { name: 'Ada' })).toBe('Hello Ada');
    expect(en.t('plain', { count: 12345 })).toBe('Count 12,345');
    expect(createI18n('de-DE', 'panel', catalogueLookup(catalogue)).t('plain', { count: 12345 })).toBe(
      'Count 12.345',
    );
  });

  it('chooses the plural form for the count', () => {
    expect(en.t('cycles', { count: 1 })).toBe('1 cycle');
    expect(en.t('cycles', { count: 2 })).toBe('2 cycles');
    expect(en.t('cycles', { count: 0 })).toBe('0 cycles');
  });

  it('looks in the UI namespace, then shared, then the fallback locale', () => {
    const de = createI18n('de-DE', 'panel', catalogueLookup(german, catalogue));
    expect(de.t('hello', { name: 'Ada' })).toBe('Hallo Ada');
    expect(de.t('cycles', { count: 3 })).toBe('3 Zyklen');
    expect(de.t('retry')).toBe('Try again');
    expect(en.t('hello')).toBe('Hello {name}');
  });

  it('shows a missing key as itself rather than a blank', () => {
    expect(en.t('nowhere.to.be.found')).toBe('nowhere.to.be.found');
  });
});

describe('the catalogues', () => {
  it('have in German and Danish exactly the keys, placeholders and plurals of English', () => {
    const script = join(__dirname, '..', '..', '..', 'scripts', 'build-locales.mjs');
    expect(execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' })).toMatch(/^checked/);
  });
});
