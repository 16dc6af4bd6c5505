/**
 * The agreement configuration format (docs/engine-contract.md, "Agreement"). Agreements are SLAs (with
 * customers), OLAs (with internal teams) and UCs (with suppliers); each measures one or more metrics on an issue.
 */
export type AgreementKind = 'SLA' | 'OLA' | 'UC';

export interface Agreement {
  id: string;
  name: string;
  kind: AgreementKind;
  /** Customer organization (SLA), internal team (OLA), supplier (UC). */
  counterparty?: string;
  /** ISO dates (or instants); issues created outside are not covered. Dates are whole UTC days, `validTo` inclusive. */
  validFrom?: string;
  validTo?: string;
  /** ISO date of the next agreed review. */
  reviewBy?: string;
  /** JQL subset: which issues the agreement covers, judged on the state at the evaluation instant. Absent = all. */
  appliesTo?: string;
  /** SLA metrics shown on the customer portal; never for OLA or UC. */
  customerVisible?: boolean;
  /**
   * Posts the SLA's customer-visible commitments as a public comment when a request is raised, and again when a
   * committed time moves by more than `moveMinutes`, in the reporter's language and zone. SLA only, and only a
   * customer-visible one.
   */
  commitmentComments?: CommitmentComments;
  metrics: Metric[];
  /**
   * The IANA zone reporting periods (weeks, months, quarters) are counted in. Absent: the zone of the first
   * goal's calendar, so a Berlin SLA's months are Berlin months.
   */
  reportingTimeZone?: string;
  /** The fee per month the service credits of {@link penalties} are a share of, in {@link currency}. */
  monthlyFee?: number;
  /** ISO 4217 code of {@link monthlyFee}, e.g. `EUR`. */
  currency?: string;
  /** Service credits owed when a service level is missed (see {@link PenaltyClause}). */
  penalties?: PenaltyClause[];
  /** The credits of one period together are at most this share of that period's fee; default 100. */
  creditCapPercent?: number;
  /** Availability objectives of services the agreement covers, measured from incident issues. */
  availability?: AvailabilityObjective[];
  /**
   * Jira groups whose members may extend a deadline or excuse a breach on an issue the agreement covers (Jira
   * administrators always may); at most 20, each named once.
   */
  extensionGroups?: string[];
  /**
   * Whether an excused breach still counts as a breach in compliance and credits. Default false: an excused
   * breach is left out of both (neither met nor breached) and shown apart.
   */
  countExcusedBreaches?: boolean;
}

/**
 * A service credit: "met share below 95 % in a month: 5 % of the monthly fee".
 *
 * What the clause judges is the met share of the cycles it covers, pooled: one goal (`metric` and `goal`), every
 * goal of a metric (`metric`), every metric of the agreement (neither), or a service's availability (`service`).
 * Clauses on the same measure and period are tiers: only the largest credit whose threshold is missed is owed.
 * Credits of different clauses add up, to at most {@link Agreement.creditCapPercent} of the period's fee (a
 * quarter's fee is three monthly fees). A period in which no cycle ended owes nothing: there is nothing to judge.
 */
export interface PenaltyClause {
  /** Metric id. */
  metric?: string;
  /** Goal index in the metric's `goals` (0-based); requires `metric`. */
  goal?: number;
  /** An availability objective's `service`; excludes `metric`. */
  service?: string;
  /**
   * Owed when the measured share is below this percent. Default: the goal's `objectivePercent` (with `goal`)
   * or the service's (with `service`); required otherwise.
   */
  belowPercent?: number;
  /** Share of the period's fee credited. */
  creditPercent: number;
  period: 'month' | 'quarter';
}

/**
 * "The VPN is available 99.9 % of its service hours": downtime is taken from incident issues, each from its
 * outage-start field (or its creation) to its outage-end field (or its resolution), inside the calendar's
 * working time, with planned maintenance excluded from both downtime and service time; overlapping incidents
 * count once.
 */
export interface AvailabilityObjective {
  /** The service's name, unique within the agreement, e.g. `VPN`. */
  service: string;
  objectivePercent: number;
  /** Calendar id: the hours the service is agreed to be available (a 24/7 calendar for an always-on service). */
  calendar: string;
  /** JQL subset selecting the incident issues that are outages of this service. */
  incidentJql: string;
  /** A date-time field holding when the outage began (`cf[10080]`, `customfield_10080` or its name); default: created. */
  outageStartField?: string;
  /** A date-time field holding when the outage ended; default: the resolution date. */
  outageEndField?: string;
  maintenanceWindows?: MaintenanceWindow[];
}

/**
 * Planned maintenance: one-off between two ISO instants with an offset (`2026-03-14T22:00:00+01:00`), or every
 * week on `weekly`'s day between local `HH:mm` times of the availability calendar's zone (`24:00` allowed as
 * `to`). Half-open, like every interval in Accord.
 */
export interface MaintenanceWindow {
  from: string;
  to: string;
  weekly?: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
  name?: string;
}

export interface Metric {
  id: string;
  name: string;
  /** Any of these events starts a cycle when none is running. */
  start: Condition[];
  /** Any of these events ends the running cycle: met or breached. */
  stop: Condition[];
  /** JQL subset on the state over time; while true the clock stops. */
  pauseWhile?: string;
  /** Discards the running cycle's time and starts counting again from the event. */
  reset?: Condition[];
  /** Ordered; the first whose `when` matches applies; a goal without `when` matches all. */
  goals: Goal[];
  /**
   * Default `retarget`: from the instant the state selects another goal, that goal applies, with the time
   * already elapsed; a breach stays where it happened, under its goal. `keep`: the goal chosen when the cycle
   * started stays. See docs/engine-contract.md, "Goal changes".
   */
  goalChange?: 'retarget' | 'keep';
  thresholds?: Threshold[];
}

/**
 * One of a metric's ordered goals. It has exactly one target: `targetMinutes`, `businessDays` or
 * `dueDateField` (see docs/goals.md for the exact rules).
 */
export interface Goal {
  when?: string;
  /** Working minutes of the calendar. Null: measure only, never breach. */
  targetMinutes?: number | null;
  /**
   * "Next business day", "2 business days", "before 12:00: today by 17:00": a deadline in whole working days
   * of the calendar after the start day, which a start at or after `cutoff` moves to the next working day.
   */
  businessDays?: BusinessDays;
  /**
   * A Jira date or date-time field holding the agreed deadline, by id (`duedate`, `customfield_10040`,
   * `cf[10040]`) or name. While it is empty the goal does not match, and the next goal applies.
   */
  dueDateField?: string;
  /** Calendar id. */
  calendar: string;
  /** Share of cycles per reporting period that must meet the target, e.g. 95. */
  objectivePercent?: number;
}

export interface BusinessDays {
  /** Working days after the start day; 0: the start day itself. */
  days: number;
  /** Local `HH:mm`: a start at or after it counts from the next working day. Default: the end of the day's hours. */
  cutoff?: string;
  /** Local `HH:mm` of the deadline on its day. Default: the end of that day's last working span. */
  dueAt?: string;
}

/**
 * Events a metric listens to. For `assignee`: `set` is any change that leaves someone assigned (a first
 * assignment or a reassignment), `cleared` one that leaves nobody, `changed` any change at all. A comment
 * `by: 'any'` includes replies by apps; `by: 'agent'` never does (automation is no agent response).
 */
export type Condition =
  | { event: 'created' }
  | { event: 'status'; to?: string[]; from?: string[]; toCategory?: 'new' | 'indeterminate' | 'done' }
  | { event: 'comment'; by: 'agent' | 'customer' | 'any'; public?: boolean }
  | { event: 'assignee'; change: 'set' | 'cleared' | 'changed' }
  | { event: 'resolution'; change: 'set' | 'cleared' }
  | { event: 'field'; field: string; to?: string[] };

export interface Threshold {
  at: { percent: number } | { minutesBefore: number } | { minutesAfterBreach: number };
  repeatEveryMinutes?: number;
  actions: Action[];
}

/** Text may use {issue} {agreement} {metric} {remaining} {deadline}. */
export type Action =
  | { type: 'comment'; body: string; internal?: boolean }
  | {
      type: 'notify';
      to: ('assignee' | 'reporter' | 'watchers')[];
      groups?: string[];
      users?: string[];
      subject: string;
      body: string;
    }
  | { type: 'assign'; accountId: string | null }
  | { type: 'priority'; name: string }
  | { type: 'transition'; to: string }
  | { type: 'label'; add: string };

/** When an SLA posts its commitments to the customer as a public comment (see {@link Agreement}). */
export interface CommitmentComments {
  /** Post again when a committed time moves by more than this many minutes (earlier or later). */
  moveMinutes: number;
}
