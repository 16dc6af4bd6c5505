/**
 * Forge's async events (`@forge/events` Queue) as the emulator plays them: the push endpoint the SDK posts to
 * (`/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}` through the stargate remote),
 * with the per-installation limits, and the events it accepted handed on for delivery.
 *
 * Refusals are the replies `validatePushAPIResponse` turns into the SDK's errors: 429 → `RateLimitError`
 * ("Too many requests."), 413 with `{ errorMessage }` → `PayloadTooBigError`. The SDK checks 50 events and
 * 200 KB itself before sending; the service checks again, as the platform does for any client.
 */
import { SlidingWindow, type ForgeLimits } from './limits';
import { jsonReply } from './wire';

/** One pushed event as the SDK sends it. */
export interface PushedEvent {
  readonly queueName: string;
  readonly jobId: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly delayInSeconds: number;
}

export interface EventCounters {
  pushes: number;
  pushed: number;
  /** Events in pushes refused for the rate (500 a minute). */
  refusedRate: number;
  refusedRatePushes: number;
  /** Pushes refused for their size or count. */
  refusedSize: number;
}

export const PUSH_PATH_PREFIX = '/webhook/queue/publish/';

/** The push endpoint of one installation. */
export class EventService {
  readonly counters: EventCounters = {
    pushes: 0,
    pushed: 0,
    refusedRate: 0,
    refusedRatePushes: 0,
    refusedSize: 0,
  };
  private readonly window: SlidingWindow;

  constructor(
    private readonly limits: ForgeLimits,
    private readonly queues: ReadonlySet<string>,
    private readonly accept: (events: readonly PushedEvent[]) => void,
  ) {
    this.window = new SlidingWindow(60_000, limits.pushedEventsPerMinute);
  }

  /** Answers one push request at virtual time `now`. */
  handle(body: unknown, now: number): Response {
    const request = (body ?? {}) as { queueName?: unknown; jobId?: unknown; payload?: unknown };
    if (typeof request.queueName !== 'string' || !this.queues.has(request.queueName)) {
      return jsonReply(400, {
        message: `No consumer in the manifest listens on queue ${String(request.queueName)}`,
      });
    }
    const payload = Array.isArray(request.payload)
      ? (request.payload as { body?: unknown; delayInSeconds?: unknown }[])
      : [];
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    if (payload.length === 0 || payload.length > this.limits.eventsPerPush || bytes > this.limits.pushBytes) {
      this.counters.refusedSize++;
      return jsonReply(413, {
        errorMessage: `A push carries 1 to ${this.limits.eventsPerPush} events and at most ${this.limits.pushBytes / 1024}KB; this one has ${payload.length} events, ${bytes} bytes.`,
      });
    }
    if (!this.window.take(now, payload.length)) {
      this.counters.refusedRate += payload.length;
      this.counters.refusedRatePushes++;
      return jsonReply(429, { message: 'Too many requests.' });
    }
    this.counters.pushes++;
    this.counters.pushed += payload.length;
    const queueName = request.queueName;
    const jobId = typeof request.jobId === 'string' ? request.jobId : '';
    this.accept(
      payload.map((event) => ({
        queueName,
        jobId,
        body: (event.body ?? {}) as Record<string, unknown>,
        delayInSeconds: typeof event.delayInSeconds === 'number' ? event.delayInSeconds : 0,
      })),
    );
    return jsonReply(201, {});
  }
}
