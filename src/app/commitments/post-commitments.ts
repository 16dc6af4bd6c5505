import type { Agreement } from '../../engine/agreement/types';
import type { AgreementResult, GoalResult, IssueResult } from '../../engine/evaluate/result';
import { parseInstant } from '../../engine/time/iso';
import { QUEUE_MAX_DELAY_SECONDS, type ActionRecord } from '../ports';
import { ACT_WINDOW_MS, CLAIM_STALE_MS, type ActionOutcome } from '../evaluation/actions';
import type { Deps } from '../evaluation/deps';
import { purposeOf } from '../resolvers/portal-routes';
import { commitmentText, type CommittedTime } from './comment-text';

/**
 * Commitments for external customers (Forge's portal panel does not reach portal-only customers): an
 * SLA with `commitmentComments` posts its customer-visible commitments as a public comment when a request is
 * raised, and again whenever a committed time moves by more than `moveMinutes`, in the reporter's language and
 * zone. Only that SLA's own metrics are written: nothing of an OLA or UC, no conditions, no working-time figures.
 *
 * At most once per change, under the rules threshold actions follow (src/app/evaluation/actions.ts): post `n` of
 * an issue and agreement is a key in the action log, `<issue>/<agreement>/commitments/<n>`, claimed before the
 * comment is written and carried by the comment as its marker. A claim re-taken after a failure, or after its
 * claimant died, first asks Jira for the marker, so a fault between posting and recording never posts twice.
 * What a post said (each metric's committed instant) is recorded beside it, as
 * `<slot>/said/<metric index>=<epoch ms>,…`, before the comment is written: the next evaluation compares today's
 * commitments with it.
 */
export async function postCommitments(
  deps: Deps,
  issueId: string,
  result: IssueResult,
  agreements: ReadonlyMap<string, Agreement>,
): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = [];
  let records: readonly ActionRecord[] | undefined;
  for (const agreementResult of result.agreements) {
    const agreement = agreements.get(agreementResult.id);
    const rule = agreement?.commitmentComments;
    // Never an OLA's or a UC's, never an SLA hidden from customers, whatever was stored.
    if (!agreement || !rule || agreement.kind !== 'SLA' || agreement.customerVisible !== true) continue;
    const now = deps.clock.now();
    const current = committedNow(agreementResult, agreement);
    records ??= await deps.store.actions.forIssue(issueId);
    const prefix = `${issueId}/${agreement.id}/commitments/`;
    const last = lastPost(records, prefix);

    let n: number;
    if (last !== undefined && (last.status === 'claimed' || last.status === 'failed')) {
      n = last.n; // unfinished: take it up again (the claim says whether it may be yet)
    } else if (last === undefined) {
      if (current.length === 0 || !(await raisedRecently(deps, issueId, now))) continue;
      n = 0;
    } else {
      const limit = rule.moveMinutes * 60_000;
      const moved = current.some((c) => {
        const before = last.said.get(c.index);
        return before !== undefined && Math.abs(c.deadline - before) > limit;
      });
      if (!moved) continue;
      n = last.n + 1;
    }
    if (current.length === 0) continue;

    const slot = `${prefix}${String(n)}`;
    const claim = await deps.store.actions.claim(slot, issueId, now, CLAIM_STALE_MS);
    if (typeof claim !== 'string') {
      // Another consumer is at it, or died at it: look again once its claim is stale, as threshold actions do.
      if (claim.status === 'claimed') await checkBackWhenStale(deps, issueId, claim.updatedAt);
      continue;
    }
    if (claim !== 'claimed' && (await deps.jira.hasMarkedComment(issueId, slot))) {
      await deps.store.actions.complete(slot, deps.clock.now());
      outcomes.push({ key: slot, status: 'done', changedIssue: false });
      continue;
    }
    const said = `${slot}/said/${current.map((c) => `${String(c.index)}=${String(c.deadline)}`).join(',')}`;
    if ((await deps.store.actions.claim(said, issueId, now, CLAIM_STALE_MS)) === 'claimed')
      await deps.store.actions.complete(said, now);
    try {
      const text = await textFor(deps, issueId, result.issue, agreementResult, current, n > 0);
      await deps.jira.addComment(issueId, text, { internal: false, marker: slot });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await deps.store.actions.fail(slot, deps.clock.now(), message);
      outcomes.push({ key: slot, status: 'failed', changedIssue: false, error: message });
      continue;
    }
    // Posted. If recording fails, the claim stays `claimed`; whoever re-takes it once stale finds the marker.
    await deps.store.actions.complete(slot, deps.clock.now());
    outcomes.push({ key: slot, status: 'done', changedIssue: false });
  }
  return outcomes;
}

/** A metric's committed instant, by its position in the agreement. */
interface Committed extends CommittedTime {
  readonly index: number;
}

/**
 * Whether a goal promises anything: a target in working time, in business days or from a date field. A goal
 * measured only promises nothing.
 */
export const promises = (goal: GoalResult | null | undefined): boolean =>
  typeof goal?.targetMinutes === 'number' ||
  goal?.businessDays !== undefined ||
  goal?.dueDateField !== undefined;

/**
 * The instants the SLA commits to now: each metric whose cycle runs with a deadline still ahead. A paused clock
 * has no deadline, and a passed one is no longer a promise; both are left out (and compared again once back).
 */
function committedNow(result: AgreementResult, agreement: Agreement): Committed[] {
  const out: Committed[] = [];
  for (const metric of result.metrics) {
    const cycle = metric.cycles[metric.cycles.length - 1];
    if (cycle?.stoppedAt !== null || cycle.deadline === null || metric.breached) continue;
    if (!promises(metric.goal)) continue;
    const deadline = parseInstant(cycle.deadline);
    const index = agreement.metrics.findIndex((m) => m.id === metric.id);
    if (deadline === undefined || index < 0) continue;
    out.push({ index, deadline, name: metric.name, purpose: purposeOf(agreement.metrics[index]) });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The newest post of an agreement on an issue, with what it said. */
interface LastPost {
  readonly n: number;
  readonly status: ActionRecord['status'];
  readonly said: ReadonlyMap<number, number>;
}

function lastPost(records: readonly ActionRecord[], prefix: string): LastPost | undefined {
  let best: { n: number; record: ActionRecord } | undefined;
  const notes = new Map<number, ActionRecord>();
  for (const record of records) {
    if (!record.key.startsWith(prefix)) continue;
    const rest = record.key.slice(prefix.length);
    const slot = /^(\d+)$/.exec(rest);
    const note = /^(\d+)\/said\//.exec(rest);
    if (slot) {
      const n = Number(slot[1]);
      if (best === undefined || n > best.n) best = { n, record };
    } else if (note) {
      // A post taken up again may have said other times: the newest note is what Jira shows.
      const n = Number(note[1]);
      const seen = notes.get(n);
      if (seen === undefined || record.updatedAt >= seen.updatedAt) notes.set(n, record);
    }
  }
  if (best === undefined) return undefined;
  const said = new Map<number, number>();
  const note = notes.get(best.n)?.key.split('/said/')[1] ?? '';
  for (const pair of note.split(',')) {
    const [index, at] = pair.split('=');
    if (index !== undefined && at !== undefined) said.set(Number(index), Number(at));
  }
  return { n: best.n, status: best.record.status, said };
}

/** A request counts as just raised within the window in which Accord acts at all (not on install, say). */
async function raisedRecently(deps: Deps, issueId: string, now: number): Promise<boolean> {
  const history = await deps.store.histories.get(issueId);
  return history !== undefined && now - history.data.created <= ACT_WINDOW_MS;
}

/** The comment in the reporter's language and zone; the zone of the first goal's calendar where theirs is unknown. */
async function textFor(
  deps: Deps,
  issueId: string,
  issueKey: string,
  result: AgreementResult,
  commitments: readonly CommittedTime[],
  moved: boolean,
): Promise<string> {
  const json = await deps.jira.getIssue(issueId, { fields: ['reporter'] });
  const reporter = (json?.fields as { reporter?: { accountId?: unknown } | null } | undefined)?.reporter
    ?.accountId;
  const profile = typeof reporter === 'string' ? await deps.jira.getUserProfile(reporter) : undefined;
  const calendarId = result.metrics.find((m) => m.goal !== null)?.goal?.calendar;
  const calendar = calendarId === undefined ? undefined : await deps.store.config.get('calendar', calendarId);
  return commitmentText({
    issueKey,
    locale: profile?.locale,
    timeZone: profile?.timeZone ?? calendar?.body?.timeZone ?? 'UTC',
    moved,
    commitments,
  });
}

async function checkBackWhenStale(deps: Deps, issueId: string, claimedAt: number): Promise<void> {
  const at = claimedAt + CLAIM_STALE_MS + 1000;
  const delaySeconds = Math.min(QUEUE_MAX_DELAY_SECONDS, Math.ceil((at - deps.clock.now()) / 1000));
  await deps.queue.push([{ type: 'due', issueId, at }], { delaySeconds });
}
