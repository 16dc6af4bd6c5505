/**
 * @jest-environment jsdom
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Backend } from '../backend';
import { fakeBackend } from '../testing/fake-backend';
import { useUiStart } from './use-i18n';

// React's act() warns unless it knows it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

let root: Root | undefined;
let host: HTMLElement;

async function render(backend: Backend): Promise<string> {
  host = document.createElement('div');
  root = createRoot(host);
  await act(async () => {
    root?.render(<Probe backend={backend} />);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return host.textContent;
}

afterEach(() => {
  act(() => root?.unmount());
});

describe('useUiStart', () => {
  it('gives the host context and the translations of its locale', async () => {
    const { backend } = fakeBackend({}, { locale: 'de-DE' });
    expect(await render(backend)).toBe('ready: de-DE de-DE');
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
});
