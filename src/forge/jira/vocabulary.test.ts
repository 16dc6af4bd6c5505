import { JiraError } from '../../app/ports';
import { ForgeJira } from './forge-jira';
import { FakeJira, ok, recordingSleep } from './testing';

function adapterOver(jira: FakeJira) {
  const { sleep } = recordingSleep();
  return new ForgeJira({ fetch: jira.fetch, appId: 'app-1', environment: 'DEVELOPMENT', sleep });
}

const FIELDS = [
  { id: 'status', name: 'Status', custom: false, schema: { type: 'status', system: 'status' } },
  {
    id: 'customfield_10010',
    key: 'customfield_10010',
    name: 'Request Type',
    custom: true,
    clauseNames: ['cf[10010]', 'Request Type'],
    schema: {
      type: 'sd-customerrequesttype',
      custom: 'com.atlassian.servicedesk:vp-origin',
      customId: 10010,
    },
  },
  { id: 'issuekey', name: 'Key', custom: false },
];
const requestTypes = (start: number, count: number, isLastPage: boolean) => ({
  start,
  limit: count,
  size: count,
  isLastPage,
  values: Array.from({ length: count }, (_, i) => ({
    id: String(start + i),
    name: `Type ${start + i}`,
    serviceDeskId: '1',
  })),
});

describe('getSiteVocabulary', () => {
  it("reads the site's fields, statuses, priorities and every page of request types, as the app", async () => {
    const jira = new FakeJira()
      .on('GET', '/rest/api/3/field', ok(FIELDS))
      .on('GET', '/rest/api/3/status', ok([{ id: '1', name: 'Open', statusCategory: { key: 'new' } }]))
      .on('GET', '/rest/api/3/priority', ok([{ id: '2', name: 'High', iconUrl: 'x', statusColor: '#f00' }]))
      .on('GET', '/rest/servicedeskapi/requesttype', (call) =>
        Number(call.query.get('start')) === 0
          ? ok(requestTypes(0, 100, false))
          : ok(requestTypes(100, 30, true)),
      );

    const vocabulary = await adapterOver(jira).getSiteVocabulary();

    expect(vocabulary.fields).toEqual([
      { id: 'status', name: 'Status', custom: false, schemaType: 'status' },
      {
        id: 'customfield_10010',
        name: 'Request Type',
        custom: true,
        schemaType: 'sd-customerrequesttype',
        clauseNames: ['cf[10010]', 'Request Type'],
      },
      { id: 'issuekey', name: 'Key', custom: false },
    ]);
    expect(vocabulary.statuses).toEqual([{ id: '1', name: 'Open' }]);
    expect(vocabulary.priorities).toEqual([{ id: '2', name: 'High' }]);
    expect(vocabulary.requestTypes).toHaveLength(130);
    expect(vocabulary.requestTypes[129]).toEqual({ id: '129', name: 'Type 129' });
    const pages = jira.callsTo('GET', '/rest/servicedeskapi/requesttype');
    expect(pages.map((c) => [c.query.get('start'), c.query.get('limit')])).toEqual([
      ['0', '100'],
      ['100', '100'],
    ]);
    expect(jira.calls.every((c) => c.as === 'app')).toBe(true);
  });

  it('has no request types on a site without JSM', async () => {
    const jira = new FakeJira()
      .on('GET', '/rest/api/3/field', ok(FIELDS))
      .on('GET', '/rest/api/3/status', ok([]))
      .on('GET', '/rest/api/3/priority', ok([]))
      .on('GET', '/rest/servicedeskapi/requesttype', { status: 404, json: { errorMessages: ['no'] } });
    expect((await adapterOver(jira).getSiteVocabulary()).requestTypes).toEqual([]);
  });

  it('refuses a reply of another shape with an error naming the call', async () => {
    const jira = new FakeJira()
      .on('GET', '/rest/api/3/field', ok([{ id: 'status' }]))
      .on('GET', '/rest/api/3/priority', ok([]));
    const read = adapterOver(jira).getSiteVocabulary();
    await expect(read).rejects.toThrow(JiraError);
    await expect(read).rejects.toThrow(/GET \/rest\/api\/3\/field replied in an unexpected shape at 0\.name/);
  });
});
