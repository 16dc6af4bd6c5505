import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement } from '../../src/engine/agreement/types';
import type { Calendar } from '../../src/engine/calendar/types';
import { SandboxApp } from '../../src/sandbox/app';
import { openSqliteStore } from '../../src/store/sqlite';

const examples = join(__dirname, '..', '..', 'examples');
export const exampleCalendars = JSON.parse(
  readFileSync(join(examples, 'calendars.json'), 'utf8'),
) as Calendar[];
export const exampleAgreements = JSON.parse(
  readFileSync(join(examples, 'agreements.json'), 'utf8'),
) as Agreement[];

/** Monday 2 March 2026, 09:00 in Berlin. */
export const MONDAY_9 = Date.UTC(2026, 2, 2, 8, 0);
export const MINUTE = 60_000;

/** A sandbox on an in-memory SQLite store with the examples' calendars and agreements, IT using gold and the OLA. */
export async function makeWorld(
  options: {
    agreements?: Agreement[];
    now?: number;
    /** Forge's queue limit, to test what happens beyond it (unlimited by default). */
    queueEventsPerMinute?: number;
    /** Leave pending issues to their scheduled drains and the sweep. */
    patient?: boolean;
    /** Hand the site's events to the trigger (default true); false: the test delivers them. */
    deliverEvents?: boolean;
  } = {},
): Promise<SandboxApp & { close(): Promise<void> }> {
  const store = await openSqliteStore(':memory:');
  const app = new SandboxApp(store, {
    now: options.now ?? MONDAY_9,
    ...(options.queueEventsPerMinute === undefined
      ? {}
      : { queueEventsPerMinute: options.queueEventsPerMinute }),
    ...(options.patient === undefined ? {} : { patient: options.patient }),
    ...(options.deliverEvents === undefined ? {} : { deliverEvents: options.deliverEvents }),
  });
  for (const calendar of exampleCalendars) {
    await store.config.put('calendar', calendar.id, calendar, {
      expectedVersion: 0,
      savedAt: 0,
      savedBy: 'seed',
    });
  }
  const agreements = options.agreements ?? exampleAgreements;
  for (const agreement of agreements) {
    await store.config.put('agreement', agreement.id, agreement, {
      expectedVersion: 0,
      savedAt: 0,
      savedBy: 'seed',
    });
  }
  await store.config.setProjectAgreements(
    'IT',
    agreements.map((a) => a.id),
  );
  return Object.assign(app, { close: () => store.close() });
}

/** The JSM organization field, as Jira returns it. */
export const acme = {
  customfield_10002: [
    {
      id: '1',
      name: 'Acme Corp',
      _links: { self: 'https://example.atlassian.net/rest/servicedeskapi/organization/1' },
    },
  ],
};
