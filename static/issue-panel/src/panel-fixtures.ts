/**
 * Results the issue panel's tests share, on Monday 2 March 2026 in Berlin: a resolution clock running with its
 * deadline, and an OLA paused while the request waits for the customer.
 */
import { at } from '../../../src/engine/calendar/test-support';
import { makeCycle, makeEntry, makeMetric } from '../../shared/testing/builders';

/** Epoch ms of a Berlin local time on Monday 2 March 2026 (`'09:00'`). */
export const berlin = (time: string): number => at(`2026-03-02T${time}+01:00`);
/** The same instant as an ISO string, as replies carry it. */
export const utc = (time: string): string => new Date(berlin(time)).toISOString();

/** Time to resolution: 4 h from 09:00, so due at 13:00 Berlin; evaluated at 09:00. */
export const resolution = makeEntry(
  makeMetric({
    cycles: [makeCycle({ startedAt: utc('09:00'), remainingMs: 4 * 3_600_000, deadline: utc('13:00') })],
  }),
);

/** Second-level handling (an OLA), paused since 08:45 while the request waits for the customer. */
export const handling = makeEntry(
  makeMetric({
    id: 'handling',
    name: 'Second-level handling',
    state: 'paused',
    pausedBy: 'status = "Waiting for customer"',
    cycles: [
      makeCycle({ startedAt: utc('08:30'), deadline: null, pauses: [{ from: utc('08:45'), to: null }] }),
    ],
  }),
  { kind: 'OLA', agreementId: 'second-level' },
);
