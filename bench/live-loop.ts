/**
 * Issue 13's property of the live loop (test/support/live-loop/), run longer than CI runs it: many generated
 * scenarios of site actions, Accord's own actions fed back through Jira and injected faults, on the sandbox
 * app, with a random seed that is printed (`ACCORD_LOOP_SEED` replays one, `ACCORD_LOOP_RUNS` sets the number
 * of runs). A failure prints the shrunk counterexample and the law it broke; it is a wrong answer, so the
 * benchmark exits 1.
 */
import fc from 'fast-check';

import { BENCH_MAX_STEPS, runScenario, type RunTally } from '../test/support/live-loop/property';
import { scenarioArbitrary } from '../test/support/live-loop/scenario';
import { heading, int, ms, since, table } from './report';

/** Runs by default: some ten times what CI runs. */
const RUNS = 400;

export interface LiveLoopBench {
  readonly seed: number;
  readonly runs: number;
  readonly failures: number;
}

export async function benchLiveLoop(): Promise<LiveLoopBench> {
  heading('9. The live loop under random actions and faults (issue 13)');
  const seed = Number(process.env.ACCORD_LOOP_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const runs = Number(process.env.ACCORD_LOOP_RUNS ?? RUNS);
  const totals = { steps: 0, issues: 0, appComments: 0, breaches: 0, faults: 0, crashes: 0, clockMs: 0 };
  let passed = 0;
  let failing = false;
  const start = process.hrtime.bigint();
  const details = await fc.check(
    fc.asyncProperty(scenarioArbitrary(BENCH_MAX_STEPS), async (scenario) => {
      try {
        const tally: RunTally = await runScenario(scenario);
        // Shrinking replays variations of the failure: count only the runs before it.
        if (failing) return;
        passed++;
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += tally[k];
      } catch (error) {
        failing = true;
        throw error;
      }
    }),
    { seed, numRuns: runs },
  );
  const elapsed = since(start);
  const failures = details.failed ? 1 : 0;
  table([
    ['figure', 'value'],
    ['seed (ACCORD_LOOP_SEED replays it)', String(seed)],
    ['runs passed / asked', `${int(passed)} / ${int(runs)}`],
    ['steps played', int(totals.steps)],
    ['requests raised', int(totals.issues)],
    ['sandbox clock moved', `${int(totals.clockMs / 3_600_000)} h`],
    ['comments Accord posted', int(totals.appComments)],
    ['cycles breached', int(totals.breaches)],
    ['faults that struck', int(totals.faults)],
    ['consumer invocations that threw', int(totals.crashes)],
    ['failures', String(failures)],
    ['time (shrinking included)', ms(elapsed)],
    ['time per run', ms(elapsed / Math.max(1, details.numRuns))],
  ]);
  if (details.failed) {
    console.log(`\n  FAILED after ${details.numRuns} runs, shrunk ${details.numShrinks} times`);
    console.log(`  counterexample: ${JSON.stringify(details.counterexample)}`);
    console.log(
      `  ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
    );
  }
  return { seed, runs: details.numRuns, failures };
}
