import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueLookup, createI18n, type Catalogue } from './i18n';
import { jobFailureText } from './job-failure-text';
import type { SharedKey } from './refusal-text';

/** Each locale's own shared catalogue, without the English fallback. */
const only = (locale: string) =>
  createI18n<SharedKey>(
    locale,
    'ui',
    catalogueLookup({
      shared: JSON.parse(
        readFileSync(join(__dirname, '..', 'locales', `${locale}.json`), 'utf8'),
      ) as Catalogue,
    }),
  );

describe('jobFailureText', () => {
  it.each([
    ['en-US', 'no progress for 31 minutes', 'a step failed 1 time (ForgeSQLError)'],
    ['de-DE', 'seit 31 Minuten kein Fortschritt', 'ein Schritt ist 1-mal fehlgeschlagen (ForgeSQLError)'],
    ['da-DK', 'ingen fremskridt i 31 minutter', 'et trin fejlede 1 gang (ForgeSQLError)'],
  ])('words why a recalculation stopped in %s', (locale, stalled, stepFailed) => {
    const i18n = only(locale);
    expect(jobFailureText({ code: 'stalled', params: { minutes: 31 } }, i18n)).toBe(stalled);
    expect(jobFailureText({ code: 'step-failed', params: { reason: 'ForgeSQLError', times: 1 } }, i18n)).toBe(
      stepFailed,
    );
    expect(jobFailureText({ code: 'unknown', params: { error: 'as stored' } }, i18n)).toBe('as stored');
  });
});
