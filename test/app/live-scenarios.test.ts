/**
 * The rules of "Semantics" (docs/engine-contract.md) worked by hand through the whole backend: the examples'
 * Gold SLA on the simulated site, the sweep and the queue moving with the clock, Accord's own actions fed back
 * as Jira history, and what agents (custom fields, issue panel) and managers (reports) read at the end.
 */
import { dispatch } from '../../src/app/resolvers/dispatch';
import type { MonthlyReport } from '../../src/app/resolvers/report-types';
import { acme, exampleAgreements, makeWorld } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };
const gold = exampleAgreements.find((a) => a.id === 'gold')!;
/** Gold's resolution goals, in order: Highest (4 h, 24/7), High (8 h, Berlin 9–17), the rest (24 h, 9–17). */
const [HIGHEST, HIGH, OTHER] = [0, 1, 2];

/** A Berlin wall-clock time in March 2026 (CET, +01:00) as an instant. */
const berlin = (iso: string): number => Date.parse(`2026-03-${iso}+01:00`);

let world: World;
afterEach(async () => {
  await world.close();
});

async function advanceTo(instant: number): Promise<void> {
  await world.advance(instant - world.clock.now());
}

const fieldsOf = (issueId: string) => Object.fromEntries(world.site.customFieldValues.get(issueId) ?? []);

async function resultOf(issueId: string, metricId: string) {
  const found = (await world.store.results.forIssue(issueId)).find((r) => r.metricId === metricId);
  if (!found) throw new Error(`no stored result of ${metricId} on ${issueId}`);
  return found;
}

interface Comment {
  readonly body: unknown;
  readonly created: string;
  readonly author: { readonly accountType: string };
}
const accordComments = (issueId: string): Comment[] =>
  (world.site.find(issueId)?.json().fields as { comment: { comments: Comment[] } }).comment.comments.filter(
    (c) => c.author.accountType === 'app',
  );
const bodyText = (c: Comment): string => JSON.stringify(c.body);

/** The hour and minute a comment was written, on a Berlin wall clock (March 2026: UTC+1). */
const berlinMinuteOfDay = (iso: string): number => {
  const t = new Date(Date.parse(iso) + 3_600_000);
  return t.getUTCHours() * 60 + t.getUTCMinutes();
};

describe('a deadline at closing time', () => {
  it('is breached at 17:00, not at risk with 0 s all evening, and the fields say so at once', async () => {
    // Monday 15:00, Medium: first response within 120 working minutes of Berlin 9–17, due at 17:00.
    world = await makeWorld({ agreements: [gold], now: berlin('02T15:00') });
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await advanceTo(berlin('02T16:59'));
    expect(fieldsOf(issue.id)['sla-state']).toBe('at-risk'); // the 75 % warning went out at 16:30
    expect(fieldsOf(issue.id)['next-deadline']).toBe('2026-03-02T16:00:00.000Z');

    // Within a sweep bucket (15 s) of 17:00, not the next morning.
    await advanceTo(berlin('02T17:00') + 20_000);
    const first = await resultOf(issue.id, 'first-response');
    expect(first.result.cycles[0]).toEqual(
      expect.objectContaining({ breached: true, breachedAt: '2026-03-02T16:00:00.000Z', remainingMs: 0 }),
    );
    expect(fieldsOf(issue.id)['sla-state']).toBe('breached');
    // The next deadline is no longer the one in the past: the resolution's, 24 working hours on, Thursday 15:00.
    expect(fieldsOf(issue.id)['next-deadline']).toBe('2026-03-05T14:00:00.000Z');

    await advanceTo(berlin('02T22:00'));
    const panel = await dispatch(world.deps, 'issue/metrics', { issueId: issue.id }, admin);
    expect(
      panel.ok &&
        (panel.data as { results: { metric: { id: string }; displayState: string }[] }).results.map((r) => [
          r.metric.id,
          r.displayState,
        ]),
    ).toEqual([
      ['first-response', 'breached'],
      ['resolution', 'out-of-hours'],
    ]);
  });

  it('is met by an answer exactly at 17:00', async () => {
    world = await makeWorld({ agreements: [gold], now: berlin('02T15:00') });
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await advanceTo(berlin('02T17:00'));
    world.site.comment(issue.id, 'alex-agent', 'Here is what we found');
    await world.drain();
    const first = await resultOf(issue.id, 'first-response');
    expect([first.state, first.breached, first.result.cycles[0]?.stoppedAt]).toEqual([
      'met',
      false,
      '2026-03-02T16:00:00.000Z',
    ]);
    await advanceTo(berlin('02T18:00'));
    expect((await resultOf(issue.id, 'first-response')).state).toBe('met');
  });
});

describe('a breach followed by Accord’s escalation', () => {
  /**
   * Monday 2 March 09:00: a Medium and a High request, both answered at 09:10. The High one's resolution (8
   * working hours) breaches Monday 17:00, the Medium one's (24) Wednesday 17:00; at each breach Accord raises
   * the priority to Highest (4 h on 24/7) and writes an internal note, again every 4 working hours while open.
   * Both are resolved Friday 15:00.
   */
  async function escalated() {
    world = await makeWorld({ agreements: [gold], now: berlin('02T09:00') });
    const medium = world.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
    const high = world.site.create({ reporter: 'carla-customer', priority: 'High', fields: acme });
    await advanceTo(berlin('02T09:10'));
    world.site.comment(medium.id, 'alex-agent', 'Looking into it');
    world.site.comment(high.id, 'alex-agent', 'Looking into it');
    await advanceTo(berlin('06T15:00'));
    world.site.transition(medium.id, 'alex-agent', 'Resolved');
    world.site.transition(high.id, 'alex-agent', 'Resolved');
    await world.drain();
    return { medium, high };
  }

  it('keeps each breach at its deadline and under the goal it breached under, though the priority is Highest', async () => {
    const { medium, high } = await escalated();
    for (const issue of [medium, high])
      expect((world.site.find(issue.id)?.field('priority') as { name: string }).name).toBe('Highest');
    const mediumCycle = (await resultOf(medium.id, 'resolution')).result.cycles[0];
    expect(mediumCycle).toEqual(
      expect.objectContaining({ breached: true, breachedAt: '2026-03-04T16:00:00.000Z', goalIndex: OTHER }),
    );
    const highCycle = (await resultOf(high.id, 'resolution')).result.cycles[0];
    expect(highCycle).toEqual(
      expect.objectContaining({ breached: true, breachedAt: '2026-03-02T16:00:00.000Z', goalIndex: HIGH }),
    );
  });

  it('files the breaches under High and the other priorities in the month’s report, and owes High’s credit', async () => {
    await escalated();
    const reply = await dispatch(
      world.deps,
      'reports/monthly',
      { month: '2026-03', agreementId: 'gold' },
      admin,
    );
    if (!reply.ok) throw new Error(reply.error.message);
    const month = (reply.data as MonthlyReport).counterparties[0]?.agreements[0];
    const resolution = month?.metrics.find((m) => m.metricId === 'resolution');
    expect(
      resolution?.goals.map((g) => [g.goalIndex, g.figures.met, g.figures.breached, g.figures.metPercent]),
    ).toEqual([
      [HIGHEST, 0, 0, null],
      [HIGH, 0, 1, 0],
      [OTHER, 0, 1, 0],
    ]);
    // High's two tiers (5 % under 95 %, 10 % under 85 %) are missed at 0 %: the larger one is owed, not "Kept".
    const highLines = month?.credits?.lines.filter(
      (l) =>
        l.measure.kind === 'metric' &&
        l.measure.metricName === 'Time to resolution' &&
        l.measure.goal.kind === 'condition' &&
        l.measure.goal.when === 'priority = High',
    );
    expect(highLines?.map((l) => [l.measuredPercent, l.missed, l.owed, l.creditPercent])).toEqual([
      [0, true, false, 5],
      [0, true, true, 10],
    ]);
  });

  it('writes one breach note per repeat, in Berlin working hours only, as many as the timeline counts', async () => {
    const { medium, high } = await escalated();
    for (const issue of [medium, high]) {
      const notes = accordComments(issue.id).filter((c) => bodyText(c).includes('breached'));
      const repeat = (await resultOf(issue.id, 'resolution')).result.cycles[0]?.thresholds[1];
      expect(notes).toHaveLength(repeat?.crossings ?? -1);
      // 17:00 is the breach itself (and its note, up to a sweep bucket later); no note at night.
      for (const note of notes) {
        const minute = berlinMinuteOfDay(note.created);
        expect([note.created, minute >= 9 * 60 && minute <= 17 * 60 + 1]).toEqual([note.created, true]);
      }
      expect(new Set(notes.map((n) => n.created)).size).toBe(notes.length);
    }
    // The High request: Monday 17:00, then every 4 working hours: Tuesday 13:00 and 17:00, Wednesday 13:00
    // and 17:00, Thursday 13:00 and 17:00, Friday 13:00.
    const highNotes = accordComments(high.id).filter((c) => bodyText(c).includes('breached'));
    expect(highNotes.map((n) => n.created.slice(0, 16))).toEqual([
      '2026-03-02T16:00',
      '2026-03-03T12:00',
      '2026-03-03T16:00',
      '2026-03-04T12:00',
      '2026-03-04T16:00',
      '2026-03-05T12:00',
      '2026-03-05T16:00',
      '2026-03-06T12:00',
    ]);
  });
});

describe('priority changes', () => {
  /** Gold's first-response goals, in order: Highest and High (30 min, 24/7), Medium (2 h, 9–17), the rest. */
  const [HIGH_FIRST, , LOW_FIRST] = [0, 1, 2];

  async function firstResponseReport() {
    const reply = await dispatch(
      world.deps,
      'reports/compliance',
      { agreementId: 'gold', metricId: 'first-response', count: 1 },
      admin,
    );
    if (!reply.ok) throw new Error(reply.error.message);
    return (
      reply.data as { rows: { goalIndex: number | null; periods: { met: number; breached: number }[] }[] }
    ).rows.map((r) => [r.goalIndex, r.periods[0]?.met, r.periods[0]?.breached]);
  }

  it('keeps a breach when the priority is lowered after it, and files it under the goal it breached', async () => {
    // High, raised 10:00: first response due 10:30 (24/7), breached then; set to Low at 11:00, answered 11:30.
    world = await makeWorld({ agreements: [gold], now: berlin('02T10:00') });
    const issue = world.site.create({ reporter: 'carla-customer', priority: 'High', fields: acme });
    await advanceTo(berlin('02T11:00'));
    world.site.setPriority(issue.id, 'alex-agent', 'Low');
    await advanceTo(berlin('02T11:30'));
    world.site.comment(issue.id, 'alex-agent', 'Sorry for the wait');
    await world.drain();
    const first = await resultOf(issue.id, 'first-response');
    expect([first.state, first.result.cycles[0]?.breachedAt, first.result.cycles[0]?.goalIndex]).toEqual([
      'breached',
      '2026-03-02T09:30:00.000Z',
      HIGH_FIRST,
    ]);
    expect(await firstResponseReport()).toEqual([
      [HIGH_FIRST, 0, 1],
      [1, 0, 0],
      [LOW_FIRST, 0, 0],
    ]);
  });

  it('breaches at the change when a stricter goal comes in below the time already elapsed', async () => {
    // Medium from 09:00 (2 h on 9–17); raised to High (30 min, 24/7) at 10:00 with 60 minutes elapsed: breached
    // at 10:00, the change, never at 09:30, when the new goal was not yet in force.
    world = await makeWorld({ agreements: [gold], now: berlin('02T09:00') });
    const issue = world.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
    await advanceTo(berlin('02T10:00'));
    world.site.setPriority(issue.id, 'alex-agent', 'High');
    await advanceTo(berlin('02T10:05'));
    const first = await resultOf(issue.id, 'first-response');
    expect([first.breached, first.result.cycles[0]?.breachedAt, first.result.cycles[0]?.goalIndex]).toEqual([
      true,
      '2026-03-02T09:00:00.000Z',
      HIGH_FIRST,
    ]);
    expect(fieldsOf(issue.id)['sla-state']).toBe('breached');
  });
});
