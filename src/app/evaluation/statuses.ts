import { EMPTY_STATUS_CATALOG, parseStatuses, type StatusCatalog } from '../../engine/issue';
import type { CarriedEntryChange, Clock, JiraIssueJson, JiraPort } from '../ports';

/** How long a status's category is trusted: categories change rarely, and a change applies to history too. */
const TTL_MS = 60 * 60_000;
/** More unknown statuses than this in one issue, and the whole list is cheaper than one read each. */
const MAX_SINGLE_READS = 3;

/**
 * Jira's statuses and their categories, as far as the issues measured need them: a changelog names the
 * statuses an issue has left by id and name only, and pausing or stopping on a status category needs their
 * categories.
 *
 * Jira charges a point per object a read returns, so the site's whole status list (one point per status, read
 * again on every cold function instance) cost more than the issues themselves. Instead the cache learns
 * statuses from the issues it is given (the current status carries its category) and reads only the statuses
 * an issue has left that it does not know yet, one at a time (a point and the call), or the whole list when an
 * issue names many unknown ones.
 */
export class StatusCache {
  private readonly known = new Map<string, { at: number; status: Readonly<Record<string, unknown>> }>();

  constructor(
    private readonly jira: JiraPort,
    private readonly clock: Clock,
  ) {}

  /**
   * The catalog an issue's history needs: every status its changelog names, with its category, as far as Jira
   * tells. A status Jira does not answer for (deleted since) is left out: the history then lacks only its
   * category.
   */
  async forIssue(json: JiraIssueJson): Promise<StatusCatalog | undefined> {
    const now = this.clock.now();
    this.learn(currentStatus(json), now);
    const histories = (json.changelog as { histories?: unknown } | undefined)?.histories;
    return this.catalogOf(statusesNamed(Array.isArray(histories) ? histories : []), now);
  }

  /**
   * The catalog carried changes need (see `apply-carried.ts`): the statuses their items name, learning the
   * issue's current status from each event that names it with its category. Empty if Jira cannot tell.
   */
  async forChanges(changes: readonly CarriedEntryChange[]): Promise<StatusCatalog> {
    const now = this.clock.now();
    for (const change of changes) {
      const status = change.status;
      // The catalog's parser wants all three; a status named only in part is learned from a read instead.
      if (status?.category === undefined || status.id === undefined || status.name === undefined) continue;
      this.learn({ id: status.id, name: status.name, statusCategory: { key: status.category } }, now);
    }
    return (await this.catalogOf(statusesNamed(changes), now)) ?? EMPTY_STATUS_CATALOG;
  }

  private async catalogOf(wanted: readonly string[], now: number): Promise<StatusCatalog | undefined> {
    const missing = wanted.filter((key) => !this.fresh(key, now));
    if (missing.length > MAX_SINGLE_READS) {
      for (const status of await this.jira.getStatuses()) this.learn(status, now);
    } else {
      for (const key of missing) this.learn(await this.jira.getStatus(key), now);
    }
    const statuses = wanted.flatMap((key) => {
      const entry = this.known.get(key.toLowerCase());
      return entry === undefined ? [] : [entry.status];
    });
    const parsed = parseStatuses(statuses);
    // A reply we cannot read costs only the categories of past statuses; the current one is in the issue.
    return parsed.ok ? parsed.value : undefined;
  }

  private fresh(key: string, now: number): boolean {
    const entry = this.known.get(key.toLowerCase());
    return entry !== undefined && now - entry.at < TTL_MS;
  }

  /** Keeps a status object by its id and its name. */
  private learn(status: unknown, now: number): void {
    if (typeof status !== 'object' || status === null) return;
    const s = status as Readonly<Record<string, unknown>>;
    if (typeof s.statusCategory !== 'object' || s.statusCategory === null) return;
    for (const key of [s.id, s.name]) {
      if (typeof key === 'string' || typeof key === 'number')
        this.known.set(String(key).toLowerCase(), { at: now, status: s });
    }
  }
}

function currentStatus(json: JiraIssueJson): unknown {
  return (json.fields as { status?: unknown } | undefined)?.status;
}

/** The ids (or, without one, the names) of every status the changelog entries move from or to. */
function statusesNamed(histories: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const history of histories) {
    const items = (history as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const i = item as Record<string, unknown> | null;
      if (i?.field !== 'status') continue;
      // `toString` is Jira's name of the new value, not Object's method: read it only if the item has it.
      const toName: unknown = Object.getOwnPropertyDescriptor(i, 'toString')?.value;
      for (const [id, name] of [
        [i.from, i.fromString],
        [i.to, toName],
      ]) {
        const key = typeof id === 'string' && id !== '' ? id : typeof name === 'string' ? name : undefined;
        if (key !== undefined && key !== '') out.add(key);
      }
    }
  }
  return [...out];
}
