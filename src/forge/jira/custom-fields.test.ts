import type { CustomFieldUpdate } from '../../app/ports';
import { customFieldKeys, MAX_VALUES_PER_REQUEST } from './custom-fields';
import { ForgeJira } from './forge-jira';
import { FakeJira, noContent, recordingSleep, times } from './testing';

const APP = 'ari:cloud:ecosystem::app/4886f49a-482d-41ba-bd73-6aeb5ee40e0f';
const STATE = '4886f49a-482d-41ba-bd73-6aeb5ee40e0f__PRODUCTION__accord-sla-state';
const DEADLINE = '4886f49a-482d-41ba-bd73-6aeb5ee40e0f__PRODUCTION__accord-next-deadline';

describe('customFieldKeys', () => {
  it('name the fields as Jira does: app UUID, environment type, module key', () => {
    expect(customFieldKeys({ appId: APP, environment: 'PRODUCTION' })).toEqual({
      'next-deadline': DEADLINE,
      'sla-state': STATE,
    });
    expect(
      customFieldKeys({ appId: '4886f49a-482d-41ba-bd73-6aeb5ee40e0f', environment: 'production' }),
    ).toEqual(customFieldKeys({ appId: APP, environment: 'PRODUCTION' }));
  });

  it('refuse a missing app id', () => {
    expect(() => customFieldKeys({ appId: '', environment: 'PRODUCTION' })).toThrow(/app id/);
  });
});

describe('setCustomFields', () => {
  function adapterOver(jira: FakeJira) {
    const { sleep } = recordingSleep();
    return new ForgeJira({ fetch: jira.fetch, appId: APP, environment: 'PRODUCTION', sleep });
  }
  type Entry = { customField: string; issueIds: number[]; value: string | null };
  const entriesOf = (jira: FakeJira) => jira.calls.map((c) => (c.body as { updates: Entry[] }).updates);

  it('groups issues that get the same value of the same field into one entry, without a changelog', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/app/field/value', noContent);
    const updates: CustomFieldUpdate[] = [
      { issueId: '10001', field: 'sla-state', value: 'breached' },
      { issueId: '10002', field: 'sla-state', value: 'breached' },
      { issueId: '10003', field: 'sla-state', value: 'running' },
      { issueId: '10001', field: 'next-deadline', value: '2026-03-02T13:00:00.000Z' },
      { issueId: '10002', field: 'next-deadline', value: null },
      { issueId: '10003', field: 'next-deadline', value: null },
      { issueId: '10004', field: 'sla-state', value: 'null' }, // the text "null" is not a clear
    ];

    await adapterOver(jira).setCustomFields(updates);

    expect(jira.calls).toHaveLength(1);
    const [call] = jira.calls;
    expect(call?.as).toBe('app');
    expect(call?.query.get('generateChangelog')).toBe('false');
    expect(call?.query.get('generateAppEvents')).toBe('false');
    expect(entriesOf(jira)[0]).toEqual([
      { customField: STATE, value: 'breached', issueIds: [10001, 10002] },
      { customField: STATE, value: 'running', issueIds: [10003] },
      { customField: DEADLINE, value: '2026-03-02T13:00:00.000Z', issueIds: [10001] },
      { customField: DEADLINE, value: null, issueIds: [10002, 10003] },
      { customField: STATE, value: 'null', issueIds: [10004] },
    ]);
  });

  it('sends each field of an issue once, with its last value', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/app/field/value', noContent);

    await adapterOver(jira).setCustomFields([
      { issueId: '10001', field: 'sla-state', value: 'running' },
      { issueId: '10001', field: 'sla-state', value: 'breached' },
    ]);

    expect(entriesOf(jira)).toEqual([[{ customField: STATE, value: 'breached', issueIds: [10001] }]]);
  });

  it('splits at 1,000 values a request', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/app/field/value', noContent);
    const updates = times(1250, (i): CustomFieldUpdate[] => [
      { issueId: String(10000 + i), field: 'sla-state', value: 'running' },
      { issueId: String(10000 + i), field: 'next-deadline', value: '2026-03-02T13:00:00.000Z' },
    ]).flat();

    await adapterOver(jira).setCustomFields(updates);

    const sizes = entriesOf(jira).map((entries) => entries.reduce((n, e) => n + e.issueIds.length, 0));
    expect(sizes).toEqual([MAX_VALUES_PER_REQUEST, MAX_VALUES_PER_REQUEST, 500]);
    expect(entriesOf(jira).every((entries) => entries.length <= 2)).toBe(true);
  });

  it('makes no call for no updates', async () => {
    const jira = new FakeJira();
    await adapterOver(jira).setCustomFields([]);
    expect(jira.calls).toEqual([]);
  });

  it('refuses an issue key, since the endpoint takes numeric ids', async () => {
    const jira = new FakeJira();
    await expect(
      adapterOver(jira).setCustomFields([{ issueId: 'SD-1', field: 'sla-state', value: 'running' }]),
    ).rejects.toThrow('setCustomFields needs numeric issue ids, got "SD-1"');
  });
});
