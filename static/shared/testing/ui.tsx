import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { refused, type AnyReply } from './fake-backend';

/**
 * What every component test of the Custom UIs shares: a fake clock, a user who clicks and types through
 * user-event on that clock, and the dialogs the UIs ask their questions in.
 *
 * Time in these tests is jest's modern fake timers and nothing else: polling, countdowns and Atlaskit's own
 * timeouts run when a test advances the clock, and Testing Library's `findBy*` and `waitFor` advance it too
 * (they notice jest's fake timers), so a wait is counted in fake milliseconds and no test depends on how fast
 * the machine runs it. Every reply of a fake backend resolves as a microtask, which the waits flush.
 */

// React's act() warns unless it knows it runs in a test (Testing Library sets this too; the tests that drive
// React by hand need it before their first render).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Runs every test of the calling file on jest's modern fake timers, the clock set to `now` (epoch ms) before
 * each test, and puts the real timers back after it.
 */
export function onFakeClock(now: number): void {
  beforeEach(() => {
    jest.useFakeTimers({ now });
  });
  afterEach(() => {
    jest.useRealTimers();
  });
}

/** Moves the fake clock on by `ms`, running the timers that fall due and the promises they settle, inside act. */
export async function advance(ms = 0): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

/**
 * Waits until `container` shows something and nothing in it is still loading: every UI marks what it waits
 * for (its context, translations, a lazy chunk, a reply) with `aria-busy="true"`.
 */
export async function loaded(container: HTMLElement): Promise<void> {
  await waitFor(() => {
    expect(container.childElementCount).toBeGreaterThan(0);
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
  });
}

/**
 * A person at the keyboard and mouse (user-event), whose pauses between keys run on jest's fake clock.
 * @example
 * const user = person();
 * await user.click(await screen.findByRole('button', { name: 'Save' }));
 */
export function person(): UserEvent {
  return userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
}

/**
 * Replaces the text of `input` with `text` as a person would: select it all, then type (an empty `text` just
 * clears it).
 */
export async function retype(user: UserEvent, input: HTMLElement, text: string): Promise<void> {
  await user.clear(input);
  if (text !== '') await user.type(input, text);
}

/**
 * The dialog on screen (Atlaskit's modal renders into a portal on document.body), once it opened; `name` is
 * its accessible name (its title) where the test cares which one.
 */
export function findDialog(name?: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole('dialog', name === undefined ? {} : { name });
}

/** Waits until no dialog is on screen. */
export async function dialogGone(): Promise<void> {
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).toBeNull();
  });
}

/** Answers the open dialog with its button `answer` (e.g. 'Discard changes'). */
export async function answerDialog(user: UserEvent, answer: string | RegExp): Promise<void> {
  const dialog = await findDialog();
  await user.click(within(dialog).getByRole('button', { name: answer }));
}

/** A failed reply, as every route may give. */
type Failed = Extract<AnyReply, { readonly ok: false }>;

/**
 * Gives `replies` in turn, the last one again once they run out: the answers of a route a UI polls.
 */
export function inTurn<T extends AnyReply>(...replies: T[]): () => T | Failed {
  const left = [...replies];
  return () =>
    (left.length > 1 ? left.shift() : left[0]) ?? refused('internal-error', { detail: 'no reply' });
}
