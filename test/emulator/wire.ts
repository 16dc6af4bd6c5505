/**
 * Replies as the platform sends them to `__forge_fetch__`: fetch `Response`s with a status, its reason phrase
 * (some SDKs read `statusText`, e.g. `@forge/realtime` tells a rate limit by "Too Many Requests") and headers.
 */

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  504: 'Gateway Timeout',
};

/** A JSON reply (no body for 204). */
export function jsonReply(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined || status === 204 ? null : JSON.stringify(body);
  return new Response(text, {
    status,
    statusText: REASONS[status] ?? '',
    headers: { ...(text === null ? {} : { 'content-type': 'application/json' }), ...headers },
  });
}

/** The body of a request as the SDKs send it (always a JSON string, or nothing). */
export function bodyOf(init: RequestInit | undefined): unknown {
  const body = init?.body;
  if (typeof body !== 'string' || body === '') return undefined;
  return JSON.parse(body) as unknown;
}

/** A header of a request, by name in any case. */
export function headerOf(init: RequestInit | undefined, name: string): string | undefined {
  const headers = new Headers(init?.headers ?? {});
  return headers.get(name) ?? undefined;
}
