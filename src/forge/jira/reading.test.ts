import { ForgeJira } from './forge-jira';
import {
  changelogPageOf,
  comment,
  commentPageOf,
  FakeJira,
  history,
  issueJson,
  jiraTime,
  ok,
  recordingSleep,
  times,
} from './testing';

function adapterOver(jira: FakeJira) {
  const { sleep, sleeps } = recordingSleep();
  const adapter = new ForgeJira({ fetch: jira.fetch, appId: 'app-1', environment: 'DEVELOPMENT', sleep });
  return { adapter, sleeps };
}

const ids = (list: readonly unknown[]) => list.map((item) => (item as { id: string }).id);

describe('getIssue', () => {
  it('reads a long history from the changelog resource and every comment page, and merges them oldest first', async () => {
    // 250 status changes a minute apart and 130 comments: Jira embeds only the latest 100 histories (newest
    // first) and the first 100 comments, so the rest must be paged in.
    const histories = times(250, (i) => history(1000 + i, i));
    const comments = times(130, (i) => comment(5000 + i, i));
    const jira = new FakeJira()
      .on('GET', '/rest/api/3/issue/10001', ok(issueJson({ histories, comments, updatedMinutes: 300 })))
      .on('GET', '/rest/api/3/issue/10001/changelog', (call) =>
        ok(changelogPageOf(histories, Number(call.query.get('startAt')))),
      )
      .on('GET', '/rest/api/3/issue/10001/comment', (call) =>
        ok(commentPageOf(comments, Number(call.query.get('startAt')))),
      );
    const { adapter } = adapterOver(jira);

    const issue = (await adapter.getIssue('10001')) as {
      changelog: { histories: unknown[]; total: number };
      fields: { comment: { comments: unknown[]; total: number } };
    };

    expect(ids(issue.changelog.histories)).toEqual(ids(histories));
    expect(issue.changelog.total).toBe(250);
    expect(ids(issue.fields.comment.comments)).toEqual(ids(comments));
    expect(issue.fields.comment.total).toBe(130);

    const [first] = jira.calls;
    expect(first?.query.get('expand')).toBe('changelog,names');
    expect(first?.query.get('fields')).toBe('*all');
    expect(
      jira.callsTo('GET', '/rest/api/3/issue/10001/changelog').map((c) => c.query.get('startAt')),
    ).toEqual(['0', '100', '200']);
    const commentCalls = jira.callsTo('GET', '/rest/api/3/issue/10001/comment');
    expect(commentCalls.map((c) => c.query.get('startAt'))).toEqual(['0', '100']);
    expect(commentCalls.every((c) => c.query.get('orderBy') === 'created' && c.as === 'app')).toBe(true);
    expect(jira.calls).toHaveLength(6);
  });

  it('leaves out a change made between reading the issue and reading its changelog', async () => {
    // The fields were read at minute 150; a change at minute 151 is in the later changelog read but not in the
    // fields, and walking back through it would undo a change the fields never had.
    const histories = times(150, (i) => history(1000 + i, i));
    const late = history(2000, 151);
    const jira = new FakeJira()
      .on('GET', '/rest/api/3/issue/10001', ok(issueJson({ histories, comments: [], updatedMinutes: 150 })))
      .on('GET', '/rest/api/3/issue/10001/changelog', (call) =>
        ok(changelogPageOf([...histories, late], Number(call.query.get('startAt')))),
      );
    const { adapter } = adapterOver(jira);

    const issue = (await adapter.getIssue('10001')) as { changelog: { histories: unknown[] } };

    expect(ids(issue.changelog.histories)).toEqual(ids(histories));
  });

  it('costs one call for an issue whose history fits the embedded page, and returns it oldest first', async () => {
    const histories = times(3, (i) => history(1000 + i, i * 10));
    const jira = new FakeJira().on(
      'GET',
      '/rest/api/3/issue/SD-1',
      ok(issueJson({ histories, comments: [comment(5001, 5)], updatedMinutes: 30 })),
    );
    const { adapter } = adapterOver(jira);

    const issue = (await adapter.getIssue('SD-1', { fields: ['status', 'comment', 'updated'] })) as {
      key: string;
      changelog: { histories: unknown[] };
    };

    expect(issue.key).toBe('SD-1');
    expect(ids(issue.changelog.histories)).toEqual(['1001', '1002', '1003']);
    expect(jira.calls).toHaveLength(1);
    expect(jira.calls[0]?.query.get('fields')).toBe('status,comment,updated');
  });

  it('answers undefined for an issue Jira does not know (404), without retrying', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/issue/SD-404', {
      status: 404,
      json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
    const { adapter, sleeps } = adapterOver(jira);

    await expect(adapter.getIssue('SD-404')).resolves.toBeUndefined();
    expect(jira.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('searchIssueIds', () => {
  it('pages with nextPageToken and reports no token on the last page', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/search/jql', (call) =>
      call.query.get('nextPageToken') === null
        ? ok({ issues: [{ id: '10001' }, { id: '10002' }], nextPageToken: 'CAEaAggD', isLast: false })
        : ok({ issues: [{ id: '10003' }], isLast: true }),
    );
    const { adapter } = adapterOver(jira);
    const jql = 'project = SD AND reporter = "Ana Lima" ORDER BY created';

    const first = await adapter.searchIssueIds(jql, { maxResults: 2 });
    expect(first).toEqual({ issueIds: ['10001', '10002'], nextPageToken: 'CAEaAggD' });
    const second = await adapter.searchIssueIds(jql, { maxResults: 2, nextPageToken: 'CAEaAggD' });
    expect(second).toEqual({ issueIds: ['10003'] });

    const [a, b] = jira.calls;
    expect(a?.query.get('jql')).toBe(jql);
    expect(a?.query.get('fields')).toBe('id');
    expect(a?.query.get('maxResults')).toBe('2');
    expect(b?.query.get('nextPageToken')).toBe('CAEaAggD');
  });
});

describe('getIssues', () => {
  it('fetches 100 issues a call with all fields, skips issueErrors, and pages long comment threads', async () => {
    const requested = times(150, (i) => String(10000 + i));
    const longThread = times(120, (i) => comment(7000 + i, i));
    const jira = new FakeJira()
      .on('POST', '/rest/api/3/issue/bulkfetch', (call) => {
        const asked = (call.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys;
        const issues = asked
          .filter((id) => id !== '10007') // deleted meanwhile
          .map((id) => {
            const json = issueJson({
              id,
              histories: [],
              comments: id === '10001' ? longThread : [],
              updatedMinutes: 200,
            });
            return { ...json, changelog: undefined };
          });
        return ok({
          issues,
          issueErrors: asked.includes('10007')
            ? [{ issueIdsOrKeys: ['10007'], status: 404, errorMessages: ['Issue does not exist.'] }]
            : [],
        });
      })
      .on('GET', '/rest/api/3/issue/10001/comment', (call) =>
        ok(commentPageOf(longThread, Number(call.query.get('startAt')))),
      );
    const { adapter } = adapterOver(jira);

    const issues = await adapter.getIssues(requested);

    expect(issues).toHaveLength(149);
    const bulkCalls = jira.callsTo('POST', '/rest/api/3/issue/bulkfetch');
    expect(bulkCalls.map((c) => (c.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([
      100, 50,
    ]);
    expect((bulkCalls[0]?.body as { fields: string[] }).fields).toEqual(['*all']);
    const first = issues[0] as { fields: { comment: { comments: unknown[] } } };
    expect(ids(first.fields.comment.comments)).toEqual(ids(longThread));
  });

  it('makes no call for no ids', async () => {
    const jira = new FakeJira();
    await expect(adapterOver(jira).adapter.getIssues([])).resolves.toEqual([]);
    expect(jira.calls).toEqual([]);
  });
});

describe('getChangelogs', () => {
  it('pages the bulk changelog by token and merges each issue’s histories in order', async () => {
    // Jira sorts a bulk page by date across issues, so one issue's history can straddle pages.
    const page1 = {
      issueChangeLogs: [
        { issueId: '10001', changeHistories: [history(1, 1), history(2, 2)] },
        { issueId: '10002', changeHistories: [history(3, 3)] },
      ],
      nextPageToken: 'UE9TVDox',
    };
    const page2 = {
      issueChangeLogs: [{ issueId: '10001', changeHistories: [history(4, 4)] }],
      nextPageToken: null,
    };
    const jira = new FakeJira().on('POST', '/rest/api/3/changelog/bulkfetch', (call) =>
      (call.body as { nextPageToken?: string }).nextPageToken === 'UE9TVDox' ? ok(page2) : ok(page1),
    );
    const { adapter } = adapterOver(jira);

    const result = await adapter.getChangelogs(['10001', '10002']);

    expect(result.map((r) => ({ issueId: r.issueId, ids: ids(r.histories) }))).toEqual([
      { issueId: '10001', ids: ['1', '2', '4'] },
      { issueId: '10002', ids: ['3'] },
    ]);
    expect(jira.calls.map((c) => c.body)).toEqual([
      { issueIdsOrKeys: ['10001', '10002'], maxResults: 10000 },
      { issueIdsOrKeys: ['10001', '10002'], maxResults: 10000, nextPageToken: 'UE9TVDox' },
    ]);
  });

  it('asks for at most 1,000 issues a call', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/changelog/bulkfetch', ok({ issueChangeLogs: [] }));
    await adapterOver(jira).adapter.getChangelogs(times(1500, (i) => String(i)));
    expect(jira.calls.map((c) => (c.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([
      1000, 500,
    ]);
  });
});

describe('getStatuses', () => {
  it('returns Jira’s status list', async () => {
    const reply = [
      { id: '10001', name: 'Waiting for support', statusCategory: { key: 'new' } },
      { id: '10002', name: 'Waiting for customer', statusCategory: { key: 'indeterminate' } },
    ];
    const jira = new FakeJira().on('GET', '/rest/api/3/status', ok(reply));
    await expect(adapterOver(jira).adapter.getStatuses()).resolves.toEqual(reply);
  });
});

describe('fixtures', () => {
  it('write Jira’s timestamp shape', () => {
    expect(jiraTime(0)).toBe('2026-03-02T09:00:00.000+0100');
  });
});
