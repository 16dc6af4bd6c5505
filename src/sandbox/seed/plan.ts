import type { WorkingTime } from '../../engine/calendar/timeline';
import { REQUEST_TYPES, type PriorityName, type RequestType, type Team } from '../jira/service-desk';
import {
  FIRST_LEVEL_AGENTS,
  SANDBOX_ORGANIZATIONS,
  SECOND_LEVEL_AGENTS,
  type SandboxOrganization,
} from '../users';
import type { Random } from './random';
import * as text from './texts';

/**
 * How one seeded request goes, as data: who raises it and when, then each change people make to it. The seed
 * plays these through the simulated site while the sandbox clock moves, so Accord sees them as Jira events.
 */
export interface IssuePlan {
  readonly createdAt: number;
  readonly reporter: string;
  readonly organization: SandboxOrganization;
  readonly requestType: RequestType;
  readonly priority: PriorityName;
  readonly summary: string;
  readonly components: readonly string[];
  readonly scenario: Scenario;
  readonly steps: readonly Step[];
  /** For a request that reports a VPN outage: when the outage began (set on the request as it is raised). */
  readonly outageStart?: number;
}

/**
 * - `quick`: answered and fixed at once (password resets);
 * - `standard`: answered, worked on, resolved;
 * - `waiting`: the agent asks a question and waits for the customer (the resolution clock pauses);
 * - `escalate`: handed to the second-level team (their OLA runs), which resolves it or hands it back, now and
 *   then too late for the SLA;
 * - `supplier`: a network fault the second level hands to the carrier NetCo (the UC runs) and takes back,
 *   some after a day or more;
 * - `unanswered`: nobody has touched it yet.
 */
export type Scenario = 'quick' | 'standard' | 'waiting' | 'escalate' | 'supplier' | 'unanswered';

/** One change a person makes to a request, at an instant. */
export type Step =
  | {
      readonly at: number;
      readonly kind: 'comment';
      readonly actor: string;
      readonly text: string;
      readonly internal?: boolean;
    }
  | { readonly at: number; readonly kind: 'transition'; readonly actor: string; readonly to: string }
  | { readonly at: number; readonly kind: 'assign'; readonly actor: string; readonly assignee: string }
  | { readonly at: number; readonly kind: 'team'; readonly actor: string; readonly team: Team }
  /** Raises the priority to `to`, unless it is already as urgent (Accord may have raised it on a breach). */
  | { readonly at: number; readonly kind: 'priority'; readonly actor: string; readonly to: PriorityName }
  /** The customer rates the resolved request (JSM's satisfaction survey), 1–5. */
  | { readonly at: number; readonly kind: 'rate'; readonly actor: string; readonly rating: number }
  /** An agent records when the outage the request reports ended. */
  | { readonly at: number; readonly kind: 'outage-end'; readonly actor: string; readonly endedAt: number };

/** What a showcase request is made to be; anything left out is drawn at random. */
export interface Forced {
  readonly scenario?: Scenario;
  readonly priority?: PriorityName;
  readonly requestType?: string;
  readonly organization?: string;
  /** Stop once the scenario reaches its open state (waiting for the customer, with the second level, with NetCo). */
  readonly hold?: boolean;
}

const MINUTE = 60_000;

const byName = (name: string): RequestType => {
  const type = REQUEST_TYPES.find((t) => t.name === name);
  if (!type) throw new Error(`no request type ${name}`);
  return type;
};

const REQUEST_TYPE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Report a system problem', 30],
  ['Get IT help', 25],
  ['Fix an account problem', 18],
  ['Request new hardware', 10],
  ['Report a network outage', 17],
];

const PRIORITY_WEIGHTS: Readonly<Record<string, readonly (readonly [PriorityName, number])[]>> = {
  'Report a network outage': [
    ['Highest', 15],
    ['High', 40],
    ['Medium', 35],
    ['Low', 10],
  ],
  'Report a system problem': [
    ['Highest', 5],
    ['High', 25],
    ['Medium', 50],
    ['Low', 15],
    ['Lowest', 5],
  ],
  'Get IT help': [
    ['High', 5],
    ['Medium', 50],
    ['Low', 35],
    ['Lowest', 10],
  ],
  'Fix an account problem': [
    ['High', 20],
    ['Medium', 60],
    ['Low', 20],
  ],
  'Request new hardware': [
    ['Medium', 40],
    ['Low', 45],
    ['Lowest', 15],
  ],
};

const SCENARIO_WEIGHTS: Readonly<Record<string, readonly (readonly [Scenario, number])[]>> = {
  'Report a network outage': [
    ['supplier', 45],
    ['escalate', 25],
    ['standard', 30],
  ],
  'Report a system problem': [
    ['standard', 35],
    ['waiting', 25],
    ['escalate', 40],
  ],
  'Get IT help': [
    ['standard', 50],
    ['waiting', 40],
    ['escalate', 10],
  ],
  'Fix an account problem': [
    ['quick', 70],
    ['standard', 20],
    ['waiting', 10],
  ],
  'Request new hardware': [
    ['standard', 60],
    ['waiting', 40],
  ],
};

const COMPONENTS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'Report a network outage': [['Network'], ['Network', 'VPN']],
  'Report a system problem': [[], ['Email']],
  'Get IT help': [[]],
  'Fix an account problem': [['Accounts']],
  'Request new hardware': [['Hardware']],
};

const RANK: Readonly<Record<PriorityName, number>> = { Highest: 0, High: 1, Medium: 2, Low: 3, Lowest: 4 };
const urgent = (p: PriorityName): boolean => RANK[p] <= RANK.High;

/**
 * Plans one request raised at `createdAt`. Agents (and customers, who work in offices too) act in working time
 * of `office` (Berlin 9–17 with its holidays), so a request raised on Friday evening waits for Monday; an
 * urgent one raised out of hours is usually picked up by the on-call agent within the hour.
 */
export function planIssue(
  random: Random,
  office: WorkingTime,
  createdAt: number,
  forced: Forced = {},
): IssuePlan {
  const requestType = byName(forced.requestType ?? random.weighted(REQUEST_TYPE_WEIGHTS));
  const organization =
    SANDBOX_ORGANIZATIONS.find((o) => o.name === forced.organization) ??
    random.weighted(SANDBOX_ORGANIZATIONS.map((o, i) => [o, i === 0 ? 65 : 35] as const));
  const reporter = random.pick(organization.members);
  const priority = forced.priority ?? random.weighted(PRIORITY_WEIGHTS[requestType.name] ?? [['Medium', 1]]);
  const summary = random.pick(text.SUMMARIES[requestType.name] ?? ['Something is wrong']);
  const components = random.pick(COMPONENTS[requestType.name] ?? [[]]);
  const scenario =
    forced.scenario ?? random.weighted(SCENARIO_WEIGHTS[requestType.name] ?? [['standard', 1]]);
  const steps = new Steps(random, office, createdAt);
  const plan = { createdAt, reporter, organization, requestType, priority, summary, components, scenario };
  if (scenario === 'unanswered') return { ...plan, steps: steps.list };

  // ── First response ────────────────────────────────────────────────────────────────────────────────────
  const agent = random.pick(FIRST_LEVEL_AGENTS);
  const onCall = urgent(priority) && !office.isWorking(createdAt as never) && random.chance(0.6);
  if (onCall) steps.real(random.int(8, 40));
  else {
    const base = urgent(priority)
      ? random.int(3, 25)
      : priority === 'Medium'
        ? random.int(10, 90)
        : random.int(30, 300);
    // Some requests sit in the queue too long: most first-response breaches come from here.
    steps.work(random.chance(0.1) ? base * random.int(3, 6) : base);
  }
  steps.add({ kind: 'assign', actor: agent, assignee: agent });
  const asks = scenario === 'waiting';
  steps.soon(1, 4).add({
    kind: 'comment',
    actor: agent,
    text: random.pick(asks ? text.QUESTIONS : text.FIRST_RESPONSES),
  });
  if (asks) steps.soon(0, 2).add({ kind: 'transition', actor: agent, to: 'Waiting for customer' });
  else steps.soon(1, 3).add({ kind: 'transition', actor: agent, to: 'In Progress' });
  if (!urgent(priority) && random.chance(0.1)) {
    steps
      .work(random.int(5, 30))
      .add({ kind: 'priority', actor: agent, to: priority === 'Medium' ? 'High' : 'Medium' });
  }

  // ── The scenario's body ───────────────────────────────────────────────────────────────────────────────
  let resolver = agent;
  const resolve = (by: string): void => {
    steps.add({ kind: 'comment', actor: by, text: random.pick(text.RESOLUTIONS) });
    steps.soon(0, 2).add({ kind: 'transition', actor: by, to: 'Resolved' });
  };
  const waitForCustomer = (by: string, hold: boolean): boolean => {
    if (!asks) {
      steps.work(random.int(10, 120)).add({ kind: 'comment', actor: by, text: random.pick(text.QUESTIONS) });
      steps.soon(0, 2).add({ kind: 'transition', actor: by, to: 'Waiting for customer' });
    }
    if (hold) return false;
    if (random.chance(0.08)) {
      // No answer: the agent closes it days later, the resolution clock paused all the while.
      steps
        .work(random.int(3 * 480, 5 * 480))
        .add({ kind: 'comment', actor: by, text: random.pick(text.NO_REPLY) });
      steps.soon(0, 2).add({ kind: 'transition', actor: by, to: 'Resolved' });
      return false;
    }
    steps
      .work(random.int(20, 900))
      .add({ kind: 'comment', actor: plan.reporter, text: random.pick(text.CUSTOMER_REPLIES) });
    steps.work(random.int(5, 120)).add({ kind: 'transition', actor: by, to: 'In Progress' });
    return true;
  };
  const escalate = (): string => {
    const second = random.pick(SECOND_LEVEL_AGENTS);
    steps
      .work(random.int(5, 60))
      .add({ kind: 'comment', actor: agent, text: random.pick(text.ESCALATIONS), internal: true });
    steps.soon(0, 1).add({ kind: 'team', actor: agent, team: 'Second Level' });
    steps.soon(0, 1).add({ kind: 'transition', actor: agent, to: 'Escalated' });
    steps.work(random.int(5, 40)).add({ kind: 'assign', actor: second, assignee: second });
    return second;
  };

  switch (scenario) {
    case 'quick':
      steps.work(random.int(5, 45));
      resolve(agent);
      break;
    case 'standard':
      if (priority === 'Highest') steps.real(random.int(40, 300));
      else steps.work(urgent(priority) ? random.int(40, 560) : random.int(60, 1700));
      resolve(agent);
      break;
    case 'waiting':
      if (!waitForCustomer(agent, forced.hold === true)) break;
      steps.work(random.int(30, 600));
      resolve(agent);
      break;
    case 'escalate': {
      const second = escalate();
      if (forced.hold === true) break;
      if (random.chance(0.25) && !waitForCustomer(second, false)) break;
      // Now and then the second level is swamped and holds the request past the SLA: the report's
      // attribution then shows the OLA team that let the SLA down.
      const swamped = random.chance(0.2);
      steps.work(
        swamped ? random.int(300, 900) : urgent(priority) ? random.int(20, 140) : random.int(40, 400),
      );
      if (random.chance(0.6)) {
        resolver = second;
        resolve(second);
      } else {
        steps.add({ kind: 'comment', actor: second, text: random.pick(text.HAND_BACKS), internal: true });
        steps.soon(0, 1).add({ kind: 'team', actor: second, team: 'First Level' });
        steps.soon(0, 1).add({ kind: 'assign', actor: second, assignee: agent });
        steps.soon(0, 1).add({ kind: 'transition', actor: second, to: 'In Progress' });
        steps.work(random.int(15, 240));
        resolve(agent);
      }
      break;
    }
    case 'supplier': {
      const second = escalate();
      steps.work(random.int(20, 120)).add({
        kind: 'comment',
        actor: second,
        text: random.pick(text.SUPPLIER_HANDOFFS),
        internal: true,
      });
      steps.soon(0, 1).add({ kind: 'team', actor: second, team: 'NetCo' });
      steps.soon(0, 1).add({ kind: 'transition', actor: second, to: 'Pending' });
      if (forced.hold === true) break;
      // The carrier works around the clock; its contract counts 24/7.
      // A few outages take the carrier a day or more, past the SLA: attributed to the UC in the report.
      const slowCarrier = random.chance(0.2);
      steps
        .real(slowCarrier ? random.int(900, 2400) : random.int(45, 300))
        .add({ kind: 'team', actor: second, team: 'Second Level' });
      steps
        .soon(0, 1)
        .add({ kind: 'comment', actor: second, text: random.pick(text.SUPPLIER_RETURNS), internal: true });
      steps.soon(0, 1).add({ kind: 'transition', actor: second, to: 'In Progress' });
      steps.work(random.int(15, 90));
      resolver = second;
      resolve(second);
      break;
    }
  }

  // ── After the resolution ──────────────────────────────────────────────────────────────────────────────
  const resolved = steps.last()?.kind === 'transition' && (steps.last() as { to: string }).to === 'Resolved';
  if (resolved && random.chance(0.08)) {
    steps
      .work(random.int(60, 1200))
      .add({ kind: 'comment', actor: reporter, text: random.pick(text.REOPENINGS) });
    steps.work(random.int(10, 120)).add({ kind: 'transition', actor: resolver, to: 'In Progress' });
    steps.soon(1, 5).add({ kind: 'comment', actor: resolver, text: random.pick(text.FIRST_RESPONSES) });
    steps.work(random.int(30, 400));
    resolve(resolver);
  }
  if (resolved && random.chance(0.4))
    steps.real(random.int(2 * 1440, 5 * 1440)).add({ kind: 'transition', actor: resolver, to: 'Closed' });
  return { ...plan, steps: steps.list };
}

type StepBody = Step extends infer S ? (S extends Step ? Omit<S, 'at'> : never) : never;

/** The steps of one plan and the instant reached, each step at least a minute after the one before. */
class Steps {
  readonly list: Step[] = [];
  private at: number;

  constructor(
    private readonly random: Random,
    private readonly office: WorkingTime,
    start: number,
  ) {
    this.at = start;
  }

  /** Moves on by `minutes` of office working time (people act in their working hours). */
  work(minutes: number): this {
    const to = this.office.deadline(this.at as never, (minutes * MINUTE) as never);
    return this.to(to ?? this.at + minutes * MINUTE);
  }

  /** Moves on by `minutes` of real time. */
  real(minutes: number): this {
    return this.to(this.at + minutes * MINUTE);
  }

  /** A few real minutes later: the next click of the same person. */
  soon(min: number, max: number): this {
    return this.to(this.at + this.random.int(min, max) * MINUTE);
  }

  add(step: StepBody): this {
    this.list.push({ ...step, at: this.at });
    return this;
  }

  last(): Step | undefined {
    return this.list[this.list.length - 1];
  }

  private to(instant: number): this {
    // Seconds as well, so that timestamps look like people's; never two steps in the same second.
    this.at = Math.max(instant, this.at) + this.random.int(3, 59) * 1000;
    return this;
  }
}
