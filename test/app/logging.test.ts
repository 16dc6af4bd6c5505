import { consume } from '../../src/app/evaluation/consume';
import { JiraError } from '../../src/app/ports';
import { ConsoleLogger } from '../../src/forge/logger';
import { acme, makeWorld } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

describe('what the consumers log', () => {
  it('logs each retry of an issue Jira keeps refusing, then the issue given up, with ids and no text', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    world.queue.take();
    world.jira.getIssue = () =>
      Promise.reject(
        new JiraError('Jira GET /rest/api/3/issue/IT-1 answered 503: Carla is unhappy', 503, true),
      );
    for (let attempt = 1; attempt <= 5; attempt++) {
      await consume(world.deps, { type: 'issue', issueId: issue.id, attempt });
    }
    expect(world.logger.entries.map((e) => [e.level, e.code, e.attempt])).toEqual([
      ['warn', 'issue.retry', 1],
      ['warn', 'issue.retry', 2],
      ['warn', 'issue.retry', 3],
      ['warn', 'issue.retry', 4],
      ['error', 'issue.failed', 5],
    ]);
    expect(world.logger.entries[4]).toEqual({
      level: 'error',
      code: 'issue.failed',
      issueId: issue.id,
      attempt: 5,
      reason: 'JiraError',
      status: 503,
    });
    // Jira's text can quote people; it never reaches the log.
    expect(JSON.stringify(world.logger.entries)).not.toContain('Carla');
  });

  it('logs an issue refused for good at once', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    world.queue.take();
    world.jira.getIssue = () => Promise.reject(new JiraError('forbidden', 403, false));
    await consume(world.deps, { type: 'issue', issueId: issue.id });
    expect(world.logger.entries).toEqual([
      expect.objectContaining({
        code: 'issue.failed',
        issueId: issue.id,
        status: 403,
        reason: 'not-retryable',
      }),
    ]);
  });

  it('logs a failing threshold action as a retry, and on its last attempt as failed', async () => {
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.drain();
    world.jira.addComment = () => Promise.reject(new JiraError('down', 503, true));
    world.clock.advance(95 * 60_000); // past 75 % of the first response: a comment is due
    await consume(world.deps, { type: 'due', issueId: issue.id, at: world.clock.now() });
    await consume(world.deps, { type: 'due', issueId: issue.id, at: world.clock.now(), attempt: 5 });
    expect(world.logger.entries.map((e) => [e.code, e.issueId, e.attempt])).toEqual([
      ['action.retry', issue.id, 1],
      ['action.failed', issue.id, 5],
    ]);
  });

  it('logs a recalculation step that throws, tries it again later, and ends the job after three', async () => {
    world = await makeWorld();
    const get = world.store.jobs.get.bind(world.store.jobs);
    world.store.jobs.get = () => Promise.reject(new Error('connection lost'));
    for (let i = 0; i < 3; i++) await consume(world.deps, { type: 'job', jobId: 'job-1' });
    expect(world.logger.entries).toEqual([
      { level: 'warn', code: 'job.failed', jobId: 'job-1', reason: 'Error' },
      { level: 'warn', code: 'job.failed', jobId: 'job-1', reason: 'Error' },
      { level: 'warn', code: 'job.failed', jobId: 'job-1', reason: 'Error' },
      { level: 'error', code: 'job.failed', jobId: 'job-1', reason: 'Error', attempt: 3 },
    ]);
    // Two continuations, a minute later each; none after the third failure.
    expect(world.queue.size()).toBe(2);
    world.store.jobs.get = get;
  });
});

describe('ConsoleLogger (what forge logs shows)', () => {
  it('writes one JSON line per entry, errors to console.error', () => {
    const lines: [string, string][] = [];
    const logger = new ConsoleLogger({
      log: (line: string) => lines.push(['log', line]),
      warn: (line: string) => lines.push(['warn', line]),
      error: (line: string) => lines.push(['error', line]),
    });
    logger.log('error', 'issue.failed', { issueId: '10001', status: 429 });
    logger.log('warn', 'queue.refused', { count: 3 });
    logger.log('info', 'schema.migrated', { count: 0 });
    expect(lines).toEqual([
      ['error', '{"level":"error","code":"issue.failed","issueId":"10001","status":429}'],
      ['warn', '{"level":"warn","code":"queue.refused","count":3}'],
      ['log', '{"level":"info","code":"schema.migrated","count":0}'],
    ]);
  });
});
