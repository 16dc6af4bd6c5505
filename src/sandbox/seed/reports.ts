/**
 * What the seeded requests add for the reports, drawn from a generator of its own so the requests themselves
 * stay exactly as they were planned: customers rating resolved requests (JSM's satisfaction survey) and, for
 * some requests that report a VPN problem, the outage they report (its start set as the request is raised, its
 * end recorded by the agent once service is back), which the Gold SLA's VPN availability objective counts.
 */
import type { IssuePlan, Scenario, Step } from './plan';
import type { Random } from './random';

const MINUTE = 60_000;

/** Most customers who answer the survey are content; those asked questions or passed around less so. */
const RATINGS: Readonly<Record<Scenario, readonly (readonly [number, number])[]>> = {
  quick: [
    [5, 60],
    [4, 30],
    [3, 10],
  ],
  standard: [
    [5, 40],
    [4, 35],
    [3, 15],
    [2, 7],
    [1, 3],
  ],
  waiting: [
    [5, 20],
    [4, 30],
    [3, 25],
    [2, 15],
    [1, 10],
  ],
  escalate: [
    [5, 25],
    [4, 30],
    [3, 20],
    [2, 15],
    [1, 10],
  ],
  supplier: [
    [5, 15],
    [4, 25],
    [3, 25],
    [2, 20],
    [1, 15],
  ],
  unanswered: [[1, 1]],
};

/**
 * New hardware takes weeks to arrive whatever the service desk's clock says: its requesters rate low although
 * their requests meet their targets, so the reports have a watermelon to show.
 */
const HARDWARE_RATINGS: readonly (readonly [number, number])[] = [
  [1, 20],
  [2, 35],
  [3, 30],
  [4, 10],
  [5, 5],
];

/**
 * Adds satisfaction ratings and VPN outages to the plans, in their order, deterministically for a seed.
 * @example const plans = withReportData(planAll(…), new Random(seed + 1));
 */
export function withReportData(plans: readonly IssuePlan[], random: Random): IssuePlan[] {
  return plans.map((plan) => {
    const extra: Step[] = [];
    let outageStart: number | undefined;
    const agent = plan.steps.find((s) => s.kind === 'assign')?.actor;
    if (agent !== undefined && plan.components.includes('VPN') && random.chance(0.35)) {
      // The line went down a little before the customer noticed and raised the request.
      outageStart = plan.createdAt - random.int(3, 25) * MINUTE;
      const endedAt = plan.createdAt + random.int(10, 150) * MINUTE;
      extra.push({ at: endedAt + random.int(1, 20) * MINUTE, kind: 'outage-end', actor: agent, endedAt });
    }
    const lastTransition = [...plan.steps].reverse().find((s) => s.kind === 'transition');
    if (
      lastTransition?.kind === 'transition' &&
      ['Resolved', 'Closed'].includes(lastTransition.to) &&
      random.chance(0.6)
    ) {
      const resolvedAt = [...plan.steps]
        .reverse()
        .find((s) => s.kind === 'transition' && s.to === 'Resolved')?.at;
      if (resolvedAt !== undefined) {
        extra.push({
          at: resolvedAt + random.int(10, 2 * 1440) * MINUTE,
          kind: 'rate',
          actor: plan.reporter,
          rating: random.weighted(
            plan.requestType.name === 'Request new hardware' ? HARDWARE_RATINGS : RATINGS[plan.scenario],
          ),
        });
      }
    }
    if (extra.length === 0 && outageStart === undefined) return plan;
    return {
      ...plan,
      steps: [...plan.steps, ...extra].sort((a, b) => a.at - b.at),
      ...(outageStart === undefined ? {} : { outageStart }),
    };
  });
}
