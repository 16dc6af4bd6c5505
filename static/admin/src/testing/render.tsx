import { render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { Backend } from '../../../shared/backend';
import { createI18n } from '../../../shared/i18n/i18n';
import { I18nProvider } from '../../../shared/i18n/use-i18n';
import { fakeBackend, refused } from '../../../shared/testing/fake-backend';
import { testTranslations } from '../../../shared/testing/translations';
import { advance, person, onFakeClock } from '../../../shared/testing/ui';
import { AdminContext, type Admin, type TabKey } from '../admin-context';
import { AdminPage } from '../admin-page';

/**
 * Component tests of the admin page's parts: renders a part with Testing Library, the page's translations and
 * context around it, on jest's fake clock (set to {@link NOW} before each test of a file that imports this), with
 * a user-event {@link Mounted.user} to click and type.
 */

/** The admin page's "now" in its tests: Monday 2 March 2026, 10:00 in Berlin. */
export const NOW = Date.parse('2026-03-02T10:00:00+01:00');
onFakeClock(NOW);

// Atlaskit asks Atlassian's feature-gate client, which only Jira initialises, and warns once that it cannot.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (!JSON.stringify(args[0] ?? '').includes('feature gate')) warn(...args);
};

export interface Mounted {
  readonly container: HTMLElement;
  readonly announced: string[];
  readonly opened: TabKey[];
  /** A person at the keyboard and mouse, on the fake clock. */
  readonly user: UserEvent;
  rerender(node: ReactNode): void;
  unmount(): void;
}

/**
 * Renders `node` with the admin page's English (or `locale`) text and a context over `backend`; resolves once
 * it is on screen (what it loads, a test waits for with `findBy*` or {@link waitFor}).
 */
export async function mount(
  node: ReactNode,
  options: { readonly backend?: Backend; readonly locale?: string; readonly now?: number } = {},
): Promise<Mounted> {
  const locale = options.locale ?? 'en-GB';
  const i18n = createI18n(locale, 'admin', await testTranslations(locale));
  const backend =
    options.backend ?? fakeBackend((call) => refused('route-unknown', { route: call.route })).backend;
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
    now: () => options.now ?? NOW,
    announce: (text) => announced.push(text),
    open: (tab) => opened.push(tab),
  };
  const wrap = (n: ReactNode) => (
    <I18nProvider i18n={i18n}>
      <AdminContext.Provider value={admin}>{n}</AdminContext.Provider>
    </I18nProvider>
  );
  const rendered = render(wrap(node));
  return {
    container: rendered.container,
    announced,
    opened,
    user: person(),
    rerender: (n) => {
      rendered.rerender(wrap(n));
    },
    unmount: () => {
      rendered.unmount();
    },
  };
}

/** Fake milliseconds between two looks of {@link found}, and how many it waits at most. */
const LOOK_EVERY_MS = 50;
const FOUND_WITHIN_MS = 1000;

/**
 * Waits, on the fake clock, until `find` returns something (a query that throws counts as nothing yet); fails
 * with `what` after {@link FOUND_WITHIN_MS} of fake time. Between looks it moves the clock on with
 * {@link advance} (inside act, timers run one by one with the promises they settle flushed in between). Testing
 * Library's `waitFor` moved it with the synchronous `advanceTimersByTime` instead, and on the admin page (lazy
 * tabs, then the backend's replies) gave up before the page had rendered in some runs: 4 to 8 of 14 tests of
 * admin-page.test.tsx failed in about half the runs, at any load, since at least 04e479b.
 */
export async function found<T>(find: () => T | null | undefined, what: string): Promise<T> {
  let missing = `waiting for ${what}`;
  for (let waited = 0; ; waited += LOOK_EVERY_MS) {
    try {
      const result = find();
      if (result !== null && result !== undefined) return result;
    } catch (error) {
      missing = error instanceof Error ? error.message : String(error);
    }
    if (waited >= FOUND_WITHIN_MS) throw new Error(`${what} never came: ${missing}`);
    await advance(LOOK_EVERY_MS);
  }
}

/**
 * Puts `value` into an input in place of what it held, as a person would who empties the field and pastes:
 * one input event per value, so the admin's long forms render once per field rather than once per key (typing
 * key by key made the agreement editor's tests 2.5 times slower: 25 s instead of 10 s for one test).
 */
export async function type(user: UserEvent, input: HTMLElement, value: string): Promise<void> {
  await user.clear(input);
  if (value !== '') await user.paste(value);
}

/** Leaves the focused input (React's onBlur listens to focusout) by tabbing on. */
export async function leave(user: UserEvent): Promise<void> {
  await user.tab();
}

export { screen };

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
  const match = [...container.querySelectorAll('button')].find(
    (b) => clean(b.textContent) === label || b.getAttribute('aria-label') === label,
  );
  if (!match)
    throw new Error(
      `no button "${label}" among ${[...container.querySelectorAll('button')].map((b) => `"${clean(b.textContent)}"`).join(', ')}`,
    );
  return match;
}

/** The text of what describes an input (its error and help), as a screen reader reads it after the label. */
export function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => clean(input.ownerDocument.getElementById(id)?.textContent))
    .join(' | ');
}

/** The whole admin page, as Jira shows it, over `backend`: its container and a person to use it. */
export function mountPage(backend: Backend): { readonly container: HTMLElement; readonly user: UserEvent } {
  const { container } = render(<AdminPage backend={backend} clock={() => NOW} />);
  return { container, user: person() };
}

/**
 * Loads the admin page's lazy tabs once, before the calling file's tests. Requiring a tab (Atlaskit and all)
 * is the one step whose real time grows with the machine's load: over 30 s for the agreements tab under a
 * load average of 19 on two cores, which timed out the first test of each file that opened it. In a hook
 * with room for that, the tests themselves find the chunks loaded and wait only on the fake clock.
 */
export function loadTabsFirst(): void {
  beforeAll(async () => {
    await Promise.all([
      import('../agreements/agreements-tab'),
      import('../calendars/calendars-tab'),
      import('../jobs/jobs-tab'),
      import('../audit/audit-tab'),
      import('../jsm/jsm-tab'),
    ]);
  }, 600_000);
}
