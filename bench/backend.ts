/**
 * The backend path of issue 3 on the sandbox adapters, in one process on an embedded SQLite file:
 * 1. issue events from the trigger through the queue, evaluation and stored results (events a second, Jira
 *    reads and custom-field writes per event);
 * 2. a recalculation of stored histories after a calendar change (time, Jira calls).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { toStoredHistory } from '../src/app/evaluation/evaluate-issue';
import { runJobStep, startJob } from '../src/app/jobs/recalculate';
import type { Agreement } from '../src/engine/agreement/types';
import type { Calendar } from '../src/engine/calendar/types';
import { SandboxApp } from '../src/sandbox/app';
import { openSqliteStore } from '../src/store/sqlite';
import type { KyselyStore } from '../src/store/kysely-store';
import { BENCH_AGREEMENTS } from './issue-agreements';
import { generateIssue } from './issue-generator';
import { pick, seeded } from './prng';
import { heading, int, ms, perSecond, since, table } from './report';

const EXAMPLE_CALENDARS = join(__dirname, '..', '..', 'examples', 'calendars.json');
const MONDAY_9 = Date.UTC(2026, 2, 2, 8);

export interface BackendFigures {
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly readsPerEvent: number;
  readonly fieldWritesPerEvent: number;
  readonly histories: number;
  readonly recalcMs: number;
  readonly recalcJiraCalls: number;
}

async function seed(store: KyselyStore): Promise<void> {
  const calendars = JSON.parse(readFileSync(EXAMPLE_CALENDARS, 'utf8')) as Calendar[];
  for (const c of calendars)
    await store.config.put('calendar', c.id, c, { expectedVersion: 0, savedAt: 0, savedBy: 'bench' });
  for (const a of BENCH_AGREEMENTS as unknown as Agreement[]) {
    await store.config.put('agreement', a.id, a, { expectedVersion: 0, savedAt: 0, savedBy: 'bench' });
  }
  await store.config.setProjectAgreements(
    'IT',
    (BENCH_AGREEMENTS as unknown as Agreement[]).map((a) => a.id),
  );
}

/** `events` product events over `events / 5` requests, as agents and customers work them, in time order. */
async function benchEvents(
  dir: string,
  events: number,
): Promise<Pick<BackendFigures, 'events' | 'eventsPerSecond' | 'readsPerEvent' | 'fieldWritesPerEvent'>> {
  const store = await openSqliteStore(join(dir, 'events.sqlite'));
  try {
    await seed(store);
    const app = new SandboxApp(store, { now: MONDAY_9 });
    const random = seeded(7);
    const issues = Array.from({ length: events / 5 }, () =>
      app.site.create({ reporter: 'carla-customer', priority: pick(random, ['High', 'Medium', 'Low']) }),
    );
    let busy = 0n;
    const drain = async (): Promise<void> => {
      const t = process.hrtime.bigint();
      await app.drain();
      busy += process.hrtime.bigint() - t;
    };
    await drain(); // the creations, already events
    const steps = [
      (id: string) => app.site.comment(id, 'alex-agent', 'Looking into it'),
      (id: string) => app.site.transition(id, 'alex-agent', 'In Progress'),
      (id: string) =>
        app.site.change(id, 'alex-agent', (i, at) =>
          i.priority(at, pick(random, ['Highest', 'High', 'Low'])),
        ),
      (id: string) => app.site.transition(id, 'alex-agent', 'Resolved'),
    ];
    for (const step of steps) {
      for (const issue of issues) {
        app.clock.advance(1000);
        step(issue.id);
        if (app.queue.size() >= 50) await drain();
      }
    }
    await drain();
    const calls = [...app.jira.calls];
    const reads = calls
      .filter(([k]) => k.startsWith('GET') || k.includes('bulkfetch'))
      .reduce((n, [, c]) => n + c, 0);
    const writes = calls.filter(([k]) => k.includes('/app/field/value')).reduce((n, [, c]) => n + c, 0);
    const seconds = Number(busy) / 1e9;
    return {
      events,
      eventsPerSecond: events / seconds,
      readsPerEvent: reads / events,
      fieldWritesPerEvent: writes / events,
    };
  } finally {
    await store.close();
  }
}

/** `count` stored histories, then a calendar change and a recalculation of the project. */
async function benchRecalculation(
  dir: string,
  count: number,
): Promise<Pick<BackendFigures, 'histories' | 'recalcMs' | 'recalcJiraCalls'>> {
  const store = await openSqliteStore(join(dir, 'recalc.sqlite'));
  try {
    await seed(store);
    const app = new SandboxApp(store, { now: Date.UTC(2026, 9, 1) });
    const random = seeded(11);
    const window = {
      createdFrom: Date.UTC(2026, 0, 5),
      createdTo: Date.UTC(2026, 7, 31),
      latest: Date.UTC(2026, 8, 30),
    };
    for (let n = 1; n <= count; n++) {
      const history = await toStoredHistory(app.deps, generateIssue(random, n, window), app.clock.now());
      if ('message' in history) throw new Error(history.message);
      await store.histories.put(history);
    }
    // The calendar change: Berlin closes at 16:00 from now on.
    const berlin = await store.config.get('calendar', 'berlin-9-17');
    if (!berlin?.body) throw new Error('no berlin calendar');
    const short = [{ from: '09:00', to: '16:00' }];
    await store.config.put(
      'calendar',
      berlin.id,
      { ...berlin.body, week: { mon: short, tue: short, wed: short, thu: short, fri: short } },
      { expectedVersion: berlin.version, savedAt: app.clock.now(), savedBy: 'bench' },
    );
    app.deps.configs.invalidate();
    const callsBefore = app.jira.totalCalls();
    const start = process.hrtime.bigint();
    const job = await startJob(
      app.deps,
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true },
      'bench',
    );
    app.queue.take();
    let state = await runJobStep(app.deps, job.id, Number.MAX_SAFE_INTEGER);
    while (state?.state === 'running') state = await runJobStep(app.deps, job.id, Number.MAX_SAFE_INTEGER);
    const recalcMs = since(start);
    if (state?.state !== 'done' || state.done !== count)
      throw new Error(`recalculation ended ${JSON.stringify(state)}`);
    return { histories: count, recalcMs, recalcJiraCalls: app.jira.totalCalls() - callsBefore };
  } finally {
    await store.close();
  }
}

export async function benchBackend(events = 10_000, histories = 100_000): Promise<BackendFigures> {
  heading(`5. The backend on the sandbox adapters and an embedded SQLite file`);
  const dir = mkdtempSync(join(tmpdir(), 'accord-backend-'));
  try {
    const e = await benchEvents(dir, events);
    table([
      [
        'issue events, trigger → queue → evaluation → stored results',
        'events',
        'rate',
        'Jira reads / event',
        'field writes / event',
      ],
      [
        '',
        int(e.events),
        perSecond(e.eventsPerSecond),
        e.readsPerEvent.toFixed(2),
        e.fieldWritesPerEvent.toFixed(3),
      ],
    ]);
    const r = await benchRecalculation(dir, histories);
    table([
      ['recalculation after a calendar change', 'stored histories', 'time', 'rate', 'Jira calls'],
      [
        '',
        int(r.histories),
        ms(r.recalcMs),
        perSecond((r.histories / r.recalcMs) * 1000),
        int(r.recalcJiraCalls),
      ],
    ]);
    return { ...e, ...r };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [events, histories] = process.argv.slice(2).map(Number);
  void benchBackend(events ?? 10_000, histories ?? 100_000);
}
