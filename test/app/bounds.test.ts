/**
 * Every resolver payload is bounded before any work (`src/engine/config/limits.ts`): over a bound, the reply
 * names the field (its JSON path) and the limit, and nothing is stored.
 */
import { dispatch } from '../../src/app/resolvers/dispatch';
import type { CallContext } from '../../src/app/resolvers/context';
import type { Agreement } from '../../src/engine/agreement/types';
import type { Calendar } from '../../src/engine/calendar/types';
import { LIMITS, MAX_PROBLEMS } from '../../src/engine/config/limits';
import type { IssueEventData } from '../../src/engine/issue/types';
import { acme, exampleAgreements, exampleCalendars, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;
type Reply = Awaited<ReturnType<typeof dispatch>>;

let world: World;
afterEach(async () => {
  await world.close();
});

const admin: CallContext = { accountId: 'chris-admin', accountType: 'licensed', module: 'admin' };
const projectAdmin: CallContext = {
  accountId: 'alex-agent',
  accountType: 'licensed',
  module: 'project-settings',
  projectKey: 'IT',
};

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what} in the examples`);
  return value;
}
const gold = (): Agreement =>
  structuredClone(
    found(
      exampleAgreements.find((a) => a.id === 'gold'),
      'gold',
    ),
  );
const berlin = (): Calendar =>
  structuredClone(
    found(
      exampleCalendars.find((c) => c.id === 'berlin-9-17'),
      'berlin-9-17',
    ),
  );
const metric = (a: Agreement) => found(a.metrics[0], 'metric');
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** `text` anywhere, whatever its case ("At most 200 characters." names the limit "at most 200 characters"). */
const caseless = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/** Everything a refused call could have written: configuration, placements, jobs, the audit log. */
async function stored(): Promise<unknown> {
  const { store } = world;
  return {
    agreements: await Promise.all(
      (await store.config.list('agreement')).map((a) => store.config.history('agreement', a.id)),
    ),
    calendars: await Promise.all(
      (await store.config.list('calendar')).map((c) => store.config.history('calendar', c.id)),
    ),
    projects: await store.config.projects(),
    jobs: await store.jobs.list(100),
    audit: await store.audit.list({ limit: 200 }),
  };
}

/** Calls a route expecting a refusal that names `path` and `limit`; and that nothing was stored. */
async function refused(
  key: string,
  payload: unknown,
  ctx: CallContext,
  expected: { code: 'invalid-payload' | 'invalid-config'; path: string; limit: string },
): Promise<Reply> {
  const before = await stored();
  const reply = await dispatch(world.deps, key, payload, ctx);
  expect(reply.ok).toBe(false);
  if (reply.ok) return reply;
  expect(reply.error.code).toBe(expected.code);
  expect(reply.error.problems).toContainEqual(
    expect.objectContaining({
      path: expected.path,
      message: expect.stringMatching(caseless(expected.limit)),
    }),
  );
  expect(await stored()).toEqual(before);
  return reply;
}

describe('bounds on configuration', () => {
  const agreementCases: [string, (a: Agreement) => void, string, string][] = [
    [
      'a counterparty',
      (a) => (a.counterparty = 'A'.repeat(LIMITS.counterparty + 1)),
      '$.agreement.counterparty',
      `at most ${LIMITS.counterparty} characters`,
    ],
    [
      'a name',
      (a) => (a.name = 'n'.repeat(LIMITS.name + 1)),
      '$.agreement.name',
      `at most ${LIMITS.name} characters`,
    ],
    ['an id', (a) => (a.id = 'i'.repeat(LIMITS.id + 1)), '$.agreement.id', `at most ${LIMITS.id} characters`],
    [
      'a JQL',
      (a) => (a.appliesTo = `project = IT${' AND project = IT'.repeat(LIMITS.jql / 16)}`),
      '$.agreement.appliesTo',
      `at most ${LIMITS.jql} characters`,
    ],
    [
      "a goal's JQL",
      (a) => ((metric(a).goals[0] as { when?: string }).when = 'x'.repeat(LIMITS.jql + 1)),
      '$.agreement.metrics[0].goals[0].when',
      `at most ${LIMITS.jql} characters`,
    ],
    [
      'the metrics',
      (a) => (a.metrics = times(LIMITS.metrics + 1, (i) => ({ ...metric(a), id: `m${i}` }))),
      '$.agreement.metrics',
      `at most ${LIMITS.metrics} entries`,
    ],
    [
      'the goals',
      (a) => (metric(a).goals = times(LIMITS.goals + 1, () => ({ targetMinutes: 60, calendar: 'always' }))),
      '$.agreement.metrics[0].goals',
      `at most ${LIMITS.goals} entries`,
    ],
    [
      'the thresholds',
      (a) =>
        (metric(a).thresholds = times(LIMITS.thresholds + 1, (i) => ({
          at: { percent: i + 1 },
          actions: [],
        }))),
      '$.agreement.metrics[0].thresholds',
      `at most ${LIMITS.thresholds} entries`,
    ],
    [
      'the actions',
      (a) =>
        (metric(a).thresholds = [
          { at: { percent: 50 }, actions: times(LIMITS.actions + 1, () => ({ type: 'label', add: 'late' })) },
        ]),
      '$.agreement.metrics[0].thresholds[0].actions',
      `at most ${LIMITS.actions} entries`,
    ],
    [
      "an action's text",
      (a) =>
        (metric(a).thresholds = [
          { at: { percent: 50 }, actions: [{ type: 'comment', body: 'b'.repeat(LIMITS.actionText + 1) }] },
        ]),
      '$.agreement.metrics[0].thresholds[0].actions[0].body',
      `at most ${LIMITS.actionText} characters`,
    ],
    [
      'the conditions',
      (a) => (metric(a).start = times(LIMITS.conditions + 1, () => ({ event: 'created' }))),
      '$.agreement.metrics[0].start',
      `at most ${LIMITS.conditions} entries`,
    ],
    [
      'the penalties',
      (a) => (a.penalties = times(LIMITS.penalties + 1, () => ({ creditPercent: 1, period: 'month' }))),
      '$.agreement.penalties',
      `at most ${LIMITS.penalties} entries`,
    ],
    [
      "a condition's values",
      (a) =>
        (metric(a).stop = [{ event: 'status', to: times(LIMITS.conditionValues + 1, (i) => `Status ${i}`) }]),
      '$.agreement.metrics[0].stop[0].to',
      `at most ${LIMITS.conditionValues} entries`,
    ],
    [
      "a notification's recipients",
      (a) =>
        (metric(a).thresholds = [
          {
            at: { percent: 50 },
            actions: [
              {
                type: 'notify',
                to: ['assignee'],
                users: times(LIMITS.recipients + 1, (i) => `user-${i}`),
                subject: 's',
                body: 'b',
              },
            ],
          },
        ]),
      '$.agreement.metrics[0].thresholds[0].actions[0].users',
      `at most ${LIMITS.recipients} entries`,
    ],
    [
      'a label',
      (a) =>
        (metric(a).thresholds = [
          { at: { percent: 50 }, actions: [{ type: 'label', add: 'l'.repeat(LIMITS.jiraName + 1) }] },
        ]),
      '$.agreement.metrics[0].thresholds[0].actions[0].add',
      `at most ${LIMITS.jiraName} characters`,
    ],
    [
      'the availability objectives',
      (a) =>
        (a.availability = times(LIMITS.availability + 1, (i) => ({
          service: `s${i}`,
          objectivePercent: 99,
          calendar: 'always',
          incidentJql: 'project = IT',
        }))),
      '$.agreement.availability',
      `at most ${LIMITS.availability} entries`,
    ],
    [
      'the maintenance windows',
      (a) =>
        (a.availability = [
          {
            service: 'VPN',
            objectivePercent: 99,
            calendar: 'always',
            incidentJql: 'project = IT',
            maintenanceWindows: times(LIMITS.maintenanceWindows + 1, () => ({
              weekly: 'sun',
              from: '02:00',
              to: '03:00',
            })),
          },
        ]),
      '$.agreement.availability[0].maintenanceWindows',
      `at most ${LIMITS.maintenanceWindows} entries`,
    ],
    [
      'a date',
      (a) => (a.validTo = '2030-01-01'.padEnd(LIMITS.shortText + 1, '0')),
      '$.agreement.validTo',
      `at most ${LIMITS.shortText} characters`,
    ],
  ];

  it('refuses an agreement whose parts are each within bounds but whose whole is not', async () => {
    world = await makeWorld();
    const agreement = gold();
    // 20 thresholds of 10 comments of 10,000 characters: 2,000,000 characters.
    metric(agreement).thresholds = times(LIMITS.thresholds, (i) => ({
      at: { percent: i + 1 },
      actions: times(LIMITS.actions, () => ({ type: 'comment', body: 'b'.repeat(LIMITS.actionText) })),
    }));
    for (const key of ['agreements/save', 'agreements/preview'] as const) {
      await refused(
        key,
        key === 'agreements/save' ? { agreement, expectedVersion: 1 } : { agreement, projectKey: 'IT' },
        key === 'agreements/save' ? admin : projectAdmin,
        {
          code: 'invalid-config',
          path: '$.agreement',
          limit: `at most ${LIMITS.configJson} characters as JSON`,
        },
      );
    }
  });

  it.each(agreementCases)(
    'refuses an agreement over the bound of %s and stores nothing',
    async (_, change, path, limit) => {
      world = await makeWorld();
      const agreement = gold();
      change(agreement);
      await refused('agreements/save', { agreement, expectedVersion: 1 }, admin, {
        code: 'invalid-config',
        path,
        limit,
      });
    },
  );

  const calendarCases: [string, (c: Calendar) => void, string, string][] = [
    [
      'the holidays',
      (c) => (c.holidays = times(LIMITS.holidays + 1, (i) => ({ date: `2030-01-01`, name: `day ${i}` }))),
      '$.calendar.holidays',
      `at most ${LIMITS.holidays} entries`,
    ],
    [
      'the exceptions',
      (c) => (c.exceptions = times(LIMITS.exceptions + 1, () => ({ date: '2030-01-01', hours: [] }))),
      '$.calendar.exceptions',
      `at most ${LIMITS.exceptions} entries`,
    ],
    [
      "a holiday's name",
      (c) => (c.holidays = [{ date: '2030-01-01', name: 'h'.repeat(LIMITS.name + 1) }]),
      '$.calendar.holidays[0].name',
      `at most ${LIMITS.name} characters`,
    ],
    [
      "a day's spans",
      (c) => (c.week.mon = times(LIMITS.spansPerDay + 1, () => ({ from: '09:00', to: '10:00' }))),
      '$.calendar.week.mon',
      `at most ${LIMITS.spansPerDay} entries`,
    ],
  ];

  it.each(calendarCases)(
    'refuses a calendar over the bound of %s and stores nothing',
    async (_, change, path, limit) => {
      world = await makeWorld();
      const calendar = berlin();
      change(calendar);
      await refused('calendars/save', { calendar, expectedVersion: 1 }, admin, {
        code: 'invalid-config',
        path,
        limit,
      });
    },
  );

  it('lists at most MAX_PROBLEMS problems, the last saying how many more', async () => {
    world = await makeWorld();
    const calendar = berlin();
    calendar.holidays = times(LIMITS.holidays, () => ({ date: 'never' }));
    const reply = await refused('calendars/save', { calendar, expectedVersion: 1 }, admin, {
      code: 'invalid-config',
      path: '$.calendar.holidays[0].date',
      limit: 'not a real date',
    });
    const problems = reply.ok ? [] : (reply.error.problems ?? []);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems[MAX_PROBLEMS - 1]?.message).toBe(
      `and ${LIMITS.holidays - MAX_PROBLEMS + 1} more problems like these`,
    );
    // The UIs word it from its detail.
    expect(problems[MAX_PROBLEMS - 1]?.detail).toEqual({
      key: 'problems.more',
      values: { count: LIMITS.holidays - MAX_PROBLEMS + 1 },
    });
  });
});

describe('bounds on payloads', () => {
  it("refuses a project's list, key or expected list over its bound and changes no placement", async () => {
    world = await makeWorld();
    const expected = await world.store.config.projectAgreements('IT');
    const many = times(LIMITS.agreementsPerProject + 1, (i) => `a${i}`);
    await refused('projects/save', { projectKey: 'IT', agreementIds: many, expected }, projectAdmin, {
      code: 'invalid-payload',
      path: '$.agreementIds',
      limit: `at most ${LIMITS.agreementsPerProject} entries`,
    });
    await refused('projects/save', { projectKey: 'IT', agreementIds: [], expected: many }, projectAdmin, {
      code: 'invalid-payload',
      path: '$.expected',
      limit: `at most ${LIMITS.agreementsPerProject} entries`,
    });
    const longKey = 'K'.repeat(LIMITS.projectKey + 1);
    const reply = await refused('projects/set', { projectKey: longKey, agreementIds: ['gold'] }, admin, {
      code: 'invalid-payload',
      path: '$.projectKey',
      limit: `at most ${LIMITS.projectKey} characters`,
    });
    // The message itself says where and what.
    expect(reply.ok ? '' : reply.error.message).toBe(
      `The request to projects/set is not valid: $.projectKey: At most ${LIMITS.projectKey} characters.`,
    );
  });

  it("refuses a job's 100,000-character project key, a long agreement id or JQL, and starts no job", async () => {
    world = await makeWorld();
    await refused(
      'jobs/start',
      { scope: { kind: 'project', projectKey: 'P'.repeat(100_000) }, replaceCompleted: false },
      admin,
      {
        code: 'invalid-payload',
        path: '$.scope.projectKey',
        limit: `at most ${LIMITS.projectKey} characters`,
      },
    );
    await refused(
      'jobs/start',
      { scope: { kind: 'agreement', agreementId: 'g'.repeat(LIMITS.id + 1) }, replaceCompleted: false },
      admin,
      { code: 'invalid-payload', path: '$.scope.agreementId', limit: `at most ${LIMITS.id} characters` },
    );
    await refused(
      'jobs/start',
      { scope: { kind: 'jql', jql: 'x'.repeat(LIMITS.jql + 1) }, replaceCompleted: false },
      admin,
      { code: 'invalid-payload', path: '$.scope.jql', limit: `at most ${LIMITS.jql} characters` },
    );
    expect(await world.store.jobs.list(10)).toEqual([]);
  });

  it('refuses long ids where they are looked up', async () => {
    world = await makeWorld();
    await refused('agreements/get', { id: 'g'.repeat(LIMITS.id + 1) }, admin, {
      code: 'invalid-payload',
      path: '$.id',
      limit: `at most ${LIMITS.id} characters`,
    });
    await refused('issue/metrics', { issueId: '1'.repeat(LIMITS.shortText + 1) }, admin, {
      code: 'invalid-payload',
      path: '$.issueId',
      limit: `at most ${LIMITS.shortText} characters`,
    });
    await refused('audit/list', { entityId: 'e'.repeat(LIMITS.id + 1) }, admin, {
      code: 'invalid-payload',
      path: '$.entityId',
      limit: `at most ${LIMITS.id} characters`,
    });
  });
});

describe('bounds on previews', () => {
  it('refuses a draft with a 3 MB JQL before parsing it', async () => {
    world = await makeWorld();
    const agreement = gold();
    agreement.appliesTo = `project = IT${' OR project = IT'.repeat(200_000)}`;
    expect(agreement.appliesTo.length).toBeGreaterThan(3_000_000);
    await refused('agreements/preview', { agreement, projectKey: 'IT' }, projectAdmin, {
      code: 'invalid-config',
      path: '$.agreement.appliesTo',
      limit: `at most ${LIMITS.jql} characters`,
    });
  });

  it('refuses an ICS text over its size, and one that expands to more days off than a calendar holds', async () => {
    world = await makeWorld();
    await refused('calendars/preview-ics', { text: ' '.repeat(LIMITS.icsChars + 1) }, admin, {
      code: 'invalid-payload',
      path: '$.text',
      limit: `at most ${LIMITS.icsChars} characters`,
    });
    // 200 daily events, 19 KB: expanded over ten years they were 730,000 days (7 s, a 28 MB reply).
    const events = times(
      200,
      (i) =>
        `BEGIN:VEVENT\r\nUID:daily-${i}\r\nSUMMARY:Stand-up ${i}\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n`,
    );
    const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${events.join('')}END:VCALENDAR\r\n`;
    const reply = await refused('calendars/preview-ics', { text }, admin, {
      code: 'invalid-config',
      path: '$.text',
      limit: `more than ${LIMITS.icsDays} days off`,
    });
    expect(JSON.stringify(reply).length).toBeLessThan(1000);

    // One-off days count too: a calendar's worth is read, one more is refused.
    const days = (n: number) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${times(n, (i) => {
        const date = new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, '');
        return `BEGIN:VEVENT\r\nUID:day-${i}\r\nSUMMARY:Day ${i}\r\nDTSTART;VALUE=DATE:${date}\r\nEND:VEVENT\r\n`;
      }).join('')}END:VCALENDAR\r\n`;
    const all = await dispatch(world.deps, 'calendars/preview-ics', { text: days(LIMITS.icsDays) }, admin);
    expect(all.ok && (all.data as { holidays: unknown[] }).holidays.length).toBe(LIMITS.icsDays);
    await refused('calendars/preview-ics', { text: days(LIMITS.icsDays + 1) }, admin, {
      code: 'invalid-config',
      path: '$.text',
      limit: `more than ${LIMITS.icsDays} days off`,
    });
  });

  it('stops evaluating at its work budget and says the figures are incomplete, for a draft and a list', async () => {
    world = await makeWorld();
    // One real resolved request, measured by the sandbox.
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.advance(10 * MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'On it');
    world.site.transition(issue.id, 'alex-agent', 'Resolved');
    await world.advance(10 * MINUTE);
    const real = await world.store.histories.get(issue.id);
    if (!real) throw new Error('the request was not measured');

    const draft = gold();
    // Its own metrics (penalties name them), and copies of the first up to the most an agreement has.
    const copies = times(LIMITS.metrics - draft.metrics.length, (i) => ({ ...metric(draft), id: `m${i}` }));
    draft.metrics = [...draft.metrics, ...copies];
    const preview = async () => {
      const reply = await dispatch(
        world.deps,
        'agreements/preview',
        { agreement: draft, projectKey: 'IT' },
        projectAdmin,
      );
      if (!reply.ok) throw new Error(`${reply.error.message} ${JSON.stringify(reply.error.problems)}`);
      return reply.data as { issues: number; complete: boolean };
    };
    expect(await preview()).toMatchObject({ issues: 1, complete: true });
    // The same agreement saved, for the project settings' preview of a list.
    await world.store.config.put(
      'agreement',
      'big',
      { ...draft, id: 'big' },
      { expectedVersion: 0, savedAt: 0, savedBy: 'seed' },
    );
    const listPreview = async () => {
      const reply = await dispatch(
        world.deps,
        'projects/preview',
        { projectKey: 'IT', agreementIds: ['big'] },
        projectAdmin,
      );
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.data as { issues: number; complete: boolean };
    };
    expect(await listPreview()).toMatchObject({ issues: 1, complete: true });

    // Copies of it with 10,000 internal notes each: 200,000 units of work apiece with 20 metrics.
    const created = real.data.created;
    const notes: IssueEventData[] = times(10_000, (i) => ({
      kind: 'comment',
      at: created + 1 + i,
      id: `n${i}`,
      by: 'agent',
      public: false,
    }));
    const [first, ...rest] = real.data.events;
    const events = [...(first ? [first] : []), ...notes, ...rest];
    const perIssue = events.length * LIMITS.metrics;
    const fit = Math.floor(LIMITS.previewWork / perIssue);
    for (let i = 0; i < fit + 5; i++) {
      const issueId = String(900_000 + i);
      await world.store.histories.put({
        ...real,
        issueId,
        issueKey: `IT-${issueId}`,
        data: { ...real.data, id: issueId, key: `IT-${issueId}`, events },
      });
    }
    const cut = await preview();
    expect(cut.complete).toBe(false);
    // The real one comes first (lower id), then as many copies as the budget holds.
    expect(cut.issues).toBe(
      1 + Math.floor((LIMITS.previewWork - real.data.events.length * LIMITS.metrics) / perIssue),
    );

    // The list's preview evaluates each issue twice (the list, and the saved list for the difference).
    const listCut = await listPreview();
    expect(listCut.complete).toBe(false);
    expect(listCut.issues).toBe(
      1 + Math.floor((LIMITS.previewWork - 2 * real.data.events.length * LIMITS.metrics) / (2 * perIssue)),
    );
  });
});
