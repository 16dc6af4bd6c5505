import type { Clock, JiraPort, JiraUser } from '../ports';

/** How long a name is trusted: people rename themselves rarely, and a stale name is only a label. */
export const PEOPLE_TTL_MS = 10 * 60_000;
/** Names kept at most; the oldest go first. Bounds a function instance's memory whatever callers ask. */
const MAX_ENTRIES = 5000;

/** A person by account id: as Jira names them, or `unknown` where Jira knows no such account (deleted, never was). */
export type Person =
  | {
      readonly accountId: string;
      readonly known: true;
      readonly displayName: string;
      readonly active: boolean;
    }
  | { readonly accountId: string; readonly known: false };

/**
 * Display names for account ids, read from Jira in bulk and kept for {@link PEOPLE_TTL_MS}: an admin page that
 * shows the same dozen people on every tab costs Jira one bulk call every few minutes, not one per view. An id
 * Jira does not know is remembered as unknown for as long, so a deleted account is not asked for on every view.
 */
export class PeopleCache {
  private readonly entries = new Map<
    string,
    { readonly at: number; readonly person: Person; readonly accountType: string | undefined }
  >();

  constructor(
    private readonly jira: JiraPort,
    private readonly clock: Clock,
  ) {}

  /**
   * Each id's person, in the order asked (duplicates once), asking Jira in one bulk read for those not known or
   * no longer fresh.
   */
  async resolve(accountIds: readonly string[]): Promise<readonly Person[]> {
    const ids = [...new Set(accountIds)];
    const now = this.clock.now();
    const missing = ids.filter((id) => !this.fresh(id, now));
    if (missing.length > 0) {
      const found = new Map<string, JiraUser>(
        (await this.jira.getUsers(missing)).map((u) => [u.accountId, u]),
      );
      for (const id of missing) {
        const user = found.get(id);
        this.remember(
          id,
          user === undefined
            ? { accountId: id, known: false }
            : { accountId: id, known: true, displayName: user.displayName, active: user.active },
          now,
          user?.accountType,
        );
      }
    }
    return ids.map((id) => this.entries.get(id)?.person ?? { accountId: id, known: false });
  }

  /**
   * Each id's kind of account (`atlassian`, `customer`, `app`), undefined where Jira knows no such account or
   * did not say: from the same entries as the names, so a comment's author costs Jira one bulk read per
   * {@link PEOPLE_TTL_MS} and function instance, whatever the number of comments.
   */
  async accountTypes(accountIds: readonly string[]): Promise<ReadonlyMap<string, string | undefined>> {
    const people = await this.resolve(accountIds);
    return new Map(people.map((p) => [p.accountId, this.entries.get(p.accountId)?.accountType]));
  }

  private fresh(id: string, now: number): boolean {
    const entry = this.entries.get(id);
    return entry !== undefined && now - entry.at < PEOPLE_TTL_MS;
  }

  private remember(id: string, person: Person, now: number, accountType: string | undefined): void {
    // Re-inserted at the end, so that the Map's order is oldest first.
    this.entries.delete(id);
    this.entries.set(id, { at: now, person, accountType });
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }
}
