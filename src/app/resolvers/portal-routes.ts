import { z } from 'zod';
import type { Condition, Metric } from '../../engine/agreement/types';
import { historyOf } from '../../engine/issue';
import type { Deps } from '../evaluation/deps';
import { Refusal } from './envelope';
import { route, type Route } from './route';
import { issueId } from './fields';

/**
 * What the customer portal shows on a request: the commitments of its customer-visible SLAs, in words a
 * customer reads ("We will respond by …"). Nothing of OLAs and UCs, and nothing internal: no agreement ids,
 * no conditions, no working-time figures; only each commitment's purpose, its own name, its state and the
 * instant that matters.
 */

/** What a metric promises, read from how it stops: a reply from the team, or the request resolved. */
export type CommitmentPurpose = 'response' | 'resolution' | 'other';

/**
 * A commitment's state for the customer: `running` (due at `due`), `overdue` (running past `due`), `paused`
 * (`waitingForYou` when the request waits for the customer), `met` or `breached` (at `completedAt`).
 */
export type CommitmentState = 'running' | 'overdue' | 'paused' | 'met' | 'breached';

export interface PortalCommitment {
  /** Stable within the reply, for lists; says nothing about the configuration. */
  readonly key: string;
  readonly purpose: CommitmentPurpose;
  /** The metric's name as the admin wrote it, for purposes the portal has no words of its own for. */
  readonly name: string;
  readonly state: CommitmentState;
  /** ISO instant: the deadline of a running or overdue commitment. */
  readonly due: string | null;
  /** ISO instant: when a met or breached commitment stopped. */
  readonly completedAt: string | null;
  /** Paused because the request waits for the customer (a "Waiting for customer" status). */
  readonly waitingForYou: boolean;
}

export interface PortalCommitments {
  readonly issueId: string;
  readonly commitments: readonly PortalCommitment[];
}

const isAgentReply = (c: Condition): boolean =>
  c.event === 'comment' && (c.by === 'agent' || c.by === 'any') && c.public !== false;
const isResolution = (c: Condition): boolean =>
  (c.event === 'resolution' && c.change === 'set') || (c.event === 'status' && c.toCategory === 'done');

/**
 * A metric that stops on a public reply from the team is a response (first response, or "next response"
 * after each customer comment); one that stops only on a resolution or a done status is the resolution.
 * @example purposeOf({ stop: [{ event: 'resolution', change: 'set' }], … }) === 'resolution'
 */
export function purposeOf(metric: Pick<Metric, 'stop'> | undefined): CommitmentPurpose {
  if (!metric || metric.stop.length === 0) return 'other';
  if (metric.stop.some(isAgentReply)) return 'response';
  if (metric.stop.every(isResolution)) return 'resolution';
  return 'other';
}

/**
 * Status names JSM and admins give "the ball is in the customer's court".
 * ATTENTION: a name match, not a status property (Jira has none for it); a status named otherwise shows the
 * neutral "on hold" wording, never a wrong "waiting for you".
 */
const WAITING_FOR_CUSTOMER =
  /\b(waiting for|awaiting|pending) (the )?(customer|reporter|requester|you)\b|\bwarten auf (den )?kunden?\b|\bafventer kunde/;

async function waitsForCustomer(deps: Deps, issueId: string): Promise<boolean> {
  const stored = await deps.store.histories.get(issueId);
  if (!stored) return false;
  const status = historyOf(stored.data).at(deps.clock.now()).get('status');
  return status.some((alias) => WAITING_FOR_CUSTOMER.test(alias));
}

const ORDER: Readonly<Record<CommitmentPurpose, number>> = { response: 0, resolution: 1, other: 2 };

export const portalRoutes = {
  /**
   * The request's customer-visible SLA commitments, for its reporter and participants only. Metrics that have
   * not started, or whose goal has no target, promise nothing and are left out.
   */
  'portal/commitments': route(
    z.object({ issueId }).strict(),
    async (deps, ctx, p): Promise<PortalCommitments> => {
      if (!(await deps.jira.isRequestParticipant(ctx.accountId, p.issueId))) {
        throw new Refusal('request-not-shared', {}, 'This request is not shared with you.');
      }
      const [results, agreements] = await Promise.all([
        deps.store.results.forIssue(p.issueId),
        deps.store.config.list('agreement'),
      ]);
      // Visibility follows the newest version: an admin who hides an SLA, or removes a metric, hides it at once.
      const visible = new Map(
        agreements.flatMap((a) =>
          a.body?.kind === 'SLA' && a.body.customerVisible === true
            ? [[a.id, new Set(a.body.metrics.map((m) => m.id))] as const]
            : [],
        ),
      );
      const shown = results.filter(
        (r) =>
          r.kind === 'SLA' &&
          visible.get(r.agreementId)?.has(r.metricId) === true &&
          r.result.state !== 'not-started' &&
          // A goal without a target only measures: it promises nothing. Business days and date fields promise.
          (typeof r.result.goal?.targetMinutes === 'number' ||
            r.result.goal?.businessDays !== undefined ||
            r.result.goal?.dueDateField !== undefined),
      );
      // The purpose comes from the version the result was measured with.
      const versions = await Promise.all(
        shown.map((r) => deps.store.config.get('agreement', r.agreementId, r.agreementVersion)),
      );
      // Several commitments of one purpose (two SLAs' responses) come in the order of the project's list.
      const projectKey = shown[0]?.projectKey;
      const listed = projectKey === undefined ? [] : await deps.store.config.projectAgreements(projectKey);
      const rank = (agreementId: string): number => {
        const at = listed.indexOf(agreementId);
        return at < 0 ? listed.length : at;
      };
      const waiting = shown.some((r) => r.result.state === 'paused')
        ? await waitsForCustomer(deps, p.issueId)
        : false;
      const commitments = shown.map((r, i): PortalCommitment => {
        const metric = r.result;
        const last = metric.cycles[metric.cycles.length - 1];
        const stopped = last?.stoppedAt ?? null;
        const state: CommitmentState =
          stopped !== null
            ? metric.breached
              ? 'breached'
              : 'met'
            : metric.state === 'paused'
              ? 'paused'
              : metric.breached
                ? 'overdue'
                : 'running';
        return {
          key: String(i),
          purpose: purposeOf(versions[i]?.body?.metrics.find((m) => m.id === r.metricId)),
          name: metric.name,
          state,
          due: stopped === null && state !== 'paused' ? (last?.deadline ?? null) : null,
          completedAt: stopped,
          waitingForYou: state === 'paused' && waiting,
        };
      });
      return {
        issueId: p.issueId,
        commitments: commitments
          .map((c, i) => ({ c, i, rank: rank(shown[i]?.agreementId ?? '') }))
          .sort((a, b) => ORDER[a.c.purpose] - ORDER[b.c.purpose] || a.rank - b.rank || a.i - b.i)
          .map(({ c }, i) => ({ ...c, key: String(i) })),
      };
    },
  ),
} satisfies Record<string, Route>;
