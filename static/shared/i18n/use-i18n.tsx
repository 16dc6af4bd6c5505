import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Failure } from '../api/reply';
import type { Backend } from '../backend';
import { createI18n, type I18n } from './i18n';

/** The translations of one UI as they load: nothing yet, ready, or a failure to show. */
export type I18nState<K extends string> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly i18n: I18n<K> }
  | { readonly status: 'failed'; readonly error: Failure };

/**
 * Loads the translations of the UI named `namespace` for `locale` (null while the locale is not known yet).
 * A failure keeps its reason, for the one message a UI shows in English because it has no other text.
 */
export function useTranslations<K extends string>(
  backend: Backend,
  locale: string | null,
  namespace: string,
): I18nState<K> {
  const [state, setState] = useState<I18nState<K>>({ status: 'loading' });
  useEffect(() => {
    if (locale === null) return undefined;
    let active = true;
    backend.translations(locale).then(
      (lookup) => {
        if (active) setState({ status: 'ready', i18n: createI18n<K>(locale, namespace, lookup) });
      },
      (error: unknown) => {
        if (!active) return;
        const detail = error instanceof Error ? ` (${error.message})` : '';
        setState({
          status: 'failed',
          error: { code: 'internal', message: `Accord could not load its text${detail}. Reload the page.` },
        });
      },
    );
    return () => {
      active = false;
    };
  }, [backend, locale, namespace]);
  return state;
}

const I18nContext = createContext<I18n | null>(null);

/** Gives the components below it their UI's translations. */
export function I18nProvider(props: { readonly i18n: I18n; readonly children: ReactNode }) {
  return <I18nContext.Provider value={props.i18n}>{props.children}</I18nContext.Provider>;
}

/**
 * The translations given by the nearest {@link I18nProvider}, typed with the UI's keys `K`: each UI exports its
 * own `useT = () => useI18n<Keys>()`.
 */
export function useI18n<K extends string>(): I18n<K> {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n needs an I18nProvider above it');
  return i18n;
}
