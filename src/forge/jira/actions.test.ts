import { ForgeJira } from './forge-jira';
import { textToAdf } from './adf';
import { FakeJira, noContent, ok, recordingSleep } from './testing';

function adapterOver(jira: FakeJira) {
  const { sleep } = recordingSleep();
  return new ForgeJira({ fetch: jira.fetch, appId: 'app-1', environment: 'DEVELOPMENT', sleep });
}

const created = { status: 201, json: { id: '10100' } };

describe('addComment', () => {
  it('writes an internal note as ADF with JSM’s sd.public.comment property', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/issue/SD-1/comment', created);

    await adapterOver(jira).addComment('SD-1', 'First response is due in 30 minutes.', { internal: true });

    const [call] = jira.calls;
    expect(call?.as).toBe('app');
    expect(call?.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(call?.body).toEqual({
      body: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'First response is due in 30 minutes.' }] },
        ],
      },
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
  });

  it('writes a public reply with internal: false', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/issue/10001/comment', created);

    await adapterOver(jira).addComment('10001', 'We are on it.', { internal: false });

    expect(jira.calls[0]?.body).toMatchObject({
      properties: [{ key: 'sd.public.comment', value: { internal: false } }],
    });
  });
});

describe('marked comments', () => {
  it('writes the marker as a comment property in the same request, and finds it by reading properties', async () => {
    const page = (properties: unknown[]) =>
      ok({
        startAt: 0,
        maxResults: 100,
        total: 1,
        comments: [{ id: '10100', created: '2026-03-02T10:00:00.000+0000', properties }],
      });
    const jira = new FakeJira()
      .on('POST', '/rest/api/3/issue/SD-1/comment', created)
      .on('GET', '/rest/api/3/issue/SD-1/comment', page([{ key: 'accord.action', value: { key: 'k1' } }]));
    const adapter = adapterOver(jira);

    await adapter.addComment('SD-1', 'Breached.', { internal: true, marker: 'k1' });
    expect(jira.calls[0]?.body).toMatchObject({
      properties: [
        { key: 'sd.public.comment', value: { internal: true } },
        { key: 'accord.action', value: { key: 'k1' } },
      ],
    });
    expect(await adapter.hasMarkedComment('SD-1', 'k1')).toBe(true);
    expect(jira.calls[1]?.query.get('expand')).toBe('properties');
    expect(await adapter.hasMarkedComment('SD-1', 'k2')).toBe(false);
  });
});

describe('textToAdf', () => {
  it('makes paragraphs of blank-line blocks and hard breaks of single line breaks', () => {
    expect(textToAdf('SD-1 breached.\r\nOwner: Service Desk\n\n\nPlease escalate.\n')).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'SD-1 breached.' },
            { type: 'hardBreak' },
            { type: 'text', text: 'Owner: Service Desk' },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Please escalate.' }] },
      ],
    });
  });
});

describe('notify', () => {
  it('sends Jira’s notification body with roles, users and groups', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/issue/SD-1/notify', noContent);

    await adapterOver(jira).notify('SD-1', {
      subject: 'SD-1 is at risk',
      body: '2 h left of 4 h.',
      to: ['assignee', 'watchers'],
      groups: ['service-desk-leads'],
      users: ['5b10ac8d82e05b22cc7d4ef5'],
    });

    expect(jira.calls[0]?.body).toEqual({
      subject: 'SD-1 is at risk',
      textBody: '2 h left of 4 h.',
      to: {
        reporter: false,
        assignee: true,
        watchers: true,
        voters: false,
        users: [{ accountId: '5b10ac8d82e05b22cc7d4ef5' }],
        groups: [{ name: 'service-desk-leads' }],
      },
    });
  });
});

describe('assign, setPriority, addLabel', () => {
  it('send the documented bodies', async () => {
    const jira = new FakeJira()
      .on('PUT', '/rest/api/3/issue/SD-1/assignee', noContent)
      .on('PUT', '/rest/api/3/issue/SD-1', noContent);
    const adapter = adapterOver(jira);

    await adapter.assign('SD-1', '5b10ac8d82e05b22cc7d4ef5');
    await adapter.assign('SD-1', null);
    await adapter.setPriority('SD-1', 'Highest');
    await adapter.addLabel('SD-1', 'sla-breached');

    expect(jira.calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['PUT', '/rest/api/3/issue/SD-1/assignee', { accountId: '5b10ac8d82e05b22cc7d4ef5' }],
      ['PUT', '/rest/api/3/issue/SD-1/assignee', { accountId: null }],
      ['PUT', '/rest/api/3/issue/SD-1', { fields: { priority: { name: 'Highest' } } }],
      ['PUT', '/rest/api/3/issue/SD-1', { update: { labels: [{ add: 'sla-breached' }] } }],
    ]);
  });
});

describe('transition', () => {
  const available = ok({
    expand: 'transitions',
    transitions: [
      {
        id: '11',
        name: 'Respond to customer',
        to: { id: '10002', name: 'Waiting for customer' },
        hasScreen: false,
      },
      { id: '21', name: 'Escalate', to: { id: '10003', name: 'Escalated' }, hasScreen: false },
    ],
  });

  it('performs the transition named like the target, case-insensitively', async () => {
    const jira = new FakeJira()
      .on('GET', '/rest/api/3/issue/SD-1/transitions', available)
      .on('POST', '/rest/api/3/issue/SD-1/transitions', noContent);

    await expect(adapterOver(jira).transition('SD-1', 'escalate')).resolves.toBe(true);

    expect(jira.callsTo('POST', '/rest/api/3/issue/SD-1/transitions')[0]?.body).toEqual({
      transition: { id: '21' },
    });
  });

  it('also finds a transition by the status it leads to', async () => {
    const jira = new FakeJira()
      .on('GET', '/rest/api/3/issue/SD-1/transitions', available)
      .on('POST', '/rest/api/3/issue/SD-1/transitions', noContent);

    await adapterOver(jira).transition('SD-1', 'Waiting for Customer');

    expect(jira.callsTo('POST', '/rest/api/3/issue/SD-1/transitions')[0]?.body).toEqual({
      transition: { id: '11' },
    });
  });

  it('answers false and changes nothing when no transition matches', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/issue/SD-1/transitions', available);

    await expect(adapterOver(jira).transition('SD-1', 'Resolved')).resolves.toBe(false);
    expect(jira.calls).toHaveLength(1);
  });
});

describe('hasPermission', () => {
  const granted = (key: string, have: boolean) =>
    ok({ permissions: { [key]: { id: '0', key, name: key, type: 'PROJECT', havePermission: have } } });

  it('asks mypermissions as the user, for a project', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/mypermissions', granted('ADMINISTER_PROJECTS', true));

    const allowed = await adapterOver(jira).hasPermission(
      { as: 'user', accountId: 'agent-1' },
      'ADMINISTER_PROJECTS',
      {
        projectKey: 'SD',
      },
    );

    expect(allowed).toBe(true);
    const [call] = jira.calls;
    expect(call?.as).toBe('user');
    expect(Object.fromEntries(call?.query ?? [])).toEqual({
      permissions: 'ADMINISTER_PROJECTS',
      projectKey: 'SD',
    });
  });

  it('passes an issue id as issueId and a key as issueKey', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/mypermissions', granted('BROWSE_PROJECTS', false));
    const adapter = adapterOver(jira);
    const actor = { as: 'user', accountId: 'customer-1' } as const;

    await expect(adapter.hasPermission(actor, 'BROWSE_PROJECTS', { issueId: '10001' })).resolves.toBe(false);
    await adapter.hasPermission(actor, 'BROWSE_PROJECTS', { issueId: 'SD-1' });

    expect(jira.calls.map((c) => [c.query.get('issueId'), c.query.get('issueKey')])).toEqual([
      ['10001', null],
      [null, 'SD-1'],
    ]);
  });

  it('answers no for an issue the user cannot see (404)', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/mypermissions', {
      status: 404,
      json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'] },
    });
    const allowed = await adapterOver(jira).hasPermission({ as: 'user', accountId: 'x' }, 'BROWSE_PROJECTS', {
      issueId: '10001',
    });
    expect(allowed).toBe(false);
  });
});

describe('isRequestParticipant', () => {
  const request = ok({
    issueId: '10001',
    issueKey: 'SD-1',
    requestTypeId: '25',
    serviceDeskId: '1',
    reporter: { accountId: 'customer-1', displayName: 'Ana Lima', active: true },
  });
  const participants = (values: string[], start: number, isLastPage: boolean) =>
    ok({
      size: values.length,
      start,
      limit: 50,
      isLastPage,
      values: values.map((accountId) => ({ accountId })),
    });

  it('is true for the reporter after one call, made as the user', async () => {
    const jira = new FakeJira().on('GET', '/rest/servicedeskapi/request/SD-1', request);

    await expect(adapterOver(jira).isRequestParticipant('customer-1', 'SD-1')).resolves.toBe(true);
    expect(jira.calls.map((c) => c.as)).toEqual(['user']);
  });

  it('pages the participants', async () => {
    const jira = new FakeJira()
      .on('GET', '/rest/servicedeskapi/request/SD-1', request)
      .on('GET', '/rest/servicedeskapi/request/SD-1/participant', (call) =>
        call.query.get('start') === '0'
          ? participants(['customer-2', 'customer-3'], 0, false)
          : participants(['customer-4'], 2, true),
      );
    const adapter = adapterOver(jira);

    await expect(adapter.isRequestParticipant('customer-4', 'SD-1')).resolves.toBe(true);
    await expect(adapter.isRequestParticipant('customer-9', 'SD-1')).resolves.toBe(false);
  });

  it('is false when the user cannot see the request at all', async () => {
    const jira = new FakeJira().on('GET', '/rest/servicedeskapi/request/SD-1', {
      status: 404,
      json: { errorMessage: 'The request could not be found.', i18nErrorMessage: {} },
    });

    await expect(adapterOver(jira).isRequestParticipant('customer-9', 'SD-1')).resolves.toBe(false);
    expect(jira.calls).toHaveLength(1);
  });
});
