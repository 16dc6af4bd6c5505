import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Backend, UiContext } from '../backend';
import { createI18n, type I18n } from './i18n';

/**
 * A failure before the UI has its text (its context or translations did not come). Not a resolver's reply, so
 * it has no reason to word: the UI words it without its catalogues (see {@link textFailed}).
 */
export interface StartFailure {
  readonly code: 'internal';
  readonly message: string;
}

/** The translations of one UI as they load: nothing yet, ready, or a failure to show. */
export type I18nState<K extends string> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly i18n: I18n<K> }
  | { readonly status: 'failed'; readonly error: StartFailure };

/**
 * The one sentence a UI says when its catalogues did not come, in the languages it has catalogues for (written
 * here, since they are what did not load); any other locale reads English, as its catalogues would.
 */
const TEXT_FAILED: Readonly<Record<string, (detail: string) => string>> = {
  en: (detail) => `Accord could not load its text${detail}. Reload the page.`,
  de: (detail) => `Accord konnte seine Texte nicht laden${detail}. Laden Sie die Seite neu.`,
  da: (detail) => `Accord kunne ikke indlæse sine tekster${detail}. Genindlæs siden.`,
};

/** {@link TEXT_FAILED}'s sentence for `locale` (`de-DE`, `da`), with the reason as ` (reason)` or nothing. */
export function textFailed(locale: string, detail: string): string {
  const language = locale.split(/[-_]/u)[0]?.toLowerCase() ?? '';
  return (TEXT_FAILED[language] ?? TEXT_FAILED.en ?? String)(detail);
}

/**
 * Loads the translations of the UI named `namespace` for `locale` (null while the locale is not known yet).
 * A failure keeps its reason, for the one message a UI shows without its catalogues ({@link textFailed}).
 */
function useTranslations<K extends string>(
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
          error: { code: 'internal', message: textFailed(locale, detail) },
        });
      },
    );
    return () => {
      active = false;
    };
  }, [backend, locale, namespace]);
  return state;
}

/** What a UI needs before its first real render: where it is (the host's context) and its text. */
export type UiStart<K extends string> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly context: UiContext; readonly i18n: I18n<K> }
  | { readonly status: 'failed'; readonly error: StartFailure };

/**
 * Asks the host where the UI is, then loads its translations in the user's locale (see {@link useTranslations}).
 * `contextFailed` words, in English, the failure to learn the context, given the host's own reason as
 * ` (reason)` or nothing: until the UI has its text, it can only tell a failure in the language it was written in.
 * @example const start = useUiStart(backend, 'portal', (detail) => `Jira did not say which request this is${detail}.`);
 */
export function useUiStart<K extends string>(
  backend: Backend,
  namespace: string,
  contextFailed: (detail: string) => string,
): UiStart<K> {
  const [context, setContext] = useState<UiContext | null>(null);
  const [contextError, setContextError] = useState<StartFailure | null>(null);
  // The wording is the caller's, read when the failure comes: a new function each render does not ask again.
  const [describe] = useState(() => contextFailed);
  useEffect(() => {
    let active = true;
    backend.context().then(
      (c) => {
        if (active) setContext(c);
      },
      (error: unknown) => {
        if (!active) return;
        const detail = error instanceof Error ? ` (${error.message})` : '';
        setContextError({ code: 'internal', message: describe(detail) });
      },
    );
    return () => {
      active = false;
    };
  }, [backend, describe]);
  const translations = useTranslations<K>(backend, context?.locale ?? null, namespace);
  // Screen readers pronounce the page in the language its document says (index.html says `en`): once the text
  // is in the user's language, so is the document.
  const language = translations.status === 'ready' ? translations.i18n.locale : null;
  useEffect(() => {
    if (language !== null) document.documentElement.lang = language;
  }, [language]);
  if (contextError) return { status: 'failed', error: contextError };
  if (translations.status === 'failed') return translations;
  if (context === null || translations.status === 'loading') return { status: 'loading' };
  return { status: 'ready', context, i18n: translations.i18n };
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
