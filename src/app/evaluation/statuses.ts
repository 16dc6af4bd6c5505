import { parseStatuses, type StatusCatalog } from '../../engine/issue';
import type { Clock, JiraPort } from '../ports';

const TTL_MS = 10 * 60_000;

/**
 * Jira's statuses and their categories, read at most every ten minutes: a changelog names statuses by id and
 * name only, and pausing or stopping on a status category needs the category of statuses the issue has left.
 */
export class StatusCache {
  private cached: { at: number; catalog: StatusCatalog } | undefined;

  constructor(
    private readonly jira: JiraPort,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<StatusCatalog | undefined> {
    const now = this.clock.now();
    if (this.cached && now - this.cached.at < TTL_MS) return this.cached.catalog;
    const parsed = parseStatuses(await this.jira.getStatuses());
    // A reply we cannot read costs only the categories of past statuses; the current one is in the issue.
    if (!parsed.ok) return this.cached?.catalog;
    this.cached = { at: now, catalog: parsed.value };
    return parsed.value;
  }
}
