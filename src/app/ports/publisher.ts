/** Tells open UIs that something changed, so they refresh without a reload (Forge realtime in production). */
export interface Publisher {
  publish(channel: string, payload: Readonly<Record<string, unknown>>): Promise<void>;
}

/** The channel an issue's panels listen on. */
export const issueChannel = (issueId: string): string => `accord:issue:${issueId}`;
