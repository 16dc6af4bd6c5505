import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Backend } from '../../../shared/backend';
import { createI18n } from '../../../shared/i18n/i18n';
import { I18nProvider } from '../../../shared/i18n/use-i18n';
import { fakeBackend } from '../../../shared/testing/fake-backend';
import { testTranslations } from '../../../shared/testing/translations';
import { AdminContext, type Admin, type TabKey } from '../admin-context';

/**
 * Component tests of the admin page's parts: renders a part with the page's translations and context around
 * it, and the small interactions Atlaskit's fields need in jsdom (typing goes through React's value setter).
 */

// React's act() warns unless it knows it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Atlaskit asks Atlassian's feature-gate client, which only Jira initialises, and warns once that it cannot.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (!JSON.stringify(args[0] ?? '').includes('feature gate')) warn(...args);
};

export interface Mounted {
  readonly container: HTMLElement;
  readonly announced: string[];
  readonly opened: TabKey[];
  rerender(node: ReactNode): void;
  unmount(): void;
}

/** Renders `node` with the admin page's English (or `locale`) text and a context over `backend`. */
export async function mount(
  node: ReactNode,
  options: { readonly backend?: Backend; readonly locale?: string; readonly now?: number } = {},
): Promise<Mounted> {
  const locale = options.locale ?? 'en-GB';
  const i18n = createI18n(locale, 'admin', await testTranslations(locale));
  const backend =
    options.backend ??
    fakeBackend(() => ({ ok: false, error: { code: 'not-found', message: 'no route' } })).backend;
  const announced: string[] = [];
  const opened: TabKey[] = [];
  const admin: Admin = {
    backend,
    ui: {
      issueId: null,
      projectKey: null,
      accountId: 'chris-admin',
      gadget: null,
      locale,
      timeZone: 'Europe/Berlin',
    },
    now: () => options.now ?? Date.parse('2026-03-02T10:00:00+01:00'),
    announce: (text) => announced.push(text),
    open: (tab) => opened.push(tab),
  };
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  const wrap = (n: ReactNode) => (
    <I18nProvider i18n={i18n}>
      <AdminContext.Provider value={admin}>{n}</AdminContext.Provider>
    </I18nProvider>
  );
  act(() => {
    root.render(wrap(node));
  });
  await settle();
  return {
    container,
    announced,
    opened,
    rerender: (n) => {
      act(() => {
        root.render(wrap(n));
      });
    },
    unmount: () => {
      act(() => {
        root.unmount();
      });
      container.remove();
    },
  };
}

/** Lets promises (and lazy chunks) resolve, inside act. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Waits (settling React between tries) until `find` returns something; fails after `ms`. */
export async function waitFor<T>(find: () => T | null | undefined, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    let found: T | null | undefined;
    try {
      found = find();
    } catch {
      found = undefined;
    }
    if (found !== null && found !== undefined) return found;
    if (Date.now() > until) throw new Error(`waited ${ms} ms for ${what}`);
    await settle();
  }
}

const valueProperty = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

/** Types `value` into an input as a person would (React sees an input event). */
export function type(input: HTMLInputElement, value: string): void {
  act(() => {
    valueProperty?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Leaves an input (React's onBlur listens to focusout). */
export function leave(input: HTMLInputElement): void {
  act(() => {
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

export const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** The input labelled `label` (by `<label for>`). */
export function field(container: HTMLElement, label: string): HTMLInputElement {
  const labels = [...container.querySelectorAll('label')].filter(
    (l) => clean(l.textContent).replace(/ \*$/, '') === label,
  );
  for (const l of labels) {
    const input = l.htmlFor ? container.ownerDocument.getElementById(l.htmlFor) : null;
    if (input instanceof HTMLInputElement) return input;
  }
  throw new Error(`no field labelled "${label}"`);
}

/** The button whose text (or accessible name) is `label`. */
export function button(container: HTMLElement, label: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(
    (b) => clean(b.textContent) === label || b.getAttribute('aria-label') === label,
  );
  if (!found)
    throw new Error(
      `no button "${label}" among ${[...container.querySelectorAll('button')].map((b) => `"${clean(b.textContent)}"`).join(', ')}`,
    );
  return found;
}

/** The text of what describes an input (its error and help), as a screen reader reads it after the label. */
export function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => clean(input.ownerDocument.getElementById(id)?.textContent))
    .join(' | ');
}

export async function click(element: HTMLElement): Promise<void> {
  act(() => {
    element.click();
  });
  await settle();
}
