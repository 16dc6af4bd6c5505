/**
 * The one seam between Accord's Jira adapter and the Forge SDK: a function that sends one request to Jira and
 * returns Jira's reply. Production sends through `@forge/api`'s `requestJira` (as the app or as the calling
 * user); tests pass a fake that answers with Jira's documented JSON, so nothing above this file knows the SDK.
 */
import api, { NeedsAuthenticationError, ProxyRequestError, type Route } from '@forge/api';
import { JiraError } from '../../app/ports';

/** Whose rights a request runs with: the app's (background work) or the invoking user's (permission checks). */
export type JiraPrincipal = 'app' | 'user';

/** What Accord sends: Forge's `RequestInit`, narrowed to what Jira calls need. */
export interface JiraRequestInit {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text; never logged, since comments and notifications can carry personal data. */
  readonly body?: string;
}

/** The part of a fetch `Response` the adapter reads. */
export interface JiraResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/**
 * Sends one request. `path` is a Forge {@link Route}, built with `@forge/api`'s `route` tagged template so every
 * interpolated id or query value is escaped (and path traversal refused) before it reaches Jira.
 */
export type JiraFetch = (as: JiraPrincipal, path: Route, init: JiraRequestInit) => Promise<JiraResponse>;

/** The slice of `@forge/api`'s default export this file uses; a parameter only so a test can pass its own. */
export type ForgeProductApi = Pick<typeof api, 'asApp' | 'asUser'>;

/**
 * The production transport: `api.asApp().requestJira` for background work, `api.asUser().requestJira` where the
 * user's rights matter. `asUser()` takes no account id on purpose: it acts as the user behind the current
 * resolver invocation, whereas passing an id would ask Forge for impersonation, which Accord does not declare.
 *
 * Forge's own refusals become {@link JiraError}s here, so the adapter never needs to know the SDK's error
 * classes: a user who has not granted consent is a 401 that retrying cannot fix; a proxy refusal keeps its
 * status and is retryable only when that status says the platform was busy.
 * @example const fetch = forgeJiraFetch(); await fetch('app', route`/rest/api/3/status`, { method: 'GET', headers: {} });
 */
export function forgeJiraFetch(forge: ForgeProductApi = api): JiraFetch {
  return async (as, path, init) => {
    const product = as === 'app' ? forge.asApp() : forge.asUser();
    try {
      return await product.requestJira(path, init);
    } catch (error) {
      const where = `${init.method} ${withoutQuery(path.value)}`;
      if (error instanceof NeedsAuthenticationError) {
        throw new JiraError(`Jira ${where}: the user has not granted Accord access yet`, 401, false);
      }
      if (error instanceof ProxyRequestError) {
        const busy = error.status === 429 || error.status >= 500;
        throw new JiraError(
          `Jira ${where}: Forge refused the request (${error.errorCode})`,
          error.status,
          busy,
        );
      }
      throw error;
    }
  };
}

/** A path without its query string: queries can carry JQL with names in it, which errors must not repeat. */
export function withoutQuery(path: string): string {
  const at = path.indexOf('?');
  return at < 0 ? path : path.slice(0, at);
}
