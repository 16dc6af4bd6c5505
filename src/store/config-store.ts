/**
 * Calendars and agreements as immutable versions, and which agreements apply to each project.
 *
 * A save inserts one row (kind, id, version); nothing is ever updated, so a save that stops half-way has either
 * written its version or not, and readers take the highest version. Two saves from the same expected version
 * race for the same primary key and exactly one wins.
 */
import type { Selectable } from 'kysely';
import type { ConfigBody, ConfigKind, ConfigStore, Version } from '../app/ports/store';
import { KEY_LIMITS, type ConfigTable } from './schema';
import { checkKey, insertIfAbsent, num, parseJson, updated, type SqlContext } from './sql-support';

/** {@link ConfigStore} over SQL. */
export class SqlConfigStore implements ConfigStore {
  constructor(private readonly ctx: SqlContext) {}

  async list<K extends ConfigKind>(kind: K): Promise<Version<ConfigBody<K>>[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_config as c')
      .selectAll('c')
      .where('c.kind', '=', kind)
      .where('c.body', 'is not', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('accord_config as n')
              .select('n.version')
              .whereRef('n.kind', '=', 'c.kind')
              .whereRef('n.id', '=', 'c.id')
              .whereRef('n.version', '>', 'c.version'),
          ),
        ),
      )
      .orderBy('c.id')
      .execute();
    return rows.map((row) => toVersion<ConfigBody<K>>(row));
  }

  async get<K extends ConfigKind>(
    kind: K,
    id: string,
    version?: number,
  ): Promise<Version<ConfigBody<K>> | undefined> {
    let query = this.ctx.db
      .selectFrom('accord_config')
      .selectAll()
      .where('kind', '=', kind)
      .where('id', '=', id);
    query =
      version === undefined
        ? query.orderBy('version', 'desc').limit(1)
        : query.where('version', '=', version);
    const row = await query.executeTakeFirst();
    return row && toVersion<ConfigBody<K>>(row);
  }

  async history<K extends ConfigKind>(kind: K, id: string): Promise<Version<ConfigBody<K>>[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_config')
      .selectAll()
      .where('kind', '=', kind)
      .where('id', '=', id)
      .orderBy('version', 'asc')
      .execute();
    return rows.map((row) => toVersion<ConfigBody<K>>(row));
  }

  async put<K extends ConfigKind>(
    kind: K,
    id: string,
    body: ConfigBody<K> | null,
    meta: { readonly expectedVersion: number; readonly savedAt: number; readonly savedBy: string },
  ): Promise<Version<ConfigBody<K>> | 'conflict'> {
    const version = meta.expectedVersion + 1;
    const won = await insertIfAbsent(
      this.ctx,
      this.ctx.db.insertInto('accord_config').values({
        kind,
        id: checkKey('config id', id, KEY_LIMITS.id),
        version,
        body: body === null ? null : JSON.stringify(body),
        saved_at: meta.savedAt,
        saved_by: checkKey('savedBy', meta.savedBy, KEY_LIMITS.actor),
      }),
    );
    if (!won) return 'conflict';
    return { id, version, body, savedAt: meta.savedAt, savedBy: meta.savedBy };
  }

  async projectAgreements(projectKey: string): Promise<string[]> {
    const row = await this.ctx.db
      .selectFrom('accord_project_agreements')
      .select('agreement_ids')
      .where('project_key', '=', projectKey)
      .executeTakeFirst();
    return row ? (parseJson(row.agreement_ids) as string[]) : [];
  }

  async setProjectAgreements(projectKey: string, agreementIds: readonly string[]): Promise<void> {
    const { db, dialect } = this.ctx;
    checkKey('project key', projectKey, KEY_LIMITS.projectKey);
    // An empty list is "none set": the row goes, so `projects()` lists only projects that have agreements.
    if (agreementIds.length === 0) {
      await db.deleteFrom('accord_project_agreements').where('project_key', '=', projectKey).execute();
      return;
    }
    const json = JSON.stringify(agreementIds);
    const insert = db
      .insertInto('accord_project_agreements')
      .values({ project_key: projectKey, agreement_ids: json });
    // The whole ordered list is one value, so the last writer wins whole: never a mix of two lists.
    await (
      dialect === 'sqlite'
        ? insert.onConflict((oc) => oc.column('project_key').doUpdateSet({ agreement_ids: json }))
        : insert.onDuplicateKeyUpdate({ agreement_ids: json })
    ).execute();
  }

  async swapProjectAgreements(
    projectKey: string,
    expected: readonly string[],
    next: readonly string[],
  ): Promise<boolean> {
    const { db } = this.ctx;
    checkKey('project key', projectKey, KEY_LIMITS.projectKey);
    const was = JSON.stringify(expected);
    const now = JSON.stringify(next);
    // Nothing to write: the answer is whether the list is still the expected one.
    if (was === now) return sameList(await this.projectAgreements(projectKey), expected);
    // The list is the row's whole value, so the row is its own version: the statement names what it replaces.
    // An absent row is the empty list: the project's key makes exactly one of two inserts win.
    if (expected.length === 0) {
      return insertIfAbsent(
        this.ctx,
        db.insertInto('accord_project_agreements').values({ project_key: projectKey, agreement_ids: now }),
      );
    }
    if (next.length === 0) {
      const deleted = await db
        .deleteFrom('accord_project_agreements')
        .where('project_key', '=', projectKey)
        .where('agreement_ids', '=', was)
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    }
    // `now` differs from `was`, so a matched row always changes: MySQL's changed rows are the matched ones.
    return updated(
      await db
        .updateTable('accord_project_agreements')
        .set({ agreement_ids: now })
        .where('project_key', '=', projectKey)
        .where('agreement_ids', '=', was)
        .executeTakeFirst(),
    );
  }

  async projects(): Promise<{ projectKey: string; agreementIds: string[] }[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_project_agreements')
      .selectAll()
      .orderBy('project_key')
      .execute();
    return rows.map((row) => ({
      projectKey: row.project_key,
      agreementIds: parseJson(row.agreement_ids) as string[],
    }));
  }
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function toVersion<T>(row: Selectable<ConfigTable>): Version<T> {
  return {
    id: row.id,
    version: num(row.version),
    body: row.body === null ? null : (parseJson(row.body) as T),
    savedAt: num(row.saved_at),
    savedBy: row.saved_by,
  };
}
