/**
 * What every part of the store shares: the database handle with its dialect, the one place where MySQL and
 * SQLite statements differ, and decoding of what drivers hand back.
 */
import {
  sql,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type RawBuilder,
  type UpdateResult,
} from 'kysely';
import type { AccordDb, SqlDialect } from './schema';

/** A database and the dialect its statements are compiled for. */
export interface SqlContext {
  readonly db: Kysely<AccordDb>;
  readonly dialect: SqlDialect;
}

// ── Writes that tell who won ─────────────────────────────────────────────────────────────────────────

/**
 * Inserts the rows unless a row with the same key exists; resolves to whether anything was inserted. Only one of
 * several concurrent callers inserting the same key sees `true`: this is how claims and versions are won
 * without transactions.
 *
 * SQLite's `ON CONFLICT DO NOTHING` skips only key conflicts. MySQL's `INSERT IGNORE` would also turn a too-long
 * value into a truncation warning, so callers check key lengths first ({@link checkKey}).
 */
export async function insertIfAbsent<TB extends keyof AccordDb>(
  ctx: SqlContext,
  insert: InsertQueryBuilder<AccordDb, TB, InsertResult>,
): Promise<boolean> {
  const statement = ctx.dialect === 'sqlite' ? insert.onConflict((oc) => oc.doNothing()) : insert.ignore();
  const result = await statement.executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/**
 * Whether a conditional UPDATE matched a row. MySQL reports changed rows, not matched ones, unless the client
 * sets CLIENT_FOUND_ROWS (mysql2 does; Forge SQL does not say), so every conditional update in the store also
 * changes a column that always differs (a counter, a fresh write id) and changed equals matched.
 */
export function updated(result: UpdateResult): boolean {
  return result.numUpdatedRows > 0n;
}

/** `column + 1`, for the always-changing column of a conditional update. */
export function incremented(column: string): RawBuilder<number> {
  return sql<number>`${sql.ref(column)} + 1`;
}

// ── Values ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Refuses a key longer than its column: MySQL would reject it (or truncate it under `INSERT IGNORE`), SQLite
 * would take it, and the two must behave alike. A too-long key is a bug in the caller (ids are validated
 * before they get here), so it throws.
 */
export function checkKey(what: string, value: string, limit: number): string {
  // String length counts UTF-16 units, never fewer than the characters MySQL counts: the check is safe.
  if (value.length > limit)
    throw new RangeError(`${what} is longer than ${limit} characters: ${value.slice(0, 40)}…`);
  return value;
}

/** A number column as a number (Forge SQL may send 64-bit integers as strings). */
export function num(value: number | string): number {
  return typeof value === 'number' ? value : Number(value);
}

export function numOrNull(value: number | string | null): number | null {
  return value === null ? null : num(value);
}

/** A 0/1 column as a boolean. */
export function bool(value: number | string): boolean {
  return num(value) !== 0;
}

/** Parses JSON the store itself wrote; callers cast it to the type it was written as (the app validated it). */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/**
 * Splits rows into batches, each one INSERT: within the parameter limits of both engines (SQLite allows 32,766
 * placeholders, MySQL 65,535) and small enough for one Forge SQL request.
 */
export function batches<T>(rows: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Splits rows into batches of at most `maxRows` rows and about `maxBytes` of values each (their JSON, which is
 * what a Forge SQL request carries as parameters): a batch write of many issues stays within Forge SQL's 1 MiB
 * request with room for the statement text. A row larger than `maxBytes` goes alone.
 */
export function sizedBatches<T extends object>(
  rows: readonly T[],
  maxRows = 500,
  maxBytes = 512 * 1024,
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(Object.values(row)).length;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
