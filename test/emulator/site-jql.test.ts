/**
 * The JQL check against the site through the real Forge SDKs: the admin's save reads the site's fields,
 * statuses, priorities and request types with `requestJira` (as the app), refuses an unknown field, and reads
 * them once for several saves.
 */
import type { Agreement } from '../../src/engine/agreement/types';
import type { ForgeEmulator } from './emulator';
import { describeOnMysql, exampleAgreements, startEmulator } from './support';

const ADMIN = { accountId: 'chris-admin', moduleKey: 'accord-admin' };

/** Settles `work` while playing virtual time (a resolver call and its Jira reads cost virtual latency). */
async function played<T>(emulator: ForgeEmulator, work: Promise<T>): Promise<T> {
  const state = { done: false };
  work.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  while (!state.done) await emulator.advance(1000);
  return work;
}

function draft(id: string, appliesTo: string): Agreement {
  const gold = exampleAgreements.find((a) => a.id === 'gold');
  if (!gold) throw new Error('the examples have no gold agreement');
  return { ...structuredClone(gold), id, name: id, appliesTo };
}

describeOnMysql('Forge emulator: JQL checked against the site', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('refuses an unknown field at save, warns of an unknown value, and reads the site once', async () => {
    emulator = await startEmulator(url, { seeded: true });
    const e = emulator;
    const save = (agreement: Agreement) =>
      played(e, e.invokeResolver('agreements/save', { agreement, expectedVersion: 0 }, ADMIN));

    expect(await save(draft('typo', 'project = IT AND stauts = Open'))).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid-config',
        problems: [
          expect.objectContaining({
            code: 'jql.unknown-field',
            path: '$.agreement.appliesTo',
            column: 18,
            detail: { key: 'jql.unknown-field', values: { field: 'stauts', count: 1, nearest0: 'status' } },
          }),
        ],
      }),
    });
    const warned = (await save(draft('warned', 'project = IT AND priority = Hihg'))) as {
      ok: boolean;
      data: { version: number; siteCheck: { status: string; warnings: { code: string; column: number }[] } };
    };
    expect(warned.ok).toBe(true);
    expect(warned.data.version).toBe(1);
    expect(warned.data.siteCheck.status).toBe('checked');
    expect(warned.data.siteCheck.warnings.map((w) => [w.code, w.column])).toEqual([
      ['jql.unknown-value', 29],
    ]);

    const byEndpoint = emulator.metrics().jira.byEndpoint;
    const reads = Object.entries(byEndpoint).filter(([k]) => /field$|priority$|requesttype$/.test(k));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every(([, n]) => n === 1)).toBe(true);
    expect(emulator.metrics().errors).toEqual([]);
  });
});
