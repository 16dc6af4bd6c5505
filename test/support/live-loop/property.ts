import fc from 'fast-check';
import { ACT_GRACE_MS, BreachLedger, checkFinal } from './checks';
import { play, scenarioArbitrary, type Scenario } from './scenario';
import { LoopWorld } from './world';

/**
 * Steps after the first request, at most, in a generated run: CI's runs are short (many short runs find more
 * than a few long ones in the same time; most laws break within five steps), the benchmark's longer.
 */
export const MAX_STEPS = 16;
export const BENCH_MAX_STEPS = 30;

/**
 * Plays one scenario on a fresh sandbox, watching every breach instant as it goes, then lets the loop settle
 * (retries and stale claims run out; no fault is left armed) and checks the final state against the engine,
 * Jira and the report. Throws a `LoopViolation` saying what broke.
 */
export async function runScenario(scenario: Scenario): Promise<RunTally> {
  const ledger = new BreachLedger();
  const world = await LoopWorld.open(scenario.start, (w) => ledger.observe(w));
  try {
    const ids = await play(world, scenario.steps);
    world.disarm();
    await world.advance(ACT_GRACE_MS);
    await checkFinal(world, ids);
    const comments = ids.reduce((n, id) => n + (world.app.site.find(id)?.commentMarkers().length ?? 0), 0);
    return {
      steps: scenario.steps.length,
      issues: ids.length,
      appComments: comments,
      breaches: ledger.breaches(),
      faults: [...world.struck.values()].reduce((a, b) => a + b, 0),
      crashes: world.crashes,
      clockMs: world.now - scenario.start,
    };
  } finally {
    await world.close();
  }
}

/** What one run did, for the benchmark to show that runs exercise the loop. */
export interface RunTally {
  readonly steps: number;
  readonly issues: number;
  /** Comments Accord posted. */
  readonly appComments: number;
  /** Cycles that breached. */
  readonly breaches: number;
  /** Injected faults that struck, and consumer invocations that threw. */
  readonly faults: number;
  readonly crashes: number;
  /** How far the clock moved. */
  readonly clockMs: number;
}

/** The property: every generated scenario keeps the live loop's laws. */
export function liveLoopProperty(maxSteps = MAX_STEPS): fc.IAsyncProperty<[Scenario]> {
  return fc.asyncProperty(scenarioArbitrary(maxSteps), async (scenario) => {
    await runScenario(scenario);
  });
}
