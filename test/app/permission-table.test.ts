/**
 * Every route of the real route table, called through the real dispatcher by every kind of caller, against a
 * sandbox site with two projects: IT (the Gold SLA with Acme Corp, its fee and penalties, an OLA and a UC) and HR
 * (its own SLA on its own calendar). Each expectation is written down in {@link TABLE}; a route without an entry
 * fails the first test, and loosening any guard turns some entry's answer (see the commit that added this file
 * for which guards were broken to prove it).
 */
import type { Agreement } from '../../src/engine/agreement/types';
import type { Calendar } from '../../src/engine/calendar/types';
import type { CallContext } from '../../src/app/resolvers/context';
import { dispatch, routes } from '../../src/app/resolvers/dispatch';
import {
  REFUSAL_CODES,
  type Reply,
  type RefusalParams,
  type RefusalReason,
} from '../../src/app/resolvers/envelope';
import { startJob } from '../../src/app/jobs/recalculate';
import { SandboxApp } from '../../src/sandbox/app';
import type { SiteUser } from '../../src/sandbox/jira/site';
import { openSqliteStore } from '../../src/store/sqlite';
import { acme, exampleAgreements, exampleCalendars, MONDAY_9 } from './sandbox-world';

// ─── The callers ──────────────────────────────────────────────────────────────────────────────────────────────

/** Who calls, in the order of every row of the table. */
const ROLES = [
  'site admin',
  'project admin of IT',
  'project admin of HR',
  'agent of IT',
  'agent of HR',
  'customer with Browse',
  'customer',
  'customer granted all',
] as const;
type Role = (typeof ROLES)[number];

/**
 * The site's people. The IT customer with Browse holds Browse Projects on IT (JSM's default scheme may grant
 * it); the customer granted all holds every permission a misconfigured scheme could give, to show that an
 * account Forge calls `customer` is refused whatever Jira says. Carla raised the IT request (a participant).
 */
const USERS: readonly SiteUser[] = [
  { accountId: 'sam-site-admin', displayName: 'Sam', accountType: 'atlassian', admin: true },
  {
    accountId: 'pia-it-admin',
    displayName: 'Pia',
    accountType: 'atlassian',
    projectAdmin: ['IT'],
    agentOf: ['IT'],
  },
  {
    accountId: 'hal-hr-admin',
    displayName: 'Hal',
    accountType: 'atlassian',
    projectAdmin: ['HR'],
    agentOf: ['HR'],
  },
  { accountId: 'ada-it-agent', displayName: 'Ada', accountType: 'atlassian', agentOf: ['IT'] },
  { accountId: 'otto-hr-agent', displayName: 'Otto', accountType: 'atlassian', agentOf: ['HR'] },
  { accountId: 'cody-customer', displayName: 'Cody', accountType: 'customer', agentOf: ['IT'] },
  { accountId: 'carla-customer', displayName: 'Carla', accountType: 'customer' },
  {
    accountId: 'max-customer',
    displayName: 'Max',
    accountType: 'customer',
    admin: true,
    projectAdmin: ['IT', 'HR'],
    agentOf: ['IT', 'HR'],
  },
  { accountId: 'gina-customer', displayName: 'Gina', accountType: 'customer' },
  // Administers OPS, a project with no list of its own (it gets the agreements that select their own issues).
  {
    accountId: 'ole-ops-admin',
    displayName: 'Ole',
    accountType: 'atlassian',
    projectAdmin: ['OPS'],
    agentOf: ['OPS'],
  },
];

/** Each caller where Forge would place them: the admin page, their project's settings, an issue, the portal. */
function contextOf(role: Role, w: World): CallContext {
  const portal = (accountId: string): CallContext => ({
    accountId,
    accountType: 'customer',
    module: 'portal',
    projectKey: 'IT',
    issueId: w.itIssue,
  });
  switch (role) {
    case 'site admin':
      return { accountId: 'sam-site-admin', accountType: 'licensed', module: 'admin' };
    case 'project admin of IT':
      return {
        accountId: 'pia-it-admin',
        accountType: 'licensed',
        module: 'project-settings',
        projectKey: 'IT',
      };
    case 'project admin of HR':
      return {
        accountId: 'hal-hr-admin',
        accountType: 'licensed',
        module: 'project-settings',
        projectKey: 'HR',
      };
    case 'agent of IT':
      return {
        accountId: 'ada-it-agent',
        accountType: 'licensed',
        module: 'issue-panel',
        projectKey: 'IT',
        issueId: w.itIssue,
      };
    case 'agent of HR':
      return {
        accountId: 'otto-hr-agent',
        accountType: 'licensed',
        module: 'issue-panel',
        projectKey: 'HR',
        issueId: w.hrIssue,
      };
    case 'customer with Browse':
      return portal('cody-customer');
    case 'customer':
      return portal('carla-customer');
    case 'customer granted all':
      return portal('max-customer');
  }
}

/** The same caller on the admin page: Forge gives no project and no issue there. */
const onAdminPage = ({ accountId, accountType }: CallContext): CallContext => ({
  accountId,
  accountType,
  module: 'admin',
});

// ─── The site ─────────────────────────────────────────────────────────────────────────────────────────────────

const hrHours: Calendar = { ...exampleCalendars[0]!, id: 'hr-hours', name: 'HR office hours' };
const unusedCalendar: Calendar = { ...exampleCalendars[0]!, id: 'old-hours', name: 'Old hours' };
const gold = exampleAgreements.find((a) => a.id === 'gold')!;
const hrSla: Agreement = {
  id: 'hr-sla',
  name: 'People SLA',
  kind: 'SLA',
  counterparty: 'People Team',
  appliesTo: 'project = HR',
  monthlyFee: 900,
  currency: 'EUR',
  metrics: [
    {
      id: 'answer',
      name: 'Time to answer',
      start: [{ event: 'created' }],
      stop: [{ event: 'comment', by: 'agent' }],
      goals: [{ targetMinutes: 240, calendar: 'hr-hours', objectivePercent: 90 }],
    },
  ],
};

interface World {
  readonly app: SandboxApp;
  readonly close: () => Promise<void>;
  readonly itIssue: string;
  readonly hrIssue: string;
  /** Jobs a Jira admin started: recalculating IT, replacing IT's completed results, one agreement. */
  readonly jobs: { readonly project: string; readonly replacing: string; readonly agreement: string };
}

async function makeSite(): Promise<World> {
  const store = await openSqliteStore(':memory:');
  const app = new SandboxApp(store, { now: MONDAY_9, users: USERS });
  const seed = { expectedVersion: 0, savedAt: 0, savedBy: 'seed' };
  for (const c of [...exampleCalendars, hrHours, unusedCalendar])
    await store.config.put('calendar', c.id, c, seed);
  for (const a of [...exampleAgreements, hrSla]) await store.config.put('agreement', a.id, a, seed);
  await store.config.setProjectAgreements('IT', ['gold', 'second-level', 'netco-uc']);
  await store.config.setProjectAgreements('HR', ['hr-sla']);
  const it = app.site.create({ reporter: 'carla-customer', fields: acme });
  const hr = app.site.create({ project: 'HR', reporter: 'gina-customer' });
  await app.drain();
  const job = async (spec: Parameters<typeof startJob>[1]) =>
    (await startJob(app.deps, spec, 'sam-site-admin')).id;
  return {
    app,
    close: () => store.close(),
    itIssue: it.id,
    hrIssue: hr.id,
    jobs: {
      project: await job({ scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: false }),
      replacing: await job({ scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true }),
      agreement: await job({ scope: { kind: 'agreement', agreementId: 'gold' }, replaceCompleted: false }),
    },
  };
}

// ─── What an answer may be ────────────────────────────────────────────────────────────────────────────────────

/**
 * `ok`: answered with data; `sees`: answered, and the data shows exactly what the check says; `forbidden`: refused
 * for permission; `unknown`: answered exactly as the same call naming an id that does not exist (the target id
 * replaced), so the caller cannot even tell that it exists.
 */
type Outcome =
  | { readonly kind: 'ok' }
  /** Let through every permission check, then refused for what the call asks (e.g. no breach to excuse). */
  | { readonly kind: 'passes'; readonly code: string }
  | { readonly kind: 'sees'; readonly what: string; readonly check: (data: unknown, w: World) => void }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'unknown' };

const OK: Outcome = { kind: 'ok' };
const NO: Outcome = { kind: 'forbidden' };
const UNKNOWN: Outcome = { kind: 'unknown' };
const PASSES = (code: string): Outcome => ({ kind: 'passes', code });
const sees = (what: string, check: (data: unknown, w: World) => void): Outcome => ({
  kind: 'sees',
  what,
  check,
});

/** The id that no configuration has, for `unknown`. */
const NO_SUCH_ID = 'no-such-id';

/** One call of a route: its payload (IT's things, unless said), and what each role, in {@link ROLES} order, gets. */
interface Call {
  readonly label: string;
  readonly payload: (w: World) => Record<string, unknown>;
  /** The id whose existence an `unknown` answer must not reveal. */
  readonly target?: string;
  /** Everyone calls from the admin page (no project in the context), e.g. a bookmarked report page. */
  readonly fromAdminPage?: true;
  readonly expect: readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
}

// ─── What each caller sees ────────────────────────────────────────────────────────────────────────────────────

type Listed = { id: string; body: Record<string, unknown> | null; catalogue?: boolean }[];
const ids = (data: unknown): string[] => (data as Listed).map((v) => v.id).sort();
const COMMERCIAL = [
  'counterparty',
  'monthlyFee',
  'currency',
  'penalties',
  'creditCapPercent',
  'availability',
];

/** Agreements placed in `own` come whole; every other one only as a catalogue entry without commercial terms. */
const agreementsOf = (own: string[]) => (data: unknown) => {
  const list = data as Listed;
  expect(ids(list)).toEqual(['gold', 'hr-sla', 'netco-uc', 'second-level']);
  for (const a of list) {
    if (own.includes(a.id)) {
      expect([a.id, a.catalogue]).toEqual([a.id, undefined]);
      expect(a.body?.counterparty).toBeDefined();
    } else {
      expect([a.id, a.catalogue]).toEqual([a.id, true]);
      expect([a.id, COMMERCIAL.filter((k) => a.body?.[k] !== undefined)]).toEqual([a.id, []]);
      const metrics = a.body?.metrics as Record<string, unknown>[];
      expect(metrics.every((m) => Object.keys(m).sort().join() === 'id,name')).toBe(true);
    }
  }
};
const wholeGold = (data: unknown) => {
  expect((data as { body: Agreement }).body).toEqual(gold);
};
const placementsOf = (projects: string[]) => (data: unknown) => {
  expect((data as { projects: { projectKey: string }[] }).projects.map((p) => p.projectKey).sort()).toEqual(
    projects,
  );
};
const historyOfGold = (data: unknown) => {
  expect((data as unknown[]).length).toBe(1);
};
/** A report's agreements, by id, wherever the report names them. */
const reportNames = (data: unknown): string[] =>
  [...JSON.stringify(data).matchAll(/"agreementId":"([^"]+)"/g)].map((m) => m[1] ?? '').sort();
const reportCovers = (agreements: string[]) => (data: unknown) => {
  expect([...new Set(reportNames(data))]).toEqual(agreements);
  if (!agreements.includes('gold')) expect(JSON.stringify(data)).not.toMatch(/Acme|Gold support/);
};
const monthlyCovers = (counterparties: string[]) => (data: unknown) => {
  const json = JSON.stringify(data);
  for (const c of ['Acme Corp', 'Second Level', 'NetCo', 'People Team'])
    expect([c, json.includes(c)]).toEqual([c, counterparties.includes(c)]);
};
/** The portal shows commitments in the customer's words: no agreement, counterparty or internal metric. */
const commitmentsOnly = (data: unknown) => {
  const reply = data as { commitments: Record<string, unknown>[] };
  expect(reply.commitments.length).toBeGreaterThan(0);
  expect(JSON.stringify(reply)).not.toMatch(/gold|Gold support|Acme|second-level|Second Level|NetCo/);
};

const ALL_CALENDARS = sees('every calendar', (d) => {
  expect(ids(d)).toEqual(['always', 'berlin-9-17', 'hr-hours', 'old-hours']);
});
const IT_CALENDARS = sees('the calendars IT’s agreements use', (d) => {
  expect(ids(d)).toEqual(['always', 'berlin-9-17']);
});
const HR_CALENDARS = sees('the calendar HR’s agreement uses', (d) => {
  expect(ids(d)).toEqual(['hr-hours']);
});

// ─── Payloads ─────────────────────────────────────────────────────────────────────────────────────────────────

const berlin = exampleCalendars.find((c) => c.id === 'berlin-9-17')!;
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Accord//Test//EN',
  'BEGIN:VEVENT',
  'UID:1',
  'DTSTART;VALUE=DATE:20261225',
  'SUMMARY:Christmas',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const IT_LIST = ['gold', 'second-level', 'netco-uc'];

// ─── The table ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every route, every role. Columns: site admin · project admin of IT · project admin of HR · agent of IT ·
 * agent of HR · customer with Browse · customer (raised the IT request) · customer granted all.
 */
// prettier-ignore
const TABLE: Readonly<Record<string, readonly Call[]>> = {
  // Configuration reads: Jira admins all of it; a project admin, from their project's settings, what is placed there.
  'calendars/list': [
    { label: 'from each one’s page', payload: () => ({}),
      expect: [ALL_CALENDARS, IT_CALENDARS, HR_CALENDARS, NO, NO, NO, NO, NO] },
    { label: 'from the admin page', payload: () => ({}), fromAdminPage: true,
      expect: [ALL_CALENDARS, NO, NO, NO, NO, NO, NO, NO] },
  ],
  'calendars/get': [{ label: 'a calendar IT uses', payload: () => ({ id: 'berlin-9-17' }), target: 'berlin-9-17',
    expect: [OK, OK, UNKNOWN, NO, NO, NO, NO, NO] }],
  'calendars/history': [{ label: 'a calendar IT uses', payload: () => ({ id: 'berlin-9-17' }), target: 'berlin-9-17',
    expect: [OK, OK, UNKNOWN, NO, NO, NO, NO, NO] }],
  'calendars/regions': [{ label: 'the holiday regions', payload: () => ({}),
    expect: [OK, OK, OK, NO, NO, NO, NO, NO] }],
  'calendars/region-holidays': [{ label: 'a region’s holidays', payload: () => ({ region: 'DE', fromYear: 2026, toYear: 2026 }),
    expect: [OK, OK, OK, NO, NO, NO, NO, NO] }],
  'agreements/list': [{ label: 'from each one’s page', payload: () => ({}),
    expect: [
      sees('every agreement whole', agreementsOf(['gold', 'hr-sla', 'netco-uc', 'second-level'])),
      sees('IT’s agreements whole, HR’s without terms', agreementsOf(IT_LIST)),
      sees('HR’s agreement whole, IT’s without terms', agreementsOf(['hr-sla'])),
      NO, NO, NO, NO, NO] },
    { label: 'from the admin page', payload: () => ({}), fromAdminPage: true,
      expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'agreements/get': [{ label: 'IT’s Gold SLA', payload: () => ({ id: 'gold' }), target: 'gold',
    expect: [sees('Gold whole', wholeGold), sees('Gold whole', wholeGold), UNKNOWN, NO, NO, NO, NO, NO] }],
  'agreements/history': [{ label: 'IT’s Gold SLA', payload: () => ({ id: 'gold' }), target: 'gold',
    expect: [sees('its versions', historyOfGold), sees('its versions', historyOfGold), UNKNOWN, NO, NO, NO, NO, NO] }],
  'agreements/placements': [{ label: 'where agreements apply', payload: () => ({}),
    expect: [sees('both projects', placementsOf(['HR', 'IT'])), sees('IT only', placementsOf(['IT'])),
      sees('HR only', placementsOf(['HR'])), NO, NO, NO, NO, NO] }],

  // Configuration writes and the audit log: Jira admins only.
  'calendars/save': [{ label: 'IT’s calendar', payload: () => ({ calendar: { ...berlin, name: 'Berlin' }, expectedVersion: 1 }),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'calendars/delete': [{ label: 'an unused calendar', payload: () => ({ id: 'old-hours', expectedVersion: 1 }),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'calendars/preview-ics': [{ label: 'a holiday file', payload: () => ({ text: ICS }),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'agreements/save': [{ label: 'Gold’s fee', payload: () => ({ agreement: { ...gold, monthlyFee: 1 }, expectedVersion: 1 }),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'agreements/delete': [{ label: 'IT’s UC', payload: () => ({ id: 'netco-uc', expectedVersion: 1 }),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'audit/list': [{ label: 'who changed what', payload: () => ({}),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'retention/get': [{ label: 'the retention policy', payload: () => ({}),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'retention/set': [{ label: 'the retention policy', payload: () => ({ historyDays: 400, rawCycleMonths: 24 }),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'jsm/compare': [{ label: 'JSM’s SLA beside Gold in IT', payload: () => ({ projectKey: 'IT', jsmMetric: 'Time to first response', agreementId: 'gold', metricId: 'first-response' }),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],

  // A project's own list and previews: its admins (and Jira admins).
  'projects/get': [{ label: 'IT’s list', payload: () => ({ projectKey: 'IT' }),
    expect: [OK, OK, NO, NO, NO, NO, NO, NO] }],
  'projects/set': [{ label: 'IT’s list', payload: () => ({ projectKey: 'IT', agreementIds: ['gold'] }),
    expect: [OK, OK, NO, NO, NO, NO, NO, NO] }],
  'projects/save': [{ label: 'IT’s list', payload: () => ({ projectKey: 'IT', agreementIds: ['gold'], expected: IT_LIST }),
    expect: [OK, OK, NO, NO, NO, NO, NO, NO] }],
  'projects/preview': [{ label: 'a list on IT’s issues', payload: () => ({ projectKey: 'IT', agreementIds: ['gold'] }),
    expect: [OK, OK, NO, NO, NO, NO, NO, NO] }],
  'agreements/preview': [{ label: 'a draft on IT’s issues', payload: () => ({ agreement: { ...gold, id: 'draft' }, projectKey: 'IT' }),
    expect: [OK, OK, NO, NO, NO, NO, NO, NO] }],

  // Recalculation: a project admin recalculates running figures; completed ones are contract figures.
  'jobs/start': [
    { label: 'IT, running figures', payload: () => ({ scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: false }),
      expect: [OK, OK, NO, NO, NO, NO, NO, NO] },
    { label: 'IT, replacing completed results', payload: () => ({ scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true }),
      expect: [OK, NO, NO, NO, NO, NO, NO, NO] },
    { label: 'an agreement everywhere', payload: () => ({ scope: { kind: 'agreement', agreementId: 'gold' }, replaceCompleted: false }),
      expect: [OK, NO, NO, NO, NO, NO, NO, NO] },
    { label: 'a JQL', payload: () => ({ scope: { kind: 'jql', jql: 'project = IT' }, replaceCompleted: false }),
      expect: [OK, NO, NO, NO, NO, NO, NO, NO] },
  ],
  'jobs/status': [
    { label: 'IT’s recalculation', payload: (w) => ({ jobId: w.jobs.project }),
      expect: [OK, OK, NO, NO, NO, NO, NO, NO] },
    { label: 'an agreement’s recalculation', payload: (w) => ({ jobId: w.jobs.agreement }),
      expect: [OK, NO, NO, NO, NO, NO, NO, NO] },
  ],
  'jobs/cancel': [
    { label: 'IT’s recalculation', payload: (w) => ({ jobId: w.jobs.project }),
      expect: [OK, OK, NO, NO, NO, NO, NO, NO] },
    { label: 'IT’s completed results being replaced', payload: (w) => ({ jobId: w.jobs.replacing }),
      expect: [OK, NO, NO, NO, NO, NO, NO, NO] },
    { label: 'an agreement’s recalculation', payload: (w) => ({ jobId: w.jobs.agreement }),
      expect: [OK, NO, NO, NO, NO, NO, NO, NO] },
  ],
  'jobs/list': [{ label: 'every job', payload: () => ({}),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],

  // Display names of people: anyone licensed (Jira shows its agents everyone's names); customers never.
  'people/names': [{ label: 'who saved Gold', payload: () => ({ accountIds: ['sam-site-admin', 'no-such-user'] }),
    expect: [OK, OK, OK, OK, OK, NO, NO, NO] }],

  // Issue data: licensed users who can browse the issue; customers only their requests' commitments.
  // Extensions and excuses: a Jira admin, or a member of a group the agreement names, who can browse the issue.
  'issue/adjustments': [{ label: 'the IT request', payload: (w) => ({ issueId: w.itIssue }),
    expect: [OK, OK, NO, OK, NO, NO, NO, NO] }],
  'issue/extend': [{ label: 'Gold’s running first response', payload: (w) => ({ issueId: w.itIssue, agreementId: 'gold', metricId: 'first-response', minutes: 30, reason: 'customer asked' }),
    expect: [OK, NO, NO, NO, NO, NO, NO, NO] }],
  'issue/excuse': [{ label: 'Gold’s first response, not breached', payload: (w) => ({ issueId: w.itIssue, agreementId: 'gold', metricId: 'first-response', reason: 'outage' }),
    expect: [PASSES('not-found'), NO, NO, NO, NO, NO, NO, NO] }],
  'issue/metrics': [{ label: 'the IT request', payload: (w) => ({ issueId: w.itIssue }),
    expect: [OK, OK, NO, OK, NO, NO, NO, NO] }],
  'portal/commitments': [{ label: 'the IT request', payload: (w) => ({ issueId: w.itIssue }),
    expect: [NO, NO, NO, NO, NO, NO, sees('commitments only', commitmentsOnly), NO] }],

  // Reports: Jira admins any scope; anyone licensed who can browse a project, that project's agreements only.
  'reports/compliance': [
    { label: 'IT', payload: () => ({ projectKey: 'IT' }),
      expect: [OK, OK, NO, OK, NO, NO, NO, NO] },
    { label: 'Gold through HR', payload: () => ({ agreementId: 'gold', projectKey: 'HR' }), target: 'gold',
      expect: [UNKNOWN, NO, UNKNOWN, NO, UNKNOWN, NO, NO, NO] },
    { label: 'from each one’s page', payload: () => ({}),
      expect: [sees('every agreement', reportCovers(['gold', 'hr-sla', 'netco-uc', 'second-level'])),
        sees('IT’s agreements', reportCovers(['gold', 'netco-uc', 'second-level'])),
        sees('HR’s agreement', reportCovers(['hr-sla'])),
        sees('IT’s agreements', reportCovers(['gold', 'netco-uc', 'second-level'])),
        sees('HR’s agreement', reportCovers(['hr-sla'])), NO, NO, NO] },
    { label: 'every project, from the admin page', payload: () => ({}), fromAdminPage: true,
      expect: [OK, NO, NO, NO, NO, NO, NO, NO] },
  ],
  'reports/gadget': [
    { label: 'Gold in IT', payload: () => ({ agreementId: 'gold', projectKey: 'IT' }),
      expect: [OK, OK, NO, OK, NO, NO, NO, NO] },
    { label: 'Gold through HR', payload: () => ({ agreementId: 'gold', projectKey: 'HR' }), target: 'gold',
      expect: [UNKNOWN, NO, UNKNOWN, NO, UNKNOWN, NO, NO, NO] },
  ],
  'reports/monthly': [
    { label: 'IT', payload: () => ({ projectKey: 'IT' }),
      expect: [OK, OK, NO, OK, NO, NO, NO, NO] },
    { label: 'Gold through HR', payload: () => ({ agreementId: 'gold', projectKey: 'HR' }), target: 'gold',
      expect: [UNKNOWN, NO, UNKNOWN, NO, UNKNOWN, NO, NO, NO] },
    { label: 'Acme Corp through HR', payload: () => ({ counterparty: 'Acme Corp', projectKey: 'HR' }),
      expect: [sees('nothing of Acme', monthlyCovers([])), NO, sees('nothing of Acme', monthlyCovers([])), NO,
        sees('nothing of Acme', monthlyCovers([])), NO, NO, NO] },
  ],
  'reports/csv': [
    { label: 'IT', payload: () => ({ projectKey: 'IT' }),
      expect: [OK, OK, NO, OK, NO, NO, NO, NO] },
    { label: 'Gold through HR', payload: () => ({ agreementId: 'gold', projectKey: 'HR' }), target: 'gold',
      expect: [UNKNOWN, NO, UNKNOWN, NO, UNKNOWN, NO, NO, NO] },
  ],
};

// ─── The tests ────────────────────────────────────────────────────────────────────────────────────────────────

/** The payload with every string equal to `from` replaced by `to`. */
function swap(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => swap(v, from, to));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v, from, to)]));
  return value;
}

/** What a refused call must leave as it was: configuration, placements, jobs, audit log, results. */
async function stored(w: World): Promise<string> {
  const s = w.app.store;
  return JSON.stringify([
    await s.config.list('calendar'),
    await s.config.list('agreement'),
    await s.config.projects(),
    await s.jobs.list(100),
    await s.audit.list({ limit: 200 }),
    await s.results.forIssue(w.itIssue),
  ]);
}

const code = (reply: Reply<unknown>): string => (reply.ok ? 'ok' : reply.error.code);

/** `reply` (asked again when not given) is exactly the answer to the same call naming no existing id. */
async function expectAnsweredAsUnknown(
  w: World,
  key: string,
  payload: Record<string, unknown>,
  target: string,
  ctx: CallContext,
  given?: Reply<unknown>,
): Promise<void> {
  const reply = given ?? (await dispatch(w.app.deps, key, payload, ctx));
  const unknown = await dispatch(w.app.deps, key, swap(payload, target, NO_SUCH_ID), ctx);
  // An answer about nothing, not a refusal: otherwise "the same answer" would prove nothing.
  expect(code(unknown)).not.toBe('forbidden');
  expect([key, JSON.parse(JSON.stringify(reply).split(target).join(NO_SUCH_ID))]).toEqual([key, unknown]);
}

describe('the permission table', () => {
  it('has an entry for every route of the route table, and a row for every role', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(routes).sort());
    for (const calls of Object.values(TABLE))
      for (const c of calls) expect(c.expect).toHaveLength(ROLES.length);
  });

  const cases = Object.entries(TABLE).flatMap(([key, calls]) =>
    calls.flatMap((call) => ROLES.map((role, i) => ({ key, call, role, outcome: call.expect[i]! }))),
  );

  let w: World;
  beforeEach(async () => {
    w = await makeSite();
  });
  afterEach(async () => {
    await w.close();
  });

  it.each(cases.map((c) => [c.key, c.call.label, c.role, describeOutcome(c.outcome), c] as const))(
    '%s (%s) by the %s: %s',
    async (key, _label, role, _outcome, { call, outcome }) => {
      const ctx = call.fromAdminPage ? onAdminPage(contextOf(role, w)) : contextOf(role, w);
      const payload = call.payload(w);
      const before = await stored(w);
      const reply = await dispatch(w.app.deps, key, payload, ctx);
      switch (outcome.kind) {
        case 'ok':
          expect(code(reply)).toBe('ok');
          return;
        case 'passes':
          expect(code(reply)).toBe(outcome.code);
          break;
        case 'sees':
          expect(code(reply)).toBe('ok');
          if (reply.ok) outcome.check(reply.data, w);
          return;
        case 'forbidden':
          expect([code(reply), reply.ok ? '' : reply.error.message]).toEqual([
            'forbidden',
            expect.any(String),
          ]);
          if (!reply.ok) expectPermissionReason(key, ctx, payload, reply.error);
          break;
        case 'unknown': {
          if (call.target === undefined) throw new Error(`${key} (${call.label}) names no target id`);
          await expectAnsweredAsUnknown(w, key, payload, call.target, ctx, reply);
          break;
        }
      }
      expect(await stored(w)).toBe(before);
    },
  );
});

/**
 * A permission refusal says why, as a reason the UIs word: a customer outside the portal is told that this part
 * is for agents, never which permission they lack; a licensed caller is told what they would need, and of which
 * project.
 */
function expectPermissionReason(
  key: string,
  ctx: CallContext,
  payload: Record<string, unknown>,
  error: Extract<Reply<unknown>, { ok: false }>['error'],
): void {
  const { reason, params } = error;
  expect([key, reason, REFUSAL_CODES[reason]]).toEqual([key, reason, 'forbidden']);
  if (key.startsWith('portal/')) expect([key, reason]).toEqual([key, 'request-not-shared']);
  else if (ctx.accountType !== 'licensed') expect([key, reason]).toEqual([key, 'licensed-only']);
  else expect([key, reason]).not.toEqual([key, 'licensed-only']);
  if (reason === 'project-admin-only' || reason === 'project-not-visible') {
    // The project the call is about: named in it, in a job's scope, or (the jobs of the table) IT.
    const scope = payload.scope as { projectKey?: string } | undefined;
    const named =
      payload.projectKey ?? scope?.projectKey ?? (key.startsWith('jobs/') ? 'IT' : ctx.projectKey);
    expect([key, params.projectKey]).toEqual([key, named]);
  }
}

/** A call that is refused for what it asks, and the reason and values the refusal must carry. */
type Refusing = {
  [R in RefusalReason]: {
    readonly key: string;
    readonly payload: (w: World) => Record<string, unknown>;
    readonly reason: R;
    readonly params: RefusalParams[R];
  };
}[RefusalReason];

const refusing = <R extends RefusalReason>(
  key: string,
  payload: Record<string, unknown> | ((w: World) => Record<string, unknown>),
  reason: R,
  params: RefusalParams[R],
): Refusing =>
  ({ key, payload: typeof payload === 'function' ? payload : () => payload, reason, params }) as Refusing;

const notGold = { ...gold, appliesTo: 'project = IT AND stauts = Open' };
/** Refusals past the permission checks, each asked by the site admin (or, for adjustments, as below). */
// prettier-ignore
const REFUSING: readonly Refusing[] = [
  refusing('calendars/get', { id: 'nope' }, 'calendar-unknown', { id: 'nope' }),
  refusing('calendars/get', { id: 'nope', version: 3 }, 'calendar-unknown', { id: 'nope', version: 3 }),
  refusing('calendars/save', { calendar: berlin, expectedVersion: 7 }, 'version-conflict', { kind: 'calendar', version: 1 }),
  refusing('calendars/save', { calendar: { ...berlin, timeZone: 'Mars/Olympus' }, expectedVersion: 1 }, 'calendar-invalid', {}),
  refusing('calendars/delete', { id: 'berlin-9-17', expectedVersion: 1 }, 'calendar-in-use', { id: 'berlin-9-17', agreements: ['Gold support', 'Second-level network team'] }),
  refusing('calendars/preview-ics', { text: 'not a calendar' }, 'ics-unreadable', {}),
  refusing('calendars/region-holidays', { region: 'DE', fromYear: 2026, toYear: 2040 }, 'holiday-years', { max: 5, fromYear: 2026, toYear: 2040 }),
  refusing('calendars/region-holidays', { region: 'XX', fromYear: 2026, toYear: 2026 }, 'holiday-region-unknown', { region: 'XX' }),
  refusing('agreements/get', { id: 'nope' }, 'agreement-unknown', { ids: ['nope'] }),
  refusing('agreements/get', { id: 'nope', version: 2 }, 'agreement-unknown', { ids: ['nope'], version: 2 }),
  refusing('agreements/save', { agreement: gold, expectedVersion: 0 }, 'version-conflict', { kind: 'agreement', version: 1 }),
  refusing('agreements/save', { agreement: { ...gold, metrics: [] }, expectedVersion: 1 }, 'agreement-invalid', {}),
  refusing('agreements/save', { agreement: notGold, expectedVersion: 1 }, 'agreement-fields-unknown', {}),
  refusing('agreements/preview', { agreement: { ...gold, metrics: [] }, projectKey: 'IT' }, 'draft-invalid', {}),
  refusing('agreements/preview', { agreement: notGold, projectKey: 'IT' }, 'draft-fields-unknown', {}),
  refusing('projects/set', { projectKey: 'IT', agreementIds: ['gold', 'nope'] }, 'agreement-unknown', { ids: ['nope'] }),
  refusing('projects/save', { projectKey: 'IT', agreementIds: ['nope'], expected: IT_LIST }, 'agreement-unknown', { ids: ['nope'] }),
  refusing('projects/save', { projectKey: 'IT', agreementIds: ['gold'], expected: ['gold'] }, 'placement-conflict', { projectKey: 'IT' }),
  refusing('projects/preview', { projectKey: 'IT', agreementIds: ['nope'] }, 'agreement-unknown', { ids: ['nope'] }),
  refusing('jobs/start', { scope: { kind: 'jql', jql: 'project =' }, replaceCompleted: false }, 'jql-invalid', {}),
  refusing('jobs/start', { scope: { kind: 'agreement', agreementId: 'nope' }, replaceCompleted: false }, 'agreement-unknown', { ids: ['nope'] }),
  refusing('jobs/status', { jobId: 'nope' }, 'job-unknown', { jobId: 'nope' }),
  refusing('jobs/cancel', { jobId: 'nope' }, 'job-unknown', { jobId: 'nope' }),
  refusing('reports/gadget', { agreementId: 'gold', projectKey: 'IT', metricId: 'nope' }, 'metric-unknown', { agreementId: 'gold', metricId: 'nope' }),
  refusing('reports/gadget', { agreementId: 'nope', projectKey: 'IT' }, 'agreement-unknown', { ids: ['nope'] }),
  refusing('reports/csv', { projectKey: 'IT', cursor: 'not-a-cursor' }, 'cursor-invalid', {}),
  refusing('reports/compliance', { projectKey: 'IT', timeZone: 'Mars/Olympus' }, 'time-zone-unknown', { zone: 'Mars/Olympus' }),
  refusing('issue/extend', (w) => ({ issueId: w.itIssue, agreementId: 'nope', metricId: 'first-response', minutes: 30, reason: 'r' }), 'agreement-not-applicable', { agreementId: 'nope' }),
  refusing('issue/extend', (w) => ({ issueId: w.itIssue, agreementId: 'gold', metricId: 'nope', minutes: 30, reason: 'r' }), 'metric-not-measured', { agreementId: 'gold', metricId: 'nope' }),
  refusing('issue/excuse', (w) => ({ issueId: w.itIssue, agreementId: 'gold', metricId: 'first-response', reason: 'r' }), 'cycle-unknown', { metricId: 'first-response' }),
  refusing('issue/excuse', (w) => ({ issueId: w.hrIssue, agreementId: 'hr-sla', metricId: 'answer', reason: 'r' }), 'adjuster-only', { groups: [] }),
  refusing('no/such-route', {}, 'route-unknown', { route: 'no/such-route' }),
  refusing('calendars/get', { id: 7 }, 'payload-invalid', { route: 'calendars/get', path: '$.id' }),
];

describe('each refusal names its reason and the values its sentence needs', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeSite();
  });
  afterEach(async () => {
    await w.close();
  });
  const admin = (): CallContext => contextOf('site admin', w);
  // The HR agent may see the HR request but is in none of its agreement's groups.
  const asker = (key: string, payload: Record<string, unknown>): CallContext =>
    key.startsWith('issue/') && payload.issueId === w.hrIssue ? contextOf('agent of HR', w) : admin();

  it.each(REFUSING.map((r) => [r.key, r.reason, r] as const))('%s: %s', async (key, _reason, r) => {
    const payload = r.payload(w);
    const reply = await dispatch(w.app.deps, key, payload, asker(key, payload));
    expect(reply.ok ? reply : { ...reply.error, message: 'any' }).toMatchObject({
      code: REFUSAL_CODES[r.reason],
      reason: r.reason,
      params: r.params,
    });
    // Nothing a sentence needs is left out: the params hold exactly the declared values.
    if (!reply.ok) expect(reply.error.params).toEqual(r.params);
  });
});

describe('where an agreement is placed decides who reaches it', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeSite();
  });
  afterEach(async () => {
    await w.close();
  });
  const ops: CallContext = {
    accountId: 'ole-ops-admin',
    accountType: 'licensed',
    module: 'project-settings',
    projectKey: 'OPS',
  };
  const hrAdmin: CallContext = {
    accountId: 'hal-hr-admin',
    accountType: 'licensed',
    module: 'project-settings',
    projectKey: 'HR',
  };
  const listOf = async (ctx: CallContext) => {
    const reply = await dispatch(w.app.deps, 'agreements/list', {}, ctx);
    if (!reply.ok) throw new Error(reply.error.message);
    return (reply.data as Listed).map((a) => [a.id, a.catalogue === true ? 'catalogue' : 'whole']).sort();
  };

  it('gives a project without a list only the scoped agreements that can measure its issues', async () => {
    // Gold, the OLA and the UC select IT's issues, HR's SLA HR's: none of them can measure an OPS issue. An OLA
    // for every Highest issue can.
    const anywhere = {
      ...hrSla,
      id: 'anywhere-ola',
      kind: 'OLA',
      appliesTo: 'priority = Highest',
    } as Agreement;
    const seed = { expectedVersion: 0, savedAt: 0, savedBy: 'seed' };
    await w.app.store.config.put('agreement', anywhere.id, anywhere, seed);
    w.app.site.create({ project: 'OPS', reporter: 'gina-customer' });
    await w.app.drain();

    expect(await listOf(ops)).toEqual([
      ['anywhere-ola', 'whole'],
      ['gold', 'catalogue'],
      ['hr-sla', 'catalogue'],
      ['netco-uc', 'catalogue'],
      ['second-level', 'catalogue'],
    ]);
    await expectAnsweredAsUnknown(w, 'agreements/get', { id: 'gold' }, 'gold', ops);
    await expectAnsweredAsUnknown(w, 'calendars/get', { id: 'berlin-9-17' }, 'berlin-9-17', ops);
    const calendars = await dispatch(w.app.deps, 'calendars/list', {}, ops);
    expect(calendars.ok && ids(calendars.data)).toEqual(['hr-hours']);
    // Its reports: the agreements that can measure it, and Gold's name, counterparty and goals as an unknown id.
    const report = await dispatch(w.app.deps, 'reports/compliance', { projectKey: 'OPS' }, ops);
    expect(report.ok && [...new Set(reportNames(report.data))]).toEqual(['anywhere-ola']);
    for (const key of ['reports/gadget', 'reports/monthly', 'reports/csv', 'reports/compliance'])
      await expectAnsweredAsUnknown(w, key, { agreementId: 'gold', projectKey: 'OPS' }, 'gold', ops);
  });

  it('gives a project admin who lists another project’s agreement nothing more of it', async () => {
    const listed = await dispatch(
      w.app.deps,
      'projects/save',
      { projectKey: 'HR', agreementIds: ['hr-sla', 'gold'], expected: ['hr-sla'] },
      hrAdmin,
    );
    expect(code(listed)).toBe('ok');
    expect(await listOf(hrAdmin)).toEqual([
      ['gold', 'catalogue'],
      ['hr-sla', 'whole'],
      ['netco-uc', 'catalogue'],
      ['second-level', 'catalogue'],
    ]);
    await expectAnsweredAsUnknown(w, 'agreements/get', { id: 'gold' }, 'gold', hrAdmin);
    await expectAnsweredAsUnknown(w, 'agreements/history', { id: 'gold' }, 'gold', hrAdmin);
    await expectAnsweredAsUnknown(w, 'calendars/get', { id: 'always' }, 'always', hrAdmin);
    for (const key of ['reports/gadget', 'reports/monthly', 'reports/csv', 'reports/compliance'])
      await expectAnsweredAsUnknown(w, key, { agreementId: 'gold', projectKey: 'HR' }, 'gold', hrAdmin);
  });
});

describe('route lookup', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeSite();
  });
  afterAll(async () => {
    await w.close();
  });

  // Object.prototype's names are no routes; nor is the old portal/metrics, which named internal agreements.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'portal/metrics'])(
    'answers "%s" as no route, for every caller',
    async (key) => {
      for (const role of ROLES) {
        expect([role, await dispatch(w.app.deps, key, {}, contextOf(role, w))]).toEqual([
          role,
          {
            ok: false,
            error: {
              code: 'not-found',
              reason: 'route-unknown',
              params: { route: key },
              message: `Accord has no resolver "${key}".`,
            },
          },
        ]);
      }
    },
  );
});

function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'ok':
      return 'allowed';
    case 'passes':
      return `let through, then refused: ${outcome.code}`;
    case 'sees':
      return `allowed, sees ${outcome.what}`;
    case 'forbidden':
      return 'refused';
    case 'unknown':
      return 'answered as an unknown id';
  }
}
