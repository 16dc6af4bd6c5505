/**
 * @jest-environment jsdom
 */
import { render as show, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { at, makeCalendar } from '../../../src/engine/calendar/test-support';
import type { IssueMetricEntry } from '../../shared/api/issue-metrics';
import type { ReplyTo } from '../../shared/api/reply';
import { fakeBackend } from '../../shared/testing/fake-backend';
import { advance, loaded, onFakeClock, person } from '../../shared/testing/ui';
import { forCountdown, makeCycle, makeEntry, makeMetric } from '../../shared/testing/builders';
import { IssuePanel } from './panel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const berlin = (local: string): number => at(`${local}+01:00`);
const utc = (local: string): string => new Date(berlin(local)).toISOString();

/**
 * Next business day by 17:00, raised Monday 2 March 2026 at 14:00 Berlin: due Tuesday 17:00 Berlin, which is
 * 16:00 UTC and 00:00 Wednesday in Singapore. The promise is stated where it was agreed, in Berlin, whatever the
 * viewer's own zone.
 */
const nextDay = makeEntry(
  makeMetric({
    goal: {
      index: 0,
      targetMinutes: null,
      calendar: 'berlin',
      businessDays: { days: 1, dueAt: '17:00', cutoff: '12:00' },
    },
    cycles: [
      makeCycle({
        startedAt: utc('2026-03-02T14:00'),
        remainingMs: 11 * 3_600_000,
        deadline: utc('2026-03-03T17:00'),
      }),
    ],
  }),
);
const agreedDate = makeEntry(
  makeMetric({
    id: 'fix',
    name: 'Agreed fix date',
    goal: { index: 0, targetMinutes: null, calendar: 'berlin', dueDateField: 'duedate' },
    cycles: [
      makeCycle({
        startedAt: utc('2026-03-02T14:00'),
        remainingMs: 40 * 3_600_000,
        deadline: utc('2026-03-13T17:00'),
      }),
    ],
  }),
);

function backendIn(locale: string, timeZone: string, results: readonly IssueMetricEntry[]) {
  const reply: ReplyTo<'issue/metrics'> = {
    ok: true,
    data: {
      issueId: '10042',
      evaluatedAt: berlin('2026-03-02T14:00'),
      results,
      calendars: [forCountdown(makeCalendar({ id: 'berlin', name: 'Berlin office hours' }))],
    },
  };
  return fakeBackend({ 'issue/metrics': () => reply }, { issueId: '10042', locale, timeZone }).backend;
}

onFakeClock(berlin('2026-03-02T15:00'));

let container: HTMLElement;
let user: UserEvent;

async function terms(
  locale: string,
  timeZone: string,
  results: readonly IssueMetricEntry[],
): Promise<string[]> {
  ({ container } = show(<IssuePanel backend={backendIn(locale, timeZone, results)} />));
  user = person();
  await advance();
  await loaded(container);
  return [...container.querySelectorAll('[data-testid="goal-terms"]')].map((e) =>
    e.textContent.replace(/\s+/g, ' ').trim(),
  );
}

describe('business-day and date-field goals on the issue panel', () => {
  it('says "by Tue 17:00" in the goal calendar’s zone, with the terms, for a viewer in Singapore', async () => {
    await expect(terms('en-GB', 'Asia/Singapore', [nextDay])).resolves.toEqual([
      'by Tue 17:00 · 1 business day, due 17:00, raised after 12:00: next day',
    ]);
  });

  it('speaks German, and gives the date of a deadline more than six days away', async () => {
    await expect(terms('de-DE', 'Europe/Berlin', [nextDay, agreedDate])).resolves.toEqual([
      'bis Di., 17:00 · 1 Werktag, fällig 17:00, eingegangen nach 12:00: nächster Tag',
      'bis Fr., 13. März, 17:00 · das Datum in Fälligkeitsdatum',
    ]);
  });

  it('tells in the timeline how the date field moved the deadline', async () => {
    const moved = makeEntry(
      makeMetric({
        ...agreedDate.metric,
        cycles: [
          {
            ...agreedDate.metric.cycles[0]!,
            deadlineChanges: [
              { at: utc('2026-03-02T14:30'), deadline: utc('2026-03-06T17:00') },
              { at: utc('2026-03-02T14:40'), deadline: null },
              { at: utc('2026-03-02T14:50'), deadline: utc('2026-03-13T17:00') },
            ],
          },
        ],
      }),
    );
    await terms('en-GB', 'Europe/Berlin', [moved]);
    await user.click(screen.getByRole('button', { name: 'Timeline' }));
    const lines = [...container.querySelectorAll('.accord-timeline__event')].map((e) =>
      e.textContent.replace(/\s+/g, ' ').trim(),
    );
    expect(lines).toEqual([
      'Mon 2 Mar, 14:00 Clock started',
      'Mon 2 Mar, 14:30 Date field changed: now due Fri 6 Mar, 17:00',
      'Mon 2 Mar, 14:40 Date field emptied: the next goal applies',
      'Mon 2 Mar, 14:50 Date field changed: now due Fri 13 Mar, 17:00',
      'Fri 13 Mar, 17:00 Due',
    ]);
  });

  it('leaves a goal in working time to its clock', async () => {
    await expect(terms('en-GB', 'Europe/Berlin', [makeEntry()])).resolves.toEqual([]);
  });
});
