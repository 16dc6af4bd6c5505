import type { Agreement } from '../../engine/agreement/types';
import type { Calendar } from '../../engine/calendar/types';

/**
 * The sandbox's configuration: the examples' calendars (`examples/calendars.json`: Berlin office hours with
 * Berlin's public holidays, and 24/7) and agreements (`examples/agreements.json`: the Gold support SLA for Acme
 * Corp, the second-level team's OLA, the NetCo carrier UC). A test keeps the two copies equal; they are written
 * out here so that the built server needs nothing outside `dist`.
 */
export const SEED_CALENDARS: readonly Calendar[] = [
  {
    id: 'berlin-9-17',
    name: 'Berlin office hours',
    timeZone: 'Europe/Berlin',
    week: {
      mon: [
        {
          from: '09:00',
          to: '17:00',
        },
      ],
      tue: [
        {
          from: '09:00',
          to: '17:00',
        },
      ],
      wed: [
        {
          from: '09:00',
          to: '17:00',
        },
      ],
      thu: [
        {
          from: '09:00',
          to: '17:00',
        },
      ],
      fri: [
        {
          from: '09:00',
          to: '17:00',
        },
      ],
    },
    holidayRegion: 'DE-BE',
    holidays: [
      {
        date: '2026-12-24',
        name: 'Christmas Eve',
        annual: true,
      },
      {
        date: '2026-12-31',
        name: "New Year's Eve",
        annual: true,
      },
    ],
    exceptions: [
      {
        date: '2026-06-19',
        hours: [
          {
            from: '09:00',
            to: '13:00',
          },
        ],
      },
    ],
  },
  {
    id: 'always',
    name: '24/7',
    timeZone: 'UTC',
    week: {
      mon: [
        {
          from: '00:00',
          to: '24:00',
        },
      ],
      tue: [
        {
          from: '00:00',
          to: '24:00',
        },
      ],
      wed: [
        {
          from: '00:00',
          to: '24:00',
        },
      ],
      thu: [
        {
          from: '00:00',
          to: '24:00',
        },
      ],
      fri: [
        {
          from: '00:00',
          to: '24:00',
        },
      ],
      sat: [
        {
          from: '00:00',
          to: '24:00',
        },
      ],
      sun: [
        {
          from: '00:00',
          to: '24:00',
        },
      ],
    },
  },
];

export const SEED_AGREEMENTS: readonly Agreement[] = [
  {
    id: 'gold',
    name: 'Gold support',
    kind: 'SLA',
    counterparty: 'Acme Corp',
    validFrom: '2026-01-01',
    validTo: '2027-12-31',
    reviewBy: '2027-06-30',
    appliesTo: 'project = IT AND organizations = "Acme Corp"',
    customerVisible: true,
    metrics: [
      {
        id: 'first-response',
        name: 'Time to first response',
        start: [
          {
            event: 'created',
          },
        ],
        stop: [
          {
            event: 'comment',
            by: 'agent',
            public: true,
          },
          {
            event: 'resolution',
            change: 'set',
          },
        ],
        goals: [
          {
            when: 'priority in (Highest, High)',
            targetMinutes: 30,
            calendar: 'always',
            objectivePercent: 100,
          },
          {
            when: 'priority = Medium',
            targetMinutes: 120,
            calendar: 'berlin-9-17',
            objectivePercent: 95,
          },
          {
            targetMinutes: 480,
            calendar: 'berlin-9-17',
            objectivePercent: 90,
          },
        ],
        thresholds: [
          {
            at: {
              percent: 75,
            },
            actions: [
              {
                type: 'comment',
                internal: true,
                body: '{metric} on {issue} is due at {deadline} ({remaining} left).',
              },
            ],
          },
        ],
      },
      {
        id: 'resolution',
        name: 'Time to resolution',
        start: [
          {
            event: 'created',
          },
          {
            event: 'resolution',
            change: 'cleared',
          },
        ],
        stop: [
          {
            event: 'resolution',
            change: 'set',
          },
        ],
        pauseWhile: 'status = "Waiting for customer"',
        goals: [
          {
            when: 'priority = Highest',
            targetMinutes: 240,
            calendar: 'always',
            objectivePercent: 100,
          },
          {
            when: 'priority = High',
            targetMinutes: 480,
            calendar: 'berlin-9-17',
            objectivePercent: 95,
          },
          {
            targetMinutes: 1440,
            calendar: 'berlin-9-17',
            objectivePercent: 90,
          },
        ],
        thresholds: [
          {
            at: {
              percent: 80,
            },
            actions: [
              {
                type: 'notify',
                to: ['assignee'],
                subject: '{issue} at risk',
                body: '{metric} is due at {deadline}.',
              },
              {
                type: 'label',
                add: 'sla-at-risk',
              },
            ],
          },
          {
            at: {
              minutesAfterBreach: 0,
            },
            repeatEveryMinutes: 240,
            actions: [
              {
                type: 'priority',
                name: 'Highest',
              },
              {
                type: 'comment',
                internal: true,
                body: '{agreement}: {metric} breached on {issue}.',
              },
            ],
          },
        ],
      },
    ],
    reportingTimeZone: 'Europe/Berlin',
    monthlyFee: 12000,
    currency: 'EUR',
    creditCapPercent: 20,
    penalties: [
      {
        metric: 'first-response',
        goal: 1,
        creditPercent: 3,
        period: 'month',
      },
      {
        metric: 'resolution',
        goal: 1,
        creditPercent: 5,
        period: 'month',
      },
      {
        metric: 'resolution',
        goal: 1,
        belowPercent: 85,
        creditPercent: 10,
        period: 'month',
      },
      {
        metric: 'resolution',
        belowPercent: 90,
        creditPercent: 5,
        period: 'quarter',
      },
      {
        service: 'VPN',
        creditPercent: 10,
        period: 'month',
      },
    ],
    availability: [
      {
        service: 'VPN',
        objectivePercent: 99.5,
        calendar: 'always',
        incidentJql: 'project = IT AND component = VPN AND "Outage start" is not EMPTY',
        outageStartField: 'Outage start',
        outageEndField: 'Outage end',
        maintenanceWindows: [
          {
            weekly: 'sun',
            from: '02:00',
            to: '04:00',
            name: 'Weekly VPN patching',
          },
        ],
      },
    ],
  },
  {
    id: 'second-level',
    name: 'Second-level network team',
    kind: 'OLA',
    counterparty: 'Second Level',
    validFrom: '2026-01-01',
    appliesTo: 'project = IT',
    metrics: [
      {
        id: 'handling',
        name: 'Second-level handling time',
        start: [
          {
            event: 'field',
            field: 'Team',
            to: ['Second Level'],
          },
        ],
        stop: [
          {
            event: 'field',
            field: 'Team',
            to: ['First Level', 'NetCo'],
          },
          {
            event: 'resolution',
            change: 'set',
          },
        ],
        pauseWhile: 'status = "Waiting for customer"',
        goals: [
          {
            when: 'priority in (Highest, High)',
            targetMinutes: 120,
            calendar: 'berlin-9-17',
            objectivePercent: 95,
          },
          {
            targetMinutes: 360,
            calendar: 'berlin-9-17',
            objectivePercent: 90,
          },
        ],
        thresholds: [
          {
            at: {
              minutesBefore: 30,
            },
            actions: [
              {
                type: 'notify',
                to: ['assignee'],
                groups: ['second-level'],
                subject: '{issue}: 30 minutes left',
                body: '{metric} is due at {deadline}.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'netco-uc',
    name: 'NetCo carrier contract',
    kind: 'UC',
    counterparty: 'NetCo',
    validFrom: '2025-07-01',
    validTo: '2027-06-30',
    reviewBy: '2027-03-31',
    appliesTo: 'project = IT AND component = Network',
    metrics: [
      {
        id: 'restore',
        name: 'Carrier time to restore',
        start: [
          {
            event: 'field',
            field: 'Team',
            to: ['NetCo'],
          },
        ],
        stop: [
          {
            event: 'field',
            field: 'Team',
            to: ['First Level', 'Second Level'],
          },
          {
            event: 'resolution',
            change: 'set',
          },
        ],
        goals: [
          {
            targetMinutes: 240,
            calendar: 'always',
            objectivePercent: 99,
          },
        ],
        goalChange: 'keep',
        thresholds: [
          {
            at: {
              minutesAfterBreach: 0,
            },
            actions: [
              {
                type: 'comment',
                internal: true,
                body: '{agreement}: NetCo missed {metric} on {issue}; claim the service credit.',
              },
            ],
          },
        ],
      },
    ],
  },
];

/** The service project and the agreements its settings list, in order. */
export const SEED_PROJECT = {
  key: 'IT',
  name: 'IT Help',
  agreementIds: SEED_AGREEMENTS.map((a) => a.id),
} as const;
