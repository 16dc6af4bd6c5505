import { fieldsUsed, unknownFields } from '../../engine/evaluate/evaluate';
import { ISSUE_HISTORY_DATA_VERSION } from '../../engine/issue';
import type { Deps } from '../evaluation/deps';
import { evaluateStored, refreshIssue, toStoredHistory } from '../evaluation/evaluate-issue';
import { summarizeMetrics } from '../evaluation/summary';
import {
  issueChannel,
  type CustomFieldUpdate,
  type Job,
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

/**
 * Runs one step of a job: pages through its scope, evaluating and storing, checkpointing the cursor after every
 * page, until done, cancelled, or out of its time budget (then it queues its own continuation). Killed half-way,
 * it resumes from the last checkpoint; re-evaluating an issue twice is harmless.
 */
export async function runJobStep(
  deps: Deps,
  jobId: string,
  budgetMs = JOB_STEP_BUDGET_MS,
): Promise<Job | undefined> {
  const started = deps.clock.now();
  let job = await deps.store.jobs.get(jobId);
  if (!job || job.state === 'done' || job.state === 'cancelled' || job.state === 'failed') return job;
  if (job.total === null) {
    const total = await totalOf(deps, job.spec);
    await deps.store.jobs.update(jobId, { state: 'running', total, updatedAt: started });
  } else {
    await deps.store.jobs.update(jobId, { state: 'running', updatedAt: started });
  }
  let cursor: Cursor = job.cursor === null ? {} : (JSON.parse(job.cursor) as Cursor);
  let { done, failed } = job;
  for (;;) {
    job = await deps.store.jobs.get(jobId);
    if (!job) return undefined;
    if (job.cancelRequested) {
      await deps.store.jobs.update(jobId, { state: 'cancelled', updatedAt: deps.clock.now() });
      return deps.store.jobs.get(jobId);
    }
    const page = await nextPage(deps, job.spec, cursor);
    const spec = job.spec;
    const live = await liveMetrics(deps);
    const fields: CustomFieldUpdate[] = [];
    await deps.store.grouped(async () => {
      for (const history of page.histories) {
        const outcome = await recalculateOne(deps, history, spec.replaceCompleted, live);
        if (outcome.ok) done++;
        else failed++;
        fields.push(...outcome.fields);
      }
    });
    // Before the checkpoint: if Jira refuses, the step fails and is retried from the page's start.
    if (fields.length > 0) await deps.jira.setCustomFields(fields);
    failed += page.unreadable;
    done += page.skipped;
    cursor = page.cursor;
    const finished = page.last;
    await deps.store.jobs.update(jobId, {
      cursor: JSON.stringify(cursor),
      done,
      failed,
      updatedAt: deps.clock.now(),
      ...(finished ? { state: 'done' as const } : {}),
    });
    if (finished) return deps.store.jobs.get(jobId);
    if (deps.clock.now() - started >= budgetMs) {
      await deps.queue.push([{ type: 'job', jobId }]);
      return deps.store.jobs.get(jobId);
    }
  }
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

/** Per agreement id, the metrics its newest version has (deleted agreements have none). */
type LiveMetrics = ReadonlyMap<string, ReadonlySet<string>>;

async function liveMetrics(deps: Deps): Promise<LiveMetrics> {
  const agreements = await deps.store.config.list('agreement');
  return new Map(agreements.map((a) => [a.id, new Set(a.body?.metrics.map((m) => m.id) ?? [])]));
}

const isLive = (live: LiveMetrics, r: StoredResult): boolean =>
  live.get(r.agreementId)?.has(r.metricId) === true;

/**
 * Re-evaluates one stored history; unless asked to, leaves an issue whose every metric has completed alone,
 * except that a metric no longer in its agreement's newest version (removed by a save or a restore) leaves its
 * results. The "SLA state" and "next deadline" fields are rewritten where what they say changed.
 */
async function recalculateOne(
  deps: Deps,
  history: StoredHistory,
  replaceCompleted: boolean,
  live: LiveMetrics,
): Promise<{ readonly ok: boolean; readonly fields: CustomFieldUpdate[] }> {
  const before = await deps.store.results.forIssue(history.issueId);
  if (
    !replaceCompleted &&
    before.length > 0 &&
    before.every((r) => r.state === 'met' || r.state === 'breached')
  ) {
    const kept = before.filter((r) => isLive(live, r));
    if (kept.length === before.length) return { ok: true, fields: [] };
    return { ok: true, fields: await dropVanished(deps, history, before, kept) };
  }
  // A history stored by an older Accord, or before an agreement read a field it never carried, is read from
  // Jira again; every other issue is re-evaluated from what is stored, with no Jira call.
  const storedVersion: number = history.data.v;
  const config = await deps.configs.forProject(history.projectKey);
  const lacking = 'compiled' in config ? unknownFields(history.data, fieldsUsed(config.compiled)) : [];
  const outcome =
    storedVersion === ISSUE_HISTORY_DATA_VERSION && lacking.length === 0
      ? await evaluateStored(deps, history, deps.clock.now())
      : await refreshIssue(deps, history.issueId);
  if (outcome.kind !== 'evaluated') return { ok: outcome.kind !== 'invalid', fields: [] };
  return { ok: true, fields: changedFields(history.issueId, before, outcome.fields) };
}

/**
 * Rewrites a completed issue's stored results and cycles without those of vanished metrics, under the same
 * stamp (a write of a newer history still wins), and says what its fields say now.
 */
async function dropVanished(
  deps: Deps,
  history: StoredHistory,
  before: readonly StoredResult[],
  kept: readonly StoredResult[],
): Promise<CustomFieldUpdate[]> {
  const keptKeys = new Set(kept.map((r) => `${r.agreementId}\u0000${r.metricId}`));
  const cycles = (await deps.store.reports.cyclesOfIssues([history.issueId])).filter((c) =>
    keptKeys.has(`${c.agreementId}\u0000${c.metricId}`),
  );
  const written = await deps.store.results.replaceIssue(history.issueId, history.stamp, kept, cycles, {
    satisfaction: history.data.satisfaction ?? null,
  });
  if (written === 'stale') return [];
  await deps.publisher.publish(issueChannel(history.issueId), { type: 'results', issueId: history.issueId });
  const after = summarizeMetrics(kept.map((r) => ({ kind: r.kind, metric: r.result })));
  return changedFields(history.issueId, before, [
    { issueId: history.issueId, field: 'next-deadline', value: after.nextDeadline },
    { issueId: history.issueId, field: 'sla-state', value: after.slaState },
  ]);
}

/** The field updates whose value differs from what the results stored before said (no Jira call otherwise). */
function changedFields(
  issueId: string,
  before: readonly StoredResult[],
  updates: readonly CustomFieldUpdate[],
): CustomFieldUpdate[] {
  const was = summarizeMetrics(before.map((r) => ({ kind: r.kind, metric: r.result })));
  const previous: Record<string, string | null> = {
    'next-deadline': was.nextDeadline,
    'sla-state': was.slaState,
  };
  return before.length === 0
    ? [...updates]
    : updates.filter((u) => u.issueId === issueId && previous[u.field] !== u.value);
}
