import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { joinPath, type Problem } from '../../engine/errors';

/** The largest request body the sandbox reads (an ICS file of holidays fits many times over). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * An expected refusal: a status (4xx), a stable code and a message for people, and where in the request the
 * problem is. Thrown by handlers and turned into one JSON shape; anything else is a bug and answers 500 with
 * a message, never a stack trace.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The body of every error reply. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly problems?: readonly Problem[] };
}

/** Answers with a JSON body, never cached (the sandbox changes under the page). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Answers with an HTML page, never cached. */
export function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

/** Answers an {@link HttpError} with its status and body; anything else is a bug: 500, with a message only. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) {
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.problems ? { problems: error.problems } : {}),
      },
    };
    sendJson(res, error.status, body);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  sendJson(res, 500, {
    error: { code: 'internal', message: `Something went wrong in the sandbox: ${message}` },
  });
}

/** Reads a JSON body; an empty body is `{}` (a POST with nothing to say). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new HttpError(
        413,
        'too-large',
        `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
      );
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(
      400,
      'invalid-json',
      `The request body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Validates `input` with `schema`, or refuses with 400 and each problem's JSON path (`$.payload.id`). */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    code: 'request.invalid',
    message: issue.message,
    path: issue.path.reduce<string>((path, k) => joinPath(path, typeof k === 'number' ? k : String(k)), '$'),
  }));
  const first = problems[0];
  throw new HttpError(
    400,
    'invalid-request',
    `The ${what} is not valid${first ? `: ${first.path}: ${first.message}` : ''}.`,
    problems,
  );
}
