import type {
  CommitmentPurpose,
  PortalCommitment,
  PortalCommitments,
} from '../../../src/app/resolvers/portal-routes';

export type { PortalCommitment, PortalCommitments };

/** What one commitment says to the customer: which sentence, about which instant, with which badge. */
export interface Wording {
  /** The message key of the sentence. */
  readonly sentence:
    | `${CommitmentPurpose}.${'running' | 'overdue' | 'met' | 'breached'}`
    | 'paused.waitingForYou'
    | 'paused.onHold';
  /** The instant the sentence names (`{at}`), in epoch ms; null for a pause. */
  readonly at: number | null;
  readonly badge: 'waitingForYou' | 'late' | null;
}

/**
 * Chooses the wording of a commitment at `now`. A running commitment whose deadline has passed reads as
 * overdue even before the backend's next sweep says so (it sweeps every few minutes); one with no instant to
 * name says nothing rather than something vague.
 * @example wordingOf({ purpose: 'response', state: 'running', due: '2026-03-02T10:00:00Z', … }, now).sentence === 'response.running'
 */
export function wordingOf(commitment: PortalCommitment, now: number): Wording | null {
  const { purpose, state } = commitment;
  if (state === 'paused') {
    return commitment.waitingForYou
      ? { sentence: 'paused.waitingForYou', at: null, badge: 'waitingForYou' }
      : { sentence: 'paused.onHold', at: null, badge: null };
  }
  if (state === 'met' || state === 'breached') {
    if (commitment.completedAt === null) return null;
    return { sentence: `${purpose}.${state}`, at: Date.parse(commitment.completedAt), badge: null };
  }
  if (commitment.due === null) return null;
  const due = Date.parse(commitment.due);
  const overdue = state === 'overdue' || due <= now;
  return {
    sentence: `${purpose}.${overdue ? 'overdue' : 'running'}`,
    at: due,
    badge: overdue ? 'late' : null,
  };
}
