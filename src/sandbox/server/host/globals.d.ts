/**
 * What the host page's script (host-page.ts) gives the page scripts that run after it, as `window.accordHost`.
 * The host pages' scripts are classic scripts sharing the page's globals, so they are declared here once.
 */

/** The sandbox chrome's words (chrome-text.ts): the server writes the page's language's table into it. */
type ChromeKey = import('../chrome-text').ChromeKey;
type ChromeMessages = import('../chrome-text').ChromeMessages;
type ChromeParams<K extends ChromeKey> = import('../chrome-text').ChromeParams<K>;

/** The page's view: colour mode, language, time zone and whom it is viewed as. */
interface HostView {
  theme: string;
  locale: string;
  timezone: string;
  as: string;
}

/** `#accord-host`: what chrome.ts writes for the host script. */
interface HostConfig {
  readonly ui: string | null;
  readonly frame: Record<string, string>;
  readonly view: HostView;
  readonly defaults: HostView;
  readonly base: string;
  readonly history: boolean;
  readonly minHeight: number;
  /** The locale the chrome writes dates in: the view's, or `en-US` for a language it is not written in. */
  readonly locale: string;
  /** The chrome's words in the view's language. */
  readonly text: ChromeMessages;
}

type HostEvent = 'changed' | 'view' | 'frame';

interface AccordHost {
  readonly view: HostView;
  readonly frame: Record<string, string>;
  /** A control: POSTs JSON; a refusal shows in the sandbox bar and resolves undefined. */
  send(path: string, body: unknown): Promise<unknown>;
  setView(change: Partial<HostView>): void;
  /** Changes the frame's query (`null` removes a parameter) and reloads the frame. */
  setFrame(change: Readonly<Record<string, string | null>>): void;
  on(name: HostEvent, listener: (detail?: unknown) => void): void;
  /** The chrome's text for a key in the page's language, its placeholders filled. */
  say<K extends ChromeKey>(key: K, ...params: ChromeParams<K>): string;
}

interface Window {
  accordHost: AccordHost;
}

declare const accordHost: AccordHost;
