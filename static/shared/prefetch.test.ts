import type { Backend } from './backend';
import { prefetching } from './prefetch';
import { fakeBackend, refused, type Call } from './testing/fake-backend';

/** A fake host that counts what it was asked, with the translations it was asked for recorded too. */
function host(): { backend: Backend; calls: Call[]; locales: string[] } {
  const fake = fakeBackend(({ route }) => refused('route-unknown', { route }), {
    issueId: '10001',
    locale: 'de-DE',
  });
  const locales: string[] = [];
  const backend: Backend = {
    ...fake.backend,
    translations: (locale) => {
      locales.push(locale);
      return fake.backend.translations(locale);
    },
  };
  return { backend, calls: fake.calls, locales };
}

const metricsOf = (issueId: string | null) =>
  issueId === null ? null : { route: 'issue/metrics' as const, payload: { issueId } };

describe('prefetching', () => {
  it('asks for the translations and the first call together, before the UI asks for either', async () => {
    const h = host();
    const backend = prefetching(h.backend, (c) => metricsOf(c.issueId));
    await backend.context();
    await Promise.resolve();
    expect(h.locales).toEqual(['de-DE']);
    expect(h.calls.map((c) => c.route)).toEqual(['issue/metrics']);
  });

  it("hands the UI's first matching call the early answer, and later calls go to the host", async () => {
    const h = host();
    const backend = prefetching(h.backend, (c) => metricsOf(c.issueId));
    const context = await backend.context();
    await backend.translations(context.locale);
    expect(await backend.call('issue/metrics', { issueId: '10001' })).toEqual({
      ok: false,
      error: refused('route-unknown', { route: 'issue/metrics' }).error,
    });
    expect(h.calls).toHaveLength(1);
    expect(h.locales).toHaveLength(1);
    await backend.call('issue/metrics', { issueId: '10001' });
    await backend.translations('de-DE');
    await backend.context();
    expect(h.calls).toHaveLength(2);
    expect(h.locales).toHaveLength(2);
  });

  it('lets a first paint read the early answers without taking them from the UI', async () => {
    const h = host();
    const backend = prefetching(h.backend, (c) => metricsOf(c.issueId));
    const early = await backend.early;
    expect(early.context.issueId).toBe('10001');
    expect(early.reply?.ok).toBe(false);
    // The UI's own first asks still get the same answers, without asking the host again.
    const context = await backend.context();
    await backend.translations(context.locale);
    await backend.call('issue/metrics', { issueId: '10001' });
    expect(h.calls).toHaveLength(1);
    expect(h.locales).toHaveLength(1);
  });

  it('asks the host again for a call or a locale other than the early ones', async () => {
    const h = host();
    const backend = prefetching(h.backend, (c) => metricsOf(c.issueId));
    await backend.context();
    await backend.call('issue/metrics', { issueId: '10002' });
    await backend.call('issue/adjustments', { issueId: '10001' });
    await backend.translations('da-DK');
    expect(h.calls.map((c) => c.payload)).toEqual([
      { issueId: '10001' },
      { issueId: '10002' },
      { issueId: '10001' },
    ]);
    expect(h.locales).toEqual(['de-DE', 'da-DK']);
  });

  it('makes no early call where the UI has none to make', async () => {
    const h = host();
    const backend = prefetching(h.backend, () => null);
    await backend.context();
    await Promise.resolve();
    expect(h.calls).toHaveLength(0);
  });

  it("passes on the host's refusal of the context", async () => {
    const refused: Backend = { ...host().backend, context: () => Promise.reject(new Error('no bridge')) };
    await expect(prefetching(refused, () => null).context()).rejects.toThrow('no bridge');
  });
});
