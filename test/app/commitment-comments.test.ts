/**
 * Commitments for external customers, on the sandbox: the Gold SLA posts what it commits to as a public comment
 * when a request is raised, in the reporter's language and zone, and again when a committed time moves by more
 * than its `moveMinutes`; once per change, a fault between posting and recording included; and nothing of the
 * second-level OLA or the carrier's UC ever appears in it.
 */
import { postCommitments } from '../../src/app/commitments/post-commitments';
import { CLAIM_STALE_MS } from '../../src/app/evaluation/actions';
import { evaluateStored } from '../../src/app/evaluation/evaluate-issue';
import type { Agreement } from '../../src/engine/agreement/types';
import { validateAgreements } from '../../src/engine/agreement/validate';
import { acme, exampleAgreements, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
afterEach(async () => {
  await world.close();
});

/** Monday 2 March 2026, 10:00 in Berlin. */
const MONDAY_10 = Date.UTC(2026, 2, 2, 9, 0);

/** The examples, with Gold support posting its commitments and re-posting a move of more than an hour. */
const agreements = (): Agreement[] =>
  exampleAgreements.map((a) =>
    a.id === 'gold' ? { ...a, customerVisible: true, commitmentComments: { moveMinutes: 60 } } : a,
  );

/** The app's public comments on an issue (its threshold actions write internal notes), as Jira shows them. */
function appComments(issueId: string): { text: string; public: boolean }[] {
  const json = world.site.find(issueId)!.json() as {
    fields: {
      comment: {
        comments: { author: { accountId: string }; jsdPublic: boolean; body: unknown }[];
      };
    };
  };
  return json.fields.comment.comments
    .filter((c) => c.author.accountId === 'accord-app' && c.jsdPublic)
    .map((c) => ({ text: textOf(c.body), public: c.jsdPublic }));
}

const textOf = (adf: unknown): string =>
  [...JSON.stringify(adf).matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)]
    .map((m) => JSON.parse(`"${m[1] ?? ''}"`) as string)
    .join('\n');

describe('commitments posted for external customers', () => {
  it('a German customer’s request gets one German comment, in Berlin time, with nothing of the OLA or UC', async () => {
    world = await makeWorld({ agreements: agreements(), now: MONDAY_10 });
    // Medium, on the network: Gold (first response 2 h, resolution 24 h of Berlin hours), the second-level OLA and
    // NetCo's UC all apply.
    const issue = world.site.create({
      reporter: 'anna-customer',
      priority: 'Medium',
      components: ['Network'],
      fields: acme,
    });
    world.site.setTeam(issue.id, 'alex-agent', 'Second Level');
    await world.advance(2 * MINUTE);
    await world.advance(30 * MINUTE);

    const comments = appComments(issue.id);
    expect(comments).toEqual([
      {
        public: true,
        text: expect.stringMatching(
          /^Vielen Dank für Ihre Anfrage IT-\d+\. Das sagen wir Ihnen zu:/,
        ) as string,
      },
    ]);
    const text = comments[0]!.text;
    expect(text).toContain('Wir antworten bis Montag, 2. März um 12:00 MEZ.');
    // 24 working hours of 9–17: three working days, Thursday 10:00.
    expect(text).toContain('Wir lösen Ihre Anfrage bis Donnerstag, 5. März um 10:00 MEZ.');
    for (const internal of ['Second-level', 'handling', 'NetCo', 'Carrier', 'restore', 'OLA', 'UC'])
      expect(text).not.toContain(internal);
    // The OLA and UC measure the issue all the same.
    const results = await world.store.results.forIssue(issue.id);
    expect(results.map((r) => r.kind).sort()).toEqual(['OLA', 'SLA', 'SLA', 'UC']);
  });

  it('posts again, once, when a committed time moves by more than the agreed amount', async () => {
    world = await makeWorld({ agreements: agreements(), now: MONDAY_10 });
    const issue = world.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
    await world.advance(5 * MINUTE);
    expect(appComments(issue.id)).toHaveLength(1);
    // In British English and London time: first response by 12:00 Berlin is 11:00 in London.
    expect(appComments(issue.id)[0]?.text).toContain('We will respond by Monday 2 March at 11:00 GMT.');

    // High at 10:05: first response within 30 minutes round the clock (10:30 Berlin), resolution within 8
    // working hours (Tuesday 10:00 Berlin) instead of 24. One new comment.
    world.site.setPriority(issue.id, 'alex-agent', 'High');
    await world.advance(5 * MINUTE);
    await world.advance(60 * MINUTE);
    const comments = appComments(issue.id);
    expect(comments).toHaveLength(2);
    expect(comments[1]?.text).toBe(
      [
        `Our commitments for your request ${issue.key} have changed:`,
        '- We will respond by Monday 2 March at 09:30 GMT.',
        '- We will resolve your request by Tuesday 3 March at 09:00 GMT.',
      ].join('\n'),
    );

    // A move within the hour posts nothing: 40 minutes waiting for the customer push resolution 40 minutes.
    world.site.transition(issue.id, 'alex-agent', 'Waiting for customer');
    await world.advance(40 * MINUTE);
    world.site.comment(issue.id, 'carla-customer', 'Here is the log.');
    await world.advance(10 * MINUTE);
    expect(appComments(issue.id)).toHaveLength(2);
  });

  it('never posts twice when recording fails after the comment was written', async () => {
    world = await makeWorld({ agreements: agreements(), now: MONDAY_10 });
    const issue = world.site.create({ reporter: 'anna-customer', priority: 'Medium', fields: acme });
    // The consumer writes the comment, then fails to record it (it dies, or the store refuses).
    const actions = world.store.actions as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const complete = actions.complete!.bind(world.store.actions);
    let armed = true;
    actions.complete = async (key: unknown, ...rest: unknown[]) => {
      if (armed && typeof key === 'string' && key.endsWith('/commitments/0')) {
        armed = false;
        throw new Error('complete: injected fault');
      }
      return complete(key, ...rest);
    };
    // The drain that posted is interrupted (logged, continued later), and the issue's pending mark stays.
    await world.advance(5 * MINUTE);
    expect(world.logger.withCode('drain.interrupted')).toEqual([
      expect.objectContaining({ reason: 'Error', retryInSeconds: 30 }),
    ]);
    expect(appComments(issue.id)).toHaveLength(1);
    expect(armed).toBe(false);
    // Measured again (the claim is fresh: come back when it is stale), then re-taken once stale: the marker is
    // found in Jira, and the post recorded.
    await world.advance(CLAIM_STALE_MS + 5 * MINUTE);
    expect(appComments(issue.id)).toHaveLength(1);
    const records = await world.store.actions.forIssue(issue.id);
    expect(records.find((r) => r.key.endsWith('/commitments/0'))).toEqual(
      expect.objectContaining({ status: 'done', attempts: 2 }),
    );
  });

  it('posts nothing for an OLA, even one that reached the app with the setting (saving refuses it)', async () => {
    world = await makeWorld({ agreements: exampleAgreements, now: MONDAY_10 });
    const issue = world.site.create({ reporter: 'anna-customer', priority: 'Medium', fields: acme });
    world.site.setTeam(issue.id, 'alex-agent', 'Second Level');
    await world.advance(5 * MINUTE);
    const history = await world.store.histories.get(issue.id);
    const outcome = await evaluateStored(world.deps, history!, world.clock.now());
    if (outcome.kind !== 'evaluated') throw new Error(outcome.kind);
    expect(outcome.result.agreements.map((a) => a.kind)).toContain('OLA');
    const leaky = new Map(
      [...outcome.agreements].map(([id, a]) => [
        id,
        a.kind === 'OLA' ? { ...a, customerVisible: true, commitmentComments: { moveMinutes: 60 } } : a,
      ]),
    );
    await expect(postCommitments(world.deps, issue.id, outcome.result, leaky)).resolves.toEqual([]);
    expect(appComments(issue.id)).toEqual([]);
  });

  it('is refused on an OLA or UC, and on an SLA hidden from customers', () => {
    const [gold, ola] = exampleAgreements;
    const checked = validateAgreements(
      [
        { ...ola!, commitmentComments: { moveMinutes: 60 } },
        { ...gold!, customerVisible: false, commitmentComments: { moveMinutes: 60 } },
      ],
      new Set(['always', 'berlin-9-17']),
    );
    expect(checked.ok ? [] : checked.problems.map((p) => [p.path, p.code])).toEqual([
      ['$[0].commitmentComments', 'agreement.commitmentComments'],
      ['$[1].commitmentComments', 'agreement.commitmentComments'],
    ]);
  });
});
