/**
 * @jest-environment jsdom
 */
import { render as show, screen } from '@testing-library/react';
import type { Backend } from '../backend';
import { fakeBackend } from '../testing/fake-backend';
import { onFakeClock } from '../testing/ui';
import { textFailed, useUiStart } from './use-i18n';

onFakeClock(Date.parse('2026-03-02T10:00:00+01:00'));

/** Shows what useUiStart gives, as text. */
function Probe(props: { readonly backend: Backend }) {
  const start = useUiStart(props.backend, 'portal', (detail) => `Jira did not say where${detail}.`);
  if (start.status === 'failed') return <p>failed: {start.error.message}</p>;
  if (start.status === 'loading') return <p>loading</p>;
  return (
    <p>
      ready: {start.context.locale} {start.i18n.locale}
    </p>
  );
}

/** What the probe shows once it stopped loading. */
async function render(backend: Backend): Promise<string> {
  show(<Probe backend={backend} />);
  return (await screen.findByText(/^(ready|failed):/)).textContent;
}

describe('useUiStart', () => {
  it('gives the host context and the translations of its locale', async () => {
    const { backend } = fakeBackend({}, { locale: 'de-DE' });
    expect(await render(backend)).toBe('ready: de-DE de-DE');
  });

  it('says the document’s language is the user’s, for every UI (index.html says en)', async () => {
    document.documentElement.lang = 'en';
    const { backend } = fakeBackend({}, { locale: 'da-DK' });
    await render(backend);
    expect(document.documentElement.lang).toBe('da-DK');
  });

  it('words a context the host would not give in the caller’s English, with the host’s reason', async () => {
    const { backend } = fakeBackend({});
    const failing: Backend = { ...backend, context: () => Promise.reject(new Error('bridge closed')) };
    expect(await render(failing)).toBe('failed: Jira did not say where (bridge closed).');
  });

  it('passes on a failure to load the text', async () => {
    const { backend } = fakeBackend({});
    const failing: Backend = { ...backend, translations: () => Promise.reject(new Error('404')) };
    expect(await render(failing)).toBe('failed: Accord could not load its text (404). Reload the page.');
  });

  it('says the text did not load in German, Danish and, for any other locale, English', async () => {
    const failingIn = (locale: string): Backend => {
      const { backend } = fakeBackend({}, { locale });
      return { ...backend, translations: () => Promise.reject(new Error('404')) };
    };
    const { unmount } = show(<Probe backend={failingIn('de-DE')} />);
    expect((await screen.findByText(/^failed:/)).textContent).toBe(
      'failed: Accord konnte seine Texte nicht laden (404). Laden Sie die Seite neu.',
    );
    unmount();
    expect(await render(failingIn('da-DK'))).toBe(
      'failed: Accord kunne ikke indlæse sine tekster (404). Genindlæs siden.',
    );
    expect(textFailed('fr-FR', '')).toBe('Accord could not load its text. Reload the page.');
  });
});
