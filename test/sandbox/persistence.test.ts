import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, openSandbox, SITE_FILE } from '../../src/sandbox/persistence';
import { SimulatedSite } from '../../src/sandbox/jira/site';
import { ManualClock } from '../../src/sandbox/clock';
import { SANDBOX_USERS } from '../../src/sandbox/users';

const NOW = Date.UTC(2026, 10, 20, 9, 30);
const small = { now: NOW, seed: { issues: 12, days: 10 } };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'accord-sandbox-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the kept sandbox', () => {
  it('seeds on the first run, keeps the site, the clock and the database between runs, and reseeds on --reset', async () => {
    const first = await openSandbox({ dataDir: dir, ...small });
    expect(first.seeded?.issues).toBe(12);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(existsSync(join(dir, SITE_FILE))).toBe(true);
    // A change made in this run: a new request, an hour later.
    const issue = first.app.site.create({ reporter: 'carla-customer', summary: 'Kept?' });
    await first.app.advance(60 * 60_000);
    const results = await first.store.results.forIssue(issue.id);
    expect(results.length).toBeGreaterThan(0);
    await first.close();

    const second = await openSandbox({ dataDir: dir, ...small });
    expect(second.seeded).toBeUndefined();
    expect(second.app.clock.now()).toBe(NOW + 60 * 60_000);
    expect(second.app.site.find(issue.key)?.json()).toEqual(issue.json());
    expect(await second.store.results.forIssue(issue.id)).toEqual(results);
    // The next request continues the numbering.
    expect(second.app.site.create({ reporter: 'carla-customer' }).key).toBe('IT-14');
    await second.close();

    const reset = await openSandbox({ dataDir: dir, reset: true, ...small });
    expect(reset.seeded?.issues).toBe(12);
    expect(reset.app.clock.now()).toBe(NOW);
    expect(reset.app.site.find(issue.key)).toBeUndefined();
    expect(await reset.store.results.forIssue(issue.id)).toEqual([]);
    await reset.close();
  }, 60_000);

  it('seeds afresh when the site file is unreadable, rather than pair a database with no site', async () => {
    await (await openSandbox({ dataDir: dir, ...small })).close();
    writeFileSync(join(dir, SITE_FILE), '{ "format": 1, "now": ');
    const again = await openSandbox({ dataDir: dir, ...small });
    expect(again.seeded?.issues).toBe(12);
    await again.close();
  }, 60_000);

  it('restores a site exactly from its snapshot', async () => {
    const sandbox = await openSandbox(small);
    const copy = new SimulatedSite(new ManualClock(NOW), SANDBOX_USERS);
    copy.restore(structuredClone(sandbox.app.site.snapshot()));
    expect(copy.snapshot()).toEqual(sandbox.app.site.snapshot());
    for (const issue of sandbox.app.site.issues.values())
      expect(copy.find(issue.id)?.json()).toEqual(issue.json());
    // Comments added after a restore land in the issue's JSON, as before.
    const [first] = sandbox.app.site.issues.keys();
    copy.comment(first!, 'alex-agent', 'after restore');
    const comments = (copy.find(first!)?.json().fields as { comment: { comments: unknown[]; total: number } })
      .comment;
    expect(comments.total).toBe(comments.comments.length);
    expect(JSON.stringify(comments.comments)).toContain('after restore');
    await sandbox.close();
  }, 60_000);
});
