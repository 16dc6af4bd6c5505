import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Agreement } from '../../../src/engine/agreement/types';
import type { Calendar } from '../../../src/engine/calendar/types';

/**
 * The agreement the live-loop property runs on: every kind of threshold the issue names, on the examples'
 * calendars (Berlin 9–17 with Berlin's holidays, and 24/7), so that Accord's own actions feed back into the
 * goals they are measured under.
 *
 * - `response`: from creation to the first public agent comment (or resolution); High and Highest 30 min around
 *   the clock, the rest 1 h of office hours. A comment at 75 %; at the breach the priority goes to High (under
 *   `retarget` that selects the 30 min goal: the breach must stay where it was) and a label is added.
 * - `resolution`: from creation or reopening to resolution, paused while waiting for the customer; Highest 4 h
 *   around the clock, High 6 h and the rest 8 h of office hours. At half-time a notification and a label; from
 *   the breach a comment and Highest every 60 working minutes of the calendar the cycle breached under (office
 *   hours unless it breached as Highest), although Highest then selects the 24/7 goal.
 */
export const LOOP_AGREEMENT: Agreement = {
  id: 'loop',
  name: 'Live loop',
  kind: 'SLA',
  appliesTo: 'project = IT',
  metrics: [
    {
      id: 'response',
      name: 'Time to first response',
      start: [{ event: 'created' }],
      stop: [
        { event: 'comment', by: 'agent', public: true },
        { event: 'resolution', change: 'set' },
      ],
      goals: [
        { when: 'priority in (Highest, High)', targetMinutes: 30, calendar: 'always', objectivePercent: 100 },
        { targetMinutes: 60, calendar: 'berlin-9-17', objectivePercent: 95 },
      ],
      thresholds: [
        {
          at: { percent: 75 },
          actions: [{ type: 'comment', internal: true, body: '{metric} on {issue} is due at {deadline}.' }],
        },
        {
          at: { minutesAfterBreach: 0 },
          actions: [
            { type: 'priority', name: 'High' },
            { type: 'label', add: 'response-breached' },
          ],
        },
      ],
    },
    {
      id: 'resolution',
      name: 'Time to resolution',
      start: [{ event: 'created' }, { event: 'resolution', change: 'cleared' }],
      stop: [{ event: 'resolution', change: 'set' }],
      pauseWhile: 'status = "Waiting for customer"',
      goals: [
        { when: 'priority = Highest', targetMinutes: 240, calendar: 'always', objectivePercent: 100 },
        { when: 'priority = High', targetMinutes: 360, calendar: 'berlin-9-17', objectivePercent: 95 },
        { targetMinutes: 480, calendar: 'berlin-9-17', objectivePercent: 90 },
      ],
      thresholds: [
        {
          at: { percent: 50 },
          actions: [
            {
              type: 'notify',
              to: ['assignee'],
              subject: '{issue} at risk',
              body: '{metric} is due at {deadline}.',
            },
            { type: 'label', add: 'sla-at-risk' },
          ],
        },
        {
          at: { minutesAfterBreach: 0 },
          repeatEveryMinutes: 60,
          actions: [
            { type: 'comment', internal: true, body: '{agreement}: {metric} breached on {issue}.' },
            { type: 'priority', name: 'Highest' },
          ],
        },
      ],
    },
  ],
};

/** The examples' calendars, found from here whether this runs from `test/` (jest) or `dist/test/` (the bench). */
export function exampleCalendars(): Calendar[] {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'examples', 'calendars.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Calendar[];
    if (dirname(dir) === dir) throw new Error(`examples/calendars.json not found above ${__dirname}`);
  }
}
