import { publish } from '@forge/realtime';
import { errorFields, type Logger, type Publisher } from '../app/ports';

/** Realtime updates to open Custom UIs through Forge realtime; a failed publish only delays a refresh. */
export class ForgePublisher implements Publisher {
  constructor(private readonly logger: Logger) {}

  async publish(channel: string, payload: Readonly<Record<string, unknown>>): Promise<void> {
    try {
      await publish(channel, { ...payload });
    } catch (error) {
      // Panels also refresh on their own timer; losing one update notice is not worth failing the event.
      this.logger.log('warn', 'realtime.failed', errorFields(error));
    }
  }
}
