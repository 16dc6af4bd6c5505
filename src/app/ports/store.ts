import type { Agreement, AgreementKind } from '../../engine/agreement/types';
import type { Calendar } from '../../engine/calendar/types';
import type { MetricResult, MetricState } from '../../engine/evaluate/result';
import type { IssueHistoryData } from '../../engine/issue';

/**
 * Accord's storage (Forge SQL in production, embedded SQLite in the sandbox, MariaDB in CI's contract run).
 *
 * There are no transactions, so every write is an idempotent upsert or insert on a natural key, and every
 * sequence of writes leaves a consistent state if it stops half-way: a configuration save writes one new
 * immutable version row (readers take the highest version), results carry the stamp of the history they came
 * from and never overwrite a newer one, the action log claims a key before acting.
 */
export interface Store {
  readonly config: ConfigStore;
  readonly results: ResultStore;
  readonly histories: HistoryStore;
  readonly actions: ActionLog;
  readonly jobs: JobStore;
  readonly audit: AuditLog;
  /** SQL aggregates and listings over the current results, for service level reports. */
  readonly reports: ReportStore;
  /** Issues changed and not measured yet. */
  readonly pending: PendingStore;
  /** Expiring counters and leases shared by every function instance. */
  readonly budgets: BudgetStore;
  /** Extensions and excused breaches of issues' cycles. */
  readonly adjustments: AdjustmentStore;
  /** The retention policy and what it keeps instead of old rows: monthly aggregates of folded cycles. */
  readonly retention: RetentionStore;
  /**
   * Runs `work`, letting the database group its writes for speed where it can (SQLite commits them together);
   * never changes what is written or read: every write stays as safe on its own as without it, and nothing is
   * rolled back if `work` fails. Forge SQL has nothing to group with, so there it simply runs `work`.
   */
  grouped<T>(work: () => Promise<T>): Promise<T>;
}

// ── Configuration: immutable versions ─────────────────────────────────────────────────────────────────

export type ConfigKind = 'calendar' | 'agreement';

export interface Version<T> {
  readonly id: string;
  /** 1, 2, 3, … per id. */
  readonly version: number;
  /** Null for a deletion (a tombstone version). */
  readonly body: T | null;
  readonly savedAt: number;
  readonly savedBy: string;
}

export interface ConfigStore {
  /** The newest version of each id that is not deleted. */
  list<K extends ConfigKind>(kind: K): Promise<Version<ConfigBody<K>>[]>;
  /** A given version, or the newest (which may be a deletion) when `version` is omitted. */
  get<K extends ConfigKind>(
    kind: K,
    id: string,
    version?: number,
  ): Promise<Version<ConfigBody<K>> | undefined>;
  /** Every version of an id, oldest first. */
  history<K extends ConfigKind>(kind: K, id: string): Promise<Version<ConfigBody<K>>[]>;
  /**
   * Writes version `expectedVersion + 1` (0 for a new id). Resolves to the new version, or to `conflict` when
   * someone else saved in between (the insert on the primary key (kind, id, version) fails).
   */
  put<K extends ConfigKind>(
    kind: K,
    id: string,
    body: ConfigBody<K> | null,
    meta: { readonly expectedVersion: number; readonly savedAt: number; readonly savedBy: string },
  ): Promise<Version<ConfigBody<K>> | 'conflict'>;
  /** Which agreements apply to a project, in order (ids); [] if none are set. */
  projectAgreements(projectKey: string): Promise<string[]>;
  setProjectAgreements(projectKey: string, agreementIds: readonly string[]): Promise<void>;
  /**
   * Sets a project's agreements to `next` only if they are still `expected`, in one statement (compare and
   * set: an UPDATE or DELETE that names the expected list, or an INSERT on the project's key when none was
   * set), so that of two saves from the same list exactly one wins. Resolves to whether this one did.
   */
  swapProjectAgreements(
    projectKey: string,
    expected: readonly string[],
    next: readonly string[],
  ): Promise<boolean>;
  /** Every project that has agreements set. */
  projects(): Promise<{ projectKey: string; agreementIds: string[] }[]>;
}

export type ConfigBody<K extends ConfigKind> = K extends 'calendar' ? Calendar : Agreement;

// ── Results ────────────────────────────────────────────────────────────────────────────────────────────

/** One metric of one agreement on one issue, as last evaluated. */
export interface StoredResult {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectKey: string;
  readonly agreementId: string;
  readonly agreementVersion: number;
  /** Versions of the calendars the result was computed with, by calendar id. */
  readonly calendarVersions: Readonly<Record<string, number>>;
  readonly kind: AgreementKind;
  readonly metricId: string;
  readonly state: MetricState;
  readonly breached: boolean;
  readonly everBreached: boolean;
  /** The running cycle's deadline (epoch ms), if any. */
  readonly deadline: number | null;
  /** The next instant a threshold or deadline is due (epoch ms), for the sweep. */
  readonly nextDue: number | null;
  readonly evaluatedAt: number;
  /** The stamp of the history evaluated (see {@link HistoryStamp}); an older stamp never overwrites a newer one. */
  readonly stamp: string;
  readonly result: MetricResult;
}

/**
 * Orders histories of one issue, so that string order is age order and every change (a deletion too) raises
 * it: the latest instant in the history, the number of changelog entries, and when the read began (see
 * `historyStamp` in `evaluation/rows.ts`).
 */
export type HistoryStamp = string;

/** One cycle of a metric, for reports: a row per cycle. */
export interface StoredCycle {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectKey: string;
  readonly agreementId: string;
  readonly agreementVersion: number;
  readonly kind: AgreementKind;
  readonly counterparty: string | null;
  readonly metricId: string;
  /** 0-based position of the cycle in the metric. */
  readonly cycle: number;
  readonly goalIndex: number | null;
  readonly targetMinutes: number | null;
  readonly objectivePercent: number | null;
  readonly startedAt: number;
  readonly stoppedAt: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly breached: boolean;
  readonly breachedAt: number | null;
  /** An extension counted for the cycle. Absent: false. */
  readonly extended?: boolean;
  /** The cycle's breach is excused. Absent: false. */
  readonly excused?: boolean;
}

/** What reports need of the issue itself, stored with its results (the same write, the same stamp). */
export interface IssueFacts {
  /** The JSM satisfaction rating, 1–5, or null when the customer gave none. */
  readonly satisfaction: number | null;
}

/** One issue's part of {@link ResultStore.replaceIssues}: what {@link ResultStore.replaceIssue} takes. */
export interface IssueWrite {
  readonly issueId: string;
  readonly stamp: HistoryStamp;
  readonly results: readonly StoredResult[];
  readonly cycles: readonly StoredCycle[];
  readonly facts?: IssueFacts;
}

export interface ResultStore {
  /**
   * Replaces an issue's results and cycles (and its facts) with these, unless the stored ones come from a newer
   * stamp (then nothing is written and `stale` is returned). Rows for agreements or metrics that no longer apply
   * are removed.
   */
  replaceIssue(
    issueId: string,
    stamp: HistoryStamp,
    results: readonly StoredResult[],
    cycles: readonly StoredCycle[],
    facts?: IssueFacts,
  ): Promise<'written' | 'stale'>;
  /**
   * {@link replaceIssue} for several issues in a few statements (a recalculation step), each issue under its own
   * stamp guard exactly as if written alone: an issue whose stored results come from a newer stamp, or become
   * so while this runs, keeps them and is `stale`. The outcomes are in the order of `writes`; an issue may
   * appear only once.
   */
  replaceIssues(writes: readonly IssueWrite[]): Promise<('written' | 'stale')[]>;
  forIssue(issueId: string): Promise<StoredResult[]>;
  /** Removes everything stored for an issue (it was deleted in Jira). */
  deleteIssue(issueId: string): Promise<void>;
  /** Results whose `nextDue` is at or before `before`, oldest first. */
  due(before: number, limit: number): Promise<StoredResult[]>;
  /** Stored cycles, optionally of one agreement or project and stopped within `[stoppedFrom, stoppedTo)`. */
  cycles(filter: {
    readonly agreementId?: string;
    readonly projectKey?: string;
    readonly stoppedFrom?: number;
    readonly stoppedTo?: number;
  }): Promise<StoredCycle[]>;
}

// ── Reports ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Which cycles a report counts. Every query reads only issues' current result sets (the `accord_result_sets`
 * pointer), never rows of older writes.
 */
export interface ReportScope {
  /** The agreements to count (at least one): queries use the `(agreement_id, stopped_at)` index. */
  readonly agreementIds: readonly string[];
  readonly metricId?: string;
  /**
   * Per agreement id, the metrics it has now: cycles of any other metric (one a later version removed) are left
   * out, as if they were not stored. Absent: every metric.
   */
  readonly liveMetrics?: Readonly<Record<string, readonly string[]>>;
  readonly projectKey?: string;
  /** Count per project too (`projectKey` of each row is then set). */
  readonly byProject?: boolean;
}

/** The group a count belongs to. */
export interface CountGroup {
  readonly agreementId: string;
  readonly metricId: string;
  /** Null for cycles no goal matched. */
  readonly goalIndex: number | null;
  /** Null unless the scope asked `byProject`. */
  readonly projectKey: string | null;
}

/** Cycles that ended in one bucket: met (within their target) and breached. */
export interface EndedCounts extends CountGroup {
  /** Index of the bucket `[bounds[i], bounds[i + 1])`. */
  readonly bucket: number;
  readonly met: number;
  /** Excused breaches included: the agreement's `countExcusedBreaches` decides what reports make of them. */
  readonly breached: number;
  /** Of the met and breached, those an extension counted for. */
  readonly extended: number;
  /** Of the breached, those whose breach is excused. */
  readonly excused: number;
}

/** Cycles open now (running, paused, out of hours), and of those the ones already past their target. */
export interface OpenCounts extends CountGroup {
  readonly running: number;
  readonly runningBreached: number;
  /** Of the running breached, those whose breach is excused. */
  readonly runningExcused: number;
}

/** Satisfaction ratings of the issues whose cycles ended in a bucket, each issue once per group and bucket. */
export interface RatingCounts extends CountGroup {
  readonly bucket: number;
  readonly count: number;
  readonly sum: number;
}

/** Where a cycle listing stopped: the last row's position; the next page starts after it. */
export interface CycleCursor {
  readonly agreementId: string;
  /** Null once the listing has reached the agreement's open cycles. */
  readonly stoppedAt: number | null;
  readonly issueId: string;
  readonly metricId: string;
  readonly cycle: number;
}

export interface ReportStore {
  /** Ended cycles per group and bucket; `bounds` are ascending instants, bucket i is `[bounds[i], bounds[i + 1])`. */
  endedCounts(scope: ReportScope, bounds: readonly number[]): Promise<EndedCounts[]>;
  /** Open cycles per group. */
  openCounts(scope: ReportScope): Promise<OpenCounts[]>;
  /** Ratings of the issues behind {@link endedCounts}, per group and bucket. */
  ratingCounts(scope: ReportScope, bounds: readonly number[]): Promise<RatingCounts[]>;
  /**
   * Cycles that ended in `[from, to)`, and open ones when `includeOpen`, one page after `after`: per agreement
   * (in id order) the ended cycles by end instant (then issue, metric, cycle), then its open cycles by issue,
   * metric and cycle. Each page reads only its own rows, in index order.
   */
  cycleListing(
    scope: ReportScope,
    range: { readonly from: number; readonly to: number; readonly includeOpen: boolean },
    page: { readonly after?: CycleCursor; readonly limit: number },
  ): Promise<StoredCycle[]>;
  /** Breached cycles that ended in `[from, to)`, and open breached ones when `includeOpen`; latest breach first. */
  breaches(
    scope: ReportScope,
    range: { readonly from: number; readonly to: number; readonly includeOpen: boolean },
    limit: number,
  ): Promise<StoredCycle[]>;
  /** Current results whose last cycle is open (running, paused, out of hours): past their deadline first, then the soonest deadline. */
  openResults(scope: ReportScope, limit: number): Promise<StoredResult[]>;
  /** Current cycles of these issues, optionally only of these agreement kinds (attribution: the OLA and UC cycles). */
  cyclesOfIssues(issueIds: readonly string[], kinds?: readonly AgreementKind[]): Promise<StoredCycle[]>;
  /** Current results of these issues, optionally only of these agreements. */
  resultsOfIssues(issueIds: readonly string[], agreementIds?: readonly string[]): Promise<StoredResult[]>;
}

// ── Histories ──────────────────────────────────────────────────────────────────────────────────────────

export interface StoredHistory {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectKey: string;
  readonly stamp: HistoryStamp;
  readonly data: IssueHistoryData;
}

/** A stored history, or the row of one that retention dropped (`data: null`): read it from Jira again. */
export type HistoryEntry =
  | StoredHistory
  | {
      readonly issueId: string;
      readonly issueKey: string;
      readonly projectKey: string;
      readonly stamp: HistoryStamp;
      readonly data: null;
    };

export interface HistoryStore {
  /** Stores an issue's normalized history unless a newer stamp is stored. */
  put(history: StoredHistory): Promise<'written' | 'stale'>;
  /** The stored history; undefined when there is none or retention dropped it. */
  get(issueId: string): Promise<StoredHistory | undefined>;
  delete(issueId: string): Promise<void>;
  /** A page of stored histories (dropped ones included) in issue-id order, after `afterIssueId`, optionally of one project. */
  page(options: {
    readonly projectKey?: string;
    readonly afterIssueId?: string;
    readonly limit: number;
  }): Promise<HistoryEntry[]>;
  count(projectKey?: string): Promise<number>;
  /** The issue id at position `offset` (from 0) in issue-id order, optionally of one project: where to cut lanes. */
  idAt(offset: number, projectKey?: string): Promise<string | undefined>;
  /**
   * Drops the histories, and the per-metric results, of up to `limit` issues closed before `closedBefore` (epoch
   * ms); how many it dropped. Their cycles and ratings stay for reports until retention folds them.
   */
  dropClosed(closedBefore: number, limit: number): Promise<number>;
  /** How many stored issues were closed at or after `since` (epoch ms): the site's pace, for retention. */
  closedSince(since: number): Promise<number>;
  /** Whether retention dropped the issue's history (and results): read it from Jira again to show it. */
  dropped(issueId: string): Promise<boolean>;
}

// ── Retention ──────────────────────────────────────────────────────────────────────────────────────────

/** How long Accord keeps what, as an admin sets it (see `app/retention/retention.ts` for the automatic one). */
export interface RetentionPolicy {
  /** Histories of issues closed more than this many days ago are dropped (read from Jira again when needed). */
  readonly historyDays: number;
  /** Cycles that ended more than this many whole months ago are folded into monthly aggregates. */
  readonly rawCycleMonths: number;
}

/** One group of folded cycles: what {@link ReportStore.endedCounts} and `ratingCounts` count, per month. */
export interface MonthAggregate {
  readonly agreementId: string;
  readonly metricId: string;
  readonly goalIndex: number | null;
  readonly projectKey: string;
  /** The month's first instant in the agreement's reporting zone (epoch ms). */
  readonly monthStart: number;
  readonly cycles: number;
  readonly breached: number;
  /** Of the cycles, those an extension counted for; of the breached, those excused. */
  readonly extended: number;
  readonly excused: number;
  readonly rated: number;
  readonly ratingSum: number;
}

export interface RetentionStore {
  /** The stored policy, or undefined when the admin never set one (the defaults apply). */
  policy(): Promise<RetentionPolicy | undefined>;
  /** Stores the admin's policy; null forgets it, so the automatic one applies again. */
  setPolicy(policy: RetentionPolicy | null): Promise<void>;
  /**
   * Until when an agreement's cycles are folded (epoch ms, a month start in its reporting zone), or 0: reports
   * count raw cycles from this instant on and monthly aggregates before it.
   */
  foldedBefore(agreementId: string): Promise<number>;
  foldedBeforeAll(agreementIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Folds the agreement's current cycles that ended in `[monthStart, monthEnd)` into that month's aggregates
   * (replacing any earlier fold of the month: idempotent), then moves the agreement's fold horizon to
   * `monthEnd`. Raw rows stay until {@link deleteFolded} removes them; reports ignore them meanwhile.
   */
  foldMonth(agreementId: string, monthStart: number, monthEnd: number): Promise<void>;
  /** Deletes up to one slice of the agreement's raw cycles ended in `[from, to)`, below its horizon; how many. */
  deleteFolded(agreementId: string, from: number, to: number): Promise<number>;
  /** The oldest raw cycle's end instant of an agreement, or undefined: where folding starts. */
  oldestEnded(agreementId: string): Promise<number | undefined>;
  /** Monthly aggregates of the agreements in `[from, to)` (month starts). */
  months(agreementIds: readonly string[], from: number, to: number): Promise<MonthAggregate[]>;
  /**
   * Forgets up to `limit` issues closed before `closedBefore` whose history retention dropped and of which no
   * cycle is left raw (all folded and deleted): their history row, result-set pointer, ratings, leftover results
   * and action log entries are deleted, so storage stops growing with every issue ever measured. The monthly
   * aggregates keep what reports and credits count; an event on such an issue measures it afresh from Jira.
   * How many it forgot.
   */
  forgetFolded(closedBefore: number, limit: number): Promise<number>;
}

// ── Pending issues ─────────────────────────────────────────────────────────────────────────────────────

/** An issue changed since it was last measured. */
export interface PendingIssue {
  readonly issueId: string;
  readonly shard: number;
  /** Changes with every mark; {@link PendingStore.clear} and `defer` act only on the token they read. */
  readonly token: string;
  /** When it was first marked (epoch ms): drains take the oldest first. */
  readonly markedAt: number;
  /** Failed measurements so far. */
  readonly attempts: number;
  /** Not to be tried before this instant (epoch ms): a back-off, or Jira's `Retry-After`. */
  readonly notBefore: number;
  /**
   * The changes the events carried since the issue was marked (each as the marker serialized it), oldest mark
   * first; undefined when some event carried none, or too many came, so that the issue must be read in full.
   */
  readonly carried?: readonly string[];
}

export interface PendingStore {
  /**
   * Marks an issue as changed: inserts it (due at once), or gives an existing mark a new token so that a drain
   * measuring it right now does not clear it (it is measured again). Keeps an existing mark's `notBefore`.
   * `carried` (one line of text) is appended to the mark's carried changes; a mark without one, or a list
   * grown too long for the store, makes the issue one to read in full.
   */
  mark(issueId: string, shard: number, token: string, at: number, carried?: string): Promise<void>;
  /** Marks of one shard due at `now`, oldest first. */
  due(shard: number, now: number, limit: number): Promise<PendingIssue[]>;
  /** The shards that have a mark due at `now`. */
  dueShards(now: number): Promise<number[]>;
  /** Removes a mark if it still has this token (nothing changed since it was read); whether it did. */
  clear(issueId: string, token: string): Promise<boolean>;
  /** Records a failed attempt on a mark that still has this token: tried again from `notBefore`. */
  defer(issueId: string, token: string, attempts: number, notBefore: number): Promise<void>;
  /** How many marks there are, due or not. */
  count(): Promise<number>;
}

// ── Budgets ────────────────────────────────────────────────────────────────────────────────────────────

export interface BudgetStore {
  /**
   * Takes `amount` from the counter `key` if it stays within `limit`; whether it did. A new key starts at 0 and
   * is forgotten after `expiresAt` (epoch ms): a key per minute makes a budget per minute.
   */
  take(key: string, amount: number, limit: number, expiresAt: number): Promise<boolean>;
  /** Takes the lease `key` until `until` unless someone holds it past `now`; whether it did. */
  acquire(key: string, now: number, until: number): Promise<boolean>;
  /**
   * Extends a lease held until `heldUntil` to `until`; false if it is no longer the caller's (it expired and
   * someone else took it).
   */
  renew(key: string, heldUntil: number, until: number): Promise<boolean>;
  /** Gives a lease up (if nobody took it over since). */
  release(key: string, heldUntil: number): Promise<void>;
  /** Until when `key` is held (a lease, or a stored wait such as Jira's), or 0. */
  heldUntil(key: string, now: number): Promise<number>;
  /** Forgets counters and leases that expired before `now`. */
  purge(now: number): Promise<void>;
}

// ── Action log ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * `claimed` while being performed; `done` once seen in Jira; `failed` when Jira refused it (it may be claimed
 * again); `unknown` for a notification that may or may not have gone out (never sent again).
 */
export type ActionStatus = 'claimed' | 'done' | 'failed' | 'unknown';

/**
 * What a claim won: `claimed` the first time; `reclaimed-failed` after a failed attempt, `reclaimed-stale` after
 * a claimant that went quiet (it may have performed the action and died before recording it). Either re-claim
 * must check Jira before performing again.
 */
export type Claim = 'claimed' | 'reclaimed-failed' | 'reclaimed-stale';

export interface ActionRecord {
  /** issueId / agreementId / metricId / cycle start / threshold index / occurrence / action index. */
  readonly key: string;
  readonly issueId: string;
  readonly status: ActionStatus;
  readonly attempts: number;
  readonly updatedAt: number;
  readonly error: string | null;
}

/**
 * Action keys begin with their issue's id and a slash (`10001/gold/ttr/…`): the log is kept and read per issue,
 * and Jira issue ids never contain a slash.
 */
export interface ActionLog {
  /**
   * Claims an action key for performing. `claimed` the first time (an insert that only one caller can win), or
   * a re-claim of a `failed` one or of a claim older than `staleAfterMs` (the claimant died), saying which;
   * otherwise the record. `key` must begin with `issueId/`.
   */
  claim(key: string, issueId: string, now: number, staleAfterMs: number): Promise<Claim | ActionRecord>;
  complete(key: string, now: number): Promise<void>;
  /** Records that whether the action happened cannot be known (a notification); like `done`, it is final. */
  markUnknown(key: string, now: number, why: string): Promise<void>;
  fail(key: string, now: number, error: string): Promise<void>;
  forIssue(issueId: string): Promise<ActionRecord[]>;
}

// ── Recalculation jobs ─────────────────────────────────────────────────────────────────────────────────

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobSpec {
  readonly scope:
    | { readonly kind: 'project'; readonly projectKey: string }
    | { readonly kind: 'agreement'; readonly agreementId: string }
    | { readonly kind: 'jql'; readonly jql: string };
  /** Replace results of finished cycles too (otherwise only open issues' results are replaced). */
  readonly replaceCompleted: boolean;
}

export interface Job {
  readonly id: string;
  readonly spec: JobSpec;
  readonly state: JobState;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  /** Where to resume: opaque to the store. */
  readonly cursor: string | null;
  readonly total: number | null;
  readonly done: number;
  readonly failed: number;
  readonly cancelRequested: boolean;
  readonly error: string | null;
}

export interface JobStore {
  create(job: Job): Promise<void>;
  get(id: string): Promise<Job | undefined>;
  list(limit: number): Promise<Job[]>;
  /** Writes the job's progress; never un-cancels (`cancelRequested` once true stays true). */
  update(
    id: string,
    patch: Partial<Pick<Job, 'state' | 'cursor' | 'total' | 'done' | 'failed' | 'error' | 'updatedAt'>>,
  ): Promise<void>;
  requestCancel(id: string): Promise<void>;
  /** The lanes of a job that runs in parallel steps, by lane number. */
  lanes(jobId: string): Promise<JobLane[]>;
  /** Writes one lane's progress (each lane is written only by its own step, so no two writers race). */
  putLane(jobId: string, lane: JobLane): Promise<void>;
}

/** One of the parallel parts of a recalculation: a range of issue ids and how far it got. */
export interface JobLane {
  readonly lane: number;
  /** The range `(after, until]` of issue ids still to do: `after` moves as pages are done. */
  readonly after: string | null;
  readonly until: string | null;
  readonly done: number;
  readonly failed: number;
  readonly finished: boolean;
  /** Steps of this lane that failed in a row. */
  readonly failures: number;
}

// ── Audit log ──────────────────────────────────────────────────────────────────────────────────────────

export interface AuditEntry {
  readonly at: number;
  readonly actor: string;
  /** e.g. `agreement.save`, `calendar.delete`, `project.agreements`, `job.start`. */
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly version: number | null;
  /** What changed: JSON paths with before and after, for a configuration change. */
  readonly changes: readonly { readonly path: string; readonly before?: unknown; readonly after?: unknown }[];
}

export interface AuditLog {
  /**
   * Appends an entry; idempotent on (at, actor, action, entityId, version). An entry without a version whose key
   * holds a different change is kept, a millisecond later (or more), not dropped.
   */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, before an instant, optionally of one entity. */
  list(options: {
    readonly limit: number;
    readonly before?: number;
    readonly entityId?: string;
  }): Promise<AuditEntry[]>;
}

// ── Extensions and excused breaches ────────────────────────────────────────────────────────────────────

/** A person's decision on one cycle (docs/engine-contract.md, "Extensions and excused breaches"). */
export interface StoredAdjustment {
  readonly kind: 'extension' | 'excuse';
  readonly agreementId: string;
  readonly metricId: string;
  /** The start of the cycle it is about (epoch ms). */
  readonly cycleStartedAt: number;
  /** When it was made (epoch ms). */
  readonly at: number;
  /** An extension's working minutes (fractional for an extension to an instant); null for an excuse. */
  readonly minutes: number | null;
  /** The instant an extension was asked to reach, when it was asked that way; else null. */
  readonly until: number | null;
  readonly reason: string;
  /** The account that made it. */
  readonly actor: string;
}

export interface AdjustmentStore {
  /** Stores a decision; storing the same decision again (a retried request) keeps one. */
  add(issueId: string, adjustment: StoredAdjustment): Promise<void>;
  /** An issue's decisions, oldest first. */
  forIssue(issueId: string): Promise<StoredAdjustment[]>;
  /**
   * The decisions of several issues in one read (a recalculation step), each issue's oldest first; an issue
   * without any has no entry.
   */
  forIssues(issueIds: readonly string[]): Promise<Map<string, StoredAdjustment[]>>;
}
