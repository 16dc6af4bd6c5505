import { dispatch } from '../../app/resolvers/dispatch';
import type { Store } from '../../app/ports';
import type { AgreementKind } from '../../engine/agreement/types';
import type { MetricState } from '../../engine/evaluate/result';
import type { WorkingTime } from '../../engine/calendar/timeline';
import { formatInstant } from '../../engine/time/iso';
import type { EpochMs } from '../../engine/time/units';
import { SandboxApp } from '../app';
import { TEAMS, type PriorityName } from '../jira/service-desk';
import { jiraTimestamp, OUTAGE_START_FIELD } from '../jira/site';
import { SEED_AGREEMENTS, SEED_CALENDARS, SEED_PROJECT } from './config';
import { officeHours } from './office';
import { planIssue, type Forced, type IssuePlan, type Step } from './plan';
import { Random } from './random';
import { withReportData } from './reports';

export interface SeedOptions {
  /** Where the sandbox clock ends up: the seeded history lies in the `days` before it (see `sandboxNow`). */
  readonly now: number;
  /** How many requests; 300 unless said otherwise. */
  readonly issues?: number;
  readonly days?: number;
  /** The generator's seed: the same seed and `now` give the same sandbox. */
  readonly seed?: number;
}

/** What a seed made, for the console and the tests. */
export interface SeedReport {
  readonly from: string;
  readonly now: string;
  readonly issues: number;
  /** Requests not resolved at `now`. */
  readonly open: number;
  /** Product events the site raised (people's changes and Accord's own actions). */
  readonly events: number;
  /** The stored results (one per issue, agreement and metric) by agreement kind and state. */
  readonly results: Readonly<Record<AgreementKind, Readonly<Partial<Record<MetricState, number>>>>>;
  /** Results with a breached cycle, by agreement kind. */
  readonly everBreached: Readonly<Record<AgreementKind, number>>;
  /** Threshold actions performed (done in the action log). */
  readonly actions: number;
  readonly notifications: number;
  readonly seconds: number;
}

const MINUTE = 60_000;
const ADMIN = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };

/**
 * The latest requests are made to show every state a person should find on opening the sandbox, whatever the
 * random draw: an old one never answered (breached, Accord acting on it), one waiting for the customer (paused),
 * one with NetCo (the UC running), one with the second level (the OLA running), and a fresh urgent one at risk.
 * Each is raised as late as lets it reach its state `lead` minutes before the sandbox's `now`.
 */
const SHOWCASE: readonly { readonly lead: number; readonly forced: Forced }[] = [
  { lead: 6 * 1440, forced: { scenario: 'unanswered', priority: 'Medium', organization: 'Acme Corp' } },
  {
    lead: 60,
    forced: {
      scenario: 'waiting',
      hold: true,
      priority: 'Medium',
      organization: 'Acme Corp',
      requestType: 'Get IT help',
    },
  },
  {
    lead: 30,
    forced: {
      scenario: 'supplier',
      hold: true,
      priority: 'High',
      organization: 'Acme Corp',
      requestType: 'Report a network outage',
    },
  },
  {
    lead: 20,
    forced: { scenario: 'escalate', hold: true, priority: 'Medium', requestType: 'Report a system problem' },
  },
  {
    lead: 25,
    forced: {
      scenario: 'unanswered',
      priority: 'High',
      organization: 'Acme Corp',
      requestType: 'Report a system problem',
    },
  },
];

/**
 * Seeds a sandbox: saves the configuration through the admin's resolvers (so the audit log has it), then plays
 * about 300 requests over the last 60 days through the simulated site while moving the sandbox clock, so each
 * change is a Jira event the real consumers evaluate, and the sweeps, due events and threshold actions happen
 * at their moments. Deterministic: the same `now` and `seed` give the same site and the same results.
 *
 * @example const { app, report } = await seedSandbox(await openSqliteStore(':memory:'), { now: sandboxNow(Date.now()) });
 */
export async function seedSandbox(
  store: Store,
  options: SeedOptions,
): Promise<{ readonly app: SandboxApp; readonly report: SeedReport }> {
  const started = performance.now();
  const days = options.days ?? 60;
  const count = options.issues ?? 300;
  const from = options.now - days * 1440 * MINUTE;
  const app = new SandboxApp(store, { now: from });
  let events = 0;
  app.site.onEvent(() => events++);

  await configure(app);
  const office = officeHours();
  const seed = options.seed ?? 20260302;
  const plans = withReportData(
    planAll(new Random(seed), office, from, options.now, count),
    new Random(seed + 1),
  );
  // One SQLite transaction for the whole seed, for speed only (see Store.grouped): every write is as it would be.
  await store.grouped(() => play(app, plans, options.now));
  return {
    app,
    report: { ...(await report(app, from, events)), seconds: (performance.now() - started) / 1000 },
  };
}

async function configure(app: SandboxApp): Promise<void> {
  const saves: [string, unknown][] = [
    ...SEED_CALENDARS.map(
      (calendar) => ['calendars/save', { calendar, expectedVersion: 0 }] as [string, unknown],
    ),
    ...SEED_AGREEMENTS.map(
      (agreement) => ['agreements/save', { agreement, expectedVersion: 0 }] as [string, unknown],
    ),
    ['projects/set', { projectKey: SEED_PROJECT.key, agreementIds: SEED_PROJECT.agreementIds }],
  ];
  for (const [key, payload] of saves) {
    const reply = await dispatch(app.deps, key, payload, ADMIN);
    if (!reply.ok) throw new Error(`seeding ${key} failed: ${reply.error.message}`);
  }
}

/** Arrival instants weighted to office hours (about one request in five comes in the evening or at weekends). */
function planAll(random: Random, office: WorkingTime, from: number, now: number, count: number): IssuePlan[] {
  const showcase = SHOWCASE.slice(0, Math.min(SHOWCASE.length, count));
  const arrivals: number[] = [];
  const first = from + 30 * MINUTE;
  const last = now - 30 * MINUTE;
  while (arrivals.length < count - showcase.length) {
    const at = Math.floor(first + random.next() * (last - first));
    if (office.isWorking(at as EpochMs) || random.chance(0.08)) arrivals.push(at);
  }
  arrivals.sort((a, b) => a - b);
  const plans = arrivals.map((at) => planIssue(random, office, at));
  for (const { lead, forced } of showcase) {
    const seed = Math.floor(random.next() * 2 ** 32);
    // Step back ten minutes at a time until the plan, drawn the same way each time, ends `lead` before now.
    for (let created = now - lead * MINUTE; ; created -= 10 * MINUTE) {
      const plan = planIssue(new Random(seed), office, created, forced);
      const end = plan.steps[plan.steps.length - 1]?.at ?? plan.createdAt;
      if (end <= now - lead * MINUTE || created < from) {
        plans.push(plan);
        break;
      }
    }
  }
  return plans;
}

type Play = { readonly at: number; readonly plan: number; readonly step: Step | undefined };

/** Plays every plan's creation and steps in time order, moving the clock to each; what lies after `now` is left out. */
async function play(app: SandboxApp, plans: readonly IssuePlan[], now: number): Promise<void> {
  const timeline: Play[] = plans.flatMap((plan, index) => [
    { at: plan.createdAt, plan: index, step: undefined },
    ...plan.steps.map((step) => ({ at: step.at, plan: index, step })),
  ]);
  // Stable: a plan's own steps keep their order; equal instants go by plan.
  timeline.sort((a, b) => a.at - b.at || a.plan - b.plan);
  const ids = new Map<number, string>();
  for (const entry of timeline) {
    if (entry.at > now) break;
    await app.advance(entry.at - app.clock.now());
    const plan = plans[entry.plan];
    if (!plan) continue;
    if (entry.step === undefined) {
      const issue = app.site.create({
        reporter: plan.reporter,
        priority: plan.priority,
        status: 'Waiting for support',
        summary: plan.summary,
        requestType: plan.requestType,
        organizations: [plan.organization],
        components: plan.components,
        fields: {
          customfield_10050: { value: 'First Level', id: String(10020 + TEAMS.indexOf('First Level')) },
          ...(plan.outageStart === undefined
            ? {}
            : { [OUTAGE_START_FIELD]: jiraTimestamp(plan.outageStart as EpochMs) }),
        },
      });
      ids.set(entry.plan, issue.id);
      continue;
    }
    const id = ids.get(entry.plan);
    if (id !== undefined) apply(app, id, entry.step);
  }
  await app.advance(now - app.clock.now());
}

const RANK: Readonly<Record<string, number>> = { Highest: 0, High: 1, Medium: 2, Low: 3, Lowest: 4 };

function apply(app: SandboxApp, id: string, step: Step): void {
  const site = app.site;
  switch (step.kind) {
    case 'comment':
      site.comment(id, step.actor, step.text, step.internal === true ? { internal: true } : {});
      return;
    case 'transition':
      site.transition(id, step.actor, step.to);
      return;
    case 'assign':
      site.assign(id, step.actor, step.assignee);
      return;
    case 'team':
      site.setTeam(id, step.actor, step.team);
      return;
    case 'rate':
      site.rate(id, step.actor, step.rating);
      return;
    case 'outage-end':
      site.setOutage(id, step.actor, 'end', step.endedAt);
      return;
    case 'priority': {
      const current = (site.find(id)?.field('priority') as { name?: PriorityName } | null)?.name ?? 'Medium';
      if ((RANK[step.to] ?? 2) < (RANK[current] ?? 2)) site.setPriority(id, step.actor, step.to);
      return;
    }
  }
}

async function report(app: SandboxApp, from: number, events: number): Promise<Omit<SeedReport, 'seconds'>> {
  const results: Record<AgreementKind, Partial<Record<MetricState, number>>> = { SLA: {}, OLA: {}, UC: {} };
  const everBreached: Record<AgreementKind, number> = { SLA: 0, OLA: 0, UC: 0 };
  let actions = 0;
  let open = 0;
  for (const issue of app.site.issues.values()) {
    if (issue.field('resolution') === null) open++;
    for (const r of await app.store.results.forIssue(issue.id)) {
      const byState = results[r.kind];
      byState[r.state] = (byState[r.state] ?? 0) + 1;
      if (r.everBreached) everBreached[r.kind]++;
    }
    actions += (await app.store.actions.forIssue(issue.id)).filter((a) => a.status === 'done').length;
  }
  return {
    from: formatInstant(from as EpochMs),
    now: formatInstant(app.clock.now()),
    issues: app.site.issues.size,
    open,
    events,
    results,
    everBreached,
    actions,
    notifications: app.site.notifications.length,
  };
}
