import type { Reply } from '../api/reply';
import type { Backend, UiContext } from '../backend';
import { testTranslations } from './translations';

/** One resolver call a fake backend received. */
export interface Call {
  readonly route: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * A {@link Backend} for component tests: `answer` replies to each call (by route and payload), the context is
 * an agent in Berlin reading English unless `context` says otherwise, translations are the UIs' own catalogues,
 * and `notify(channel)` plays a realtime event. `calls` and `submitted` record what the UI asked for.
 */
export function fakeBackend(
  answer: (call: Call) => Reply<unknown> | Promise<Reply<unknown>>,
  context: Partial<UiContext> = {},
) {
  const calls: Call[] = [];
  const submitted: Readonly<Record<string, unknown>>[] = [];
  const listeners = new Map<string, Set<() => void>>();
  const backend: Backend = {
    call: async (route, payload) => {
      const call = { route, payload };
      calls.push(call);
      return answer(call);
    },
    context: () =>
      Promise.resolve({
        issueId: null,
        projectKey: null,
        accountId: 'admin-1',
        gadget: null,
        locale: 'en-US',
        timeZone: 'Europe/Berlin',
        ...context,
      }),
    subscribe: (channel, onEvent) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(onEvent);
      listeners.set(channel, set);
      return Promise.resolve(() => set.delete(onEvent));
    },
    translations: testTranslations,
    submitGadget: (configuration) => {
      submitted.push(configuration);
      return Promise.resolve();
    },
  };
  const notify = (channel: string): void => {
    for (const listener of listeners.get(channel) ?? []) listener();
  };
  return { backend, calls, submitted, notify };
}
