/**
 * A fake of the transport `@forge/sql` sends its requests through: the Forge runtime's `global.__forge_fetch__`
 * (see `@forge/api`'s `__fetchProduct`). Tests install it so the real `@forge/sql` client, and our dialect on top,
 * run unchanged; only the HTTP exchange with Forge SQL is played by the test.
 */

/** One request as Forge SQL receives it. */
export interface ForgeSqlRequest {
  /** `/api/v1/execute`, or `/api/v1/execute/ddl` for migrations. */
  readonly path: string;
  readonly query: string;
  readonly params: readonly unknown[];
  readonly method: string;
  /** What `@forge/api` says it is talking to (`{ type: 'sql', provider: 'app', remote: 'sql' }`). */
  readonly target: unknown;
}

/** An HTTP reply: a status and a JSON body. */
export interface ForgeSqlReply {
  readonly status: number;
  readonly body: unknown;
}

type ForgeFetch = (target: unknown, path: string, init: { body?: string }) => Promise<Response>;

/**
 * Installs `answer` as Forge's fetch for SQL requests; resolves nothing, returns how to uninstall it.
 *
 * @example
 * const restore = fakeForgeSql(async () => ({ status: 200, body: { rows: [] } }));
 */
export function fakeForgeSql(
  answer: (request: ForgeSqlRequest) => Promise<ForgeSqlReply> | ForgeSqlReply,
): () => void {
  const global = globalThis as { __forge_fetch__?: ForgeFetch };
  const previous = global.__forge_fetch__;
  global.__forge_fetch__ = async (target, path, init) => {
    const { query, params, method } = JSON.parse(init.body ?? '{}') as {
      query: string;
      params: unknown[];
      method: string;
    };
    const reply = await answer({ path, query, params, method, target });
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return () => {
    if (previous === undefined) delete global.__forge_fetch__;
    else global.__forge_fetch__ = previous;
  };
}

/** Forge SQL's reply to an INSERT, UPDATE or DELETE: MySQL's OK packet as `rows`. */
export function okPacket(affectedRows: number, insertId = 0): ForgeSqlReply {
  return {
    status: 200,
    body: { rows: { affectedRows, fieldCount: 0, info: '', insertId, serverStatus: 2, warningStatus: 0 } },
  };
}

/** Forge SQL's reply to a SELECT: the rows as objects keyed by column name. */
export function rowsReply(rows: readonly Record<string, unknown>[]): ForgeSqlReply {
  return { status: 200, body: { rows } };
}
