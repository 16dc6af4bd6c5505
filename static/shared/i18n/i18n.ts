/**
 * Translated text for the Custom UIs, through Forge's translations: the manifest's `translations` resources
 * (`locales/<locale>.json`, merged by `npm run build:ui` from each UI's `static/<ui>/locales/` and
 * `static/shared/locales/`), which `@forge/bridge` fetches for the user's Jira locale with the manifest's
 * fallback. Every catalogue nests its UI's messages under the UI's name and the shared ones under `shared`.
 *
 * A message is plain text with `{name}` placeholders. A message that depends on a count is an object of
 * plural categories (`one`, `other`, and whatever else the language needs: `few`, `many`, …), chosen with
 * `Intl.PluralRules` for `{count}`. Numbers in placeholders are formatted for the locale.
 */

/** Finds a message by its dotted key (`issue-panel.state.paused`) in the user's locale or its fallbacks. */
export type Lookup = (key: string) => string | null;

/** A message's placeholder values. */
export type Values = Readonly<Record<string, string | number>>;

/** The dotted keys of a catalogue's messages; a plural message is one key. */
export type MessageKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : T[K] extends { readonly other: string }
      ? `${Prefix}${K}`
      : MessageKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Translates the keys of one UI (type `K`), looking in its own namespace first, then in `shared`. */
export interface I18n<K extends string = string> {
  /** The BCP 47 locale the text is in, also the one to format dates and numbers with. */
  readonly locale: string;
  readonly t: (key: K, values?: Values) => string;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/**
 * Builds the translator of the UI named `namespace` over `lookup`. A key no catalogue has comes out as the key
 * itself, so a missing translation shows (and a test catches it) instead of leaving a blank.
 *
 * @example createI18n('de-DE', 'issue-panel', lookup).t('timeLeft', { duration: '2 Std.' }) === '2 Std. übrig'
 */
export function createI18n<K extends string>(locale: string, namespace: string, lookup: Lookup): I18n<K> {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const find = (key: string): string | null => lookup(`${namespace}.${key}`) ?? lookup(`shared.${key}`);

  const pick = (key: string, values: Values | undefined): string | null => {
    const count = values?.count;
    if (typeof count !== 'number') return find(key);
    const category = plurals.select(count);
    return find(`${key}.${category}`) ?? find(`${key}.other`) ?? find(key);
  };

  return {
    locale,
    t: (key, values) => {
      const message = pick(key, values);
      if (message === null) return key;
      if (values === undefined) return message;
      return message.replace(PLACEHOLDER, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? numbers.format(value) : value;
      });
    },
  };
}

/** A nested catalogue, as the JSON files hold it. */
export interface Catalogue {
  readonly [key: string]: string | Catalogue;
}

/**
 * A lookup over catalogues held in memory, the first that has a key winning: for tests and for the sandbox's
 * checks, where there is no Forge host to fetch `__LOCALES__` from.
 */
export function catalogueLookup(...catalogues: readonly Catalogue[]): Lookup {
  return (key) => {
    for (const catalogue of catalogues) {
      let node: string | Catalogue | undefined = catalogue;
      for (const part of key.split('.')) {
        node = typeof node === 'object' ? node[part] : undefined;
        if (node === undefined) break;
      }
      if (typeof node === 'string') return node;
    }
    return null;
  };
}

export { PLURAL_CATEGORIES };
