/**
 * Expiring counters and leases, shared by every function instance of an installation: the app's own budget of
 * queue events a minute (a row per minute), a drain's lease on its shard, and how long Jira asked to wait.
 * Every write is one conditional statement on the key, so racing instances cannot both win.
 */
import { sql } from 'kysely';
import type { BudgetStore } from '../app/ports/store';
import { KEY_LIMITS } from './schema';
import { checkKey, insertIfAbsent, num, updated, type SqlContext } from './sql-support';

/** {@link BudgetStore} over SQL. */
export class SqlBudgetStore implements BudgetStore {
  constructor(private readonly ctx: SqlContext) {}

  async take(key: string, amount: number, limit: number, expiresAt: number): Promise<boolean> {
    const { db } = this.ctx;
    const budgetKey = checkKey('budget key', key, KEY_LIMITS.budgetKey);
    if (amount <= 0 || amount > limit) return false;
    const first = () =>
      insertIfAbsent(
        this.ctx,
        db
          .insertInto('accord_budgets')
          .values({ budget_key: budgetKey, used: amount, expires_at: expiresAt }),
      );
    // All of a one-shot budget (a claim such as a drain kick per window): whoever inserts the row has it.
    if (amount === limit) return first();
    // `used` grows by amount > 0, so a matched row is a changed row. The row usually exists (a budget per minute
    // is taken many times in its minute): the update comes first, one statement.
    const add = async () =>
      updated(
        await db
          .updateTable('accord_budgets')
          .set({ used: sql<number>`used + ${amount}` })
          .where('budget_key', '=', budgetKey)
          .where(sql<boolean>`used + ${amount} <= ${limit}`)
          .executeTakeFirst(),
      );
    if (await add()) return true;
    if (await first()) return true;
    return add(); // another instance inserted the row meanwhile, or the budget is spent
  }

  async acquire(key: string, now: number, until: number): Promise<boolean> {
    const { db } = this.ctx;
    const budgetKey = checkKey('budget key', key, KEY_LIMITS.budgetKey);
    const first = db
      .insertInto('accord_budgets')
      .values({ budget_key: budgetKey, used: 1, expires_at: until });
    if (await insertIfAbsent(this.ctx, first)) return true;
    const result = await db
      .updateTable('accord_budgets')
      .set({ expires_at: until, used: sql<number>`used + 1` })
      .where('budget_key', '=', budgetKey)
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return updated(result);
  }

  async renew(key: string, heldUntil: number, until: number): Promise<boolean> {
    const result = await this.ctx.db
      .updateTable('accord_budgets')
      .set({ expires_at: until })
      .where('budget_key', '=', key)
      .where('expires_at', '=', heldUntil)
      .executeTakeFirst();
    return updated(result);
  }

  async release(key: string, heldUntil: number): Promise<void> {
    await this.ctx.db
      .deleteFrom('accord_budgets')
      .where('budget_key', '=', key)
      .where('expires_at', '=', heldUntil)
      .execute();
  }

  async heldUntil(key: string, now: number): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('accord_budgets')
      .select('expires_at')
      .where('budget_key', '=', key)
      .executeTakeFirst();
    const until = row === undefined ? 0 : num(row.expires_at);
    return until > now ? until : 0;
  }

  async purge(now: number): Promise<void> {
    await this.ctx.db.deleteFrom('accord_budgets').where('expires_at', '<', now).execute();
  }
}
