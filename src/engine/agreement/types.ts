/**
 * The agreement configuration format (DESIGN.md, "Agreement"). Agreements are SLAs (with customers), OLAs
 * (with internal teams) and UCs (with suppliers); each measures one or more metrics on an issue.
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
  metrics: Metric[];
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
  /** Default `retarget`: the goal is chosen on the state at the evaluation instant (at the stop for finished cycles); `keep`: the goal chosen when the cycle started stays. */
  goalChange?: 'retarget' | 'keep';
  thresholds?: Threshold[];
}

export interface Goal {
  when?: string;
  /** Null: measure only, never breach. */
  targetMinutes: number | null;
  /** Calendar id. */
  calendar: string;
  /** Share of cycles per reporting period that must meet the target, e.g. 95. */
  objectivePercent?: number;
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
