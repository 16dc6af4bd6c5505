import type { IncomingMessage } from 'node:http';
import { HttpError } from './http';

/**
 * The sandbox acts for whoever it is asked by: `POST /api/invoke` runs admin resolvers as any person of the
 * site. So a request that changes anything must come from the sandbox's own pages or from a program (curl, a
 * test), never from another web page open in the same browser. A browser lets any page send a cross-site
 * "simple" request (a form post, or `fetch` with a `text/plain` body) without asking the server first; it
 * always names the page's origin on it (`Origin`, and `Sec-Fetch-Site` in current browsers), and it asks
 * first (a CORS preflight, which the sandbox never grants) before it sends `application/json` cross-site.
 *
 * So every POST (the one method that changes anything here; others answer 405):
 * - says `Content-Type: application/json` (415 otherwise): no simple request gets through;
 * - if it names an origin, names the sandbox's own: `Origin` equal to `http://<Host>`, and `Sec-Fetch-Site`
 *   `same-origin` (or `none`, a request the person made themselves) (403 otherwise);
 * - is addressed to a loopback name or the host the sandbox was told to listen on (403 otherwise), so that a
 *   page whose own name was made to resolve to 127.0.0.1 (DNS rebinding) is no "own origin" either.
 */
export function requireOwnJsonRequest(req: IncomingMessage, listenHost: string): void {
  const method = req.method ?? 'GET';
  if (method !== 'POST') return;

  const host = req.headers.host ?? '';
  if (!isOwnHost(host, listenHost)) {
    throw new HttpError(
      403,
      'foreign-host',
      `The sandbox answers ${method} requests addressed to itself (127.0.0.1, localhost or [::1]), not to "${host}".`,
    );
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    throw new HttpError(
      403,
      'foreign-origin',
      `The sandbox takes ${method} requests only from its own pages (http://${host}), not from ${origin}.`,
    );
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(
      403,
      'foreign-origin',
      `The sandbox takes ${method} requests only from its own pages, not from a ${site} page.`,
    );
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(
      415,
      'unsupported-media-type',
      `A ${method} request to the sandbox has a JSON body and says so: Content-Type: application/json${type ? ` (not ${type})` : ''}.`,
    );
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a Host header names the sandbox: a loopback name, or the host it was told to listen on. */
function isOwnHost(host: string, listenHost: string): boolean {
  // Listening on every interface is asking to be reached by any name.
  if (listenHost === '0.0.0.0' || listenHost === '::') return true;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return LOOPBACK.has(name) || name === listenHost.toLowerCase() || `[${listenHost}]` === name;
}
