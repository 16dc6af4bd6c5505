import { i18n, invoke, realtime, view } from '@forge/bridge';
import type { PayloadOf, Reply, ReplyOf, RouteName } from '../../src/app/resolvers/contract';
import type { Backend, GadgetContext } from './backend';
import { toLocaleTag, toTimeZone } from './backend';
import { isReply, unreachable } from './api/reply';

type ForgeLocale = Parameters<typeof i18n.createTranslationFunction>[0];

/**
 * The {@link Backend} of a Custom UI running inside Jira: `@forge/bridge`'s invoke, context and realtime.
 * Importing this module needs the host's bridge (`@forge/bridge` looks for it on load), so only entry points
 * (`main.tsx`) import it.
 */
export const forgeBackend: Backend = {
  async call<R extends RouteName>(route: R, payload: PayloadOf<R>): Promise<Reply<ReplyOf<R>>> {
    try {
      const reply: unknown = await invoke(route, { ...payload });
      // The resolver answers in the envelope of its route (dispatch.ts); only the envelope is checked here,
      // against a bridge or host that answered something else.
      return isReply(reply) ? (reply as Reply<ReplyOf<R>>) : unreachable('an answer in an unknown shape');
    } catch (error) {
      return unreachable(error);
    }
  },

  async context() {
    const context = await view.getContext();
    const extension = context.extension as Record<string, unknown>;
    const issue = extension.issue;
    const project = extension.project;
    const id = typeof issue === 'object' && issue !== null && 'id' in issue ? issue.id : undefined;
    const key = typeof project === 'object' && project !== null && 'key' in project ? project.key : undefined;
    host = extension.type === WIDGET ? 'widget' : 'other';
    let timeZone: string | undefined;
    return {
      issueId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
      projectKey: typeof key === 'string' ? key : null,
      accountId: typeof context.accountId === 'string' ? context.accountId : null,
      gadget: gadgetOf(extension),
      locale: toLocaleTag(context.locale),
      // Worked out when first read: the page's first Intl formatter with a zone loads the browser's zone data
      // (40 to 90 ms in the sandbox's Chromium under load), which then overlaps the first resolver call that
      // prefetching starts as soon as the context is here, instead of delaying it.
      get timeZone() {
        timeZone ??= toTimeZone(context.timezone);
        return timeZone;
      },
    };
  },

  // The backend publishes on a global channel per issue that says only "changed" (src/forge/publisher.ts): a
  // context-scoped subscription would hear nothing the consumers publish. `onEvent` re-reads through a resolver.
  async subscribe(channel, onEvent) {
    const subscription = await realtime.subscribeGlobal(channel, () => {
      onEvent();
    });
    return () => {
      void subscription.unsubscribe().catch(() => undefined);
    };
  },

  async submitGadget(configuration) {
    if (host === 'widget') {
      // A dashboards:widget's edit view hands its configuration to the dashboard, whose own Save stores it:
      // what @forge/dashboards-bridge's widgetEdit.updateConfig does, over the same host bridge.
      const edit = await callHost<{ updateConfig(config: Record<string, unknown>): unknown }>(
        'getWidgetEditApi',
      );
      await edit.updateConfig({ ...configuration });
      return;
    }
    await view.submit({ ...configuration });
  },

  async translations(locale) {
    // The bridge answers a missing key with the default it is given; a character no message contains tells
    // "missing" apart from any real text.
    const missing = '\u0000';
    // Jira's locales are Forge's (`de-DE`); one Forge does not ship falls back to English.
    const translate = await i18n.createTranslationFunction(locale as ForgeLocale);
    return (key) => {
      const text = translate(key, missing);
      return text === missing ? null : text;
    };
  },
};

const GADGET = 'jira:dashboardGadget';
/**
 * Atlassian Home's dashboards widget (EAP), which Atlassian names as the gadget's successor: the same resource
 * runs in both. Its stored configuration arrives as `extension.config` (the gadget's as
 * `extension.gadgetConfiguration`).
 */
const WIDGET = 'dashboards:widget';

/** Which host the last context came from: a widget saves its configuration differently. */
let host: 'widget' | 'other' = 'other';

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** A dashboard gadget's or widget's entry point and saved configuration; null for every other module. */
function gadgetOf(extension: Record<string, unknown>): GadgetContext | null {
  if (extension.type !== GADGET && extension.type !== WIDGET) return null;
  const configuration =
    extension.type === WIDGET
      ? (asRecord(extension.config) ?? asRecord(extension.gadgetConfiguration))
      : asRecord(extension.gadgetConfiguration);
  return {
    entryPoint: extension.entryPoint === 'edit' ? 'edit' : 'view',
    configuration: configuration ?? {},
  };
}

/** A call on the host's bridge that @forge/bridge has no function for (the dashboards' own APIs). */
async function callHost<T>(type: string): Promise<T> {
  const bridge = (
    globalThis as { __bridge?: { callBridge(type: string, payload?: unknown): Promise<unknown> } }
  ).__bridge;
  if (!bridge) throw new Error('This page has no Forge host to answer.');
  return (await bridge.callBridge(type)) as T;
}

/**
 * Lets the Jira host apply its theme (light, dark, or the user's system setting): the host defines the
 * design tokens' CSS variables (`--ds-*`) that every Accord stylesheet reads, and updates them when the user
 * switches. Not awaited by callers: the first render must not wait for it, and the stylesheets carry light
 * fallbacks.
 */
export function enableJiraTheme(): Promise<void> {
  return view.theme.enable().catch(() => undefined);
}
