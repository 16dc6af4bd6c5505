import type { Agreement } from '../../engine/agreement/types';
import type { RegionHolidayLookup } from '../../engine/calendar/compile';
import type { Calendar } from '../../engine/calendar/types';
import { loadConfig } from '../../engine/config/load';
import type { Problem } from '../../engine/errors';
import type { CompiledConfig } from '../../engine/evaluate/evaluate';
import { parseJqlExpr, type JqlExpr } from '../../engine/jql';
import { mayMatchProject } from '../../engine/jql/project-scope';
import type { Store, Version } from '../ports';

/** A project as an issue event names it: its key, and every alias JQL may name it by (key, name, id). */
export interface ProjectRef {
  readonly key: string;
  /** Lower-cased, as the engine compares values. */
  readonly aliases: readonly string[];
}

/** The configuration one issue is evaluated with: compiled, and the versions it was compiled from. */
export interface ProjectConfig {
  readonly compiled: CompiledConfig;
  readonly agreementVersions: ReadonlyMap<string, Version<Agreement>>;
  readonly calendarVersions: Readonly<Record<string, number>>;
}

/**
 * Which agreements apply to a project, compiled, cached by the versions they come from.
 *
 * A project that lists agreements in its settings gets exactly those, in that order. A project that lists none
 * gets the agreements that select their own issues with `appliesTo` (e.g. `project = IT`); an agreement with
 * neither applies nowhere, so installing Accord on a large site measures nothing by surprise.
 */
export class ConfigCache {
  private readonly compiled = new Map<string, { config: ProjectConfig } | { problems: readonly Problem[] }>();
  /** `appliesTo` parsed, by its text (undefined: it does not parse, so it is taken to cover everything). */
  private readonly scopes = new Map<string, JqlExpr | undefined>();
  private lists:
    | {
        readonly at: number;
        readonly agreements: Version<Agreement>[];
        readonly calendars: Version<Calendar>[];
        readonly projects: Map<string, string[]>;
      }
    | undefined;

  /**
   * @param ttlMs how long the lists of agreements and calendars read from the store are reused: a batch or a
   *   recalculation evaluates thousands of issues against the same configuration, and a save elsewhere shows
   *   within this delay (a save through this process shows at once, see {@link invalidate}).
   */
  constructor(
    private readonly store: Store,
    private readonly regionHolidays: RegionHolidayLookup,
    private readonly clock: { now(): number } = { now: () => 0 },
    private readonly ttlMs = 0,
  ) {}

  /** Forgets the lists read from the store, after a configuration change. */
  invalidate(): void {
    this.lists = undefined;
  }

  private async current(projectKey: string): Promise<[Version<Agreement>[], Version<Calendar>[], string[]]> {
    const now = this.clock.now();
    if (!this.lists || now - this.lists.at > this.ttlMs || this.ttlMs === 0) {
      const [agreements, calendars] = await Promise.all([
        this.store.config.list('agreement'),
        this.store.config.list('calendar'),
      ]);
      this.lists = { at: now, agreements, calendars, projects: new Map() };
    }
    let listed = this.lists.projects.get(projectKey);
    if (!listed) {
      listed = await this.store.config.projectAgreements(projectKey);
      this.lists.projects.set(projectKey, listed);
    }
    return [this.lists.agreements, this.lists.calendars, listed];
  }

  /**
   * Whether any agreement may apply to issues of `project` (the same choice as {@link forProject}: its own list,
   * else the agreements whose `appliesTo` may match it). Reads only, from the lists this cache keeps: the
   * issue-event trigger asks it so that an issue no agreement covers costs no write and no Jira call.
   *
   * ATTENTION: another function instance sees a configuration change after the cache's time to live; a change
   * of an issue in a newly covered project within that time is measured at its next change (or a recalculation),
   * like its other issues that did not change.
   */
  async covers(project: ProjectRef): Promise<boolean> {
    const [agreements, , listed] = await this.current(project.key);
    const live = agreements.filter((a) => a.body !== null);
    if (listed.length > 0) return live.some((a) => listed.includes(a.id));
    return live.some((a) => {
      const appliesTo = a.body?.appliesTo?.trim() ?? '';
      if (appliesTo === '') return false;
      if (!this.scopes.has(appliesTo)) {
        const parsed = parseJqlExpr(appliesTo);
        this.scopes.set(appliesTo, parsed.ok ? parsed.value : undefined);
      }
      const expr = this.scopes.get(appliesTo);
      return expr === undefined || mayMatchProject(expr, project.aliases);
    });
  }

  async forProject(projectKey: string): Promise<ProjectConfig | { problems: readonly Problem[] }> {
    const [agreements, calendars, listed] = await this.current(projectKey);
    const byId = new Map(agreements.map((a) => [a.id, a]));
    const chosen =
      listed.length > 0
        ? listed.flatMap((id) => byId.get(id) ?? [])
        : agreements.filter((a) => a.body?.appliesTo !== undefined && a.body.appliesTo.trim() !== '');
    return this.compile(chosen, calendars);
  }

  /** Compiles a set of agreement versions with the current calendars (e.g. a draft, for a preview). */
  compile(
    agreements: readonly Version<Agreement>[],
    calendars: readonly Version<Calendar>[],
  ): ProjectConfig | { problems: readonly Problem[] } {
    const signature = [
      ...agreements.map((a) => `a:${a.id}@${a.version}`),
      ...calendars.map((c) => `c:${c.id}@${c.version}`),
    ].join(',');
    const cached = this.compiled.get(signature);
    if (cached) return 'config' in cached ? cached.config : cached;
    const result = loadConfig(
      { agreements: agreements.map((a) => a.body), calendars: calendars.map((c) => c.body) },
      { regionHolidays: this.regionHolidays },
    );
    const entry = result.ok
      ? {
          config: {
            compiled: result.value,
            agreementVersions: new Map(agreements.map((a) => [a.id, a])),
            calendarVersions: Object.fromEntries(calendars.map((c) => [c.id, c.version])),
          },
        }
      : { problems: result.problems };
    // Versions are immutable, so a signature's compiled form never goes stale; keep the cache small anyway.
    if (this.compiled.size > 50) this.compiled.clear();
    this.compiled.set(signature, entry);
    return 'config' in entry ? entry.config : entry;
  }
}
