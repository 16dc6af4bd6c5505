import {
  QUEUE_MAX_DELAY_SECONDS,
  QUEUE_MAX_EVENTS,
  QueueRefusedError,
  type Clock,
  type Queue,
  type QueueEvent,
} from '../app/ports';

interface Pending {
  readonly event: QueueEvent;
  readonly dueAt: number;
  readonly seq: number;
}

/**
 * Forge's queue, in process: events wait until their delay has passed on the given clock, and `take` hands
 * them to the consumer. Like Forge, it enforces 50 events a push and 900 s of delay; given `eventsPerMinute`,
 * it refuses a push that would exceed that many events in the last minute, as Forge does beyond 500, with the
 * {@link QueueRefusedError} the Forge adapter raises for Forge's rate-limit error.
 */
export class InProcessQueue implements Queue {
  private pending: Pending[] = [];
  private seq = 0;
  /** Instants of the events pushed in the last minute, when a limit is set. */
  private recent: number[] = [];
  /** Every event ever accepted, and pushes refused. */
  accepted = 0;
  refused = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limits: { readonly eventsPerMinute?: number } = {},
  ) {}

  push(events: readonly QueueEvent[], options: { readonly delaySeconds?: number } = {}): Promise<void> {
    const delay = options.delaySeconds ?? 0;
    const limit = this.limits.eventsPerMinute;
    if (limit !== undefined) {
      const now = this.clock.now();
      this.recent = this.recent.filter((at) => at > now - 60_000);
      if (this.recent.length + events.length > limit) {
        this.refused++;
        return Promise.reject(new QueueRefusedError(`more than ${limit} events a minute`, 'rate-limit'));
      }
      this.recent.push(...events.map(() => now));
    }
    if (events.length > QUEUE_MAX_EVENTS) {
      return Promise.reject(
        new Error(`a push takes at most ${QUEUE_MAX_EVENTS} events, got ${events.length}`),
      );
    }
    if (delay < 0 || delay > QUEUE_MAX_DELAY_SECONDS) {
      return Promise.reject(new Error(`delay must be 0..${QUEUE_MAX_DELAY_SECONDS} s, got ${delay}`));
    }
    const dueAt = this.clock.now() + delay * 1000;
    for (const event of events) this.pending.push({ event, dueAt, seq: this.seq++ });
    this.accepted += events.length;
    return Promise.resolve();
  }

  /** Events waiting, due or not. */
  size(): number {
    return this.pending.length;
  }

  /** When the next event is due, if any. */
  nextDueAt(): number | undefined {
    return this.pending.reduce<number | undefined>(
      (min, p) => (min === undefined || p.dueAt < min ? p.dueAt : min),
      undefined,
    );
  }

  /** Takes up to `max` events that are due now, oldest first. */
  take(max = QUEUE_MAX_EVENTS): QueueEvent[] {
    const now = this.clock.now();
    const due = this.pending.filter((p) => p.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    const taken = new Set(due.slice(0, max));
    this.pending = this.pending.filter((p) => !taken.has(p));
    return [...taken].map((p) => p.event);
  }
}
