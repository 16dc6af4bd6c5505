import { useEffect, useState } from 'react';

/**
 * The current instant, updated on every whole second (so that all countdowns on a page change together, and
 * a countdown's seconds change when the clock's do). `clock` is `Date.now` in the browser; tests pass their own.
 * Browsers slow timers down in hidden tabs; the next tick after the tab shows again catches up.
 */
export function useNow(clock: () => number): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    let timer = 0;
    const schedule = (): void => {
      // A few ms past the boundary, so that the tick lands in the new second despite timer jitter.
      timer = window.setTimeout(tick, 1000 - (clock() % 1000) + 5);
    };
    const tick = (): void => {
      setNow(clock());
      schedule();
    };
    schedule();
    return () => {
      window.clearTimeout(timer);
    };
  }, [clock]);
  return now;
}
