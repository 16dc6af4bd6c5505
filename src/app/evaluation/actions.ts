import type { Action, Agreement } from '../../engine/agreement/types';
import type { CycleResult, IssueResult } from '../../engine/evaluate/result';
import { formatLocalInstant } from '../../engine/time/format-local';
import { parseInstant } from '../../engine/time/iso';
import { isKnownZone } from '../../engine/time/zone';
import { JiraError, QUEUE_MAX_DELAY_SECONDS, type Claim, type JiraIssueJson, type JiraPort } from '../ports';
import type { Deps } from './deps';

/** A crossing older than this when first seen is recorded history, not a reason to act now (e.g. on install). */
export const ACT_WINDOW_MS = 60 * 60_000;
/** A claim older than this belongs to a consumer that died; the action may be tried again. */
export const CLAIM_STALE_MS = 15 * 60_000;

export interface ActionOutcome {
  readonly key: string;
  /** `done` performed now or found already in Jira; `unknown` a notification that may or may not have gone out. */
  readonly status: 'done' | 'failed' | 'skipped' | 'unknown';
  /** Whether performing it changed the issue in Jira (anything but a notification). */
  readonly changedIssue: boolean;
  readonly error?: string;
}

/**
 * Queues a re-read of every issue that Accord's own actions changed: the trigger ignores the app's own changes
 * (`ignoreSelf`, so that acting never loops on itself), so without this the stored history would not know that,
 * say, the priority was raised until a person next touched the issue.
 */
export async function refreshAfterActions(
  deps: Deps,
  issueId: string,
  outcomes: readonly ActionOutcome[],
): Promise<void> {
  if (outcomes.some((o) => o.status === 'done' && o.changedIssue)) {
    await deps.queue.push([{ type: 'issue', issueId }]);
  }
}

/**
 * Performs the actions of every threshold crossed in a running cycle, exactly once per cycle, threshold,
 * repeat and action as seen in Jira, whatever the number of sweeps, deliveries and re-evaluations, and under
 * any single fault between performing and recording: each action's key is claimed in the action log before it
 * is performed (an insert only one caller wins), and marked done or failed after. A failed action, or the
 * claim of a consumer that died, is claimed again later, and then Jira is asked first whether the action
 * already happened ({@link alreadyInJira}: the comment's marker, the field's current value); only if not is it
 * performed. A notification leaves no trace to ask about: one that may have gone out is recorded `unknown` and
 * never sent again.
 */
export async function actOnThresholds(
  deps: Deps,
  issueId: string,
  result: IssueResult,
  agreements: ReadonlyMap<string, Agreement>,
): Promise<ActionOutcome[]> {
  const now = deps.clock.now();
  const outcomes: ActionOutcome[] = [];
  for (const agreementResult of result.agreements) {
    const agreement = agreements.get(agreementResult.id);
    if (!agreement) continue;
    for (const metric of agreementResult.metrics) {
      const cycle = metric.cycles[metric.cycles.length - 1];
      const thresholds = agreement.metrics.find((m) => m.id === metric.id)?.thresholds ?? [];
      if (cycle?.stoppedAt !== null) continue;
      for (const crossed of cycle.thresholds) {
        const threshold = thresholds[crossed.index];
        const lastAt = crossed.lastAt === null ? undefined : parseInstant(crossed.lastAt);
        if (!threshold || crossed.crossings === 0 || lastAt === undefined || now - lastAt > ACT_WINDOW_MS)
          continue;
        const texts = {
          issue: result.issue,
          agreement: agreement.name,
          metric: metric.name,
          remaining: formatRemaining(cycle.remainingMs),
          deadline: await deadlineText(deps, agreement, metric.id, cycle),
        };
        for (const [index, action] of threshold.actions.entries()) {
          const key = [
            issueId,
            agreement.id,
            metric.id,
            cycle.startedAt,
            crossed.index,
            crossed.crossings,
            index,
          ].join('/');
          const claim = await deps.store.actions.claim(key, issueId, now, CLAIM_STALE_MS);
          if (typeof claim !== 'string') {
            if (claim.status === 'claimed') await checkBackWhenStale(deps, issueId, claim.updatedAt);
            continue;
          }
          outcomes.push(await performOnce(deps, issueId, key, claim, action, texts, lastAt));
        }
      }
    }
  }
  return outcomes;
}

/** Performs one claimed action, first asking Jira whether a re-claimed one already happened. */
async function performOnce(
  deps: Deps,
  issueId: string,
  key: string,
  claim: Claim,
  action: Action,
  texts: Texts,
  crossedAt: number,
): Promise<ActionOutcome> {
  const changedIssue = action.type !== 'notify';
  if (claim !== 'claimed') {
    const seen = await alreadyInJira(deps.jira, issueId, key, claim, action, crossedAt);
    if (seen !== 'no') {
      if (seen === 'yes') await deps.store.actions.complete(key, deps.clock.now());
      else await deps.store.actions.markUnknown(key, deps.clock.now(), UNKNOWN_AFTER_DEATH);
      // Found done: the claimant that died may not have queued its re-read of the issue; queue it again.
      return {
        key,
        status: seen === 'yes' ? 'done' : 'unknown',
        changedIssue: seen === 'yes' && changedIssue,
      };
    }
  }
  try {
    await perform(deps.jira, issueId, key, action, texts);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (action.type === 'notify' && !refusedOutright(error)) {
      await deps.store.actions.markUnknown(key, deps.clock.now(), message);
      return { key, status: 'unknown', changedIssue: false, error: message };
    }
    await deps.store.actions.fail(key, deps.clock.now(), message);
    return { key, status: 'failed', changedIssue: false, error: message };
  }
  // Performed. If recording this fails, the claim stays `claimed`; whoever re-claims it once stale checks Jira
  // and finds it done (never `fail` here: a retry of a performed notification would send it twice). The issue is
  // marked for a re-read first, so that a consumer dying in between still leaves a drain to bring Accord's own
  // change into the stored history and to find the claim (its redelivered event may find nothing left to do).
  if (changedIssue) await deps.queue.push([{ type: 'issue', issueId }]);
  await deps.store.actions.complete(key, deps.clock.now());
  return { key, status: 'done', changedIssue };
}

/**
 * Someone else holds the claim: a consumer at work, or one that died before recording (then this is the
 * platform's redelivery of its event). Nothing else would look at the issue again before its next deadline,
 * so a due event comes back once the claim is stale, to re-take it and check Jira.
 */
async function checkBackWhenStale(deps: Deps, issueId: string, claimedAt: number): Promise<void> {
  const at = claimedAt + CLAIM_STALE_MS + 1000;
  const delaySeconds = Math.min(QUEUE_MAX_DELAY_SECONDS, Math.ceil((at - deps.clock.now()) / 1000));
  await deps.queue.push([{ type: 'due', issueId, at }], { delaySeconds });
}

const UNKNOWN_AFTER_DEATH = 'the consumer stopped between sending and recording; not sent again';

/** Whether Jira certainly did not act: it answered with a refusal (4xx, a rate limit included). */
function refusedOutright(error: unknown): boolean {
  return error instanceof JiraError && error.status >= 400 && error.status < 500;
}

/**
 * Whether a re-claimed action already happened, as Jira shows it: a comment by its marker; a priority, an
 * assignee, a status or a label by the issue's current value, or by a changelog entry of an app account that set
 * it since the threshold was crossed (a person may have changed it back since: setting it again would be a second
 * change for one firing, over their choice). A notification leaves no trace: after a failed attempt (Jira refused
 * it outright, see {@link performOnce}) it did not go out; after a death it may have.
 */
async function alreadyInJira(
  jira: JiraPort,
  issueId: string,
  key: string,
  claim: Exclude<Claim, 'claimed'>,
  action: Action,
  crossedAt: number,
): Promise<'yes' | 'no' | 'unknown'> {
  if (action.type === 'comment') return (await jira.hasMarkedComment(issueId, key)) ? 'yes' : 'no';
  if (action.type === 'notify') return claim === 'reclaimed-stale' ? 'unknown' : 'no';
  const json = await jira.getIssue(issueId, { fields: ['priority', 'assignee', 'status', 'labels'] });
  const fields = (json?.fields ?? {}) as {
    priority?: { name?: string } | null;
    assignee?: { accountId?: string } | null;
    status?: { name?: string } | null;
    labels?: string[];
  };
  const holds = (() => {
    switch (action.type) {
      case 'priority':
        return fields.priority?.name === action.name;
      case 'assign':
        return (fields.assignee?.accountId ?? null) === action.accountId;
      case 'transition':
        return fields.status?.name?.toLowerCase() === action.to.toLowerCase();
      case 'label':
        return fields.labels?.includes(action.add) === true;
    }
  })();
  return holds || setByAppSince(json, action, crossedAt) ? 'yes' : 'no';
}

interface ChangelogEntry {
  readonly created?: string;
  readonly author?: { readonly accountType?: string } | null;
  readonly items?: readonly {
    readonly field?: string;
    readonly to?: string | null;
    readonly toString?: string | null;
  }[];
}

/**
 * Whether an app account's changelog entry at or after `since` made the change `action` makes.
 * ATTENTION: Accord does not know its own account id here, so another app (an automation rule) making the same
 * change after the crossing counts too, as the current value already does.
 */
function setByAppSince(json: JiraIssueJson | undefined, action: Action, since: number): boolean {
  const histories =
    (json?.changelog as { histories?: readonly ChangelogEntry[] } | undefined)?.histories ?? [];
  return histories.some((h) => {
    const at = h.created === undefined ? undefined : parseInstant(h.created);
    if (h.author?.accountType !== 'app' || at === undefined || at < since) return false;
    return (h.items ?? []).some((item) => {
      const to = item.toString ?? null;
      switch (action.type) {
        case 'priority':
          return item.field === 'priority' && to === action.name;
        case 'assign':
          return item.field === 'assignee' && (item.to ?? null) === action.accountId;
        case 'transition':
          return item.field === 'status' && to?.toLowerCase() === action.to.toLowerCase();
        case 'label':
          return item.field === 'labels' && (to ?? '').split(' ').includes(action.add);
        default:
          return false;
      }
    });
  });
}

type Texts = Readonly<Record<'issue' | 'agreement' | 'metric' | 'remaining' | 'deadline', string>>;

/** Fills `{issue}`, `{agreement}`, `{metric}`, `{remaining}`, `{deadline}`; other braces stay as written. */
export function fill(template: string, texts: Texts): string {
  return template.replace(
    /\{(issue|agreement|metric|remaining|deadline)\}/g,
    (_, name: keyof Texts) => texts[name],
  );
}

async function perform(
  jira: JiraPort,
  issueId: string,
  key: string,
  action: Action,
  texts: Texts,
): Promise<void> {
  switch (action.type) {
    case 'comment':
      // Internal unless the agreement says otherwise: an automatic note should not reach a customer by accident.
      // The action's key goes with it, so that a retry can find it.
      return jira.addComment(issueId, fill(action.body, texts), {
        internal: action.internal ?? true,
        marker: key,
      });
    case 'notify':
      return jira.notify(issueId, {
        subject: fill(action.subject, texts),
        body: fill(action.body, texts),
        to: action.to,
        groups: action.groups ?? [],
        users: action.users ?? [],
      });
    case 'assign':
      return jira.assign(issueId, action.accountId);
    case 'priority':
      return jira.setPriority(issueId, action.name);
    case 'transition':
      if (!(await jira.transition(issueId, action.to)))
        throw new Error(`no transition to "${action.to}" is available`);
      return;
    case 'label':
      return jira.addLabel(issueId, action.add);
  }
}

/** `1 h 05 min`, `-20 min` once breached. */
export function formatRemaining(ms: number | null): string {
  if (ms === null) return '—';
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${sign}${h} h ${String(m).padStart(2, '0')} min` : `${sign}${m} min`;
}

/**
 * `{deadline}` in the zone of the calendar of the goal the cycle is measured under, with its offset
 * (docs/engine-contract.md, "Actions"): `2026-03-02 15:05 +01:00` on a Berlin calendar.
 */
async function deadlineText(
  deps: Deps,
  agreement: Agreement,
  metricId: string,
  cycle: CycleResult,
): Promise<string> {
  if (cycle.deadline === null) return '—';
  const goal = agreement.metrics.find((m) => m.id === metricId)?.goals[cycle.goalIndex ?? 0];
  const calendar = goal && (await deps.store.config.get('calendar', goal.calendar))?.body;
  return formatDeadline(cycle.deadline, calendar?.timeZone);
}

/** `2026-03-02 15:05 +01:00` in `zone`; `2026-03-02 14:05 UTC` without one: unambiguous wherever it is read. */
export function formatDeadline(iso: string, zone?: string): string {
  const at = parseInstant(iso);
  if (zone === undefined || !isKnownZone(zone) || at === undefined)
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  return formatLocalInstant(at, zone);
}
