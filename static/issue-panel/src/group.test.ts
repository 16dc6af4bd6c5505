import { makeCycle, makeEntry, makeMetric } from '../../shared/testing/builders';
import { groupByKind, metricKey } from './group';

describe('groupByKind', () => {
  const running = (id: string, deadline: string) =>
    makeEntry(makeMetric({ id, name: id, cycles: [makeCycle({ deadline })] }));

  it('groups SLA, OLA and UC in that order, leaving out kinds without metrics', () => {
    const groups = groupByKind([
      makeEntry(makeMetric({ id: 'carrier' }), { kind: 'UC', agreementId: 'netco' }),
      makeEntry(makeMetric({ id: 'ttr' }), { kind: 'SLA' }),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['SLA', 'UC']);
    expect(groups[1]?.active.map(metricKey)).toEqual(['netco/carrier']);
  });

  it('puts the most urgent first: breached, at risk, then the soonest deadline', () => {
    const later = running('later', '2026-03-02T15:00:00.000Z');
    const sooner = running('sooner', '2026-03-02T11:00:00.000Z');
    const atRisk = { ...running('at-risk', '2026-03-02T16:00:00.000Z'), displayState: 'at-risk' as const };
    const breached = makeEntry(makeMetric({ id: 'breached', name: 'breached', breached: true }));
    const paused = makeEntry(makeMetric({ id: 'paused', name: 'paused', state: 'paused' }));
    const [sla] = groupByKind([later, paused, sooner, atRisk, breached]);
    expect(sla?.active.map((e) => e.metric.id)).toEqual(['breached', 'at-risk', 'sooner', 'later', 'paused']);
  });

  it('sets completed metrics apart, the most recently stopped first', () => {
    const stopped = (id: string, at: string) =>
      makeEntry(makeMetric({ id, state: 'met', cycles: [makeCycle({ stoppedAt: at })] }));
    const [sla] = groupByKind([
      stopped('first', '2026-03-02T09:00:00.000Z'),
      running('open', '2026-03-02T15:00:00.000Z'),
      stopped('second', '2026-03-02T10:00:00.000Z'),
    ]);
    expect(sla?.active.map((e) => e.metric.id)).toEqual(['open']);
    expect(sla?.completed.map((e) => e.metric.id)).toEqual(['second', 'first']);
  });
});
