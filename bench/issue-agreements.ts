/**
 * The agreements the command-line benchmark evaluates: two agreements of two metrics each, on the examples'
 * calendars ("berlin-9-17" and "always"). The gold SLA is the examples' one for every IT issue; the OLA
 * measures the second-level team through the Team custom field.
 */

const agentReplied = { event: 'comment', by: 'agent', public: true };
const resolved = { event: 'resolution', change: 'set' };
const toSecondLevel = { event: 'field', field: 'Team', to: ['Second Level'] };
const awayFromSecondLevel = { event: 'field', field: 'Team', to: ['First Level', 'NetCo'] };
const waitingForCustomer = 'status = "Waiting for customer"';

export const BENCH_AGREEMENTS = [
  {
    id: 'gold',
    name: 'Gold support',
    kind: 'SLA',
    counterparty: 'Acme Corp',
    validFrom: '2026-01-01',
    validTo: '2027-12-31',
    appliesTo: 'project = IT',
    metrics: [
      {
        id: 'first-response',
        name: 'Time to first response',
        start: [{ event: 'created' }],
        stop: [agentReplied, resolved],
        goals: [
          {
            when: 'priority in (Highest, High)',
            targetMinutes: 30,
            calendar: 'always',
            objectivePercent: 100,
          },
          { when: 'priority = Medium', targetMinutes: 120, calendar: 'berlin-9-17', objectivePercent: 95 },
          { targetMinutes: 480, calendar: 'berlin-9-17', objectivePercent: 90 },
        ],
        thresholds: [
          {
            at: { percent: 75 },
            actions: [{ type: 'comment', internal: true, body: '{metric} due {deadline}' }],
          },
        ],
      },
      {
        id: 'resolution',
        name: 'Time to resolution',
        start: [{ event: 'created' }, { event: 'resolution', change: 'cleared' }],
        stop: [resolved],
        pauseWhile: waitingForCustomer,
        goals: [
          { when: 'priority = Highest', targetMinutes: 240, calendar: 'always', objectivePercent: 100 },
          { when: 'priority = High', targetMinutes: 480, calendar: 'berlin-9-17', objectivePercent: 95 },
          { targetMinutes: 1440, calendar: 'berlin-9-17', objectivePercent: 90 },
        ],
        thresholds: [
          { at: { percent: 80 }, actions: [{ type: 'label', add: 'sla-at-risk' }] },
          {
            at: { minutesAfterBreach: 0 },
            repeatEveryMinutes: 240,
            actions: [{ type: 'priority', name: 'Highest' }],
          },
        ],
      },
    ],
  },
  {
    id: 'second-level',
    name: 'Second-level team',
    kind: 'OLA',
    counterparty: 'Second Level',
    validFrom: '2026-01-01',
    appliesTo: 'project = IT',
    metrics: [
      {
        id: 'pickup',
        name: 'Second-level time to pick up',
        start: [toSecondLevel],
        stop: [agentReplied, { event: 'status', to: ['In Progress'] }, awayFromSecondLevel, resolved],
        goals: [
          { when: 'priority in (Highest, High)', targetMinutes: 60, calendar: 'berlin-9-17' },
          { targetMinutes: 240, calendar: 'berlin-9-17' },
        ],
        thresholds: [
          {
            at: { minutesBefore: 15 },
            actions: [{ type: 'comment', internal: true, body: 'pick up {issue}' }],
          },
        ],
      },
      {
        id: 'handling',
        name: 'Second-level handling time',
        start: [toSecondLevel],
        stop: [awayFromSecondLevel, resolved],
        pauseWhile: waitingForCustomer,
        goals: [
          {
            when: 'priority in (Highest, High)',
            targetMinutes: 120,
            calendar: 'berlin-9-17',
            objectivePercent: 95,
          },
          { targetMinutes: 360, calendar: 'berlin-9-17', objectivePercent: 90 },
        ],
        thresholds: [
          {
            at: { minutesBefore: 30 },
            actions: [{ type: 'notify', to: ['assignee'], subject: '{issue}', body: 'due {deadline}' }],
          },
        ],
      },
    ],
  },
];
