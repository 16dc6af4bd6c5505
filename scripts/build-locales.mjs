/**
 * Forge's translations come from one file per locale (the manifest's `translations.resources`,
 * `locales/<locale>.json`). Each Custom UI keeps its own messages beside its code, in
 * `static/<name>/locales/<locale>.json`, and the shared ones are in `static/shared/locales/`; this merges them
 * into `locales/<locale>.json` under each UI's name (`shared` for the shared ones), after checking that every
 * locale has exactly the keys, placeholders and plural forms of English.
 *
 *   node scripts/build-locales.mjs           # also run by npm run build:ui
 *   node scripts/build-locales.mjs --check   # only checks (the catalogue test runs this)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALES = ['en-US', 'de-DE', 'da-DK'];
export const SOURCE_LOCALE = 'en-US';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'static');
const PLURAL = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** The folders with messages: `shared` and every UI, by namespace. */
export function namespaces() {
  return fs
    .readdirSync(staticDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(staticDir, entry.name, 'locales')))
    .map((entry) => entry.name)
    .sort();
}

function readCatalogue(namespace, locale) {
  const file = path.join('static', namespace, 'locales', `${locale}.json`);
  let text;
  try {
    text = fs.readFileSync(path.join(root, file), 'utf8');
  } catch {
    throw new Error(`${file} is missing: every UI has messages in ${LOCALES.join(', ')}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const isPlural = (node) =>
  typeof node === 'object' &&
  node !== null &&
  'other' in node &&
  Object.keys(node).every((k) => PLURAL.has(k));
const placeholders = (text) =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Each message's placeholders by dotted key; a plural message's forms share theirs, plus `count`. */
function shape(node, where, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(node)) {
    const dotted = `${prefix}${key}`;
    if (typeof value === 'string') out.set(dotted, placeholders(value));
    else if (isPlural(value)) {
      for (const [form, text] of Object.entries(value)) {
        if (typeof text !== 'string') throw new Error(`${where}: ${dotted}.${form} is not text`);
      }
      out.set(dotted, placeholders(value.other));
    } else if (typeof value === 'object' && value !== null) shape(value, where, `${dotted}.`, out);
    else throw new Error(`${where}: ${dotted} is neither text nor a group of messages`);
  }
  return out;
}

/** The problems of `locale`'s catalogue of `namespace` against English, one line each. */
export function compare(namespace, locale) {
  const where = `static/${namespace}/locales/${locale}.json`;
  const english = shape(readCatalogue(namespace, SOURCE_LOCALE), `static/${namespace}/locales/en-US.json`);
  const other = shape(readCatalogue(namespace, locale), where);
  const problems = [];
  for (const [key, names] of english) {
    if (!other.has(key)) problems.push(`${where}: ${key} is missing`);
    else if (other.get(key) !== names)
      problems.push(`${where}: ${key} has placeholders {${other.get(key)}}, English has {${names}}`);
  }
  for (const key of other.keys()) if (!english.has(key)) problems.push(`${where}: ${key} is not in English`);
  return problems;
}

/** Checks every catalogue against English; throws with every problem found. Returns the namespaces. */
export function checkLocales() {
  const names = namespaces();
  const problems = names.flatMap((ns) =>
    LOCALES.filter((l) => l !== SOURCE_LOCALE).flatMap((l) => compare(ns, l)),
  );
  if (problems.length > 0) throw new Error(`translations do not match English:\n  ${problems.join('\n  ')}`);
  return names;
}

/** Checks every catalogue and writes `locales/<locale>.json`; throws with every problem found. */
export function buildLocales() {
  const names = checkLocales();
  fs.mkdirSync(path.join(root, 'locales'), { recursive: true });
  for (const locale of LOCALES) {
    const merged = Object.fromEntries(names.map((ns) => [ns, readCatalogue(ns, locale)]));
    fs.writeFileSync(path.join(root, 'locales', `${locale}.json`), `${JSON.stringify(merged, null, 2)}\n`);
  }
  return names;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const check = process.argv.includes('--check');
    const names = check ? checkLocales() : buildLocales();
    const did = check ? 'checked' : 'wrote locales/';
    process.stdout.write(`${did}: ${LOCALES.join(', ')} of ${names.join(', ')}\n`);
  } catch (error) {
    process.stderr.write(`build-locales: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
