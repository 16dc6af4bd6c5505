/**
 * Forge SQL as the emulator plays it: the statements `@forge/sql` sends (`POST /api/v1/execute` and
 * `/api/v1/execute/ddl`, `{ query, params, method }`) run on a real MySQL-dialect server (MariaDB), in a
 * scratch database of this emulator's own, under Forge's per-installation limits.
 *
 * Refusals are replies the SDK turns into a `ForgeSQLAPIError` (`checkResponseError`: a non-2xx status with a
 * `{ code, message }` body). The SDK names QUERY_TIMED_OUT and SQL_EXECUTION_ERROR; Forge documents no code
 * for its rate and size limits, so the emulator answers those 429 / 413 / 400 with the codes below.
 * ATTENTION: those three codes are the emulator's assumption; the status and the error class are the SDK's.
 */
import { randomBytes } from 'node:crypto';
import { createConnection, createPool, type Pool } from 'mysql2/promise';
import { PeakPerSecond, SlidingWindow, type ForgeLimits } from './limits';
import { jsonReply } from './wire';

/** Codes of the emulator's SQL refusals (see the module comment). */
export const SQL_REFUSALS = {
  dmlRate: 'RATE_LIMIT_EXCEEDED',
  ddlRate: 'RATE_LIMIT_EXCEEDED',
  storage: 'STORAGE_LIMIT_EXCEEDED',
  responseSize: 'RESPONSE_SIZE_LIMIT_EXCEEDED',
  timeout: 'QUERY_TIMED_OUT',
  execution: 'SQL_EXECUTION_ERROR',
} as const;

/** What the SQL service counted. */
export interface SqlCounters {
  dml: number;
  /** DML requests that write (INSERT, UPDATE, REPLACE, DELETE). */
  writes: number;
  ddl: number;
  /** Requests refused, by reason. */
  refused: Record<'dmlRate' | 'ddlRate' | 'storage' | 'responseSize' | 'timeout', number>;
  /** Statements the server rejected (syntax, constraint): the app's own errors, not limits. */
  failed: number;
  /** Bytes of all responses. */
  responseBytes: number;
  /** The longest a SELECT ran on the server (real ms), and the largest response (bytes). */
  slowestSelectMs: number;
  largestResponseBytes: number;
}

const WRITE = /^\s*(insert|update|replace)\b/i;
const DELETE = /^\s*delete\b/i;
const SELECT = /^\s*(select|with)\b/i;

/** Forge SQL for one installation on a MariaDB scratch database. */
export class ForgeSqlService {
  readonly counters: SqlCounters = {
    dml: 0,
    writes: 0,
    ddl: 0,
    refused: { dmlRate: 0, ddlRate: 0, storage: 0, responseSize: 0, timeout: 0 },
    failed: 0,
    responseBytes: 0,
    slowestSelectMs: 0,
    largestResponseBytes: 0,
  };
  readonly dmlPeak = new PeakPerSecond();
  private readonly dmlWindow: SlidingWindow;
  private readonly ddlWindow: SlidingWindow;
  private storedBytesCache: { at: number; bytes: number } | undefined;

  private constructor(
    private readonly pool: Pool,
    readonly database: string,
    private readonly serverUrl: string,
    private readonly limits: ForgeLimits,
  ) {
    this.dmlWindow = new SlidingWindow(1000, limits.dmlPerSecond);
    this.ddlWindow = new SlidingWindow(60_000, limits.ddlPerMinute);
  }

  /** Creates the scratch database on `serverUrl` (e.g. `mysql://root@127.0.0.1:3306/test`). */
  static async open(serverUrl: string, limits: ForgeLimits): Promise<ForgeSqlService> {
    const name = `accord_emu_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection({ uri: serverUrl });
    try {
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    } finally {
      await admin.end();
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    // 64-bit integers as strings, as TiDB's JSON gives them; dates as the server's text.
    const pool = createPool({
      uri: url.toString(),
      connectionLimit: 8,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
    return new ForgeSqlService(pool, name, serverUrl, limits);
  }

  /** Drops the scratch database. */
  async close(): Promise<void> {
    await this.pool.end();
    const admin = await createConnection({ uri: this.serverUrl });
    try {
      await admin.query(`DROP DATABASE IF EXISTS \`${this.database}\``);
    } finally {
      await admin.end();
    }
  }

  /** Bytes stored (data and indexes), as Forge measures an installation's quota; read from the server. */
  async storedBytes(): Promise<number> {
    const [rows] = await this.pool.query(
      'SELECT COALESCE(SUM(data_length + index_length), 0) AS bytes FROM information_schema.tables WHERE table_schema = ?',
      [this.database],
    );
    return Number((rows as { bytes: string | number }[])[0]?.bytes ?? 0);
  }

  /** Sizes per table, for the benchmark. */
  async tableBytes(): Promise<Record<string, number>> {
    const [rows] = await this.pool.query(
      'SELECT table_name AS name, data_length + index_length AS bytes FROM information_schema.tables WHERE table_schema = ?',
      [this.database],
    );
    return Object.fromEntries(
      (rows as { name: string; bytes: string }[]).map((r) => [r.name, Number(r.bytes)]),
    );
  }

  /** Runs a statement directly (test set-up, the benchmark's seeding), outside every limit. */
  async direct(query: string, params: readonly unknown[] = []): Promise<unknown> {
    const [result] = await this.pool.query(query, [...params]);
    return result;
  }

  /**
   * Answers one request of `@forge/sql`. `now` is virtual time; resolves to the reply and how long the server
   * worked on it (real milliseconds, which the emulator adds to the request's virtual latency).
   */
  async handle(path: string, body: unknown, now: number): Promise<{ reply: Response; workMs: number }> {
    const { query, params } = (body ?? {}) as { query?: unknown; params?: unknown };
    if (typeof query !== 'string') {
      return { reply: error(400, SQL_REFUSALS.execution, 'The request has no query.'), workMs: 0 };
    }
    const ddl = path === '/api/v1/execute/ddl';
    if (!ddl && path !== '/api/v1/execute')
      return { reply: jsonReply(404, { message: 'Not found' }), workMs: 0 };

    if (ddl) {
      if (!this.ddlWindow.take(now)) {
        this.counters.refused.ddlRate++;
        return {
          reply: error(
            429,
            SQL_REFUSALS.ddlRate,
            `DDL rate limit exceeded: at most ${this.limits.ddlPerMinute} DDL requests a minute.`,
          ),
          workMs: 0,
        };
      }
      this.counters.ddl++;
    } else {
      if (!this.dmlWindow.take(now)) {
        this.counters.refused.dmlRate++;
        return {
          reply: error(
            429,
            SQL_REFUSALS.dmlRate,
            `DML rate limit exceeded: at most ${this.limits.dmlPerSecond} requests a second.`,
          ),
          workMs: 0,
        };
      }
      this.counters.dml++;
      if (WRITE.test(query) || DELETE.test(query)) this.counters.writes++;
      this.dmlPeak.add(now);
      if (WRITE.test(query) && (await this.storageFull(now))) {
        this.counters.refused.storage++;
        return {
          reply: error(
            400,
            SQL_REFUSALS.storage,
            `The installation's database holds more than ${this.limits.storedBytes} bytes.`,
          ),
          workMs: 0,
        };
      }
    }

    const started = performance.now();
    try {
      const select = SELECT.test(query);
      // MariaDB stops a statement after max_statement_time seconds, as Forge SQL stops a SELECT after 5 s and
      // a write after 10 s (an interrupted write is rolled back, as on TiDB).
      const limitMs = select
        ? this.limits.selectMs
        : WRITE.test(query) || DELETE.test(query)
          ? this.limits.dmlMs
          : undefined;
      const text =
        limitMs === undefined ? query : `SET STATEMENT max_statement_time=${limitMs / 1000} FOR ${query}`;
      const [result] = await this.pool.query(text, Array.isArray(params) ? [...(params as unknown[])] : []);
      const workMs = performance.now() - started;
      if (select) this.counters.slowestSelectMs = Math.max(this.counters.slowestSelectMs, workMs);
      // A write's reply is MySQL's OK packet, as TiDB's driver gives it.
      const rows = Array.isArray(result)
        ? result
        : {
            affectedRows: result.affectedRows,
            fieldCount: 0,
            info: '',
            insertId: result.insertId,
            serverStatus: result.serverStatus,
            warningStatus: 0,
          };
      const json = JSON.stringify({ rows });
      const bytes = Buffer.byteLength(json);
      if (bytes > this.limits.responseBytes) {
        this.counters.refused.responseSize++;
        return {
          reply: error(
            413,
            SQL_REFUSALS.responseSize,
            `The response is ${bytes} bytes; Forge SQL returns at most ${this.limits.responseBytes}.`,
          ),
          workMs,
        };
      }
      this.counters.responseBytes += bytes;
      this.counters.largestResponseBytes = Math.max(this.counters.largestResponseBytes, bytes);
      if (ddl) this.storedBytesCache = undefined;
      return {
        reply: new Response(json, {
          status: 200,
          statusText: 'OK',
          headers: { 'content-type': 'application/json' },
        }),
        workMs,
      };
    } catch (cause) {
      const workMs = performance.now() - started;
      const { errno, message } = cause as { errno?: number; message?: string };
      if (errno === 1969) {
        this.counters.refused.timeout++;
        return {
          reply: error(
            504,
            SQL_REFUSALS.timeout,
            `The query took more than ${(SELECT.test(query) ? this.limits.selectMs : this.limits.dmlMs) / 1000} seconds to execute.`,
          ),
          workMs,
        };
      }
      this.counters.failed++;
      return { reply: error(400, SQL_REFUSALS.execution, message ?? String(cause)), workMs };
    }
  }

  /** Whether the stored bytes exceed the quota; measured at most once a virtual second between writes. */
  private async storageFull(now: number): Promise<boolean> {
    if (this.storedBytesCache === undefined || now - this.storedBytesCache.at >= 1000) {
      this.storedBytesCache = { at: now, bytes: await this.storedBytes() };
    }
    return this.storedBytesCache.bytes > this.limits.storedBytes;
  }
}

function error(status: number, code: string, message: string): Response {
  return jsonReply(status, { code, message });
}
