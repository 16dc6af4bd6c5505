import type { PayloadOf, Reply, ReplyOf, RouteName } from '../../src/app/resolvers/contract';
import type { Lookup } from './i18n/i18n';

/**
 * What a Custom UI needs from its host, as one small port: the Forge bridge in Jira (forge-backend.ts), a
 * fake in tests, the sandbox's bridge in `npm start`. UI code takes it as a parameter and never imports
 * `@forge/bridge` itself, so its tests need no module mocks.
 */
export interface Backend {
  /**
   * Calls a resolver route (`issue/metrics`, …) with the payload its schema takes; resolves to the reply its
   * handler declares (src/app/resolvers/contract.ts). Never rejects: every failure is an envelope.
   */
  call<R extends RouteName>(route: R, payload: PayloadOf<R>): Promise<Reply<ReplyOf<R>>>;
  /** Who is looking, where, and how they read dates. */
  context(): Promise<UiContext>;
  /**
   * Listens on a realtime channel; resolves to a function that stops listening. Rejects when realtime is not
   * available, in which case the UI relies on refetching.
   */
  subscribe(channel: string, onEvent: () => void): Promise<() => void>;
  /**
   * The app's translations for `locale` (a BCP 47 tag such as `de-DE`) with the manifest's fallbacks (English
   * last). Rejects when the host has none to give.
   */
  translations(locale: string): Promise<Lookup>;
  /**
   * Saves a dashboard gadget's configuration (from its edit view) and lets Jira show the gadget with it.
   * Rejects when the host refuses it.
   */
  submitGadget(configuration: Readonly<Record<string, unknown>>): Promise<void>;
}

export interface GadgetContext {
  readonly entryPoint: 'view' | 'edit';
  /** Whatever the gadget saved with {@link Backend.submitGadget}; empty on a new gadget. */
  readonly configuration: Readonly<Record<string, unknown>>;
}

export interface UiContext {
  /** The issue of an issue view or portal request, as Jira's numeric id. */
  readonly issueId: string | null;
  /** The project of a project settings page (or of the issue), by key. */
  readonly projectKey: string | null;
  /** The Atlassian account of the user. */
  readonly accountId: string | null;
  /** A dashboard gadget's saved configuration and whether it opened to view or to edit it; null elsewhere. */
  readonly gadget: GadgetContext | null;
  /** A BCP 47 locale tag (`en-US`, `de-DE`, `da-DK`), from the user's Jira profile. */
  readonly locale: string;
  /** The user's IANA time zone, from their Jira profile. */
  readonly timeZone: string;
}

/** The languages Accord's text is written in (the `locales` folders of the UIs); any other is shown entirely in English. */
export const TEXT_LANGUAGES: readonly string[] = ['en', 'de', 'da'];
/** The locale of the English catalogue, which Forge falls back to (`manifest.yml`, `translations.fallback`). */
export const FALLBACK_LOCALE = 'en-US';

/**
 * Jira names locales `en_US`; Intl wants `en-US`. A locale in a language Accord has no text in becomes English
 * as a whole, dates and numbers too: a French user reads "Dec 7, 2026, 2:00 PM" beside English words, not
 * "7 déc. 2026" in an English sentence. Anything Intl cannot read is English too.
 * @example toLocaleTag('de_DE') === 'de-DE'
 * @example toLocaleTag('fr_FR') === 'en-US'
 */
export function toLocaleTag(raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') return FALLBACK_LOCALE;
  try {
    const tag = Intl.getCanonicalLocales(raw.replace(/_/g, '-'))[0];
    if (tag === undefined) return FALLBACK_LOCALE;
    return TEXT_LANGUAGES.includes(new Intl.Locale(tag).language) ? tag : FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/**
 * The user's zone if Intl knows it, else the browser's own: a date shown in the browser's zone is better than
 * none, and Jira profiles always carry a zone in practice.
 * @example toTimeZone('Europe/Copenhagen') === 'Europe/Copenhagen'
 */
export function toTimeZone(raw: unknown): string {
  if (typeof raw === 'string' && raw !== '') {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
    } catch {
      // not a zone this browser knows: fall through
    }
  }
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
