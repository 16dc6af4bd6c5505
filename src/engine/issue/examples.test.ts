import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../errors';
import { resolveFieldName } from '../fields';
import { historyOf, type IssueHistory } from './history';
import { parseIssue } from './parse-issue';
import { parseStatuses, type StatusCatalog } from './status-catalog';
import { parseJiraInstant } from './jira-instant';
import type { IssueHistoryData } from './types';

const EXAMPLES = join(__dirname, '../../../examples');
const read = (file: string): unknown => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));

const statuses: StatusCatalog = (() => {
  const result = parseStatuses(read('statuses.json'));
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p, 'statuses.json')).join('\n'));
  return result.value;
})();

const issueFiles = readdirSync(join(EXAMPLES, 'issues')).filter((file) => file.endsWith('.json'));

function dataOf(file: string): IssueHistoryData {
  const result = parseIssue(read(join('issues', file)), { statuses });
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p, file)).join('\n'));
  return result.value;
}

const historyOfFile = (file: string): IssueHistory => historyOf(dataOf(file));

/** A Jira timestamp in the examples' zone (`+0100`). */
const at = (text: string) => {
  const instant = parseJiraInstant(`${text}+0100`);
  if (instant === undefined) throw new Error(text);
  return instant;
};

describe('the example issues', () => {
  it('are all there', () => {
    expect(issueFiles).toEqual(expect.arrayContaining(['IT-42.json', 'IT-43.json', 'IT-44.json']));
  });

  it.each(issueFiles)(
    '%s parses, and gives the same history with its changelog in the other order',
    (file) => {
      const json = read(join('issues', file)) as { changelog: { histories: unknown[] } };
      const reversed = {
        ...json,
        changelog: { ...json.changelog, histories: [...json.changelog.histories].reverse() },
      };
      const again = parseIssue(reversed, { statuses });
      expect(again).toEqual({ ok: true, value: dataOf(file) });
    },
  );
});

describe('IT-42: first response, waiting for customer, priority raised, escalated, resolved', () => {
  const h = historyOfFile('IT-42.json');

  it('was created in "Waiting for support" (To Do), for Acme Corp, as "Report a system problem"', () => {
    const created = h.at(h.created);
    expect(created.get('status')).toEqual(['waiting for support', '10001']);
    expect(created.get('statusCategory')).toEqual(['new', 'to do', '2']);
    expect(created.get('organizations')).toEqual(['acme corp', '1']);
    expect(created.get(resolveFieldName('Request Type'))).toEqual(['report a system problem', '10']);
    expect(created.get('assignee')).toEqual([]);
  });

  it('got its first public agent comment at 09:14, after an automated acknowledgement', () => {
    const comments = h.events.flatMap((e) => (e.kind === 'comment' ? [e] : []));
    expect(comments.map((c) => `${c.by}${c.public ? '' : ' (internal)'}`)).toEqual([
      'app',
      'agent',
      'agent (internal)',
      'customer',
      'agent (internal)',
      'agent',
      'customer',
    ]);
    expect(comments.find((c) => c.by === 'agent' && c.public)?.at).toBe(at('2026-03-02T09:14:31.540'));
  });

  it('waited for the customer twice', () => {
    const waits = h.events.flatMap((e) =>
      e.kind === 'status' && e.to.name === 'Waiting for customer' ? [e.at] : [],
    );
    expect(waits).toEqual([at('2026-03-02T09:15:10.305'), at('2026-03-02T15:11:40.093')]);
  });

  it('went from Medium to High at 11:30, and from First to Second Level at 13:05', () => {
    expect(h.at(at('2026-03-02T11:30:00.000')).get('priority')).toEqual(['medium', '3']);
    expect(h.at(at('2026-03-02T11:30:47.019')).get('priority')).toEqual(['high', '2']);
    const team = resolveFieldName('Team');
    expect(h.at(h.created).get(team)).toEqual(['first level', '10020']);
    expect(h.at(at('2026-03-02T13:05:26.448')).get(team)).toEqual(['second level', '10021']);
    expect(h.events).toContainEqual({
      kind: 'field',
      at: at('2026-03-02T13:05:26.448'),
      field: 'customfield_10050',
      names: ['customfield_10050', 'name:team'],
      from: ['first level', '10020'],
      to: ['second level', '10021'],
    });
  });

  it('was resolved on 3 March at 09:20 and closed by automation three days later', () => {
    expect(h.events.filter((e) => e.kind === 'resolution')).toEqual([
      { kind: 'resolution', at: at('2026-03-03T09:20:13.602'), change: 'set' },
    ]);
    expect(h.at(at('2026-03-03T09:20:13.601')).get('resolution')).toEqual([]);
    expect(h.at(at('2026-03-06T09:20:13.900')).get('status')).toEqual(['closed', '6']);
  });
});

describe('IT-43: resolved, reopened by the customer, resolved again', () => {
  const h = historyOfFile('IT-43.json');

  it('has its resolution set, cleared and set again', () => {
    expect(h.events.flatMap((e) => (e.kind === 'resolution' ? [e.change] : []))).toEqual([
      'set',
      'cleared',
      'set',
    ]);
  });

  it('went back from a Done status to a To Do one when reopened', () => {
    const reopen = h.events.find((e) => e.kind === 'status' && e.from?.category === 'done');
    expect(reopen).toEqual({
      kind: 'status',
      at: at('2026-03-05T08:30:03.311'),
      from: { id: '10004', name: 'Resolved', category: 'done' },
      to: { id: '10001', name: 'Waiting for support', category: 'new' },
    });
  });
});

describe('IT-44: an incident an employee reported', () => {
  const h = historyOfFile('IT-44.json');

  it("counts the reporter's comments as the customer's, though the account is not a customer account", () => {
    expect(h.events.flatMap((e) => (e.kind === 'comment' ? [e.by] : []))).toEqual([
      'customer',
      'agent',
      'agent',
    ]);
  });

  it('had no organization until the agent added Acme Corp', () => {
    expect(h.at(at('2026-03-09T08:07:12.959')).get('organizations')).toEqual([]);
    expect(h.at(at('2026-03-09T08:07:12.960')).get('organizations')).toEqual(['acme corp', '1']);
    expect(h.at(h.created).get('priority')).toEqual(['high', '2']);
  });
});
