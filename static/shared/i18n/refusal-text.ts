import type { Failure, RefusalParams, RefusalReason } from '../api/reply';
import { formatInstant } from '../format/instant';
import type english from '../locales/en-US.json';
import type { I18n, MessageKeys } from './i18n';

/** The shared catalogue's keys, which every UI's translator has (each UI's keys include them). */
export type SharedKey = MessageKeys<typeof english>;

type Say = (key: SharedKey, values?: Readonly<Record<string, string | number>>) => string;

/** How each reason reads: its message, filled from its values. Ids and names come quoted, lists joined. */
interface Wording {
  readonly say: Say;
  /** A value as quoted in the language: “gold”, „gold“, »gold«. */
  readonly quote: (value: string) => string;
  /** Several values, quoted and joined as the language lists them: “a”, “b” and “c”. */
  readonly list: (values: readonly string[]) => string;
  /** An ISO instant as the viewer reads dates: their locale and (when the UI knows it) Jira time zone. */
  readonly instant: (iso: string) => string;
}

/** Who reads a refusal that names an instant: their Jira time zone, and now (a date this year shows no year). */
export interface RefusalViewer {
  readonly timeZone: string;
  readonly now: number;
}

// Every reason the server can give has its wording here: a new reason fails to compile until it is added.
const WORDS: { readonly [R in RefusalReason]: (params: RefusalParams[R], w: Wording) => string } = {
  'licensed-only': (_, { say }) => say('refusal.licensedOnly'),
  'admin-only': (_, { say }) => say('refusal.adminOnly'),
  'project-admin-only': (p, { say }) => say('refusal.projectAdminOnly', p),
  'issue-not-visible': (_, { say }) => say('refusal.issueNotVisible'),
  'report-admin-only': (_, { say }) => say('refusal.reportAdminOnly'),
  'project-not-visible': (p, { say }) => say('refusal.projectNotVisible', p),
  'request-not-shared': (_, { say }) => say('refusal.requestNotShared'),
  'adjuster-only': (p, { say, list }) =>
    p.groups.length === 0
      ? say('refusal.adjusterAdminsOnly')
      : say('refusal.adjusterOnly', { groups: list(p.groups) }),
  'version-conflict': (p, { say }) =>
    say(p.kind === 'calendar' ? 'refusal.calendarConflict' : 'refusal.agreementConflict', {
      version: p.version,
    }),
  'version-race': (p, { say }) =>
    say(p.kind === 'calendar' ? 'refusal.calendarRace' : 'refusal.agreementRace'),
  'placement-conflict': (p, { say }) => say('refusal.placementConflict', p),
  'calendar-unknown': (p, { say, quote }) =>
    p.version === undefined
      ? say('refusal.calendarUnknown', { id: quote(p.id) })
      : say('refusal.calendarVersionUnknown', { id: quote(p.id), version: p.version }),
  'calendar-invalid': (_, { say }) => say('refusal.calendarInvalid'),
  'calendar-in-use': (p, { say, quote, list }) =>
    say('refusal.calendarInUse', { id: quote(p.id), agreements: list(p.agreements) }),
  'ics-unreadable': (_, { say }) => say('refusal.icsUnreadable'),
  'agreement-unknown': (p, { say, list }) =>
    p.version === undefined
      ? say('refusal.agreementUnknown', { ids: list(p.ids), count: p.ids.length })
      : say('refusal.agreementVersionUnknown', { ids: list(p.ids), version: p.version }),
  'agreement-invalid': (_, { say }) => say('refusal.agreementInvalid'),
  'agreement-fields-unknown': (_, { say }) => say('refusal.agreementFieldsUnknown'),
  'draft-invalid': (_, { say }) => say('refusal.draftInvalid'),
  'draft-fields-unknown': (_, { say }) => say('refusal.draftFieldsUnknown'),
  'draft-uncompilable': (_, { say }) => say('refusal.draftUncompilable'),
  'agreements-incompatible': (_, { say }) => say('refusal.agreementsIncompatible'),
  'configuration-invalid': (_, { say }) => say('refusal.configurationInvalid'),
  'metric-unknown': (p, { say, quote }) =>
    say('refusal.metricUnknown', { agreementId: quote(p.agreementId), metricId: quote(p.metricId) }),
  'job-unknown': (p, { say, quote }) => say('refusal.jobUnknown', { jobId: quote(p.jobId) }),
  'jql-invalid': (_, { say }) => say('refusal.jqlInvalid'),
  'cursor-invalid': (_, { say }) => say('refusal.cursorInvalid'),
  // Years as written, not as numbers: 2026, never "2.026".
  'holiday-years': (p, { say }) =>
    say('refusal.holidayYears', { max: p.max, fromYear: String(p.fromYear), toYear: String(p.toYear) }),
  'holiday-region-unknown': (p, { say, quote }) =>
    say('refusal.holidayRegionUnknown', { region: quote(p.region) }),
  'time-zone-unknown': (p, { say, quote }) => say('refusal.timeZoneUnknown', { zone: quote(p.zone) }),
  'date-invalid': (p, { say, quote }) => say('refusal.dateInvalid', { text: quote(p.text) }),
  'issue-not-measured': (_, { say }) => say('refusal.issueNotMeasured'),
  'agreement-not-applicable': (p, { say, quote }) =>
    say('refusal.agreementNotApplicable', { agreementId: quote(p.agreementId) }),
  'metric-not-measured': (p, { say, quote }) =>
    say('refusal.metricNotMeasured', { agreementId: quote(p.agreementId), metricId: quote(p.metricId) }),
  'metric-gone': (p, { say, quote }) => say('refusal.metricGone', { metricId: quote(p.metricId) }),
  'cycle-not-running': (p, { say, quote }) => say('refusal.cycleNotRunning', { metricId: quote(p.metricId) }),
  'cycle-without-target': (p, { say, quote }) =>
    say('refusal.cycleWithoutTarget', { metricId: quote(p.metricId) }),
  'cycle-unknown': (p, { say, quote }) => say('refusal.cycleUnknown', { metricId: quote(p.metricId) }),
  'cycle-not-breached': (_, { say }) => say('refusal.cycleNotBreached'),
  'breach-excused': (_, { say }) => say('refusal.breachExcused'),
  'clock-paused': (_, { say }) => say('refusal.clockPaused'),
  'extension-not-after-deadline': (p, { say, instant }) =>
    say('refusal.extensionNotAfterDeadline', { deadline: instant(p.deadline) }),
  'route-unknown': (p, { say }) => say('refusal.routeUnknown', p),
  'payload-invalid': (p, { say }) =>
    p.path === '' ? say('refusal.payloadInvalid', { route: p.route }) : say('refusal.payloadInvalidAt', p),
  'jira-failed': (p, { say }) => say('refusal.jiraFailed', p),
  'internal-error': (p, { say }) => say('refusal.internalError', p),
  'caller-unknown': (_, { say }) => say('refusal.callerUnknown'),
  'setting-up': (_, { say }) => say('refusal.settingUp'),
  unreachable: (p, { say }) =>
    p.detail === '' ? say('refusal.unreachable') : say('refusal.unreachableBecause', p),
};

/** Whether this UI words `reason` (a newer server may give one it does not know). */
export const isKnownReason = (reason: unknown): reason is RefusalReason =>
  typeof reason === 'string' && Object.hasOwn(WORDS, reason);

/**
 * A refusal in the user's language, from its reason and values; the server's English message only for a
 * reason this UI does not know. Every UI shows a failure through this.
 * @example refusalText({ code: 'not-found', reason: 'job-unknown', params: { jobId: 'j1' }, message: '…' }, de)
 * // 'Es gibt keine Neuberechnung „j1“.'
 */
export function refusalText(failure: Failure, i18n: I18n<SharedKey>, viewer?: RefusalViewer): string {
  if (!isKnownReason(failure.reason)) return failure.message;
  const say: Say = (key, values) => i18n.t(key, values);
  const quote = (value: string): string => say('refusal.quoted', { value });
  const lists = new Intl.ListFormat(i18n.locale, { type: 'conjunction' });
  const instant = (iso: string): string => {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return iso;
    const timeZone = viewer?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return formatInstant(at, { locale: i18n.locale, timeZone, now: viewer?.now ?? Date.now() });
  };
  const wording: Wording = { say, quote, list: (values) => lists.format(values.map(quote)), instant };
  // The reason types its params (Failure narrows them together); the table's entry takes exactly those.
  const word = WORDS[failure.reason] as (params: unknown, w: Wording) => string;
  return word(failure.params, wording);
}
