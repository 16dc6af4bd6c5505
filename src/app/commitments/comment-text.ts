import { isKnownZone } from '../../engine/time/zone';
import type { CommitmentPurpose } from '../resolvers/portal-routes';

/**
 * The public comment that tells an external customer what the SLA commits to: in their language and zone, with
 * only what the portal would show them (each commitment's purpose, or the metric's own name where the purpose has
 * no words, and its deadline). This is a backend text, since Jira shows the comment as written: the one place
 * Accord's backend writes words for people, in English, German and Danish.
 */

/** One commitment as the customer reads it. */
export interface CommittedTime {
  readonly purpose: CommitmentPurpose;
  /** The metric's name as the admin wrote it, for `other`. */
  readonly name: string;
  /** Epoch ms. */
  readonly deadline: number;
}

type Language = 'en' | 'de' | 'da';

interface Words {
  readonly first: (key: string) => string;
  readonly moved: (key: string) => string;
  readonly response: (at: string) => string;
  readonly resolution: (at: string) => string;
  readonly other: (name: string, at: string) => string;
}

const WORDS: Readonly<Record<Language, Words>> = {
  en: {
    first: (key) => `Thank you for your request ${key}. Here is what we commit to:`,
    moved: (key) => `Our commitments for your request ${key} have changed:`,
    response: (at) => `We will respond by ${at}.`,
    resolution: (at) => `We will resolve your request by ${at}.`,
    other: (name, at) => `${name}: by ${at}.`,
  },
  de: {
    first: (key) => `Vielen Dank für Ihre Anfrage ${key}. Das sagen wir Ihnen zu:`,
    moved: (key) => `Unsere Zusagen zu Ihrer Anfrage ${key} haben sich geändert:`,
    response: (at) => `Wir antworten bis ${at}.`,
    resolution: (at) => `Wir lösen Ihre Anfrage bis ${at}.`,
    other: (name, at) => `${name}: bis ${at}.`,
  },
  da: {
    first: (key) => `Tak for din henvendelse ${key}. Det lover vi dig:`,
    moved: (key) => `Vores tilsagn for din henvendelse ${key} er ændret:`,
    response: (at) => `Vi svarer senest ${at}.`,
    resolution: (at) => `Vi løser din henvendelse senest ${at}.`,
    other: (name, at) => `${name}: senest ${at}.`,
  },
};

/** The language of a BCP 47 locale Accord writes in; English for any other. */
function languageOf(locale: string): Language {
  const language = locale.slice(0, 2).toLowerCase();
  return language === 'de' || language === 'da' ? language : 'en';
}

/** A locale `Intl` accepts: the customer's, else British English (24-hour times, unambiguous dates). */
function usableLocale(locale: string | undefined): string {
  if (locale === undefined) return 'en-GB';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/**
 * The comment's text, one commitment a line.
 * @example commitmentText({ issueKey: 'IT-7', locale: 'de-DE', timeZone: 'Europe/Berlin', moved: false, commitments })
 * // 'Vielen Dank für Ihre Anfrage IT-7. Das sagen wir Ihnen zu:\n- Wir antworten bis Dienstag, 3. März um 17:00 MEZ.'
 */
export function commitmentText(input: {
  readonly issueKey: string;
  /** The customer's locale (BCP 47), if their profile tells it. */
  readonly locale: string | undefined;
  /** The zone to write times in: the customer's, else the goal calendar's. */
  readonly timeZone: string;
  /** Whether this follows an earlier comment (a committed time moved). */
  readonly moved: boolean;
  readonly commitments: readonly CommittedTime[];
}): string {
  const locale = usableLocale(input.locale);
  const words = WORDS[languageOf(locale)];
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: isKnownZone(input.timeZone) ? input.timeZone : 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const lines = input.commitments.map((c) => {
    const at = format.format(c.deadline);
    if (c.purpose === 'response') return words.response(at);
    if (c.purpose === 'resolution') return words.resolution(at);
    return words.other(c.name, at);
  });
  const head = input.moved ? words.moved(input.issueKey) : words.first(input.issueKey);
  return [head, ...lines.map((line) => `- ${line}`)].join('\n');
}
