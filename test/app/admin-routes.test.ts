import type { CallContext } from '../../src/app/resolvers/context';
import { dispatch } from '../../src/app/resolvers/dispatch';
import { makeWorld } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const admin: CallContext = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' };
const customer: CallContext = {
  accountId: 'carla-customer',
  accountType: 'customer' as const,
  module: 'admin',
};

let world: World;
afterEach(async () => {
  await world.close();
});

describe('the admin page’s routes', () => {
  it('names a region’s holidays in the language asked for, and refuses what is no language code', async () => {
    world = await makeWorld();
    const names = async (language?: string) => {
      const reply = await dispatch(
        world.deps,
        'calendars/region-holidays',
        { region: 'DE', fromYear: 2026, toYear: 2026, ...(language === undefined ? {} : { language }) },
        admin,
      );
      if (!reply.ok) throw new Error(reply.error.message);
      return (reply.data as { holidays: { date: string; name: string }[] }).holidays.find(
        (h) => h.date === '2026-01-01',
      )?.name;
    };
    expect(await names('en-GB')).toBe("New Year's Day");
    expect(await names('de')).toBe('Neujahr');
    expect(await names()).toBe('Neujahr');
    expect(
      await dispatch(
        world.deps,
        'calendars/region-holidays',
        { region: 'DE', fromYear: 2026, toYear: 2026, language: '<script>' },
        admin,
      ),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid-payload',
        problems: [expect.objectContaining({ path: '$.language' })],
      }),
    });
  });

  it('lists the holiday regions a calendar can name, countries with their states', async () => {
    world = await makeWorld();
    const reply = await dispatch(world.deps, 'calendars/regions', {}, admin);
    if (!reply.ok) throw new Error(reply.error.message);
    const { countries } = reply.data as { countries: { code: string; states: { code: string }[] }[] };
    expect(countries.find((c) => c.code === 'DE')?.states).toContainEqual(
      expect.objectContaining({ code: 'DE-BE' }),
    );
    expect(countries.find((c) => c.code === 'DK')?.states).toEqual([]);
  });

  it("resolves a region's public holidays on the backend, for the browser's preview", async () => {
    world = await makeWorld();
    const reply = await dispatch(
      world.deps,
      'calendars/region-holidays',
      { region: 'DE-BE', fromYear: 2026, toYear: 2026 },
      admin,
    );
    expect(reply).toEqual({
      ok: true,
      data: expect.objectContaining({
        region: 'DE-BE',
        holidays: expect.arrayContaining([
          expect.objectContaining({ date: '2026-03-08' }), // Internationaler Frauentag, Berlin only
          expect.objectContaining({ date: '2026-10-03' }),
        ]),
      }),
    });
  });

  it('refuses an unknown region and too many years, naming the field', async () => {
    world = await makeWorld();
    expect(
      await dispatch(
        world.deps,
        'calendars/region-holidays',
        { region: 'XX', fromYear: 2026, toYear: 2026 },
        admin,
      ),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid-payload',
        problems: [expect.objectContaining({ path: '$.region' })],
      }),
    });
    expect(
      await dispatch(
        world.deps,
        'calendars/region-holidays',
        { region: 'DE', fromYear: 2020, toYear: 2030 },
        admin,
      ),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid-payload',
        problems: [expect.objectContaining({ path: '$.toYear' })],
      }),
    });
  });

  it('tells where each agreement applies: the projects that use it, in order', async () => {
    world = await makeWorld();
    expect(await dispatch(world.deps, 'agreements/placements', {}, admin)).toEqual({
      ok: true,
      data: { projects: [{ projectKey: 'IT', agreementIds: ['gold', 'second-level', 'netco-uc'] }] },
    });
  });

  it('answers only Jira administrators', async () => {
    world = await makeWorld();
    for (const [key, payload] of [
      ['calendars/regions', {}],
      ['calendars/region-holidays', { region: 'DE', fromYear: 2026, toYear: 2026 }],
      ['agreements/placements', {}],
    ] as const) {
      expect([key, await dispatch(world.deps, key, payload, customer)]).toEqual([
        key,
        { ok: false, error: expect.objectContaining({ code: 'forbidden' }) },
      ]);
    }
  });
});
