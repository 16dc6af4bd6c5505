import { acme, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

/** The text of an Atlassian document: its paragraphs' text runs. */
const textOf = (body: unknown): string =>
  JSON.stringify(body)
    .match(/"text":"[^"]*"/g)
    ?.map((run) => run.slice(8, -1))
    .join('') ?? '';

describe('{deadline} in action texts', () => {
  it('is written in the goal calendar’s zone with its offset, not in UTC', async () => {
    // Monday 09:00 Berlin, first response 2 h on the Berlin 9–17 calendar: 75 % at 10:30, due at 11:00 +01:00.
    world = await makeWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.advance(95 * MINUTE);
    const comments = (
      issue.json().fields as { comment: { comments: { author: { accountType: string }; body: unknown }[] } }
    ).comment.comments.filter((c) => c.author.accountType === 'app');
    expect(comments.map((c) => textOf(c.body))).toEqual([
      expect.stringContaining('is due at 2026-03-02 11:00 +01:00'),
    ]);
  });
});
