/**
 * Kysely over Forge SQL: statements compile as MySQL (Forge SQL is TiDB) and each one is sent through
 * `@forge/sql` as a prepared statement with its parameters. Forge SQL has no transactions and runs one
 * statement per call, which is how the store is written anyway.
 */
import { sql as forgeSql } from '@forge/sql';
import {
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { paced } from './sql-pacing';

/** The part of `@forge/sql`'s client the dialect uses. */
export type ForgeSqlClient = Pick<typeof forgeSql, 'prepare'>;

/**
 * A Kysely {@link Dialect} for Forge SQL.
 *
 * @example
 * const db = new Kysely<AccordDb>({ dialect: new ForgeSqlDialect() });
 */
export class ForgeSqlDialect implements Dialect {
  constructor(private readonly client: ForgeSqlClient = forgeSql) {}

  createAdapter(): DialectAdapter {
    return new MysqlAdapter();
  }

  createDriver(): Driver {
    return new ForgeSqlDriver(this.client);
  }

  createQueryCompiler(): QueryCompiler {
    return new MysqlQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new MysqlIntrospector(db);
  }
}

/** Forge SQL is an HTTP API without sessions: one stateless connection serves every query. */
class ForgeSqlDriver implements Driver {
  private readonly connection: ForgeSqlConnection;

  constructor(client: ForgeSqlClient) {
    this.connection = new ForgeSqlConnection(client);
  }

  async init(): Promise<void> {
    // Nothing to open: each query is its own request.
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(this.connection);
  }

  beginTransaction(): Promise<void> {
    return Promise.reject(new Error('Forge SQL has no transactions'));
  }

  commitTransaction(): Promise<void> {
    return Promise.reject(new Error('Forge SQL has no transactions'));
  }

  rollbackTransaction(): Promise<void> {
    return Promise.reject(new Error('Forge SQL has no transactions'));
  }

  async releaseConnection(): Promise<void> {
    // Stateless; nothing to give back.
  }

  async destroy(): Promise<void> {
    // Stateless; nothing to close.
  }
}

class ForgeSqlConnection implements DatabaseConnection {
  constructor(private readonly client: ForgeSqlClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // A statement refused for Forge SQL's request rate is sent again after a pause (see sql-pacing.ts).
    const reply = await paced(() =>
      this.client
        .prepare<unknown>(compiled.sql)
        .bindParams(...compiled.parameters)
        .execute(),
    );
    return decodeReply<R>(reply.rows);
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Forge SQL cannot stream query results');
  }
}

/**
 * Forge SQL answers a SELECT with `rows` as an array of objects keyed by column name, and an INSERT, UPDATE or
 * DELETE with `rows` as MySQL's OK packet (`affectedRows`, `insertId`, …).
 */
function decodeReply<R>(rows: unknown): QueryResult<R> {
  if (Array.isArray(rows)) return { rows: rows as R[] };
  if (typeof rows === 'object' && rows !== null && 'affectedRows' in rows) {
    const { affectedRows, insertId } = rows as { affectedRows: unknown; insertId?: unknown };
    return {
      rows: [],
      numAffectedRows: BigInt(Number(affectedRows)),
      ...(insertId !== undefined && insertId !== null && Number(insertId) !== 0
        ? { insertId: BigInt(Number(insertId)) }
        : {}),
    };
  }
  return { rows: [] };
}
