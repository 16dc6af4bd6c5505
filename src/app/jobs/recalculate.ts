import { fieldsUsed, unknownFields } from '../../engine/evaluate/evaluate';
import { ISSUE_HISTORY_DATA_VERSION } from '../../engine/issue';
import type { Deps } from '../evaluation/deps';
import { refreshIssue, toStoredHistory } from '../evaluation/evaluate-issue';
import { evaluateStoredMany } from '../evaluation/evaluate-many';
import { Lease } from '../evaluation/lease';
import { summarizeMetrics } from '../evaluation/summary';
import {
  type CustomFieldUpdate,
  type Job,
  type JobLane,
  type JobSpec,
  type StoredHistory,
  type StoredResult,
} from '../ports';

/** How much of a consumer's 900 s a job step uses before it checkpoints and queues its continuation. */
export const JOB_STEP_BUDGET_MS = 10 * 60_000;
const PAGE = 200;

interface Cursor {
  /** Stored histories are walked in issue-id order; the last one done. */
  readonly after?: string;
  /** For a JQL job: Jira's page token of the next page of issue ids. */
  readonly token?: string;
}

/**
 * Starts a recalculation: records the job and queues its first step. The job re-evaluates the issues in its
 * scope from their stored histories (no Jira call); a JQL job pages issue ids from Jira and reads only the
 * issues Accord has never stored, in bulk.
 */
export async function startJob(deps: Deps, spec: JobSpec, actor: string): Promise<Job> {
  const now = deps.clock.now();
  const job: Job = {
    id: `job-${now.toString(36)}-${globalThis.crypto.randomUUID().slice(0, 8)}`,
    spec,
    state: 'queued',
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    cursor: null,
    total: null,
    done: 0,
    failed: 0,
    cancelRequested: false,
    error: null,
  };
  await deps.store.jobs.create(job);
  await deps.store.audit.append({
    at: now,
    actor,
    action: 'job.start',
    entity: 'job',
    entityId: job.id,
    version: null,
    changes: [{ path: '$.spec', after: spec }],
  });
  await deps.queue.push([{ type: 'job', jobId: job.id }]);
  return job;
}

/** Lanes of a large job, run by parallel consumer invocations within Forge SQL's shared request budget. */
export const JOB_LANES = 4;
/** Issues per lane at least: a small job runs as one lane. */
export const ISSUES_PER_LANE = 1000;
/**
 * A lane's lease, renewed after every page: a dead step's (out of time, or its release refused) lapses within
 * this, and the step's retry takes the lane over instead of finding it busy.
 */
const LANE_LEASE_MS = 3 * 60_000;
/** Steps of a lane that may fail in a row before the job ends as failed. */
export const MAX_STEP_FAILURES = 3;
/** A queued or running job that made no progress for this long has stalled: it ends as failed. */
export const JOB_STALL_MS = 30 * 60_000;

/**
 * Runs one step of a job. A project or agreement job is split at its first step into up to {@link JOB_LANES}
 * lanes of issue-id ranges, each continued by its own queue event, so that consumers work on them in parallel
 * (Forge SQL's rate limit is shared; its refusals are waited out, see `forge/sql-pacing.ts`). A step pages
 * through its lane (a JQL job: Jira's pages, one lane), evaluating, storing and rewriting the JQL fields of
 * issues whose summary changed, checkpointing after every page, until done, cancelled, or out of its time
 * budget (then it queues its continuation). Killed half-way, it resumes from the last checkpoint;
 * re-evaluating an issue twice is harmless.
 */
export async function runJobStep(
  deps: Deps,
  jobId: string,
  budgetMs = JOB_STEP_BUDGET_MS,
  lane?: number,
): Promise<Job | undefined> {
  const started = deps.clock.now();
  const job = await deps.store.jobs.get(jobId);
  if (!job || job.state === 'done' || job.state === 'cancelled' || job.state === 'failed') return job;
  if (job.spec.scope.kind === 'jql') return runJqlStep(deps, job, started, budgetMs);
  let lanes = (await deps.store.jobs.lanes(jobId)).filter((l) => l.lane >= 0);
  if (lanes.length === 0) {
    lanes = await planLanes(deps, job);
    // The others' first steps, for other consumers to take at once; this step starts with the first.
    const others = lanes.slice(1).map((l) => ({ type: 'job' as const, jobId, lane: l.lane }));
    if (others.length > 0) await deps.queue.push(others);
  } else {
    await deps.store.jobs.update(jobId, { state: 'running', updatedAt: started });
  }
  // A step runs its own lane, then helps with any other lane nobody holds, until the budget is spent.
  const order = [...lanes].sort((a, b) => (a.lane === lane ? -1 : b.lane === lane ? 1 : a.lane - b.lane));
  for (const candidate of order) {
    if (candidate.finished) continue;
    const outcome = await runLane(deps, job, candidate.lane, started, budgetMs);
    if (outcome === 'cancelled' || outcome === 'time') break;
  }
  return deps.store.jobs.get(jobId);
}

/** Splits the job's issues into lanes by issue-id quantiles and records them; the job is running. */
async function planLanes(deps: Deps, job: Job): Promise<JobLane[]> {
  const total = (await totalOf(deps, job.spec)) ?? 0;
  const count = Math.max(1, Math.min(JOB_LANES, Math.ceil(total / ISSUES_PER_LANE)));
  const projectKey = job.spec.scope.kind === 'project' ? job.spec.scope.projectKey : undefined;
  const cuts: (string | null)[] = [null];
  for (let i = 1; i < count; i++) {
    cuts.push((await deps.store.histories.idAt(Math.floor((total * i) / count), projectKey)) ?? null);
  }
  cuts.push(null);
  const lanes = cuts.slice(0, -1).map((after, i): JobLane => ({
    lane: i,
    after,
    until: cuts[i + 1] ?? null,
    done: 0,
    failed: 0,
    finished: false,
    failures: 0,
  }));
  for (const l of lanes) await deps.store.jobs.putLane(job.id, l);
  await deps.store.jobs.update(job.id, {
    state: 'running',
    total,
    cursor: JSON.stringify({ lanes: lanes.length }),
    updatedAt: deps.clock.now(),
  });
  return lanes;
}

/** Works one lane under its lease until it is finished, cancelled or out of time; how it stopped. */
async function runLane(
  deps: Deps,
  job: Job,
  laneNumber: number,
  started: number,
  budgetMs: number,
): Promise<'finished' | 'cancelled' | 'time' | 'busy'> {
  const lease = await Lease.take(deps, `job:${job.id}:${laneNumber}`, LANE_LEASE_MS);
  if (lease === undefined) return 'busy';
  try {
    let lane = (await deps.store.jobs.lanes(job.id)).find((l) => l.lane === laneNumber);
    while (lane && !lane.finished) {
      const current = await deps.store.jobs.get(job.id);
      if (current?.state !== 'running') return 'cancelled';
      if (current.cancelRequested) {
        await deps.store.jobs.update(job.id, { state: 'cancelled', updatedAt: deps.clock.now() });
        return 'cancelled';
      }
      const page = await nextPage(deps, job.spec, lane.after === null ? {} : { after: lane.after });
      const mine = page.histories.filter((h) => lane?.until === null || h.issueId <= (lane?.until ?? ''));
      const outcome = await recalculatePage(deps, mine, job.spec.replaceCompleted);
      const pastEnd =
        lane.until !== null && page.cursor.after !== undefined && page.cursor.after >= lane.until;
      lane = {
        ...lane,
        after: page.cursor.after ?? lane.after,
        done: lane.done + outcome.done + (pastEnd ? 0 : page.skipped),
        failed: lane.failed + outcome.failed + page.unreadable,
        finished: page.last || pastEnd,
        failures: 0,
      };
      await deps.store.jobs.putLane(job.id, lane);
      await sumLanes(deps, job.id);
      if (lane.finished) return 'finished';
      if (deps.clock.now() - started >= budgetMs) {
        await deps.queue.push([{ type: 'job', jobId: job.id, lane: laneNumber }]);
        return 'time';
      }
      if (!(await lease.renew())) return 'busy'; // it lapsed, and another step has the lane
    }
    return 'finished';
  } finally {
    await lease.release();
  }
}

/** The job's progress is the sum of its lanes'; done once every lane is. */
async function sumLanes(deps: Deps, jobId: string): Promise<void> {
  const lanes = (await deps.store.jobs.lanes(jobId)).filter((l) => l.lane >= 0);
  await deps.store.jobs.update(jobId, {
    done: lanes.reduce((n, l) => n + l.done, 0),
    failed: lanes.reduce((n, l) => n + l.failed, 0),
    updatedAt: deps.clock.now(),
    ...(lanes.every((l) => l.finished) ? { state: 'done' as const } : {}),
  });
}

/** A JQL job: Jira's pages in order, one step after another (its size is known only as the pages come). */
async function runJqlStep(deps: Deps, job: Job, started: number, budgetMs: number): Promise<Job | undefined> {
  const jobId = job.id;
  await deps.store.jobs.update(jobId, { state: 'running', updatedAt: started });
  let cursor: Cursor = job.cursor === null ? {} : (JSON.parse(job.cursor) as Cursor);
  let { done, failed } = job;
  for (;;) {
    const current = await deps.store.jobs.get(jobId);
    if (!current) return undefined;
    if (current.cancelRequested) {
      await deps.store.jobs.update(jobId, { state: 'cancelled', updatedAt: deps.clock.now() });
      return deps.store.jobs.get(jobId);
    }
    const page = await nextPage(deps, job.spec, cursor);
    const outcome = await recalculatePage(deps, page.histories, job.spec.replaceCompleted);
    done += outcome.done + page.skipped;
    failed += outcome.failed + page.unreadable;
    cursor = page.cursor;
    await deps.store.jobs.update(jobId, {
      cursor: JSON.stringify(cursor),
      done,
      failed,
      updatedAt: deps.clock.now(),
      ...(page.last ? { state: 'done' as const } : {}),
    });
    if (page.last) return deps.store.jobs.get(jobId);
    if (deps.clock.now() - started >= budgetMs) {
      await deps.queue.push([{ type: 'job', jobId }]);
      return deps.store.jobs.get(jobId);
    }
  }
}

/**
 * Re-evaluates a page of histories and rewrites the JQL fields ("SLA state", "Next SLA deadline") of those whose
 * summary changed, in one Jira call for the page. The page's SQL is a fixed handful of statements, not a few per
 * issue: its stored results in one read, its adjustments in one, its new results and cycles in one batched
 * `replaceIssues` (each issue under its own stamp guard). Only an issue whose stored history is too old for the
 * configuration is read from Jira again, on its own.
 */
async function recalculatePage(
  deps: Deps,
  histories: readonly StoredHistory[],
  replaceCompleted: boolean,
): Promise<{ done: number; failed: number }> {
  if (histories.length === 0) return { done: 0, failed: 0 };
  const stored = await deps.store.reports.resultsOfIssues(histories.map((h) => h.issueId));
  const before = new Map<string, StoredResult[]>();
  for (const r of stored) before.set(r.issueId, [...(before.get(r.issueId) ?? []), r]);
  let done = 0;
  let failed = 0;
  const fields: CustomFieldUpdate[] = [];
  const live = await liveMetrics(deps);
  const trimmed: { history: StoredHistory; kept: StoredResult[] }[] = [];
  const fromStore: StoredHistory[] = [];
  const fromJira: StoredHistory[] = [];
  for (const history of histories) {
    const old = before.get(history.issueId) ?? [];
    if (
      !replaceCompleted &&
      old.length > 0 &&
      old.every((r) => r.state === 'met' || r.state === 'breached')
    ) {
      // Completed results stay as measured, but a metric no longer in its agreement's newest version (removed
      // by a save or a restore) leaves them.
      const kept = old.filter((r) => isLive(live, r));
      if (kept.length < old.length) trimmed.push({ history, kept });
      done++;
    } else if (await needsJira(deps, history)) fromJira.push(history);
    else fromStore.push(history);
  }
  // A recalculation tells no open panel (`refreshIssue` tells its own): 100,000 issues at realtime's 50
  // publishes a second would take 33 minutes of the installation's whole budget, starving the live updates;
  // a panel open during a recalculation refreshes on its timer instead.
  await deps.store.grouped(async () => {
    const outcomes = [
      ...(await evaluateStoredMany(deps, fromStore, deps.clock.now())),
      // Rare (an older Accord's history): one Jira read each, as the event path does.
      ...(await mapSerially(fromJira, (h) => refreshIssue(deps, h.issueId))),
    ];
    for (const outcome of outcomes) {
      if (outcome.kind === 'invalid') failed++;
      else {
        done++;
        if (outcome.kind === 'evaluated')
          fields.push(...changedFields(outcome.fields, before.get(outcome.issueId) ?? []));
      }
    }
    fields.push(...(await dropVanished(deps, trimmed, before)));
  });
  if (fields.length > 0) await deps.jira.setCustomFields(fields);
  return { done, failed };
}

/**
 * Whether a history must be read from Jira again before it is evaluated: stored by an older Accord, or before
 * an agreement read a field it never carried. Every other issue is re-evaluated from what is stored.
 */
async function needsJira(deps: Deps, history: StoredHistory): Promise<boolean> {
  const storedVersion: number = history.data.v;
  const config = await deps.configs.forProject(history.projectKey);
  const lacking = 'compiled' in config ? unknownFields(history.data, fieldsUsed(config.compiled)) : [];
  return storedVersion !== ISSUE_HISTORY_DATA_VERSION || lacking.length > 0;
}

async function mapSerially<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await work(item));
  return out;
}

/** The field values that differ from what the stored results said before. */
function changedFields(
  fields: readonly CustomFieldUpdate[],
  old: readonly StoredResult[],
): CustomFieldUpdate[] {
  const previous = summarizeMetrics(old.map((r) => ({ kind: r.kind, metric: r.result })));
  return fields.filter((f) =>
    f.field === 'sla-state' ? f.value !== previous.slaState : f.value !== previous.nextDeadline,
  );
}

/** Per agreement id, the metrics its newest version has (deleted agreements have none). */
type LiveMetrics = ReadonlyMap<string, ReadonlySet<string>>;

async function liveMetrics(deps: Deps): Promise<LiveMetrics> {
  const agreements = await deps.store.config.list('agreement');
  return new Map(agreements.map((a) => [a.id, new Set(a.body?.metrics.map((m) => m.id) ?? [])]));
}

const isLive = (live: LiveMetrics, r: StoredResult): boolean =>
  live.get(r.agreementId)?.has(r.metricId) === true;

/**
 * Rewrites completed issues' stored results and cycles without those of vanished metrics, each under its own
 * stamp (a write of a newer history still wins), in one batch; the field values of issues written that changed.
 */
async function dropVanished(
  deps: Deps,
  trimmed: readonly { history: StoredHistory; kept: StoredResult[] }[],
  before: ReadonlyMap<string, readonly StoredResult[]>,
): Promise<CustomFieldUpdate[]> {
  if (trimmed.length === 0) return [];
  const cycles = await deps.store.reports.cyclesOfIssues(trimmed.map((t) => t.history.issueId));
  const writes = trimmed.map(({ history, kept }) => {
    const keptKeys = new Set(kept.map((r) => `${r.agreementId}\u0000${r.metricId}`));
    return {
      issueId: history.issueId,
      stamp: history.stamp,
      results: kept,
      cycles: cycles.filter(
        (c) => c.issueId === history.issueId && keptKeys.has(`${c.agreementId}\u0000${c.metricId}`),
      ),
      facts: { satisfaction: history.data.satisfaction ?? null },
    };
  });
  const written = await deps.store.results.replaceIssues(writes);
  return writes.flatMap((write, i) => {
    if (written[i] === 'stale') return [];
    const after = summarizeMetrics(write.results.map((r) => ({ kind: r.kind, metric: r.result })));
    const now: CustomFieldUpdate[] = [
      { issueId: write.issueId, field: 'next-deadline', value: after.nextDeadline },
      { issueId: write.issueId, field: 'sla-state', value: after.slaState },
    ];
    return changedFields(now, before.get(write.issueId) ?? []);
  });
}

/**
 * A failed step of a job: counted on its lane; after {@link MAX_STEP_FAILURES} in a row the job ends as failed
 * with the reason, and the caller stops retrying. Whether the job is now failed.
 */
export async function recordStepFailure(
  deps: Deps,
  jobId: string,
  lane: number | undefined,
  reason: string,
): Promise<boolean> {
  // A step without a lane (a JQL job's, or a first step that failed before planning) counts on lane -1.
  const number = lane ?? -1;
  const mine = (await deps.store.jobs.lanes(jobId)).find((l) => l.lane === number) ?? {
    lane: number,
    after: null,
    until: null,
    done: 0,
    failed: 0,
    finished: true,
    failures: 0,
  };
  const failures = mine.failures + 1;
  await deps.store.jobs.putLane(jobId, { ...mine, failures });
  if (failures < MAX_STEP_FAILURES) return false;
  await deps.store.jobs.update(jobId, {
    state: 'failed',
    error: jobErrorText({ code: 'step-failed', params: { reason, times: failures } }),
    updatedAt: deps.clock.now(),
  });
  deps.logger.log('error', 'job.failed', { jobId, reason, attempt: failures });
  return true;
}

/**
 * Why a job failed, as the UIs word it: it made no progress for `minutes`, or one of its steps failed `times`
 * times (`reason`: the error's name, e.g. ForgeSQLError). `unknown` is an error text of another shape (none is
 * written today), shown as it is.
 */
export type JobFailure =
  | { readonly code: 'stalled'; readonly params: { readonly minutes: number } }
  | { readonly code: 'step-failed'; readonly params: { readonly reason: string; readonly times: number } }
  | { readonly code: 'unknown'; readonly params: { readonly error: string } };

/** A failure as a job's stored `error` holds it (English, for logs and the CLI); {@link jobFailure} reads it back. */
export function jobErrorText(failure: JobFailure): string {
  switch (failure.code) {
    case 'stalled':
      return `stalled: no progress for ${failure.params.minutes} minutes`;
    case 'step-failed': {
      const { reason, times } = failure.params;
      return `step-failed: ${reason} (${times} time${times === 1 ? '' : 's'})`;
    }
    case 'unknown':
      return failure.params.error;
  }
}

/**
 * A job's stored `error` (as {@link jobErrorText} writes it) read back as a {@link JobFailure}; null when it
 * has none.
 * @example jobFailure('stalled: no progress for 31 minutes') // { code: 'stalled', params: { minutes: 31 } }
 */
export function jobFailure(error: string | null): JobFailure | null {
  if (error === null) return null;
  const stalled = /^stalled: no progress for (\d+) minutes$/.exec(error);
  if (stalled) return { code: 'stalled', params: { minutes: Number(stalled[1]) } };
  const step = /^step-failed: (.*) \((\d+) times?\)$/s.exec(error);
  if (step) return { code: 'step-failed', params: { reason: step[1] ?? '', times: Number(step[2]) } };
  return { code: 'unknown', params: { error } };
}

/** Ends jobs that made no progress for {@link JOB_STALL_MS} as failed, `stalled`; the sweep runs it. */
export async function failStalledJobs(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let failed = 0;
  for (const job of await deps.store.jobs.list(50)) {
    if (job.state !== 'queued' && job.state !== 'running') continue;
    if (now - job.updatedAt < JOB_STALL_MS) continue;
    await deps.store.jobs.update(job.id, {
      state: 'failed',
      error: jobErrorText({
        code: 'stalled',
        params: { minutes: Math.round((now - job.updatedAt) / 60_000) },
      }),
      updatedAt: now,
    });
    deps.logger.log('error', 'job.failed', { jobId: job.id, reason: 'stalled' });
    failed++;
  }
  return failed;
}

async function totalOf(deps: Deps, spec: JobSpec): Promise<number | null> {
  if (spec.scope.kind === 'project') return deps.store.histories.count(spec.scope.projectKey);
  if (spec.scope.kind === 'agreement') return deps.store.histories.count();
  return null; // a JQL's size is known only as its pages come
}

async function nextPage(
  deps: Deps,
  spec: JobSpec,
  cursor: Cursor,
): Promise<{
  histories: StoredHistory[];
  unreadable: number;
  /** Issues left alone: closed long ago (retention dropped their history) and not to be replaced. */
  skipped: number;
  cursor: Cursor;
  last: boolean;
}> {
  if (spec.scope.kind !== 'jql') {
    const entries = await deps.store.histories.page({
      ...(spec.scope.kind === 'project' ? { projectKey: spec.scope.projectKey } : {}),
      ...(cursor.after === undefined ? {} : { afterIssueId: cursor.after }),
      limit: PAGE,
    });
    const kept = entries.flatMap((e) => (e.data === null ? [] : [e]));
    const dropped = entries.filter((e) => e.data === null).map((e) => e.issueId);
    // Only issues closed long ago lose their history: their results are completed, so only a job that replaces
    // completed results needs them, and reads them from Jira again, in bulk.
    const read =
      spec.replaceCompleted && dropped.length > 0
        ? await readInBulk(deps, dropped)
        : { histories: [], unreadable: 0 };
    const lastId = entries[entries.length - 1]?.issueId;
    return {
      histories: [...kept, ...read.histories],
      unreadable: read.unreadable,
      skipped: spec.replaceCompleted ? 0 : dropped.length,
      cursor: lastId === undefined ? cursor : { after: lastId },
      last: entries.length < PAGE,
    };
  }
  const page = await deps.jira.searchIssueIds(spec.scope.jql, {
    maxResults: PAGE,
    ...(cursor.token === undefined ? {} : { nextPageToken: cursor.token }),
  });
  const stored = await Promise.all(page.issueIds.map((id) => deps.store.histories.get(id)));
  const unseen = page.issueIds.filter((_, i) => stored[i] === undefined);
  const read = unseen.length > 0 ? await readInBulk(deps, unseen) : { histories: [], unreadable: 0 };
  return {
    histories: [...stored.flatMap((h) => (h ? [h] : [])), ...read.histories],
    unreadable: read.unreadable,
    skipped: 0,
    cursor: page.nextPageToken === undefined ? cursor : { token: page.nextPageToken },
    last: page.nextPageToken === undefined,
  };
}

/** Issues Accord has not stored yet: fields and comments in one bulk call, changelogs in another. */
async function readInBulk(
  deps: Deps,
  issueIds: readonly string[],
): Promise<{ histories: StoredHistory[]; unreadable: number }> {
  const readAt = deps.clock.now();
  const [issues, changelogs] = await Promise.all([
    deps.jira.getIssues(issueIds),
    deps.jira.getChangelogs(issueIds),
  ]);
  const byId = new Map(changelogs.map((c) => [c.issueId, c.histories]));
  const histories: StoredHistory[] = [];
  let unreadable = 0;
  for (const issue of issues) {
    const id = String(issue.id);
    const json = { ...issue, changelog: { histories: byId.get(id) ?? [] } };
    const history = await toStoredHistory(deps, json, readAt);
    if ('message' in history) {
      unreadable++;
      continue;
    }
    await deps.store.histories.put(history);
    histories.push(history);
  }
  return { histories, unreadable: unreadable + issueIds.length - issues.length };
}
