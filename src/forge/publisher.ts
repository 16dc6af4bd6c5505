import { publishGlobal } from '@forge/realtime';
import { errorFields, type Logger, type Publisher } from '../app/ports';

/** What every update says on Forge: something about the channel's issue changed, nothing more. */
export const CHANGED = 'changed';

/**
 * Realtime updates to open Custom UIs through Forge realtime; a failed publish only delays a refresh.
 *
 * The consumers that publish run in no module or issue context of the panels', so a context-scoped channel
 * (Forge's default) never reaches an issue panel: updates go on a global channel per issue instead. Anyone may
 * subscribe to a global channel, so it carries no data at all, only "changed": the panel then re-reads through
 * its resolver, which checks the viewer's permission on the issue. The payload the use cases pass is for the
 * sandbox's own publisher and is not sent.
 */
export class ForgePublisher implements Publisher {
  constructor(private readonly logger: Logger) {}

  async publish(channel: string): Promise<void> {
    try {
      const { errors } = (await publishGlobal(channel, CHANGED)) as { errors?: unknown };
      // The SDK reports a refusal (429 over 50 publishes a second) in the reply rather than throwing.
      if (Array.isArray(errors) && errors.length > 0) {
        const status = (errors[0] as { status?: unknown }).status;
        this.logger.log('warn', 'realtime.failed', {
          reason: 'refused',
          ...(typeof status === 'number' ? { status } : {}),
        });
      }
    } catch (error) {
      // Panels also refresh on their own timer; losing one update notice is not worth failing the event.
      this.logger.log('warn', 'realtime.failed', errorFields(error));
    }
  }
}
