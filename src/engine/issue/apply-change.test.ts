import fc from 'fast-check';
import { applyChangelogEntry, applyComment, type CarriedEntry } from './apply-change';
import { parseIssue } from './parse-issue';
import { parseStatuses } from './status-catalog';
import {
  assigneeItem,
  instant,
  jiraStatus,
  jiraTime,
  labelsItem,
  makeIssue,
  PRIORITIES,
  priorityItem,
  resolutionItem,
  STATUSES,
  statusItem,
  USERS,
  type HistorySpec,
  type ItemSpec,
  type Named,
  type StatusSpec,
} from './testing';
import type { IssueHistoryData } from './types';

const catalog = (() => {
  const parsed = parseStatuses(Object.values(STATUSES).map(jiraStatus));
  if (!parsed.ok) throw new Error('bad statuses');
  return parsed.value;
})();

const reporterItem = (from: (typeof USERS)[keyof typeof USERS], to: (typeof USERS)[keyof typeof USERS]) => ({
  ...assigneeItem(from, to),
  field: 'reporter',
  fieldId: 'reporter',
});

/** An issue's state, to write its current fields. */
interface State {
  status: StatusSpec;
  priority: Named;
  resolution: Named | null;
}

const START: State = { status: STATUSES.waitingForSupport, priority: PRIORITIES.medium, resolution: null };
const FIXED = { id: '10000', name: 'Done' };

/** One change of the generated sequence: its items given the state before, and the state after. */
type Step = (state: State) => { items: ItemSpec[]; next: State };

const STEPS: Readonly<Record<string, Step>> = {
  progress: (s) => ({
    items: [statusItem(s.status, STATUSES.inProgress)],
    next: { ...s, status: STATUSES.inProgress },
  }),
  waitCustomer: (s) => ({
    items: [statusItem(s.status, STATUSES.waitingForCustomer)],
    next: { ...s, status: STATUSES.waitingForCustomer },
  }),
  resolve: (s) => ({
    items: [statusItem(s.status, STATUSES.resolved), resolutionItem(s.resolution, FIXED)],
    next: { ...s, status: STATUSES.resolved, resolution: FIXED },
  }),
  reopen: (s) => ({
    items: [statusItem(s.status, STATUSES.waitingForSupport), resolutionItem(s.resolution, null)],
    next: { ...s, status: STATUSES.waitingForSupport, resolution: null },
  }),
  high: (s) => ({
    items: [priorityItem(s.priority, PRIORITIES.high)],
    next: { ...s, priority: PRIORITIES.high },
  }),
  low: (s) => ({
    items: [priorityItem(s.priority, PRIORITIES.low)],
    next: { ...s, priority: PRIORITIES.low },
  }),
  summary: (s) => ({
    items: [{ field: 'summary', fieldtype: 'jira', fieldId: 'summary', fromString: 'a', toString: 'b' }],
    next: s,
  }),
};

/** The issue after `steps`, one minute apart from 10:00, as a full read returns it. */
function issueAfter(steps: readonly string[]): { json: Record<string, unknown>; entries: CarriedEntry[] } {
  let state = START;
  const histories: HistorySpec[] = [];
  const entries: CarriedEntry[] = [];
  steps.forEach((name, i) => {
    const step = STEPS[name];
    if (step === undefined) throw new Error(name);
    const { items, next } = step(state);
    state = next;
    const at = `2026-03-02T10:${String(i).padStart(2, '0')}`;
    histories.push({ at, items });
    entries.push({ id: String(10100 + i), at: instant(at), items, actor: USERS.alana.accountId });
  });
  const last = histories[histories.length - 1]?.at;
  const json = makeIssue({
    histories,
    comments: [{ at: '2026-03-02T09:30', author: USERS.carla }],
    fields: {
      status: jiraStatus(state.status),
      priority: state.priority,
      resolution: state.resolution,
      ...(last === undefined ? {} : { updated: `${last}:00.000+0100` }),
    },
  });
  return { json, entries };
}

function parsed(json: unknown): IssueHistoryData {
  const result = parseIssue(json, { statuses: catalog });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('applyChangelogEntry', () => {
  it('gives exactly the history of a full read, for any sequence of status, resolution and priority changes', () => {
    // The law the incremental path stands on: stored history + the event's entries = the issue read again.
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...Object.keys(STEPS)), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        (steps, cut) => {
          const k = cut % steps.length;
          const { entries, json } = issueAfter(steps);
          let data = parsed(issueAfter(steps.slice(0, k)).json);
          for (const entry of entries.slice(k)) {
            const result = applyChangelogEntry(data, entry, catalog);
            if (!('data' in result)) throw new Error(`not applied: ${result.readAgain}`);
            data = result.data;
          }
          expect(data).toEqual(parsed(json));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('brings a field empty all along into being where a full read puts it', () => {
    const { entries, json } = issueAfter(['resolve']);
    const before = parsed(issueAfter([]).json);
    expect(before.fields.some((f) => f.keys[0] === 'resolution')).toBe(false);
    const result = applyChangelogEntry(before, entries[0]!, catalog);
    expect('data' in result && result.data).toEqual(parsed(json));
  });

  it('refuses an entry whose `from` is not the stored value: a change in between was missed', () => {
    const { entries } = issueAfter(['progress', 'high', 'waitCustomer']);
    const stored = parsed(issueAfter([]).json);
    // The third entry moves the status from In Progress, but the stored history is still Waiting for support.
    expect(applyChangelogEntry(stored, { ...entries[2]!, at: entries[2]!.at }, catalog)).toEqual({
      readAgain: 'gap',
    });
  });

  it('refuses an entry earlier than the stored history', () => {
    const { entries, json } = issueAfter(['progress', 'high']);
    const earlier = { ...entries[1]!, id: '999', at: entries[1]!.at - 1 };
    expect(applyChangelogEntry(parsed(json), earlier, catalog)).toEqual({ readAgain: 'order' });
  });

  it('applies an entry at the instant of the latest one as a full read orders them', () => {
    const at = '2026-03-02T10:00';
    const first = statusItem(STATUSES.waitingForSupport, STATUSES.inProgress);
    const second = priorityItem(PRIORITIES.medium, PRIORITIES.high);
    const fields = { status: jiraStatus(STATUSES.inProgress), updated: jiraTime(at) };
    const before = parsed(makeIssue({ fields, histories: [{ at, items: [first] }] }));
    const after = makeIssue({
      fields: { ...fields, priority: PRIORITIES.high },
      histories: [
        { at, items: [first] },
        { at, items: [second] },
      ],
    });
    const result = applyChangelogEntry(
      before,
      { id: '10101', at: instant(at), items: [second], actor: USERS.alana.accountId },
      catalog,
    );
    expect('data' in result && result.data).toEqual(parsed(after));
  });

  it('refuses an entry at the instant of a stored comment, which a full read puts after the entry', () => {
    const at = '2026-03-02T10:00';
    const stored = parsed(makeIssue({ comments: [{ at }], fields: { updated: jiraTime(at) } }));
    const item = priorityItem(PRIORITIES.medium, PRIORITIES.high);
    expect(
      applyChangelogEntry(stored, { id: '1', at: instant(at), items: [item], actor: 'x' }, catalog),
    ).toEqual({ readAgain: 'order' });
  });

  it('refuses fields whose current value a changelog side cannot tell exactly', () => {
    const stored = parsed(issueAfter([]).json);
    const at = instant('2026-03-02T11:00');
    for (const item of [assigneeItem(null, USERS.alana), labelsItem([], ['vip'])]) {
      expect(applyChangelogEntry(stored, { id: '1', at, items: [item], actor: 'x' }, catalog)).toEqual({
        readAgain: 'unsupported',
      });
    }
    const custom = {
      field: 'Team',
      fieldtype: 'custom',
      fieldId: 'customfield_10050',
      to: '1',
      toString: 'A',
    };
    expect(applyChangelogEntry(stored, { id: '1', at, items: [custom], actor: 'x' }, catalog)).toEqual({
      readAgain: 'unsupported',
    });
  });

  it('refuses a status the site does not list, whose category only a full read tells', () => {
    const stored = parsed(issueAfter([]).json);
    const item = statusItem(STATUSES.waitingForSupport, { id: '77', name: 'Brand new' });
    expect(
      applyChangelogEntry(
        stored,
        { id: '1', at: instant('2026-03-02T11:00'), items: [item], actor: 'x' },
        catalog,
      ),
    ).toEqual({ readAgain: 'status-unknown' });
  });

  it('refuses an entry by an account a past user value holds: a full read would add its names there', () => {
    const json = makeIssue({
      fields: { assignee: null },
      histories: [
        { at: '2026-03-02T10:00', items: [assigneeItem(null, USERS.ben)] },
        { at: '2026-03-02T10:01', items: [assigneeItem(USERS.ben, null)] },
      ],
    });
    const item = priorityItem(PRIORITIES.medium, PRIORITIES.high);
    const at = instant('2026-03-02T11:00');
    expect(
      applyChangelogEntry(parsed(json), { id: '1', at, items: [item], actor: USERS.ben.accountId }, catalog),
    ).toEqual({ readAgain: 'actor' });
    expect(
      'data' in applyChangelogEntry(parsed(json), { id: '1', at, items: [item], actor: 'someone' }, catalog),
    ).toBe(true);
  });
});

describe('applyComment', () => {
  const OLGA = { accountId: 'qm:olga-other', displayName: 'Olga Other', accountType: 'customer' } as const;
  const AUTHORS = {
    carla: USERS.carla,
    alana: USERS.alana,
    ben: USERS.ben,
    automation: USERS.automation,
    olga: OLGA,
  };
  type Spec = { author: keyof typeof AUTHORS; internal: boolean };

  /** The issue with `comments`, one a minute from 10:00, as a full read returns it. */
  const withComments = (comments: readonly Spec[], extra: Parameters<typeof makeIssue>[0] = {}) =>
    makeIssue({
      ...extra,
      comments: comments.map((c, i) => ({
        at: `2026-03-02T10:${String(i).padStart(2, '0')}`,
        author: AUTHORS[c.author],
        internal: c.internal,
      })),
    });
  const carried = (comments: readonly Spec[], i: number) => {
    const author = AUTHORS[comments[i]!.author];
    return {
      id: String(20100 + i),
      at: instant(`2026-03-02T10:${String(i).padStart(2, '0')}`),
      author: author.accountId,
      accountType: author.accountType,
      public: !comments[i]!.internal,
    };
  };

  it('gives exactly the history of a full read, whoever comments, publicly or not', () => {
    const spec = fc.record({
      author: fc.constantFrom(...(Object.keys(AUTHORS) as (keyof typeof AUTHORS)[])),
      internal: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 10 }), fc.nat(), (comments, cut) => {
        const k = cut % comments.length;
        let data = parsed(withComments(comments.slice(0, k)));
        for (let i = k; i < comments.length; i++) {
          const result = applyComment(data, carried(comments, i));
          if (!('data' in result)) throw new Error(`not applied: ${result.readAgain}`);
          data = result.data;
        }
        expect(data).toEqual(parsed(withComments(comments)));
      }),
      { numRuns: 300 },
    );
  });

  it('types a comment by the reporter of the time as the customer’s, as a full read does', () => {
    // Ben (an agent's account) became the reporter at 09:30: his comment is the customer's.
    const extra = {
      fields: { reporter: USERS.ben },
      histories: [{ at: '2026-03-02T09:30', items: [reporterItem(USERS.carla, USERS.ben)] }],
    };
    const comments: Spec[] = [{ author: 'ben', internal: false }];
    const result = applyComment(parsed(makeIssue(extra)), carried(comments, 0));
    expect('data' in result && result.data).toEqual(parsed(withComments(comments, extra)));
    expect('data' in result && result.data.events.at(-1)).toMatchObject({ kind: 'comment', by: 'customer' });
  });

  it('refuses a comment by an account a past user value holds: a full read would add its names there', () => {
    const extra = {
      fields: { reporter: USERS.ben },
      histories: [{ at: '2026-03-02T09:30', items: [reporterItem(USERS.carla, USERS.ben)] }],
    };
    const comments: Spec[] = [{ author: 'carla', internal: false }];
    expect(applyComment(parsed(makeIssue(extra)), carried(comments, 0))).toEqual({ readAgain: 'actor' });
  });

  it('refuses a comment earlier than the stored history', () => {
    const comments: Spec[] = [
      { author: 'alana', internal: false },
      { author: 'carla', internal: false },
    ];
    const stored = parsed(withComments(comments));
    const earlier = { ...carried(comments, 1), id: '999', at: carried(comments, 1).at - 1 };
    expect(applyComment(stored, earlier)).toEqual({ readAgain: 'order' });
  });

  it('applies a comment at the instant of the latest one if its id sorts after, and refuses it otherwise', () => {
    const at = '2026-03-02T10:00';
    const one = makeIssue({ comments: [{ at, id: '20100', author: USERS.carla }] });
    const both = makeIssue({
      comments: [
        { at, id: '20100', author: USERS.carla },
        { at, id: '20101', author: USERS.alana },
      ],
    });
    const next = { at: instant(at), author: USERS.alana.accountId, accountType: 'atlassian', public: true };
    const result = applyComment(parsed(one), { ...next, id: '20101' });
    expect('data' in result && result.data).toEqual(parsed(both));
    expect(applyComment(parsed(one), { ...next, id: '20099' })).toEqual({ readAgain: 'order' });
    expect(applyComment(parsed(one), { ...next, id: '20100' })).toEqual({ readAgain: 'order' });
  });

  it('refuses a comment the history holds already', () => {
    const stored = parsed(makeIssue({ comments: [{ at: '2026-03-02T10:00', id: '20100' }] }));
    const again = {
      id: '20100',
      at: instant('2026-03-02T10:05'),
      author: USERS.alana.accountId,
      accountType: 'atlassian',
      public: true,
    };
    expect(applyComment(stored, again)).toEqual({ readAgain: 'order' });
  });
});
