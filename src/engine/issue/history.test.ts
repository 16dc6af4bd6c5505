import fc from 'fast-check';
import { historyOf, type IssueHistory } from './history';
import { parseIssue } from './parse-issue';
import {
  PRIORITIES,
  STATUSES,
  USERS,
  assigneeItem,
  instant,
  jiraStatus,
  labelsItem,
  makeIssue,
  priorityItem,
  statusItem,
  type CommentSpec,
  type HistorySpec,
  type IssueSpec,
  type JiraUser,
  type Named,
} from './testing';
import type { IssueHistoryData } from './types';

function dataOf(json: unknown): IssueHistoryData {
  const result = parseIssue(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const historyFor = (spec: IssueSpec): IssueHistory => historyOf(dataOf(makeIssue(spec)));

const { waitingForSupport, inProgress, waitingForCustomer } = STATUSES;

describe('IssueHistory.at', () => {
  const h = historyFor({
    fields: { status: jiraStatus(inProgress), priority: PRIORITIES.high },
    histories: [
      { at: '2026-03-02T10:00', items: [statusItem(waitingForSupport, inProgress)] },
      { at: '2026-03-02T11:00', items: [priorityItem(PRIORITIES.medium, PRIORITIES.high)] },
    ],
  });

  it('answers before creation with the values at creation', () => {
    expect(h.at(instant('2026-03-01T00:00')).get('status')).toEqual(['waiting for support', '10001']);
  });

  it('gives [] for fields the issue never had', () => {
    expect(h.at(instant('2026-03-02T12:00')).get('customfield_99999')).toEqual([]);
    expect(h.at(instant('2026-03-02T12:00')).get('assignee')).toEqual([]);
  });

  it('hands out one view per instant, and the stored arrays rather than copies', () => {
    const t = instant('2026-03-02T10:30');
    expect(h.at(t)).toBe(h.at(t));
    expect(h.at(t).get('status')).toBe(h.at(instant('2026-03-02T10:45')).get('status'));
  });
});

describe('IssueHistory.changesOf', () => {
  it('gives the distinct instants after creation at which any of the fields changed', () => {
    const h = historyFor({
      fields: { status: jiraStatus(inProgress), priority: PRIORITIES.high, labels: ['vpn'] },
      histories: [
        // An automation rule on creation: at the creation instant, so not a change after it.
        { at: '2026-03-02T09:00', items: [labelsItem([], ['vpn'])] },
        { at: '2026-03-02T10:00', items: [statusItem(waitingForSupport, inProgress)] },
        { at: '2026-03-02T11:00', items: [priorityItem(PRIORITIES.medium, PRIORITIES.high)] },
        { at: '2026-03-02T11:00', items: [statusItem(inProgress, waitingForCustomer)] },
        { at: '2026-03-02T11:00', items: [statusItem(waitingForCustomer, inProgress)] },
      ],
    });
    expect(h.changesOf(['status', 'priority', 'status', 'labels', 'nothing'])).toEqual([
      instant('2026-03-02T10:00'),
      instant('2026-03-02T11:00'),
    ]);
    expect(h.changesOf(['labels'])).toEqual([]);
    expect(h.at(instant('2026-03-02T09:00')).get('labels')).toEqual(['vpn']);
  });
});

describe('IssueHistory.events', () => {
  it('put creation first, then changelog entries, then comments written in the same millisecond', () => {
    const h = historyFor({
      fields: { assignee: USERS.alana },
      comments: [
        { at: '2026-03-02T10:00', author: USERS.alana },
        { at: '2026-03-02T09:00', author: USERS.automation },
      ],
      histories: [{ at: '2026-03-02T10:00', items: [assigneeItem(null, USERS.alana)] }],
    });
    expect(h.events.map((e) => `${e.kind}@${new Date(e.at).toISOString().slice(11, 16)}`)).toEqual([
      'created@08:00',
      'comment@08:00',
      'assignee@09:00',
      'field@09:00',
      'comment@09:00',
    ]);
  });
});

describe('IssueHistoryData', () => {
  it('survives JSON: a stored history answers like the parsed one', () => {
    const data = dataOf(
      makeIssue({
        fields: { status: jiraStatus(inProgress), assignee: USERS.alana },
        histories: [
          {
            at: '2026-03-02T10:00',
            items: [statusItem(waitingForSupport, inProgress), assigneeItem(null, USERS.alana)],
          },
        ],
        comments: [{ at: '2026-03-02T10:30', author: USERS.carla }],
      }),
    );
    const stored = JSON.parse(JSON.stringify(data)) as IssueHistoryData;
    const [before, after] = [historyOf(data), historyOf(stored)];
    expect(after.events).toEqual(before.events);
    for (const local of ['2026-03-02T09:00', '2026-03-02T10:00']) {
      for (const field of ['status', 'statusCategory', 'assignee', 'reporter', 'project']) {
        expect(after.at(instant(local)).get(field)).toEqual(before.at(instant(local)).get(field));
      }
    }
  });

  it('leaves out fields that were empty all along', () => {
    const data = dataOf(makeIssue());
    expect(data.fields.map((f) => f.keys[0])).toEqual([
      'project',
      'issuetype',
      'status',
      'statusCategory',
      'priority',
      'reporter',
    ]);
  });
});

// ── Laws over generated issues ────────────────────────────────────────────────────────────────────────────

type Step =
  | { readonly kind: 'status'; readonly to: Named }
  | { readonly kind: 'priority'; readonly to: Named }
  | { readonly kind: 'assignee'; readonly to: JiraUser | null }
  | { readonly kind: 'labels'; readonly to: string[] }
  | { readonly kind: 'comment'; readonly author: JiraUser; readonly internal: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), to: fc.constantFrom<Named>(...Object.values(STATUSES)) }),
  fc.record({
    kind: fc.constant('priority' as const),
    to: fc.constantFrom<Named>(...Object.values(PRIORITIES)),
  }),
  fc.record({
    kind: fc.constant('assignee' as const),
    to: fc.constantFrom<JiraUser | null>(null, USERS.alana, USERS.ben),
  }),
  fc.record({ kind: fc.constant('labels' as const), to: fc.subarray(['vpn', 'remote', 'vip']) }),
  fc.record({
    kind: fc.constant('comment' as const),
    author: fc.constantFrom<JiraUser>(USERS.carla, USERS.alana, USERS.automation),
    internal: fc.boolean(),
  }),
);

interface State {
  readonly status: Named;
  readonly priority: Named;
  readonly assignee: JiraUser | null;
  readonly labels: readonly string[];
}

/** A generated issue: its reply, and the state a model says it was in after each step. */
interface Story {
  readonly spec: IssueSpec;
  readonly states: readonly { readonly at: string; readonly state: State }[];
  readonly initial: State;
}

const local = (minutes: number): string => {
  const h = 9 + Math.floor(minutes / 60);
  return `2026-03-02T${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** Steps a few minutes apart, or at the same instant (0), as one agent's clicks and automation rules make. */
const storyArb: fc.Arbitrary<Story> = fc
  .array(fc.tuple(stepArb, fc.integer({ min: 0, max: 3 })), { maxLength: 30 })
  .map((steps) => {
    const initial: State = {
      status: waitingForSupport,
      priority: PRIORITIES.medium,
      assignee: null,
      labels: [],
    };
    let state = initial;
    let minutes = 1;
    const histories: HistorySpec[] = [];
    const comments: CommentSpec[] = [];
    const states: { at: string; state: State }[] = [];
    for (const [step, gap] of steps) {
      minutes += gap;
      const at = local(minutes);
      const id = String(10100 + histories.length);
      switch (step.kind) {
        case 'status':
          histories.push({ id, at, items: [statusItem(state.status, step.to)] });
          state = { ...state, status: step.to };
          break;
        case 'priority':
          histories.push({ id, at, items: [priorityItem(state.priority, step.to)] });
          state = { ...state, priority: step.to };
          break;
        case 'assignee':
          histories.push({ id, at, items: [assigneeItem(state.assignee, step.to)] });
          state = { ...state, assignee: step.to };
          break;
        case 'labels':
          histories.push({ id, at, items: [labelsItem(state.labels, step.to)] });
          state = { ...state, labels: step.to };
          break;
        case 'comment':
          comments.push({
            id: String(20100 + comments.length),
            at,
            author: step.author,
            internal: step.internal,
          });
          break;
      }
      states.push({ at, state });
    }
    const fields = {
      status: jiraStatus({ ...state.status, category: 'indeterminate' }),
      priority: state.priority,
      assignee: state.assignee,
      labels: state.labels,
    };
    return { spec: { fields, histories, comments }, states, initial };
  });

/** The reply with its changelog and comments shuffled and some of them repeated, as merged pages give them. */
const messedUp = (json: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> => {
  const issue = json as { changelog: { histories: unknown[] }; fields: { comment: { comments: unknown[] } } };
  const mess = (list: readonly unknown[]) =>
    fc
      .tuple(
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.double({ noNaN: true }), { minLength: 40, maxLength: 40 }),
      )
      .map(([repeats, keys]) => {
        const all = [...list, ...(list.length === 0 ? [] : repeats.map((r) => list[r % list.length]))];
        return all
          .map((item, i) => ({ item, key: keys[i % keys.length]! + i * 1e-9 }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.item);
      });
  return fc
    .tuple(mess(issue.changelog.histories), mess(issue.fields.comment.comments))
    .map(([histories, comments]) => ({
      ...json,
      changelog: { ...issue.changelog, histories },
      fields: { ...issue.fields, comment: { ...issue.fields.comment, comments } },
    }));
};

describe('laws', () => {
  it('a shuffled or repeated changelog and comment list give exactly the same history', () => {
    fc.assert(
      fc.property(
        storyArb.chain((story) => {
          const clean = makeIssue(story.spec);
          return fc.tuple(fc.constant(clean), messedUp(clean));
        }),
        ([clean, messy]) => {
          expect(dataOf(messy)).toEqual(dataOf(clean));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('walking back gives the state the issue was in after each step', () => {
    fc.assert(
      fc.property(storyArb, (story) => {
        const h = historyOf(dataOf(makeIssue(story.spec)));
        const check = (at: number, state: State) => {
          const values = h.at(at as never);
          expect(values.get('status')).toEqual([state.status.name.toLowerCase(), state.status.id]);
          expect(values.get('priority')).toEqual([state.priority.name.toLowerCase(), state.priority.id]);
          expect(values.get('assignee').includes(state.assignee?.accountId.toLowerCase() ?? '')).toBe(
            state.assignee !== null,
          );
          expect(values.get('assignee').length === 0).toBe(state.assignee === null);
          expect([...values.get('labels')].sort()).toEqual([...state.labels].sort());
        };
        check(instant('2026-03-02T09:00'), story.initial);
        // After every step at an instant, the last of them holds.
        const last = new Map(story.states.map(({ at, state }) => [at, state]));
        for (const [at, state] of last) check(instant(at), state);
      }),
      { numRuns: 200 },
    );
  });
});
