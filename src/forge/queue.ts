import {
  Queue as ForgeEventsQueue,
  PayloadTooBigError,
  RateLimitError,
  TooManyEventsError,
} from '@forge/events';
import { QUEUE_MAX_EVENTS, QueueRefusedError, type Queue, type QueueEvent } from '../app/ports';

/** The queue keys in manifest.yml, one per kind of work, so each has its own consumer and time-out. */
export const QUEUE_KEYS = {
  issue: 'accord-issues',
  drain: 'accord-issues',
  due: 'accord-due',
  dues: 'accord-due',
  job: 'accord-jobs',
} as const satisfies Record<QueueEvent['type'], string>;

/**
 * The app's {@link Queue} on Forge's async events: each event goes to the queue of its kind. Forge's refusals
 * (its rate limit of 500 events a minute, more than 50 events or 200 KB a push) become
 * {@link QueueRefusedError}s, which the use cases expect; anything else (a platform error) is thrown as it is.
 */
export class ForgeQueue implements Queue {
  private readonly queues = new Map<string, ForgeEventsQueue>();

  private queue(key: string): ForgeEventsQueue {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new ForgeEventsQueue({ key });
      this.queues.set(key, queue);
    }
    return queue;
  }

  async push(events: readonly QueueEvent[], options: { readonly delaySeconds?: number } = {}): Promise<void> {
    const byQueue = new Map<string, QueueEvent[]>();
    for (const event of events)
      byQueue.set(QUEUE_KEYS[event.type], [...(byQueue.get(QUEUE_KEYS[event.type]) ?? []), event]);
    for (const [key, list] of byQueue) {
      for (let i = 0; i < list.length; i += QUEUE_MAX_EVENTS) {
        const chunk = list.slice(i, i + QUEUE_MAX_EVENTS).map((body) => ({
          body: { ...body },
          ...(options.delaySeconds === undefined || options.delaySeconds === 0
            ? {}
            : { delayInSeconds: options.delaySeconds }),
        }));
        try {
          await this.queue(key).push(chunk);
        } catch (error) {
          if (error instanceof RateLimitError) {
            throw new QueueRefusedError(`Forge refused a push to ${key}: rate limit`, 'rate-limit');
          }
          if (error instanceof TooManyEventsError || error instanceof PayloadTooBigError) {
            throw new QueueRefusedError(`Forge refused a push to ${key}: too large`, 'size');
          }
          throw error;
        }
      }
    }
  }
}
