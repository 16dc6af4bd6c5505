import fc from 'fast-check';
import { formatProblem } from '../errors';
import { resolveFieldName } from '../fields';
import { historyOf, type IssueHistory } from './history';
import { parseIssue, type ParseIssueOptions } from './parse-issue';
import { parseStatuses, type StatusCatalog } from './status-catalog';
import {
  PRIORITIES,
  STATUSES,
  USERS,
  assigneeItem,
  componentItem,
  customItem,
  instant,
  jiraStatus,
  labelsItem,
  makeIssue,
  priorityItem,
  resolutionItem,
  statusItem,
  type IssueSpec,
} from './testing';

function history(spec: IssueSpec, options?: ParseIssueOptions): IssueHistory {
  const result = parseIssue(makeIssue(spec), options);
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
  return historyOf(result.value);
}

/** The value of `field` at local time `at`. */
const valueOf = (h: IssueHistory, field: string, at: string): readonly string[] =>
  h.at(instant(at)).get(field);

const catalog: StatusCatalog = (() => {
  const result = parseStatuses(Object.values(STATUSES).map(jiraStatus));
  if (!result.ok) throw new Error('catalog');
  return result.value;
})();

const { waitingForSupport, waitingForCustomer, inProgress, escalated, resolved, closed } = STATUSES;
const DONE = { id: '10000', name: 'Done' };

describe('walking back from the current fields', () => {
  it('gives the status before a transition from the item, after it from the current fields', () => {
    const h = history({
      fields: { status: jiraStatus(inProgress) },
      histories: [{ at: '2026-03-02T10:00', items: [statusItem(waitingForSupport, inProgress)] }],
    });
    expect(valueOf(h, 'status', '2026-03-02T09:00')).toEqual(['waiting for support', '10001']);
    expect(valueOf(h, 'status', '2026-03-02T09:59')).toEqual(['waiting for support', '10001']);
    expect(valueOf(h, 'status', '2026-03-02T10:00')).toEqual(['in progress', '3']);
  });

  it('undoes several transitions in turn, whatever order the changelog lists them in', () => {
    const histories = [
      { at: '2026-03-02T10:00', items: [statusItem(waitingForSupport, inProgress)] },
      { at: '2026-03-02T11:00', items: [statusItem(inProgress, waitingForCustomer)] },
      { at: '2026-03-02T12:00', items: [statusItem(waitingForCustomer, inProgress)] },
    ];
    const fields = { status: jiraStatus(inProgress) };
    for (const order of [histories, [...histories].reverse()]) {
      const h = history({ fields, histories: order });
      expect(valueOf(h, 'status', '2026-03-02T09:30')).toContain('waiting for support');
      expect(valueOf(h, 'status', '2026-03-02T10:30')).toContain('in progress');
      expect(valueOf(h, 'status', '2026-03-02T11:30')).toContain('waiting for customer');
      expect(valueOf(h, 'status', '2026-03-02T12:30')).toContain('in progress');
    }
  });

  it('follows priority by name and id', () => {
    const h = history({
      fields: { priority: PRIORITIES.high },
      histories: [{ at: '2026-03-02T11:00', items: [priorityItem(PRIORITIES.medium, PRIORITIES.high)] }],
    });
    expect(valueOf(h, 'priority', '2026-03-02T10:59')).toEqual(['medium', '3']);
    expect(valueOf(h, 'priority', '2026-03-02T11:00')).toEqual(['high', '2']);
  });

  it('knows a past assignee by account id, name and, when the issue shows that user elsewhere, e-mail', () => {
    const h = history({
      fields: { assignee: USERS.ben },
      histories: [
        { at: '2026-03-02T09:30', author: USERS.alana, items: [assigneeItem(null, USERS.alana)] },
        { at: '2026-03-02T12:00', author: USERS.alana, items: [assigneeItem(USERS.alana, USERS.ben)] },
      ],
    });
    expect(valueOf(h, 'assignee', '2026-03-02T09:00')).toEqual([]);
    expect(valueOf(h, 'assignee', '2026-03-02T10:00')).toEqual([
      'alana grant',
      '5b10a2844c20165700ede21g',
      'alana@provider.example',
    ]);
    expect(valueOf(h, 'assignee', '2026-03-02T12:00')).toEqual([
      '5b109f2e9729b51b54dc274d',
      'ben second-level',
    ]);
  });

  it('reads labels from the whole list each item carries', () => {
    const h = history({
      fields: { labels: ['vpn', 'remote'] },
      histories: [
        { at: '2026-03-02T10:00', items: [labelsItem([], ['vpn'])] },
        { at: '2026-03-02T11:00', items: [labelsItem(['vpn'], ['vpn', 'remote'])] },
      ],
    });
    expect(valueOf(h, 'labels', '2026-03-02T09:00')).toEqual([]);
    expect(valueOf(h, 'labels', '2026-03-02T10:00')).toEqual(['vpn']);
    expect(valueOf(h, 'labels', '2026-03-02T11:00')).toEqual(['vpn', 'remote']);
  });

  it('undoes component items one added or removed component at a time', () => {
    const network = { id: '10100', name: 'Network' };
    const vpn = { id: '10101', name: 'VPN' };
    const h = history({
      fields: { components: [{ self: 'https://acme.atlassian.net/rest/api/3/component/10101', ...vpn }] },
      histories: [
        { at: '2026-03-02T10:00', items: [componentItem({ add: network })] },
        { at: '2026-03-02T11:00', items: [componentItem({ add: vpn })] },
        { at: '2026-03-02T12:00', items: [componentItem({ remove: network })] },
      ],
    });
    expect(valueOf(h, 'components', '2026-03-02T09:00')).toEqual([]);
    expect(valueOf(h, 'components', '2026-03-02T10:30')).toEqual(['network', '10100']);
    expect([...valueOf(h, 'components', '2026-03-02T11:30')].sort()).toEqual([
      '10100',
      '10101',
      'network',
      'vpn',
    ]);
    expect(valueOf(h, 'components', '2026-03-02T12:00')).toEqual(['vpn', '10101']);
  });

  it('follows a custom field by id and by the name `names` gives it', () => {
    const team = 'customfield_10050';
    const h = history({
      fields: {
        [team]: {
          self: 'https://acme.atlassian.net/rest/api/3/customFieldOption/10021',
          value: 'Second Level',
          id: '10021',
        },
      },
      names: { [team]: 'Team' },
      histories: [
        {
          at: '2026-03-02T11:00',
          items: [
            customItem(
              team,
              'Team',
              { id: '10020', name: 'First Level' },
              { id: '10021', name: 'Second Level' },
            ),
          ],
        },
      ],
    });
    expect(valueOf(h, team, '2026-03-02T10:00')).toEqual(['first level', '10020']);
    expect(valueOf(h, resolveFieldName('Team'), '2026-03-02T10:00')).toEqual(['first level', '10020']);
    expect(valueOf(h, resolveFieldName('cf[10050]'), '2026-03-02T11:00')).toEqual(['second level', '10021']);
  });

  it('matches an item without fieldId (older changelogs) to its custom field through `names`', () => {
    const h = history({
      fields: { customfield_10050: { value: 'Second Level', id: '10021' } },
      names: { customfield_10050: 'Team' },
      histories: [
        {
          at: '2026-03-02T11:00',
          items: [
            customItem(
              undefined,
              'Team',
              { id: '10020', name: 'First Level' },
              { id: '10021', name: 'Second Level' },
            ),
          ],
        },
      ],
    });
    expect(valueOf(h, 'customfield_10050', '2026-03-02T10:00')).toEqual(['first level', '10020']);
  });

  it('knows a custom field that is empty now by the name its changelog items give it', () => {
    const h = history({
      fields: { customfield_10060: null },
      histories: [
        {
          at: '2026-03-02T10:00',
          items: [customItem('customfield_10060', 'Root cause', null, { id: '10030', name: 'Network' })],
        },
        {
          at: '2026-03-02T11:00',
          items: [customItem('customfield_10060', 'Root cause', { id: '10030', name: 'Network' }, null)],
        },
      ],
    });
    expect(valueOf(h, 'name:root cause', '2026-03-02T10:30')).toEqual(['network', '10030']);
    expect(valueOf(h, 'customfield_10060', '2026-03-02T10:30')).toEqual(['network', '10030']);
    expect(valueOf(h, 'customfield_10060', '2026-03-02T11:00')).toEqual([]);
  });

  it('reads multi-select sides: bracketed ids beside comma-separated values', () => {
    const h = history({
      fields: {
        customfield_10922: [
          { value: 'Fulfilment', id: '10218' },
          { value: 'Supply', id: '10244' },
        ],
      },
      histories: [
        {
          at: '2026-03-02T10:00',
          items: [
            {
              field: 'Dev Team',
              fieldtype: 'custom',
              fieldId: 'customfield_10922',
              from: '[10244]',
              fromString: 'Supply',
              to: '[10218, 10244]',
              toString: 'Fulfilment,Supply',
            },
          ],
        },
      ],
    });
    expect(valueOf(h, 'name:dev team', '2026-03-02T09:30')).toEqual(['supply', '10244']);
    expect(valueOf(h, 'name:dev team', '2026-03-02T10:00')).toEqual([
      'fulfilment',
      '10218',
      'supply',
      '10244',
    ]);
  });

  it("finds JSM's request type and organizations by their shape, whatever their custom field ids", () => {
    const h = history({
      fields: {
        customfield_10010: {
          _links: { jiraRest: 'https://acme.atlassian.net/rest/api/2/issue/10042' },
          requestType: { id: '12', name: 'Get IT help', serviceDeskId: '1' },
          currentStatus: { status: 'Waiting for support', statusCategory: 'NEW' },
        },
        customfield_10002: [
          {
            id: '1',
            name: 'Acme',
            _links: { self: 'https://acme.atlassian.net/rest/servicedeskapi/organization/1' },
          },
        ],
      },
      histories: [
        {
          at: '2026-03-02T10:00',
          items: [
            {
              field: 'Customer Request Type',
              fieldtype: 'custom',
              fieldId: 'customfield_10010',
              from: 'it/problem',
              fromString: 'Report a system problem',
              to: 'it/help',
              toString: 'Get IT help',
            },
            {
              field: 'Organizations',
              fieldtype: 'custom',
              fieldId: 'customfield_10002',
              from: null,
              fromString: null,
              to: '[1]',
              toString: '[Acme]',
            },
          ],
        },
      ],
    });
    expect(valueOf(h, resolveFieldName('Request Type'), '2026-03-02T09:30')).toEqual([
      'report a system problem',
      'it/problem',
    ]);
    expect(valueOf(h, 'requestType', '2026-03-02T10:00')).toEqual(['get it help', '12']);
    expect(valueOf(h, 'customfield_10010', '2026-03-02T10:00')).toEqual(['get it help', '12']);
    expect(valueOf(h, 'organizations', '2026-03-02T09:30')).toEqual([]);
    expect(valueOf(h, resolveFieldName('Organizations'), '2026-03-02T10:00')).toEqual(['acme', '1']);
  });

  it('gives a moved issue its old project, key included', () => {
    const h = history({
      histories: [
        {
          at: '2026-03-02T10:00',
          items: [
            { field: 'Key', fieldtype: 'jira', from: null, fromString: 'OPS-7', to: null, toString: 'IT-42' },
            {
              field: 'project',
              fieldtype: 'jira',
              fieldId: 'project',
              from: '10001',
              fromString: 'Operations',
              to: '10000',
              toString: 'IT Service Desk',
            },
          ],
        },
      ],
    });
    expect(valueOf(h, 'project', '2026-03-02T09:30')).toEqual(['operations', '10001', 'ops']);
    expect(valueOf(h, 'project', '2026-03-02T10:00')).toEqual(['it service desk', 'it', '10000']);
  });

  it('skips items it does not follow or cannot read, and keeps going', () => {
    const h = history({
      fields: { priority: PRIORITIES.high },
      histories: [
        {
          at: '2026-03-02T10:00',
          items: [
            {
              field: 'Attachment',
              fieldtype: 'jira',
              fieldId: 'attachment',
              from: null,
              to: '10200',
              toString: 'screenshot.png',
            },
            {
              field: 'Rank',
              fieldtype: 'custom',
              fieldId: 'customfield_10019',
              from: '',
              fromString: '',
              to: '',
              toString: 'Ranked higher',
            },
            'not an item',
            { field: '' },
            { field: 'summary', fieldtype: 'jira' },
            priorityItem(PRIORITIES.medium, PRIORITIES.high),
          ],
        },
      ],
    });
    expect(valueOf(h, 'priority', '2026-03-02T09:30')).toEqual(['medium', '3']);
    expect(h.events.map((e) => e.kind)).toEqual(['created', 'field']);
  });
});

describe('status categories', () => {
  const transitions: IssueSpec = {
    fields: { status: jiraStatus(escalated) },
    histories: [{ at: '2026-03-02T10:00', items: [statusItem(waitingForSupport, escalated)] }],
  };

  it('come from the statuses catalog for statuses the issue has left', () => {
    const h = history(transitions, { statuses: catalog });
    expect(valueOf(h, 'statusCategory', '2026-03-02T09:30')).toEqual(['new', 'to do', '2']);
    expect(valueOf(h, 'statusCategory', '2026-03-02T10:00')).toEqual(['indeterminate', 'in progress', '4']);
    expect(h.events.find((e) => e.kind === 'status')).toMatchObject({
      from: { id: '10001', name: 'Waiting for support', category: 'new' },
      to: { id: '10003', name: 'Escalated', category: 'indeterminate' },
    });
  });

  it('are found by name when the catalog does not know the id', () => {
    const renumbered = { ...waitingForSupport, id: '20001' };
    const h = history(
      { ...transitions, histories: [{ at: '2026-03-02T10:00', items: [statusItem(renumbered, escalated)] }] },
      { statuses: catalog },
    );
    expect(valueOf(h, 'statusCategory', '2026-03-02T09:30')).toEqual(['new', 'to do', '2']);
  });

  it('are unknown without a catalog, except for the current status', () => {
    const h = history(transitions);
    expect(valueOf(h, 'statusCategory', '2026-03-02T09:30')).toEqual([]);
    expect(valueOf(h, 'statusCategory', '2026-03-02T10:00')).toEqual(['indeterminate', 'in progress', '4']);
    expect(h.events.find((e) => e.kind === 'status')).toEqual({
      kind: 'status',
      at: instant('2026-03-02T10:00'),
      from: { id: '10001', name: 'Waiting for support' },
      to: { id: '10003', name: 'Escalated', category: 'indeterminate' },
    });
  });
});

describe('comments', () => {
  const employee = {
    accountId: '5c1e3f5a7b9d',
    displayName: 'Erin Employee',
    accountType: 'atlassian',
  } as const;
  const byOf = (spec: IssueSpec) =>
    history(spec).events.flatMap((e) =>
      e.kind === 'comment' ? [`${e.by}${e.public ? '' : ' (internal)'}`] : [],
    );

  it('tell customers, agents, apps and internal notes apart', () => {
    expect(
      byOf({
        comments: [
          { at: '2026-03-02T09:10', author: USERS.automation, text: 'We received your request.' },
          { at: '2026-03-02T09:20', author: USERS.alana },
          {
            at: '2026-03-02T09:30',
            author: USERS.alana,
            internal: true,
            text: 'Probably the new firewall rule.',
          },
          { at: '2026-03-02T09:40', author: USERS.carla, text: 'Still broken.' },
        ],
      }),
    ).toEqual(['app', 'agent', 'agent (internal)', 'customer']);
  });

  it('count an employee who reported the issue as the customer', () => {
    expect(
      byOf({
        fields: { reporter: employee },
        comments: [
          { at: '2026-03-02T09:40', author: employee },
          { at: '2026-03-02T09:50', author: USERS.alana },
        ],
      }),
    ).toEqual(['customer', 'agent']);
  });

  it('ask who the reporter was when the comment was written', () => {
    const reporterItem = {
      field: 'reporter',
      fieldtype: 'jira',
      fieldId: 'reporter',
      from: employee.accountId,
      fromString: employee.displayName,
      to: USERS.carla.accountId,
      toString: USERS.carla.displayName,
    } as const;
    expect(
      byOf({
        fields: { reporter: USERS.carla },
        histories: [{ at: '2026-03-02T10:00', items: [reporterItem] }],
        comments: [
          { at: '2026-03-02T09:40', author: employee },
          { at: '2026-03-02T10:40', author: employee },
        ],
      }),
    ).toEqual(['customer', 'agent']);
  });

  it('are public unless jsdPublic is false', () => {
    const issue = makeIssue({ comments: [{ at: '2026-03-02T09:40' }] }) as {
      fields: { comment: { comments: Record<string, unknown>[] } };
    };
    delete issue.fields.comment.comments[0]!.jsdPublic;
    const result = parseIssue(issue);
    expect(result.ok && historyOf(result.value).events[1]).toMatchObject({ kind: 'comment', public: true });
  });
});

describe('one changelog entry with several items', () => {
  it('gives their events at one instant, in changelog order, one field event per field', () => {
    const h = history(
      {
        fields: { status: jiraStatus(resolved), resolution: DONE, assignee: USERS.alana },
        histories: [
          {
            at: '2026-03-02T15:00',
            items: [
              statusItem(inProgress, resolved),
              resolutionItem(null, DONE),
              assigneeItem(null, USERS.alana),
            ],
          },
        ],
      },
      { statuses: catalog },
    );
    const at = instant('2026-03-02T15:00');
    expect(h.events.slice(1)).toEqual([
      {
        kind: 'status',
        at,
        from: { id: '3', name: 'In Progress', category: 'indeterminate' },
        to: { id: '10004', name: 'Resolved', category: 'done' },
      },
      {
        kind: 'field',
        at,
        field: 'status',
        names: ['status'],
        from: ['in progress', '3'],
        to: ['resolved', '10004'],
      },
      {
        kind: 'field',
        at,
        field: 'statusCategory',
        names: ['statusCategory'],
        from: ['indeterminate', 'in progress', '4'],
        to: ['done', '3'],
      },
      { kind: 'resolution', at, change: 'set' },
      { kind: 'field', at, field: 'resolution', names: ['resolution'], from: [], to: ['done', '10000'] },
      { kind: 'assignee', at, change: 'set' },
      {
        kind: 'field',
        at,
        field: 'assignee',
        names: ['assignee'],
        from: [],
        to: expect.arrayContaining(['alana grant']) as unknown,
      },
    ]);
  });

  it('composes two items on one field and writes a single field event', () => {
    const h = history({
      fields: {
        components: [
          { id: '10100', name: 'Network' },
          { id: '10101', name: 'VPN' },
        ],
      },
      histories: [
        {
          at: '2026-03-02T10:00',
          items: [
            componentItem({ add: { id: '10100', name: 'Network' } }),
            componentItem({ add: { id: '10101', name: 'VPN' } }),
          ],
        },
      ],
    });
    expect(valueOf(h, 'components', '2026-03-02T09:59')).toEqual([]);
    expect(h.events.filter((e) => e.kind === 'field')).toHaveLength(1);
  });
});

describe('assignee and resolution events', () => {
  it('say whether the field was set, cleared or changed', () => {
    const h = history({
      fields: { status: jiraStatus(closed), resolution: DONE, assignee: null },
      histories: [
        { at: '2026-03-02T10:00', items: [assigneeItem(null, USERS.alana)] },
        { at: '2026-03-02T11:00', items: [assigneeItem(USERS.alana, USERS.ben)] },
        { at: '2026-03-02T12:00', items: [resolutionItem(null, DONE)] },
        { at: '2026-03-02T13:00', items: [resolutionItem(DONE, null)] },
        { at: '2026-03-02T14:00', items: [resolutionItem(null, DONE), assigneeItem(USERS.ben, null)] },
      ],
    });
    expect(
      h.events.flatMap((e) =>
        e.kind === 'assignee' || e.kind === 'resolution' ? [`${e.kind} ${e.change}`] : [],
      ),
    ).toEqual([
      'assignee set',
      'assignee changed',
      'resolution set',
      'resolution cleared',
      'resolution set',
      'assignee cleared',
    ]);
  });
});

describe('invalid input', () => {
  const problemsOf = (json: unknown, options?: ParseIssueOptions): string[] => {
    const result = parseIssue(json, options);
    return result.ok ? [] : result.problems.map((p) => formatProblem(p));
  };
  const withHistories = (histories: unknown[]): Record<string, unknown> => ({
    ...makeIssue(),
    changelog: { histories },
  });
  const entry = (created: unknown) => ({ id: '1', created, items: [] });

  it('names the JSON path of a bad changelog timestamp', () => {
    const json = withHistories([
      entry('2026-03-02T10:00:00.000+0100'),
      entry('2026-03-02T11:00:00.000+0100'),
      entry('2026-03-02T12:00:00.000+0100'),
      entry('yesterday'),
    ]);
    expect(problemsOf(json)).toEqual([
      '$.changelog.histories[3].created: not an ISO instant: "yesterday" [issue.invalid]',
    ]);
  });

  it('reports every problem at once, under the path given', () => {
    const json = {
      ...withHistories([entry(42), 'x']),
      key: undefined,
      fields: { created: '2026-03-02T25:00:00.000+0100' },
    };
    expect(problemsOf(json, { path: '$[7]' })).toEqual([
      '$[7].key: expected an issue key, got nothing [issue.invalid]',
      '$[7].fields.created: not an ISO instant: "2026-03-02T25:00:00.000+0100" [issue.invalid]',
      '$[7].changelog.histories[0].created: expected an ISO instant, got 42 [issue.invalid]',
      '$[7].changelog.histories[1]: expected a changelog entry object, got "x" [issue.invalid]',
    ]);
  });

  it.each([
    ['an array', [], '$: expected an issue object, got an array'],
    ['null', null, '$: expected an issue object, got null'],
    ['no fields', { key: 'IT-1', id: '1' }, '$.fields: expected an object, got nothing'],
    [
      'no created',
      { key: 'IT-1', id: '1', fields: {} },
      '$.fields.created: expected an ISO instant, got nothing',
    ],
    ['no id', { key: 'IT-1', fields: { created: '2026-03-02' } }, '$.id: expected an issue id, got nothing'],
    [
      'histories not an array',
      { ...makeIssue(), changelog: { histories: {} } },
      '$.changelog.histories: expected an array, got an object',
    ],
    [
      'changelog not an object',
      { ...makeIssue(), changelog: [] },
      '$.changelog: expected an object, got an array',
    ],
    [
      'items not an array',
      withHistories([{ id: '1', created: '2026-03-02T10:00:00.000+0100', items: 'status' }]),
      '$.changelog.histories[0].items: expected an array, got "status"',
    ],
    [
      'an odd history id',
      withHistories([{ id: true, created: '2026-03-02T10:00:00.000+0100', items: [] }]),
      '$.changelog.histories[0].id: expected an id, got true',
    ],
  ])('rejects %s', (_label, json, problem) => {
    expect(problemsOf(json)).toEqual([`${problem} [issue.invalid]`]);
  });

  it('checks comments too', () => {
    const json = makeIssue() as { fields: Record<string, unknown> };
    json.fields.comment = {
      comments: [{ id: '1', created: '2026-03-02T10:00:00.000+0100' }, { id: '2', created: 'soon' }, 7],
    };
    expect(problemsOf(json)).toEqual([
      '$.fields.comment.comments[1].created: not an ISO instant: "soon" [issue.invalid]',
      '$.fields.comment.comments[2]: expected a comment object, got 7 [issue.invalid]',
    ]);
    json.fields.comment = { comments: 'none' };
    expect(problemsOf(json)).toEqual([
      '$.fields.comment.comments: expected an array, got "none" [issue.invalid]',
    ]);
  });

  it('does not throw on anything JSON can hold', () => {
    for (const json of [
      undefined,
      0,
      'IT-1',
      true,
      { fields: [] },
      {
        key: 'IT-1',
        id: 1,
        fields: { created: '2026-03-02T10:00:00Z', status: 'Open', labels: 'x', components: {} },
      },
    ]) {
      expect(() => parseIssue(json)).not.toThrow();
    }
  });
});

describe('robustness', () => {
  /** Every path to a value inside `json`, as property lists. */
  const pathsOf = (json: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
    if (typeof json !== 'object' || json === null) return [prefix];
    const entries = Array.isArray(json) ? json.map((v, i) => [i, v] as const) : Object.entries(json);
    return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  };
  const replaced = (json: unknown, path: readonly (string | number)[], value: unknown): unknown => {
    const [head, ...rest] = path;
    if (head === undefined) return value;
    const copy = (Array.isArray(json) ? [...json] : { ...(json as object) }) as Record<
      string | number,
      unknown
    >;
    copy[head] = replaced(copy[head], rest, value);
    return copy;
  };

  // Whatever a proxy, a hand-edited file or a future Jira puts anywhere in the reply, the answer is a value.
  it('never throws when any part of a reply is replaced by any JSON value', () => {
    const issue = makeIssue({
      fields: {
        status: jiraStatus(inProgress),
        components: [{ id: '1', name: 'VPN' }],
        customfield_10050: { value: 'L2', id: '7' },
      },
      names: { customfield_10050: 'Team' },
      histories: [
        {
          at: '2026-03-02T10:00',
          items: [
            statusItem(waitingForSupport, inProgress),
            componentItem({ add: { id: '1', name: 'VPN' } }),
          ],
        },
        {
          at: '2026-03-02T11:00',
          items: [
            customItem('customfield_10050', 'Team', null, { id: '7', name: 'L2' }),
            labelsItem([], ['x']),
          ],
        },
      ],
      comments: [{ at: '2026-03-02T10:30', author: USERS.carla }],
    });
    const paths = pathsOf(issue);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const result = parseIssue(replaced(issue, path, value));
        if (result.ok) historyOf(result.value).at(instant('2026-03-02T10:30')).get('status');
      }),
      { numRuns: 500 },
    );
  });
});
