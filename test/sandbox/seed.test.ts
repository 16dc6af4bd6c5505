import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxApp } from '../../src/sandbox/app';
import { SEED_AGREEMENTS, SEED_CALENDARS } from '../../src/sandbox/seed/config';
import { sandboxNow } from '../../src/sandbox/seed/office';
import { seedSandbox, type SeedReport } from '../../src/sandbox/seed/seed';
import { dispatch } from '../../src/app/resolvers/dispatch';
import type { MonthlyReport } from '../../src/app/resolvers/report-types';
import { openSqliteStore } from '../../src/store/sqlite';

/** Friday 20 November 2026, 10:30 in Berlin: what `sandboxNow` gives on Sunday the 22nd. */
const NOW = Date.UTC(2026, 10, 20, 9, 30);

interface Seeded {
  readonly app: SandboxApp;
  readonly report: SeedReport;
  readonly results: Awaited<ReturnType<SandboxApp['store']['results']['forIssue']>>;
  readonly actions: Awaited<ReturnType<SandboxApp['store']['actions']['forIssue']>>;
  close(): Promise<void>;
}

async function seed(): Promise<Seeded> {
  const store = await openSqliteStore(':memory:');
  const { app, report } = await seedSandbox(store, { now: NOW });
  const results = [];
  const actions = [];
  for (const issue of app.site.issues.values()) {
    results.push(...(await store.results.forIssue(issue.id)));
    actions.push(...(await store.actions.forIssue(issue.id)));
  }
  return { app, report, results, actions, close: () => store.close() };
}

const comments = (app: SandboxApp) =>
  [...app.site.issues.values()].flatMap(
    (i) =>
      (
        i.json().fields as {
          comment: { comments: { author: { accountType: string }; jsdPublic: boolean; body: unknown }[] };
        }
      ).comment.comments,
  );

let first: Seeded;
let second: Seeded;
beforeAll(async () => {
  first = await seed();
  second = await seed();
}, 120_000);
afterAll(async () => {
  await first.close();
  await second.close();
});

describe('the seed', () => {
  it('starts its clock where sandboxNow puts it: 10:30 in Berlin on the latest working day', () => {
    expect(sandboxNow(Date.UTC(2026, 10, 22, 9, 0))).toBe(NOW); // Sunday → Friday
    expect(sandboxNow(Date.UTC(2026, 10, 23, 6, 0))).toBe(Date.UTC(2026, 10, 23, 9, 30)); // Monday
    // Christmas: the 25th and 26th are public holidays in Berlin, the 24th is closed in the office calendar.
    expect(sandboxNow(Date.UTC(2026, 11, 26, 12, 0))).toBe(Date.UTC(2026, 11, 23, 9, 30));
  });

  it('configures the examples’ calendars and agreements, so the README’s walk-through holds in the sandbox', () => {
    const examples = join(__dirname, '..', '..', 'examples');
    expect(SEED_CALENDARS).toEqual(JSON.parse(readFileSync(join(examples, 'calendars.json'), 'utf8')));
    expect(SEED_AGREEMENTS).toEqual(JSON.parse(readFileSync(join(examples, 'agreements.json'), 'utf8')));
  });

  it('makes 300 requests over the last 60 days', () => {
    expect(first.report).toEqual(
      expect.objectContaining({
        issues: 300,
        from: '2026-09-21T09:30:00.000Z',
        now: '2026-11-20T09:30:00.000Z',
      }),
    );
    expect(first.app.clock.now()).toBe(NOW);
    expect(first.report.events).toBeGreaterThan(2000);
  });

  it('is deterministic: the same site, results and actions twice', () => {
    expect({ ...second.report, seconds: 0 }).toEqual({ ...first.report, seconds: 0 });
    expect(second.app.site.snapshot()).toEqual(first.app.site.snapshot());
    const shape = (s: Seeded) => ({
      results: s.results.map((r) => [r.issueKey, r.agreementId, r.metricId, r.state, r.result]),
      actions: s.actions.map((a) => [a.key, a.status]),
    });
    expect(shape(second)).toEqual(shape(first));
  });

  it('shows every kind: SLA, OLA and UC results met, breached and running, a paused metric, a breach', () => {
    const states = (kind: string) =>
      new Set(first.results.filter((r) => r.kind === kind).map((r) => r.state));
    for (const kind of ['SLA', 'OLA', 'UC']) {
      expect([kind, [...states(kind)].sort()]).toEqual([
        kind,
        expect.arrayContaining(['breached', 'met', 'running']),
      ]);
    }
    expect(states('SLA')).toContain('paused');
    expect(first.results.some((r) => r.kind === 'SLA' && r.result.cycles.some((c) => c.pausedMs > 0))).toBe(
      true,
    );
    expect(first.report.everBreached.SLA).toBeGreaterThan(10);
    // Reopened requests: a second resolution cycle.
    expect(first.results.some((r) => r.metricId === 'resolution' && r.result.cycles.length > 1)).toBe(true);
    // Both organizations; only Acme Corp's requests are under the Gold SLA.
    const orgs = new Set(
      [...first.app.site.issues.values()].flatMap(
        (i) => (i.field('customfield_10002') as { name: string }[] | null)?.map((o) => o.name) ?? [],
      ),
    );
    expect([...orgs].sort()).toEqual(['Acme Corp', 'Globex']);
  });

  it('performs threshold actions at their moments: internal notes, notifications, labels, priorities', () => {
    const done = first.actions.filter((a) => a.status === 'done');
    expect(done.length).toBe(first.report.actions);
    const performed = new Set(done.map((a) => a.key.split('/').slice(1, 3).join('/')));
    expect([...performed].sort()).toEqual([
      'gold/first-response',
      'gold/resolution',
      'netco-uc/restore',
      'second-level/handling',
    ]);
    const byApp = comments(first.app).filter((c) => c.author.accountType === 'app');
    expect(byApp.length).toBeGreaterThan(0);
    // The agreements' comments are internal: a customer never reads "breached" on the portal.
    expect(byApp.every((c) => !c.jsdPublic)).toBe(true);
    expect(first.app.site.notifications.length).toBeGreaterThan(0);
    const labelled = [...first.app.site.issues.values()].filter((i) =>
      (i.field('labels') as string[]).includes('sla-at-risk'),
    );
    expect(labelled.length).toBeGreaterThan(0);
  });

  it('writes the "SLA state" and "next deadline" fields for every request the Gold SLA covers', () => {
    const acme = [...first.app.site.issues.values()].filter((i) =>
      (i.field('customfield_10002') as { name: string }[]).some((o) => o.name === 'Acme Corp'),
    );
    const states = acme.map((i) => first.app.site.customFieldValues.get(i.id)?.get('sla-state'));
    expect(states.every((s) => typeof s === 'string')).toBe(true);
    expect(new Set(states)).toEqual(new Set(['met', 'breached', 'running', 'paused', 'at-risk']));
  });

  it('gives the reports something to show: ratings of resolved requests, VPN outages, credits owed', async () => {
    const issues = [...first.app.site.issues.values()];
    const ratings = issues.flatMap((i) => {
      const value = i.field('customfield_10070') as { rating: number } | null;
      return value ? [value.rating] : [];
    });
    // About three in five resolved requests are rated, mostly well.
    expect(ratings.length).toBeGreaterThan(100);
    expect(new Set(ratings)).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(
      issues.filter((i) => i.field('resolution') === null && i.field('customfield_10070') !== null),
    ).toEqual([]);
    const outages = issues.filter((i) => i.field('customfield_10080') !== null);
    expect(outages.length).toBeGreaterThanOrEqual(4);
    expect(
      outages.every((i) => (i.field('components') as { name: string }[]).some((c) => c.name === 'VPN')),
    ).toBe(true);

    const reply = await dispatch(
      first.app.deps,
      'reports/monthly',
      { month: '2026-11', agreementId: 'gold' },
      { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' },
    );
    const gold = reply.ok ? (reply.data as MonthlyReport).counterparties[0]?.agreements[0] : undefined;
    expect(gold?.availability[0]?.incidents.length).toBeGreaterThan(0);
    expect(gold?.credits?.amount).toBeGreaterThan(0);
    const satisfaction = gold?.metrics.flatMap((m) => m.goals.map((g) => g.figures.satisfaction.count)) ?? [];
    expect(satisfaction.some((n) => n > 0)).toBe(true);
  });
});
