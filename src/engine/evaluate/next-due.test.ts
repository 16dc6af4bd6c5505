/**
 * `next`, the instant the backend must evaluate a metric again: nothing else wakes it (a deadline passing raises
 * no Jira event), so a result that changes at an instant `next` does not name stays wrong until a person next
 * touches the issue.
 */
import type { Agreement } from '../agreement/types';
import { makeCalendar } from '../calendar/test-support';
import { parseStatuses } from '../issue';
import { JiraIssueBuilder, statusesReply } from '../../../test/support/jira-issue';
import { evaluate } from './index';
import type { MetricResult } from './result';

const statuses = (() => {
  const r = parseStatuses(statusesReply);
  if (!r.ok) throw new Error('statuses');
  return r.value;
})();

/** Resolution, paused while waiting for the customer: High 2 h, the rest 3 h of Berlin office hours. */
const agreements: Agreement[] = [
  {
    id: 'gold',
    name: 'Gold support',
    kind: 'SLA',
    metrics: [
      {
        id: 'ttr',
        name: 'Time to resolution',
        start: [{ event: 'created' }],
        stop: [{ event: 'resolution', change: 'set' }],
        pauseWhile: 'status = "Waiting for customer"',
        goals: [
          { when: 'priority = High', targetMinutes: 120, calendar: 'berlin-9-17' },
          { targetMinutes: 180, calendar: 'berlin-9-17' },
        ],
        thresholds: [{ at: { minutesAfterBreach: 0 }, actions: [] }],
      },
    ],
  },
];
const calendars = [makeCalendar({ id: 'berlin-9-17' })];

function metricAt(issue: JiraIssueBuilder, now: string): MetricResult {
  const result = evaluate({ agreements, calendars, issue: issue.json(), now, statuses });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const m = result.value.agreements[0]?.metrics[0];
  if (!m) throw new Error('no metric');
  return m;
}

const monday = (hhmm: string): string => `2026-03-02T${hhmm.length === 5 ? `${hhmm}:00.000` : hhmm}+0100`;

describe('next', () => {
  // Found by the live loop's property (test/app/live-loop.property.test.ts, bench seed 619832015): a request
  // waiting for the customer, raised to a goal its elapsed time already exceeds. The cycle breaches at the
  // change, as the clock moves on, though paused; evaluated at the change itself it is not breached yet, and
  // with no `next` no one evaluated it again: the breach was never acted on, and "SLA state" stayed paused.
  it('is now for a paused cycle raised to a goal it already exceeds: it breaches as the clock moves on', () => {
    // Medium 3 h from 10:00; waiting for the customer from 12:15 (2 h 15 min elapsed); High (2 h) at 13:00.
    const issue = new JiraIssueBuilder('IT-1', monday('10:00'))
      .status(monday('12:15'), 'Waiting for customer')
      .priority(monday('13:00'), 'High');
    const atChange = metricAt(issue, monday('13:00'));
    expect(atChange).toEqual(expect.objectContaining({ state: 'paused', breached: false }));
    expect(atChange.next).toBe('2026-03-02T12:00:00.000Z');
    const after = metricAt(issue, monday('13:00:00.001'));
    expect(after).toEqual(expect.objectContaining({ state: 'paused', breached: true }));
    expect(after.cycles[0]).toEqual(
      expect.objectContaining({ breachedAt: '2026-03-02T12:00:00.000Z', remainingMs: -15 * 60_000 }),
    );
    expect(after.cycles[0]?.thresholds[0]).toEqual(
      expect.objectContaining({ crossings: 1, lastAt: '2026-03-02T12:00:00.000Z' }),
    );
  });

  it('is null for a paused cycle within its goal: nothing can change until it resumes', () => {
    const issue = new JiraIssueBuilder('IT-2', monday('10:00'))
      .status(monday('11:00'), 'Waiting for customer')
      .priority(monday('11:30'), 'High');
    expect(metricAt(issue, monday('11:30')).next).toBeNull();
    expect(metricAt(issue, monday('16:00'))).toEqual(
      expect.objectContaining({ state: 'paused', breached: false }),
    );
  });
});
