import { JiraError } from '../../app/ports';
import { ForgeJira } from './forge-jira';
import { FakeJira, noContent, ok, recordingSleep, type FakeReply } from './testing';

const statusList = ok([{ id: '1', name: 'Open' }]);
const throttled = (retryAfter?: string): FakeReply => ({
  status: 429,
  json: { errorMessages: ['Rate limit exceeded.'] },
  ...(retryAfter === undefined ? {} : { headers: { 'Retry-After': retryAfter } }),
});

function adapterOver(jira: FakeJira, random = 0.5) {
  const { sleep, sleeps } = recordingSleep();
  const adapter = new ForgeJira({
    fetch: jira.fetch,
    appId: 'app-1',
    environment: 'DEVELOPMENT',
    sleep,
    random: () => random,
  });
  return { adapter, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<JiraError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JiraError) return error;
    throw error;
  }
  throw new Error('expected a JiraError');
}

describe('429: rate limited', () => {
  it('waits what Retry-After asks, plus up to 10 % jitter, through a storm of 429s', async () => {
    // Jira's limits are per app across all sites, so a burst of 429s is ordinary: each one names its wait.
    const jira = new FakeJira().on(
      'GET',
      '/rest/api/3/status',
      throttled('2'),
      throttled('5'),
      throttled('1'),
      statusList,
    );
    const { adapter, sleeps } = adapterOver(jira, 0.5);

    await expect(adapter.getStatuses()).resolves.toHaveLength(1);

    expect(jira.calls).toHaveLength(4);
    expect(sleeps).toEqual([2100, 5250, 1050]);
  });

  it('backs off exponentially when Jira names no wait', async () => {
    const jira = new FakeJira().on(
      'GET',
      '/rest/api/3/status',
      throttled(),
      throttled(),
      throttled(),
      statusList,
    );
    const { adapter, sleeps } = adapterOver(jira, 0);

    await adapter.getStatuses();

    // Equal jitter with random() = 0: half of 1 s, 2 s, 4 s.
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('retries a POST that creates something, since a 429 means Jira did nothing', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/issue/SD-1/comment', throttled('1'), {
      status: 201,
      json: {},
    });
    const { adapter, sleeps } = adapterOver(jira);

    await adapter.addComment('SD-1', 'Response due in 30 minutes.', { internal: true });

    expect(jira.calls).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('does not sleep through a wait longer than it may: the call fails as retryable for the queue to redeliver', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/status', throttled('120'));
    const { adapter, sleeps } = adapterOver(jira);

    const error = await failure(adapter.getStatuses());

    // The wait travels with the error, so the work is tried again when Jira said, not after a guess.
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 120_000 });
    expect(error.message).toBe(
      'Jira GET /rest/api/3/status answered 429 and asks to wait 120 s; try again later',
    );
    expect(sleeps).toEqual([]);
  });

  it('waits until X-RateLimit-Reset when Retry-After is missing', async () => {
    const now = Date.UTC(2026, 2, 2, 9, 0, 0);
    const reset = (ms: number): FakeReply => ({
      status: 429,
      json: { errorMessages: ['Rate limit exceeded.'] },
      headers: { 'X-RateLimit-Reset': new Date(now + ms).toISOString() },
    });
    const jira = new FakeJira().on('GET', '/rest/api/3/status', reset(3000), reset(45 * 60_000));
    const { sleep, sleeps } = recordingSleep();
    const adapter = new ForgeJira({
      fetch: jira.fetch,
      appId: 'app-1',
      environment: 'DEVELOPMENT',
      sleep,
      random: () => 0,
      now: () => now,
    });

    // 3 s: slept through; then the hourly quota's reset, 45 minutes away: handed to the caller.
    const error = await failure(adapter.getStatuses());

    expect(sleeps).toEqual([3000]);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 45 * 60_000 });
  });
});

describe('5xx: Jira failing', () => {
  it('backs off and retries a read until it succeeds', async () => {
    const jira = new FakeJira().on(
      'GET',
      '/rest/api/3/status',
      { status: 500, text: 'Internal Server Error' },
      { status: 502, text: '<html>Bad Gateway</html>' },
      statusList,
    );
    const { adapter, sleeps } = adapterOver(jira, 0.5);

    await expect(adapter.getStatuses()).resolves.toHaveLength(1);

    expect(sleeps).toEqual([750, 1500]);
  });

  it('gives up after five attempts with a retryable error', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/status', {
      status: 503,
      json: { message: 'Service Unavailable' },
    });
    const { adapter, sleeps } = adapterOver(jira, 1);

    const error = await failure(adapter.getStatuses());

    expect(jira.calls).toHaveLength(5);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(error.message).toBe(
      'Jira GET /rest/api/3/status still failing after 5 attempts: answered 503: Service Unavailable',
    );
  });

  it('does not repeat a comment after a 500, whose outcome is unknown, but lets the caller retry knowingly', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/issue/SD-1/comment', { status: 500, text: '' });
    const { adapter, sleeps } = adapterOver(jira);

    const error = await failure(adapter.addComment('SD-1', 'Breached.', { internal: false }));

    expect(jira.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect(error.message).toContain('may or may not have acted');
  });
});

describe('network failures', () => {
  it('are retried for reads', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/status', new TypeError('fetch failed'), statusList);
    const { adapter, sleeps } = adapterOver(jira);

    await expect(adapter.getStatuses()).resolves.toHaveLength(1);
    expect(sleeps).toHaveLength(1);
  });

  it('become a retryable JiraError with status 0', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/issue/SD-1/notify', new TypeError('fetch failed'));
    const { adapter } = adapterOver(jira);

    const error = await failure(
      adapter.notify('SD-1', { subject: 'At risk', body: 'x', to: ['assignee'], groups: [], users: [] }),
    );

    expect(error).toMatchObject({ status: 0, retryable: true });
    expect(error.message).toBe('Jira POST /rest/api/3/issue/SD-1/notify could not be reached: fetch failed');
    expect(jira.calls).toHaveLength(1);
  });
});

describe('other 4xx', () => {
  it('fail at once with Jira’s messages, not retryable', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/search/jql', {
      status: 400,
      json: {
        errorMessages: ["Field 'sla' does not exist or you do not have permission to view it."],
        errors: { jql: 'The JQL query is invalid.' },
      },
    });
    const { adapter, sleeps } = adapterOver(jira);

    const error = await failure(adapter.searchIssueIds('project = SD AND sla = "Ana Lima"'));

    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toBe(
      "Jira GET /rest/api/3/search/jql answered 400: Field 'sla' does not exist or you do not have permission to view it.; jql: The JQL query is invalid.",
    );
    // The query (which can name people) is not repeated in the message.
    expect(error.message).not.toContain('Ana Lima');
    expect(jira.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('never quote what was sent', async () => {
    const jira = new FakeJira().on('POST', '/rest/api/3/issue/SD-1/comment', {
      status: 400,
      json: { errorMessages: [], errors: { comment: 'Comment body can not be empty!' } },
    });
    const { adapter } = adapterOver(jira);

    const error = await failure(
      adapter.addComment('SD-1', 'Call Ana Lima on +49 30 1234567.', { internal: true }),
    );

    expect(error.message).toBe(
      'Jira POST /rest/api/3/issue/SD-1/comment answered 400: comment: Comment body can not be empty!',
    );
  });

  it('include a 403 for a missing permission', async () => {
    const jira = new FakeJira().on('PUT', '/rest/api/3/issue/SD-1/assignee', {
      status: 403,
      json: { errorMessages: ['You do not have permission to assign issues.'], errors: {} },
    });
    const error = await failure(adapterOver(jira).adapter.assign('SD-1', 'agent-2'));
    expect(error).toMatchObject({ status: 403, retryable: false });
  });
});

describe('replies of an unexpected shape', () => {
  it('fail clearly and are not retried', async () => {
    const jira = new FakeJira().on('GET', '/rest/api/3/search/jql', ok({ values: [] }));
    const error = await failure(adapterOver(jira).adapter.searchIssueIds('project = SD'));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      /^Jira GET \/rest\/api\/3\/search\/jql replied in an unexpected shape at issues:/,
    );
  });

  it('accept an empty 204', async () => {
    const jira = new FakeJira().on('PUT', '/rest/api/3/issue/SD-1', noContent);
    await expect(adapterOver(jira).adapter.addLabel('SD-1', 'sla-breached')).resolves.toBeUndefined();
  });
});
