import { Queue as ForgeEventsQueue } from '@forge/events';
import { QUEUE_MAX_EVENTS, type Queue, type QueueEvent } from '../app/ports';

/** The queue keys in manifest.yml, one per kind of work, so each has its own consumer and time-out. */
export const QUEUE_KEYS = { issue: 'accord-issues', due: 'accord-due', job: 'accord-jobs' } as const;

/** The app's {@link Queue} on Forge's async events: each event goes to the queue of its kind. */
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
        await this.queue(key).push(
          list.slice(i, i + QUEUE_MAX_EVENTS).map((body) => ({
            body: { ...body },
            ...(options.delaySeconds === undefined || options.delaySeconds === 0
              ? {}
              : { delayInSeconds: options.delaySeconds }),
          })),
        );
      }
    }
  }
}
