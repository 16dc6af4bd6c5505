import type { Publisher } from '../app/ports';

/** Realtime updates in process: the sandbox's host pages subscribe; tests read what was published. */
export class LocalPublisher implements Publisher {
  readonly published: { channel: string; payload: Readonly<Record<string, unknown>> }[] = [];
  private readonly subscribers = new Map<string, Set<(payload: Readonly<Record<string, unknown>>) => void>>();

  publish(channel: string, payload: Readonly<Record<string, unknown>>): Promise<void> {
    this.published.push({ channel, payload });
    if (this.published.length > 1000) this.published.splice(0, this.published.length - 1000);
    for (const subscriber of this.subscribers.get(channel) ?? []) subscriber(payload);
    return Promise.resolve();
  }

  subscribe(channel: string, listener: (payload: Readonly<Record<string, unknown>>) => void): () => void {
    const set = this.subscribers.get(channel) ?? new Set();
    set.add(listener);
    this.subscribers.set(channel, set);
    return () => set.delete(listener);
  }
}
