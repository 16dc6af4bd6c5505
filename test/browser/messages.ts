import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './chromium';

/**
 * A Custom UI's words in a locale, read from its `static/<ui>/locales/<locale>.json` (what Forge serves it), so
 * a browser test that runs in English and in German finds a button by the same key in both: `say('tabs.jobs')`
 * is "Recalculation" in en-US and "Neuberechnung" in de-DE. `{name}` placeholders are filled from `params`.
 */
export type Say = (key: string, params?: Readonly<Record<string, string | number>>) => string;

const cache = new Map<string, Record<string, unknown>>();

/** The words of `ui` (a folder of static/) in `locale` (`en-US`, `de-DE`, `da-DK`). */
export function messagesOf(ui: string, locale: string): Say {
  const file = join(ROOT, 'static', ui, 'locales', `${locale}.json`);
  let table = cache.get(file);
  if (table === undefined) {
    table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    cache.set(file, table);
  }
  const words = table;
  return (key, params = {}) => {
    let value: unknown = words;
    for (const part of key.split('.')) {
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (typeof value !== 'string') throw new Error(`${file} has no message ${key}.`);
    return value.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
  };
}
