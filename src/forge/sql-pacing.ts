/**
 * Forge SQL allows an installation 150 DML requests a second across all its function instances, and refuses
 * the rest with a 429. Every instance's statements go through {@link paced}: a refused statement waits and is
 * sent again (a refusal means nothing was executed), with a growing, jittered wait, so parallel drains and
 * recalculation steps share the budget instead of failing. Only when a statement is refused for longer than an
 * invocation should wait does the error reach the caller, whose work then stays in the store for a retry.
 */
import { ForgeSQLAPIError } from '@forge/sql';

/** Waits after the first to the last refusal, in ms: about 20 s in all, within any invocation's time. */
const WAITS_MS = [100, 200, 400, 800, 1000, 1500, 2000, 3000, 4000, 6000];

/** Whether Forge SQL refused the statement for its request rate (nothing ran). */
export function isRateRefusal(error: unknown): boolean {
  return error instanceof ForgeSQLAPIError && error.responseDetails.status === 429;
}

/**
 * Runs `send`, sending again after a rate refusal. `sleep` is the invocation's timer (tests pass their own).
 *
 * @example const reply = await paced(() => statement.execute());
 */
export async function paced<T>(
  send: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const wait = WAITS_MS[attempt];
      if (!isRateRefusal(error) || wait === undefined) throw error;
      // Jitter spreads the instances that were refused in the same second over the next ones.
      await sleep(wait * (0.5 + random()));
    }
  }
}
