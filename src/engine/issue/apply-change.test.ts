import fc from 'fast-check';
import { applyChangelogEntry, type CarriedEntry } from './apply-change';
import { parseIssue } from './parse-issue';
import { parseStatuses } from './status-catalog';
import {
  assigneeItem,
  instant,
  jiraStatus,
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

  it('refuses an entry not later than the stored history', () => {
    const { entries, json } = issueAfter(['progress', 'high']);
    expect(applyChangelogEntry(parsed(json), { ...entries[1]!, id: '999' }, catalog)).toEqual({
      readAgain: 'order',
    });
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
