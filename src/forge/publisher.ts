import { publish } from '@forge/realtime';
import type { Publisher } from '../app/ports';

/** Realtime updates to open Custom UIs through Forge realtime; a failed publish only delays a refresh. */
export class ForgePublisher implements Publisher {
  async publish(channel: string, payload: Readonly<Record<string, unknown>>): Promise<void> {
    try {
      await publish(channel, { ...payload });
    } catch {
      // ATTENTION: panels also refresh on their own timer; losing one update notice is not worth failing the event.
    }
  }
}
