import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFUSAL_CODES } from '../../../src/app/resolvers/envelope';
import type { Failure, RefusalParams, RefusalReason } from '../api/reply';
import { catalogueLookup, createI18n, type Catalogue } from './i18n';
import { refusalText, type SharedKey } from './refusal-text';

const LOCALES = ['en-US', 'de-DE', 'da-DK'] as const;
const shared = (locale: string): Catalogue =>
  JSON.parse(readFileSync(join(__dirname, '..', 'locales', `${locale}.json`), 'utf8')) as Catalogue;

/**
 * Each locale's own shared catalogue and nothing else: no English fallback, so a missing wording shows as its
 * key instead of hiding behind the English one.
 */
const only = (locale: string) =>
  createI18n<SharedKey>(locale, 'ui', catalogueLookup({ shared: shared(locale) }));

/**
 * Values for every reason, each variant of its sentence once (with and without a version, no groups and some):
 * a reason missing here fails to compile, and the test below fails for a reason the server has but this lacks.
 */
const SAMPLES: { readonly [R in RefusalReason]: readonly RefusalParams[R][] } = {
  'licensed-only': [{}],
  'admin-only': [{}],
  'project-admin-only': [{ projectKey: 'IT' }],
  'issue-not-visible': [{}],
  'report-admin-only': [{}],
  'project-not-visible': [{ projectKey: 'IT' }],
  'request-not-shared': [{}],
  'adjuster-only': [{ groups: [] }, { groups: ['sla-leads', 'managers'] }],
  'version-conflict': [
    { kind: 'calendar', version: 3 },
    { kind: 'agreement', version: 3 },
  ],
  'version-race': [{ kind: 'calendar' }, { kind: 'agreement' }],
  'placement-conflict': [{ projectKey: 'IT' }],
  'calendar-unknown': [{ id: 'berlin' }, { id: 'berlin', version: 4 }],
  'calendar-invalid': [{}],
  'calendar-in-use': [{ id: 'berlin', agreements: ['Gold support', 'NetCo'] }],
  'ics-unreadable': [{}],
  'agreement-unknown': [{ ids: ['gold'] }, { ids: ['gold', 'silver'] }, { ids: ['gold'], version: 2 }],
  'agreement-invalid': [{}],
  'agreement-fields-unknown': [{}],
  'draft-invalid': [{}],
  'draft-fields-unknown': [{}],
  'draft-uncompilable': [{}],
  'agreements-incompatible': [{}],
  'configuration-invalid': [{}],
  'metric-unknown': [{ agreementId: 'gold', metricId: 'ttr' }],
  'job-unknown': [{ jobId: 'job-1' }],
  'jql-invalid': [{}],
  'cursor-invalid': [{}],
  'holiday-years': [{ max: 5, fromYear: 2026, toYear: 2040 }],
  'holiday-region-unknown': [{ region: 'XX' }],
  'time-zone-unknown': [{ zone: 'Mars/Olympus' }],
  'date-invalid': [{ text: '2026-13-01' }],
  'issue-not-measured': [{}],
  'agreement-not-applicable': [{ agreementId: 'gold' }],
  'metric-not-measured': [{ agreementId: 'gold', metricId: 'ttr' }],
  'metric-gone': [{ metricId: 'ttr' }],
  'cycle-not-running': [{ metricId: 'ttr' }],
  'cycle-without-target': [{ metricId: 'ttr' }],
  'cycle-unknown': [{ metricId: 'ttr' }],
  'cycle-not-breached': [{}],
  'breach-excused': [{}],
  'clock-paused': [{}],
  'extension-not-after-deadline': [{ deadline: '2026-03-02T10:00:00Z' }],
  'route-unknown': [{ route: 'x/y' }],
  'payload-invalid': [
    { route: 'x/y', path: '' },
    { route: 'x/y', path: '$.id' },
  ],
  'jira-failed': [{ detail: '503' }],
  'internal-error': [{ detail: 'boom' }],
  'caller-unknown': [{}],
  'setting-up': [{}],
  unreachable: [{ detail: '' }, { detail: 'timeout' }],
};

const SERVER = '(the server’s English)';
const failure = (reason: RefusalReason, params: unknown): Failure =>
  ({ code: REFUSAL_CODES[reason], reason, params, message: SERVER }) as Failure;

const cases = Object.keys(REFUSAL_CODES).flatMap((reason) =>
  LOCALES.map((locale) => [reason, locale] as const),
);

describe('refusalText', () => {
  it('has values to try for every reason the server gives', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(REFUSAL_CODES).sort());
  });

  it.each(cases)('words %s in %s, every variant, with every value filled', (reason, locale) => {
    const i18n = only(locale);
    const samples = (SAMPLES as Readonly<Record<string, readonly unknown[]>>)[reason] ?? [];
    expect(samples.length).toBeGreaterThan(0);
    for (const params of samples) {
      const text = refusalText(failure(reason as RefusalReason, params), i18n);
      // A missing message comes out as its key; a placeholder the values did not fill, in braces.
      expect([reason, params, text]).toEqual([
        reason,
        params,
        expect.not.stringMatching(/refusal\.|\{\w+\}/),
      ]);
      expect(text).not.toBe(SERVER);
    }
  });

  it('tells German and Danish users in their language, naming the values the refusal carries', () => {
    const params = { kind: 'agreement', version: 7 };
    expect(refusalText(failure('version-conflict', params), only('de-DE'))).toBe(
      'Diese Vereinbarung wurde von jemand anderem geändert (jetzt Version 7); laden Sie sie neu und versuchen Sie es erneut.',
    );
    expect(
      refusalText(failure('calendar-in-use', { id: 'berlin', agreements: ['Gold', 'NetCo'] }), only('da-DK')),
    ).toBe('Kalenderen »berlin« bruges af »Gold« og »NetCo«; ret dem først.');
    expect(refusalText(failure('agreement-unknown', { ids: ['a', 'b'] }), only('de-DE'))).toBe(
      'Es gibt keine Vereinbarungen „a“ und „b“.',
    );
    // Years as written, never grouped as thousands.
    expect(refusalText(failure('holiday-years', SAMPLES['holiday-years'][0]), only('de-DE'))).toContain(
      'von 2026 bis 2040',
    );
  });

  it('names an instant as the viewer reads dates, in their Jira time zone, never as ISO text', () => {
    const late = failure('extension-not-after-deadline', { deadline: '2026-03-02T10:00:00Z' });
    const viewer = { timeZone: 'Europe/Berlin', now: Date.UTC(2026, 2, 1) };
    // ICU versions differ in the spaces they put in dates (Node 20 and 22 both run this).
    expect(refusalText(late, only('de-DE'), viewer)).toMatch(
      /^Wählen Sie einen Zeitpunkt mit Arbeitszeit nach der aktuellen Frist \(Mo\.,\s2\.\sMärz,\s11:00\)\.$/u,
    );
    expect(refusalText(late, only('en-US'), { ...viewer, timeZone: 'America/New_York' })).toMatch(
      /\(Mon,\sMar\s2,\s5:00\sAM\)/u,
    );
  });

  it('falls back to the server’s message for a reason this UI does not know, or none', () => {
    const newer = { code: 'conflict', reason: 'from-a-newer-server', params: {}, message: 'Newer.' };
    expect(refusalText(newer as unknown as Failure, only('de-DE'))).toBe('Newer.');
    const none = { code: 'internal', message: 'No reason.' };
    expect(refusalText(none as unknown as Failure, only('de-DE'))).toBe('No reason.');
  });
});
