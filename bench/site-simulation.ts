/**
 * A busy JSM site on the Forge emulator (issue 17): the real handlers of `src/index.ts` behind the real `@forge/*`
 * SDKs, SQL on MariaDB (ACCORD_MYSQL_URL), Forge's delivery (duplicates, reordering, cold starts) and limits, in
 * virtual time (minutes of a site play in seconds of the machine when the app is idle, and as fast as MariaDB
 * and the engine go when it works).
 *
 * Profile (`--quick` scales every count down): the peak business hour of a site with 200,000 requests a month
 * (about 12 events each), a bulk edit of 10,000 issues within one minute, a calendar change recalculating the
 * stored issues, and twelve months of growth, whose storage is extrapolated from a measured sample under the
 * retention policy's defaults (said so in the output). Prints the figures beside their goals; every figure
 * comes from the emulator, not from Forge.
 *
 * `npm run bench -- --site [--quick | --light | --burst]` runs it alone; `npm run bench` runs the quick profile at its end;
 * `npx tsx bench/site-simulation.ts --storage [--quick]` prints the twelve-month storage figures alone.
 */

import {
  automaticRetention,
  issuesByState,
  OPEN_DAYS,
  RETENTION_BOUNDS,
} from '../src/app/retention/retention';
import type { RetentionPolicy } from '../src/app/ports';
import { openForgeStore } from '../src/forge/sql-store';
import type { ForgeEmulator } from '../test/emulator/emulator';
import { MAX_INSTANCES, startEmulatedSite } from './emulated-site';
import { pick, seeded } from './prng';
import { heading, int, ms, table } from './report';
import { estimate100k, printEstimate, shortenBerlinDays } from './recalculation';
import { SqlTally } from './sql-tally';
import { PER_ISSUE_TABLES, sampleStorage, type StorageSample, type TableBytes } from './storage-sample';

const MINUTE = 60_000;
const FIELD_WRITES = 'POST /rest/api/3/app/field/value';
/** Monday 2 March 2026, 10:00 in Berlin: the peak hour begins. */
const START = Date.UTC(2026, 2, 2, 9);
/** Friday 27 February 2026, 09:00 in Berlin: a profile that raises its pool the working day before begins. */
const FRIDAY = Date.UTC(2026, 1, 27, 8);

interface Profile {
  readonly name: string;
  /** Minutes of the peak hour played. */
  readonly steadyMinutes: number;
  /** Product events a minute at the peak: 200,000 × 12 a month over 22 × 9 business hours, twice the mean. */
  readonly eventsPerMinute: number;
  readonly burstIssues: number;
  readonly monthlyIssues: number;
  /** Minutes over which the issues to edit in bulk are raised (default: all at once). */
  readonly raiseMinutes?: number;
  /**
   * Whether the pool is raised over the working day before the peak (Friday 09:00–17:00), as a site with
   * 200,000 requests a month raises some 9,000 a day, rather than in the minutes just before it: thousands of
   * issues raised within minutes reach their thresholds within minutes of each other too, a storm of due
   * re-evaluations no site has, which then coincides with the peak hour and the bulk edit.
   */
  readonly raiseTheDayBefore?: boolean;
}

const FULL: Profile = {
  name: 'full',
  steadyMinutes: 60,
  eventsPerMinute: 400,
  burstIssues: 10_000,
  monthlyIssues: 200_000,
  // Raised over the working day before (see raiseTheDayBefore), not measured; the bulk edit is the burst.
  raiseMinutes: 8 * 60,
  raiseTheDayBefore: true,
};
const QUICK: Profile = {
  name: 'quick',
  steadyMinutes: 5,
  eventsPerMinute: 400,
  burstIssues: 1_000,
  monthlyIssues: 200_000,
};

/**
 * A site at a sixth of the peak rate, its issues raised over minutes: Jira work per event where the platform's
 * other limits do not dominate (on a loaded machine the quick profile's storms can spend Forge SQL's DML budget).
 */
const LIGHT: Profile = {
  name: 'light',
  steadyMinutes: 3,
  eventsPerMinute: 60,
  burstIssues: 200,
  monthlyIssues: 200_000,
  raiseMinutes: 3,
};

/**
 * The quick profile's peak minutes with the full profile's bulk edit of 10,000 issues: the burst's drain time at
 * full size in a fraction of the full profile's time (the peak hour's rate is the same in both).
 */
const BURST: Profile = {
  ...QUICK,
  name: 'burst',
  burstIssues: FULL.burstIssues,
  raiseMinutes: 8 * 60,
  raiseTheDayBefore: true,
};

const PROFILES = { full: FULL, quick: QUICK, light: LIGHT, burst: BURST } as const;

/** The profiles by the flag that picks them (`--quick`, `--light`, `--burst`; the full profile otherwise). */
export type SiteProfile = keyof typeof PROFILES;

interface Change {
  readonly issueId: string;
  readonly at: number;
  readonly phase: 'steady' | 'burst';
}

export interface SiteFigures {
  readonly skipped?: string;
}

/** Runs the simulation and prints its report; resolves when done. */
export async function benchSite(which: SiteProfile): Promise<SiteFigures> {
  const profile = PROFILES[which];
  heading(`9. Site simulation on the Forge emulator (${profile.name} profile)`);
  const url = process.env.ACCORD_MYSQL_URL;
  if (url === undefined) {
    console.log('  skipped: ACCORD_MYSQL_URL is not set (e.g. mysql://root@127.0.0.1:3306/test)');
    return { skipped: 'no MariaDB' };
  }
  const { emulator, calendars, stop } = await startEmulatedSite(url, {
    now: profile.raiseTheDayBefore === true ? FRIDAY : START,
    duplicateRate: 0.02,
    deliveryJitterMs: 2000,
    omitRetryAfter: 0.3,
  });
  const real = process.hrtime.bigint();
  const tally = new SqlTally(emulator);
  const steadyTally = new SqlTally(emulator);
  try {
    // Lag: from a change to the next write of its issue's fields.
    const changes: Change[] = [];
    const writes = new Map<string, number[]>();
    const values = emulator.site.customFieldValues;
    const set = values.set.bind(values);
    values.set = (key, value) => {
      const list = writes.get(key) ?? [];
      list.push(emulator.now());
      writes.set(key, list);
      return set(key, value);
    };
    let phase: Change['phase'] | undefined;
    emulator.site.onEvent((event) => {
      if (phase !== undefined && event.atlassianId !== 'accord-app')
        changes.push({ issueId: event.issue.id, at: emulator.now(), phase });
    });
    const random = seeded(23);
    const acme = { customfield_10002: [{ id: '1', name: 'Acme Corp' }] };
    const raise = () =>
      emulator.site.create({
        reporter: pick(random, ['carla-customer', 'dave-customer']),
        priority: pick(random, ['High', 'Medium', 'Medium', 'Low']),
        fields: acme,
      }).id;

    // 1. Issues to edit in bulk, raised before the measured window (not measured).
    const pool: string[] = [];
    const raiseMs = (profile.raiseMinutes ?? 0) * MINUTE;
    const raiseStart = emulator.now();
    for (let i = 0; i < profile.burstIssues; i++) {
      emulator.scheduler.at(raiseStart + Math.floor((i * raiseMs) / profile.burstIssues), () => {
        pool.push(raise());
      });
    }
    await emulator.advance(raiseMs);
    await settle(emulator);
    // The weekend and Monday morning played through (the pool's clocks stop at 17:00 and go on at 09:00).
    if (emulator.now() < START) await emulator.advance(START - emulator.now());
    await settle(emulator);
    const before = emulator.metrics();

    // 2. The peak hour: new requests (one event in twelve) and work on open ones, spread evenly.
    phase = 'steady';
    steadyTally.active = true;
    const steadyFieldWrites = emulator.jira.counters.byEndpoint[FIELD_WRITES] ?? 0;
    const steadyStart = emulator.now();
    const open = [...pool];
    const total = profile.steadyMinutes * profile.eventsPerMinute;
    for (let i = 0; i < total; i++) {
      emulator.scheduler.at(steadyStart + Math.floor((i * MINUTE) / profile.eventsPerMinute), () => {
        const r = random();
        if (r < 1 / 12 || open.length === 0) open.push(raise());
        else {
          const id = pick(random, open);
          if (r < 0.5) emulator.site.comment(id, pick(random, ['alex-agent', 'carla-customer']), 'Update');
          else if (r < 0.75)
            emulator.site.transition(id, 'alex-agent', pick(random, ['In Progress', 'Waiting for customer']));
          else emulator.site.setPriority(id, 'alex-agent', pick(random, ['High', 'Medium', 'Low']));
        }
      });
    }
    await emulator.advance(profile.steadyMinutes * MINUTE);
    const leftAfterSteady = await settle(emulator);
    steadyTally.active = false;
    const steadyEnd = emulator.now();

    // 3. A bulk edit of the pool within one minute.
    phase = 'burst';
    const burstStart = emulator.now();
    pool.forEach((id, i) => {
      emulator.scheduler.at(burstStart + Math.floor((i * MINUTE) / pool.length), () => {
        emulator.site.setPriority(id, 'alex-agent', 'High');
      });
    });
    await emulator.advance(MINUTE);
    const leftAfterBurst = await settle(emulator);
    phase = undefined;
    const burstChanges = changes.filter((c) => c.phase === 'burst');
    const burstDrained =
      Math.max(...burstChanges.map((c) => firstWriteAfter(writes, c) ?? Infinity)) - burstStart;
    const afterEvents = emulator.metrics();

    // 4. A calendar change and the recalculation of every stored issue.
    await shortenBerlinDays(emulator, calendars);
    await emulator.advance(MINUTE);
    const fieldWritesBefore = emulator.jira.counters.byEndpoint[FIELD_WRITES] ?? 0;
    tally.active = true;
    const recalcCpu = process.cpuUsage();
    const recalcStart = emulator.now();
    const job = (await emulator.invokeResolver(
      'jobs/start',
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: false },
      { accountId: 'chris-admin', moduleKey: 'accord-admin' },
    )) as { ok: boolean; data?: { id: string } };
    await emulator.drain();
    const recalcMs = emulator.now() - recalcStart;
    const recalcCpuUsed = process.cpuUsage(recalcCpu);
    tally.active = false;
    const status = (await emulator.invokeResolver(
      'jobs/status',
      { jobId: job.data?.id ?? '' },
      { accountId: 'chris-admin', moduleKey: 'accord-admin' },
    )) as { data?: { state: string; done: number; total: number } };
    const recalcIssues = status.data?.done ?? 0;
    const recalcFieldWrites = (emulator.jira.counters.byEndpoint[FIELD_WRITES] ?? 0) - fieldWritesBefore;

    const end = emulator.metrics();
    const storedBytes = await emulator.sql.storedBytes();

    // Figures.
    const lags = changes
      .filter((c) => c.phase === 'steady')
      .map((c) => (firstWriteAfter(writes, c) ?? Infinity) - c.at);
    const lost = changes.filter((c) => firstWriteAfter(writes, c) === undefined).length;
    const finite = lags.filter(Number.isFinite).sort((a, b) => a - b);
    const pct = (p: number) =>
      finite[Math.min(finite.length - 1, Math.floor((p / 100) * finite.length))] ?? NaN;
    const events = end.delivery.productEvents - before.delivery.productEvents;
    const points = afterEvents.jira.points - before.jira.points;
    const eventsMeasured = afterEvents.delivery.productEvents - before.delivery.productEvents;
    const unabsorbed = end.invocations.threw + end.delivery.productEventsLost + end.delivery.queueEventsLost;
    const peakHour = Math.max(...[...emulator.jira.pointsByHour.values()]);
    const recalcPer100k = recalcIssues > 0 ? (recalcMs / recalcIssues) * 100_000 : NaN;

    console.log(
      `  emulated: ${int(events)} product events (${int(total)} in ${profile.steadyMinutes} peak minutes at ` +
        `${int(profile.eventsPerMinute)}/min, ${int(pool.length)} in a one-minute bulk edit), then a ` +
        `recalculation of ${int(recalcIssues)} issues; ${ms(Number(process.hrtime.bigint() - real) / 1e6)} real time`,
    );
    console.log(
      `  SQL refusals absorbed by the app (waited out and sent again): ${int(end.sql.refused.dmlRate)} DML rate, ` +
        `${int(end.sql.refused.ddlRate)} DDL rate; queue pushes refused: ${int(end.events.refusedRate + end.events.refusedSize)}`,
    );
    console.log(
      `  changes still marked in the store ${SETTLE_LIMIT_MS / MINUTE} virtual minutes after the peak hour: ` +
        `${int(leftAfterSteady)}, after the bulk edit: ${int(leftAfterBurst)} (counted as lost)`,
    );
    console.log(
      `  the peak hour's Forge SQL statements (executed, until its changes were measured; ${int(total)} product ` +
        `events at ${int(profile.eventsPerMinute)}/min, a budget of ${int((150 * 60) / profile.eventsPerMinute)} an event at 150/s):`,
    );
    steadyTally.print(
      total,
      (emulator.jira.counters.byEndpoint[FIELD_WRITES] ?? 0) - steadyFieldWrites,
      'event',
    );
    console.log("  the recalculation's Forge SQL statements:");
    tally.print(recalcIssues, recalcFieldWrites);
    const estimate = estimate100k({
      issues: recalcIssues,
      virtualMs: recalcMs,
      cpuMs: (recalcCpuUsed.user + recalcCpuUsed.system) / 1000,
      statements: tally.total,
    });
    printEstimate(estimate);
    const storage = await storageIn12Months(url, profile, which !== 'full');
    const judged = storage.issues >= SAMPLE_TO_JUDGE;
    table([
      ['figure (emulator)', 'measured', 'goal', 'result'],
      ['events lost', int(lost), '0', verdict(lost === 0)],
      ['limit refusals the app did not absorb', int(unabsorbed), '0', verdict(unabsorbed === 0)],
      ['lag change → field, p50', ms(pct(50)), '', 'info'],
      ['lag change → field, p95 (peak hour)', ms(pct(95)), '≤ 60 s', verdict(pct(95) <= 60_000)],
      [
        `bulk edit of ${int(pool.length)} issues drained`,
        ms(burstDrained),
        '≤ 30 min',
        verdict(burstDrained <= 30 * MINUTE),
      ],
      [`recalculation of ${int(recalcIssues)} issues`, ms(recalcMs), '', 'info'],
      ['  per 100,000 issues (linear from the above, virtual time only)', ms(recalcPer100k), '', 'info'],
      [
        '  per 100,000 issues (4 lanes, with CPU time, see above)',
        ms(estimate.totalMs),
        '≤ 30 min',
        verdict(estimate.totalMs <= 30 * MINUTE),
      ],
      [
        'peak DML requests a second',
        int(end.sql.peakDmlPerSecond),
        '≤ 150',
        verdict(end.sql.peakDmlPerSecond <= 150),
      ],
      [
        'Jira points per event (peak hour and burst)',
        (points / eventsMeasured).toFixed(2),
        '≤ 1',
        verdict(points / eventsMeasured <= 1),
      ],
      ['Jira points in the busiest clock hour', int(peakHour), '≤ 65,000', verdict(peakHour <= 65_000)],
      ['Forge SQL bytes now (data and indexes)', int(storedBytes), '', 'info'],
      [
        `12 months at 200,000 issues/month, automatic policy (worked out from ${int(storage.issues)} issues)`,
        `${(storage.bytes / 1024 ** 3).toFixed(2)} GiB`,
        '≤ 1 GiB',
        judged ? verdict(storage.bytes <= 1024 ** 3) : `info (judged from ${int(SAMPLE_TO_JUDGE)}+)`,
      ],
    ]);
    // What the handlers threw (the platform retries a trigger's platform errors; a consumer's event is lost).
    const thrown = [...new Set(end.errors)].slice(0, 5);
    if (thrown.length > 0) console.log(`  first errors the handlers threw: ${thrown.join(' | ')}`);
    console.log(
      `  function instances: ${int(end.invocations.peakInstances)} at most at once (at most ` +
        `${int(MAX_INSTANCES)} a function; ${int(end.invocations.waitedForInstance)} deliveries waited for one), ` +
        `${int(end.invocations.cold)} cold starts in ${int(end.invocations.total)} invocations`,
    );
    console.log(
      `  steady window ${ms(steadyEnd - steadyStart)} of virtual time; slowest SELECT ` +
        `${ms(end.sql.slowestSelectMs)}, largest SQL response ${int(end.sql.largestResponseBytes)} bytes`,
    );
    return {};
  } finally {
    await stop();
  }
}

/** How long {@link settle} plays on at most for the marks left in the store. */
const SETTLE_LIMIT_MS = 90 * MINUTE;

/**
 * Plays virtual time until no delivery is in flight and no change is left marked in the store (a drain the
 * platform interrupted, a kick it refused: the sweep and the continuations measure them), at most
 * {@link SETTLE_LIMIT_MS}; resolves to the marks still left, which count as lost.
 */
async function settle(emulator: ForgeEmulator): Promise<number> {
  const until = emulator.now() + SETTLE_LIMIT_MS;
  await emulator.drain();
  for (;;) {
    const left = await emulator.within('resolver', () => openForgeStore().pending.count());
    if (left === 0 || emulator.now() >= until) return left;
    await emulator.advance(MINUTE);
    await emulator.drain();
  }
}

/** The profile the command line asks for. */
export function siteProfile(argv: readonly string[]): SiteProfile {
  const flagged = (['quick', 'light', 'burst'] as const).find((name) => argv.includes(`--${name}`));
  return flagged ?? 'full';
}

function verdict(met: boolean): string {
  return met ? 'PASS' : 'MISS';
}

/** The first field write of the change's issue at or after the change, if any. */
function firstWriteAfter(writes: ReadonlyMap<string, readonly number[]>, change: Change): number | undefined {
  return writes.get(change.issueId)?.find((at) => at >= change.at);
}

/** Bytes after twelve months under `policy`: the sample's bytes an issue per state times the issues in it. */
function bytesIn12Months(sample: StorageSample, monthly: number, policy: RetentionPolicy) {
  const n = issuesByState(monthly, policy);
  // The larger of the rebuilt and the as-written pages of a kept issue: a busy table is not rebuilt.
  const kept = PER_ISSUE_TABLES.reduce(
    (sum, t) => sum + Math.max(sample.kept[t] ?? 0, sample.keptAsWritten[t] ?? 0),
    0,
  );
  const total = (state: TableBytes) => Object.values(state).reduce((a, b) => a + b, 0);
  const byTable = Object.fromEntries(
    PER_ISSUE_TABLES.map((t) => [
      t,
      Math.max(sample.kept[t] ?? 0, sample.keptAsWritten[t] ?? 0) * n.kept +
        (sample.dropped[t] ?? 0) * n.dropped +
        (sample.forgotten[t] ?? 0) * n.forgotten,
    ]),
  );
  // Aggregates: the sample's, scaled to twelve months (they grow with agreements, goals, projects and months).
  const aggregates = (sample.aggregates.bytes / Math.max(1, sample.aggregates.months)) * 12;
  return {
    states: n,
    byTable,
    perIssue: { kept, dropped: total(sample.dropped), forgotten: total(sample.forgotten) },
    bytes:
      kept * n.kept +
      total(sample.dropped) * n.dropped +
      total(sample.forgotten) * n.forgotten +
      aggregates +
      sample.emptyBytes,
  };
}

/**
 * Storage after twelve months, worked out (not simulated) from a measured sample: bytes an issue in each
 * retention state, measured on MariaDB with indexes (`storage-sample.ts`: kept, history and results dropped,
 * forgotten), times the issues in that state after twelve months ({@link issuesByState}), plus the monthly
 * aggregates and every table's empty size. Configuration versions, the audit log, jobs and pending marks grow
 * with admins' work and bursts, not with issues: they are in the empty tables' pages only. Printed for the
 * automatic policy at that pace (what applies until an admin sets one) and the tightest one, with what each table holds.
 */
async function storageIn12Months(
  url: string,
  profile: Profile,
  quick: boolean,
  count = quick ? 1500 : 3000,
): Promise<{ readonly bytes: number; readonly issues: number }> {
  const sample = await sampleStorage(url, count);
  const monthly = profile.monthlyIssues;
  const mib = (bytes: number) => `${int(bytes / 1024 ** 2)} MiB`;
  const policies: [string, RetentionPolicy][] = [
    // What Accord applies at this pace until an admin sets a policy.
    ['automatic', automaticRetention(monthly)],
    [
      'tightest',
      { historyDays: RETENTION_BOUNDS.historyDays.min, rawCycleMonths: RETENTION_BOUNDS.rawCycleMonths.min },
    ],
  ];
  const results = policies.map(([name, policy]) => ({
    name,
    policy,
    ...bytesIn12Months(sample, monthly, policy),
  }));
  const first = results[0];
  console.log(
    `  storage after 12 months at ${int(monthly)} issues a month, worked out from ${int(sample.issues)} sampled ` +
      `issues on MariaDB (bytes an issue with indexes: kept ${int(first?.perIssue.kept ?? 0)}, history and ` +
      `results dropped ${int(first?.perIssue.dropped ?? 0)}, forgotten ${int(first?.perIssue.forgotten ?? 0)}; ` +
      `issues open ${OPEN_DAYS} days on average, an assumption):`,
  );
  for (const r of results) {
    const tables = Object.entries(r.byTable)
      .filter(([, bytes]) => bytes >= 1024 ** 2)
      .map(([t, bytes]) => `${t.replace('accord_', '')} ${mib(bytes)}`)
      .join(', ');
    console.log(
      `    ${r.name} policy (${r.policy.historyDays} days of histories, ${r.policy.rawCycleMonths} months of raw ` +
        `cycles): ${int(r.states.kept)} issues kept, ${int(r.states.dropped)} dropped, ${int(r.states.forgotten)} ` +
        `forgotten: ${(r.bytes / 1024 ** 3).toFixed(2)} GiB (${tables})`,
    );
  }
  return { bytes: first?.bytes ?? NaN, issues: sample.issues };
}

/**
 * Issues a storage sample needs before its figure is judged against the goal: InnoDB's 1 MiB extents round each
 * index's bytes an issue up by as much as 1 MiB / N (some 70 bytes at 15,000 issues, 700 at 1,500, which alone
 * can move twelve months by a third of a GiB).
 */
const SAMPLE_TO_JUDGE = 10_000;

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const url = process.env.ACCORD_MYSQL_URL;
  // `npx tsx bench/site-simulation.ts --storage [--quick] [--sample=N]`: the twelve-month storage figures alone,
  // from N sampled issues. InnoDB gives a table its pages 1 MiB at a time once it passes 32 pages, so a table's
  // bytes per issue are rounded up by as much as 1 MiB / N per index: some 350 bytes at 3,000 issues, 70 at
  // 15,000 (a change smaller than that may not show at all).
  const sampled = process.argv.find((a) => a.startsWith('--sample='));
  const count = sampled === undefined ? undefined : Number(sampled.slice('--sample='.length));
  if (count !== undefined && !(Number.isInteger(count) && count > 0))
    throw new Error(`--sample must be a positive whole number of issues, got ${sampled ?? ''}`);
  const run =
    process.argv.includes('--storage') && url !== undefined
      ? storageIn12Months(url, quick ? QUICK : FULL, quick, count)
      : benchSite(siteProfile(process.argv));
  run.then(
    () => undefined,
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
