import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { LOCALE } from './bridge';
import { HttpError, sendJson } from './http';

/**
 * Forge's translations as a deployed Custom UI finds them. The Forge CLI copies the manifest's
 * `translations.resources` into each resource's `__LOCALES__/` folder at deploy, with an `i18n-info.json` that
 * lists them; `@forge/bridge`'s `getTranslations` and `createTranslationFunction` fetch
 * `./__LOCALES__/i18n-info.json` and `./__LOCALES__/<locale>.json` relative to the frame
 * (`node_modules/@forge/bridge/out/i18n/index.js`). The sandbox answers both from the repository's `locales/`,
 * which `npm run build:ui` writes, so a UI served under `/ui/<name>/` translates as it would on a site.
 */

/** The folder of the repository's translation files, one `<locale>.json` per locale. */
export const LOCALES_DIR = 'locales';
/** What the sandbox falls back to, as the manifest's `translations.fallback.default` says. */
const FALLBACK = 'en-US';

/**
 * `@forge/i18n`'s `I18nInfo`: `translations` holds the manifest's own translated texts (none in the sandbox);
 * `config` is what its `TranslationsGetter` reads: the locales there are files for, and the fallback order.
 */
export interface I18nInfo {
  readonly translations: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly config: {
    readonly locales: readonly string[];
    readonly fallback: { readonly default: string };
  };
}

/** The locales `<root>/locales/` has a file for, sorted; empty when there is no such folder. */
export function availableLocales(root: string): string[] {
  const dir = join(root, LOCALES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && LOCALE.test(file.slice(0, -'.json'.length)))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** The `i18n-info.json` Forge would deploy beside the translation files. */
export function i18nInfo(root: string): I18nInfo {
  return { translations: {}, config: { locales: availableLocales(root), fallback: { default: FALLBACK } } };
}

/**
 * `GET /ui/<name>/__LOCALES__/<file>`: `i18n-info.json`, or one locale's translations. Refused with a 404
 * that says what to build when there are no translation files, and with a 404 for a locale without one (as
 * Forge's CDN would; `@forge/i18n` only asks for the locales `i18n-info.json` lists).
 */
export function sendLocaleFile(res: ServerResponse, root: string, file: string): void {
  const locales = availableLocales(root);
  if (locales.length === 0) {
    throw new HttpError(
      404,
      'not-built',
      `The sandbox has no translations: ${LOCALES_DIR}/ is missing or empty; run \`npm run build:ui\` (npm start does), which builds it from static/*/locales.`,
    );
  }
  if (file === 'i18n-info.json') {
    sendJson(res, 200, i18nInfo(root));
    return;
  }
  const locale = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
  if (!locales.includes(locale)) {
    throw new HttpError(
      404,
      'not-found',
      `There are no translations in ${LOCALES_DIR}/${file}; there are ${locales.join(', ')}.`,
    );
  }
  const text = readFileSync(join(root, LOCALES_DIR, `${locale}.json`), 'utf8');
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    // Rebuilt while the sandbox runs: never cached.
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
