/**
 * The store inside Forge: {@link KyselyStore} over Forge SQL. The schema is brought up to date separately, by
 * `runForgeMigrations` (`./sql-migrations`) from the lifecycle trigger, because DDL is limited to 25 a minute.
 */
import { Kysely } from 'kysely';
import { KyselyStore } from '../store/kysely-store';
import type { AccordDb } from '../store/schema';
import { ForgeSqlDialect, type ForgeSqlClient } from './sql-dialect';

/**
 * The store over this installation's Forge SQL database.
 *
 * @example
 * const store = openForgeStore();
 * const results = await store.results.forIssue(issueId);
 */
export function openForgeStore(client?: ForgeSqlClient): KyselyStore {
  const db = new Kysely<AccordDb>({ dialect: new ForgeSqlDialect(client) });
  return new KyselyStore(db, { dialect: 'mysql' });
}
