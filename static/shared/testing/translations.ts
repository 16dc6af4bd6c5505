import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueLookup, type Catalogue, type Lookup } from '../i18n/i18n';

const STATIC = join(__dirname, '..', '..');

function catalogueOf(locale: string): Catalogue | null {
  const merged: Record<string, Catalogue> = {};
  for (const namespace of readdirSync(STATIC)) {
    const file = join(STATIC, namespace, 'locales', `${locale}.json`);
    if (existsSync(file)) merged[namespace] = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
  }
  return Object.keys(merged).length > 0 ? merged : null;
}

/**
 * The translations a Forge host would give for `locale`, read from the UIs' own catalogues (what
 * `npm run build:ui` merges into `locales/`), falling back to English as the manifest does: for a fake
 * {@link Backend}'s `translations`.
 */
export function testTranslations(locale: string): Promise<Lookup> {
  const own = catalogueOf(locale);
  const english = catalogueOf('en-US');
  if (english === null) return Promise.reject(new Error('no English catalogue under static/*/locales'));
  return Promise.resolve(own === null ? catalogueLookup(english) : catalogueLookup(own, english));
}
