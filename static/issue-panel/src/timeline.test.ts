import { at } from '../../../src/engine/calendar/test-support';
import { makeCycle } from '../../shared/testing/builders';
import { cycleTimeline } from './timeline';

const t = (hhmm: string): string => `2026-03-02T${hhmm}:00.000Z`;
const story = (events: ReturnType<typeof cycleTimeline>) =>
  events.map(
    (e) => `${new Date(e.at).toISOString().slice(11, 16)} ${e.kind}${'by' in e && e.by ? ` (${e.by})` : ''}`,
  );

describe('cycleTimeline', () => {
  it('tells a finished cycle from start to stop, with its pauses, warnings and breach', () => {
    const cycle = makeCycle({
      startedAt: t('08:00'),
      stoppedAt: t('14:00'),
      breached: true,
      breachedAt: t('13:30'),
      pauses: [{ from: t('09:00'), to: t('10:00') }],
      thresholds: [{ index: 0, crossings: 1, lastAt: t('12:00'), nextAt: null }],
    });
    expect(story(cycleTimeline(cycle))).toEqual([
      '08:00 started',
      '09:00 paused',
      '10:00 resumed',
      '12:00 threshold',
      '13:30 breached',
      '14:00 stopped-breached',
    ]);
  });

  it('ends a running cycle with its deadline, and an open pause with the condition that holds', () => {
    const running = makeCycle({ startedAt: t('08:00'), deadline: t('12:00') });
    expect(story(cycleTimeline(running))).toEqual(['08:00 started', '12:00 due']);

    const paused = makeCycle({
      startedAt: t('08:00'),
      deadline: null,
      pauses: [{ from: t('09:00'), to: null }],
    });
    expect(story(cycleTimeline(paused, { pausedBy: 'status = Waiting' }))).toEqual([
      '08:00 started',
      '09:00 paused (status = Waiting)',
    ]);
  });

  it('tells a breach the browser saw since the evaluation instead of the deadline', () => {
    const running = makeCycle({ startedAt: t('08:00'), deadline: t('12:00') });
    expect(story(cycleTimeline(running, { breachedAt: at(t('12:00')) }))).toEqual([
      '08:00 started',
      '12:00 breached',
    ]);
  });

  it('orders events at the same instant as they happen: start, resume, pause, stop', () => {
    // A start and a stop on the same event gives a zero-length met cycle (docs/engine-contract.md).
    const instant = makeCycle({
      startedAt: t('08:00'),
      stoppedAt: t('08:00'),
      pauses: [{ from: t('08:00'), to: t('08:00') }],
    });
    expect(story(cycleTimeline(instant))).toEqual([
      '08:00 started',
      '08:00 resumed',
      '08:00 paused',
      '08:00 met',
    ]);
  });
});

describe('cycleTimeline with extensions and excuses', () => {
  const decision = (kind: 'extension' | 'excuse', made: string, cycleStartedAt = t('08:00')) => ({
    kind,
    cycleStartedAt,
    at: t(made),
    minutes: kind === 'extension' ? 60 : null,
    actor: 'bea-second',
    reason: 'Vendor delay',
  });

  it('shows each decision of the cycle when it was made, and none of another cycle', () => {
    const cycle = makeCycle({
      startedAt: t('08:00'),
      stoppedAt: t('14:00'),
      breached: true,
      breachedAt: t('13:00'),
    });
    const events = cycleTimeline(cycle, {}, [
      decision('extension', '10:00'),
      decision('excuse', '15:00'),
      decision('extension', '11:00', t('07:59')),
    ]);
    expect(story(events)).toEqual([
      '08:00 started',
      '10:00 extended',
      '13:00 breached',
      '14:00 stopped-breached',
      '15:00 excused',
    ]);
    expect(events[1]).toEqual(
      expect.objectContaining({ minutes: 60, who: 'bea-second', reason: 'Vendor delay' }),
    );
  });
});
