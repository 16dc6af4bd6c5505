import { z } from 'zod';
import type { Agreement } from '../../engine/agreement/types';
import { validateAgreement } from '../../engine/agreement/validate';
import { importIcs, type IcsImport } from '../../engine/calendar/ics';
import type { Calendar } from '../../engine/calendar/types';
import { dateHolidaysKnows } from '../../engine/calendar/region-lookup';
import { validateCalendar } from '../../engine/calendar/validate';
import type { Deps } from '../evaluation/deps';
import type { ConfigKind, Version } from '../ports';
import type { CallContext } from './context';
import { diffJson } from './diff';
import { Refusal } from './envelope';
import { requireAdmin, requireConfigReader, requireProjectAdmin } from './guard';
import { route, type Route } from './route';
import { LIMITS, text } from '../../engine/config/limits';
import { agreementIds, id, projectKey } from './fields';
import { checkOnSite, type SiteCheckReply } from './site-jql';

const version = z.number().int().nonnegative();

/** A project's agreements, in order: the `projects/get`, `projects/set` and `projects/save` reply. */
export interface ProjectAgreements {
  readonly projectKey: string;
  readonly agreementIds: readonly string[];
}

/** The `agreements/save` reply: the version written, and how its JQL fared against the site. */
export type SavedAgreement = Version<Agreement> & { readonly siteCheck: SiteCheckReply };

async function save<K extends ConfigKind>(
  deps: Deps,
  ctx: CallContext,
  kind: K,
  itemId: string,
  body: (K extends 'calendar' ? Calendar : Agreement) | null,
  expectedVersion: number,
): Promise<Version<K extends 'calendar' ? Calendar : Agreement>> {
  const previous = await deps.store.config.get(kind, itemId);
  if ((previous?.version ?? 0) !== expectedVersion) {
    throw new Refusal(
      'version-conflict',
      { kind, version: previous?.version ?? 0 },
      `This ${kind} was changed by someone else (now version ${previous?.version ?? 0}); reload it and try again.`,
    );
  }
  const now = deps.clock.now();
  const written = await deps.store.config.put(kind, itemId, body as never, {
    expectedVersion,
    savedAt: now,
    savedBy: ctx.accountId,
  });
  if (written === 'conflict')
    throw new Refusal(
      'version-race',
      { kind },
      `This ${kind} was changed by someone else just now; reload it and try again.`,
    );
  deps.configs.invalidate();
  await deps.store.audit.append({
    at: now,
    actor: ctx.accountId,
    action: `${kind}.${body === null ? 'delete' : 'save'}`,
    entity: kind,
    entityId: itemId,
    version: written.version,
    changes: diffJson(previous?.body ?? undefined, body ?? undefined),
  });
  return written;
}

/**
 * What a project admin sees of an agreement placed in another project, to choose it for their own: what it
 * is, whom it covers and which metrics it measures; never its commercial terms (counterparty, fee, currency,
 * penalties, credit cap, availability objectives) nor its goals, conditions and actions.
 */
export function catalogueEntry(version: Version<Agreement>): Version<Agreement> {
  const a = version.body;
  if (a === null) return version;
  const body = {
    id: a.id,
    name: a.name,
    kind: a.kind,
    ...(a.validFrom === undefined ? {} : { validFrom: a.validFrom }),
    ...(a.validTo === undefined ? {} : { validTo: a.validTo }),
    ...(a.appliesTo === undefined ? {} : { appliesTo: a.appliesTo }),
    ...(a.customerVisible === undefined ? {} : { customerVisible: a.customerVisible }),
    // Names only: the page counts them; goals, conditions and actions stay with the admins.
    metrics: a.metrics.map((m) => ({ id: m.id, name: m.name })),
  };
  return { ...version, body: body as unknown as Agreement, catalogue: true } as Version<Agreement>;
}

/** Refuses (`agreement-unknown`) a project list naming an agreement that is not saved. */
export async function requireKnownAgreements(deps: Deps, ids: readonly string[]): Promise<void> {
  const known = new Set((await deps.store.config.list('agreement')).map((a) => a.id));
  const unknown = ids.filter((a) => !known.has(a));
  if (unknown.length > 0)
    throw new Refusal(
      'agreement-unknown',
      { ids: unknown },
      `No agreement ${unknown.map((u) => `"${u}"`).join(', ')}.`,
    );
}

export const configRoutes = {
  'calendars/list': route(z.object({}).strict(), async (deps, ctx): Promise<Version<Calendar>[]> => {
    const reach = await requireConfigReader(deps, ctx);
    const all = await deps.store.config.list('calendar');
    return reach.scope === 'site' ? all : all.filter((c) => reach.calendars.has(c.id));
  }),
  'calendars/get': route(
    z.object({ id, version: version.optional() }).strict(),
    async (deps, ctx, p): Promise<Version<Calendar>> => {
      const reach = await requireConfigReader(deps, ctx);
      const found =
        reach.scope === 'site' || reach.calendars.has(p.id)
          ? await deps.store.config.get('calendar', p.id, p.version)
          : undefined;
      if (!found)
        throw new Refusal(
          'calendar-unknown',
          p.version === undefined ? { id: p.id } : { id: p.id, version: p.version },
          `No calendar "${p.id}"${p.version === undefined ? '' : ` version ${p.version}`}.`,
        );
      return found;
    },
  ),
  'calendars/history': route(
    z.object({ id }).strict(),
    async (deps, ctx, p): Promise<Version<Calendar>[]> => {
      const reach = await requireConfigReader(deps, ctx);
      // A calendar out of the caller's reach has, for this caller, the history of an unknown one: none.
      if (reach.scope === 'project' && !reach.calendars.has(p.id)) return [];
      return deps.store.config.history('calendar', p.id);
    },
  ),
  'calendars/save': route(
    z.object({ calendar: z.unknown(), expectedVersion: version }).strict(),
    async (deps, ctx, p): Promise<Version<Calendar>> => {
      await requireAdmin(deps, ctx);
      const checked = validateCalendar(p.calendar, '$.calendar', { isKnownRegion: dateHolidaysKnows });
      if (!checked.ok)
        throw new Refusal(
          'calendar-invalid',
          {},
          'The calendar has problems; nothing was saved.',
          checked.problems,
        );
      return save(
        deps,
        ctx,
        'calendar',
        checked.value.calendar.id,
        checked.value.calendar,
        p.expectedVersion,
      );
    },
  ),
  'calendars/delete': route(
    z.object({ id, expectedVersion: version }).strict(),
    async (deps, ctx, p): Promise<Version<Calendar>> => {
      await requireAdmin(deps, ctx);
      const users = (await deps.store.config.list('agreement')).filter((a) =>
        a.body?.metrics.some((m) => m.goals.some((g) => g.calendar === p.id)),
      );
      if (users.length > 0) {
        throw new Refusal(
          'calendar-in-use',
          { id: p.id, agreements: users.map((a) => a.body?.name ?? a.id) },
          `Calendar "${p.id}" is used by ${users.map((a) => a.body?.name ?? a.id).join(', ')}; change those first.`,
        );
      }
      return save(deps, ctx, 'calendar', p.id, null, p.expectedVersion);
    },
  ),
  'calendars/preview-ics': route(
    z.object({ text: text(LIMITS.icsChars) }).strict(),
    async (deps, ctx, p): Promise<IcsImport> => {
      await requireAdmin(deps, ctx);
      const result = importIcs(p.text);
      if (!result.ok)
        throw new Refusal(
          'ics-unreadable',
          {},
          'The file could not be read as a calendar (ICS).',
          // The text is the payload's one field: a problem there names it.
          result.problems.map((q) => ({ ...q, path: '$.text' })),
        );
      return result.value;
    },
  ),
  /**
   * Every agreement for a Jira admin. From a project's settings, a project admin gets the agreements placed in
   * the project whole, and the others only as a catalogue to choose from ({@link catalogueEntry}).
   */
  'agreements/list': route(z.object({}).strict(), async (deps, ctx): Promise<Version<Agreement>[]> => {
    const reach = await requireConfigReader(deps, ctx);
    const all = await deps.store.config.list('agreement');
    if (reach.scope === 'site') return all;
    return all.map((a) => (reach.agreements.has(a.id) ? a : catalogueEntry(a)));
  }),
  'agreements/get': route(
    z.object({ id, version: version.optional() }).strict(),
    async (deps, ctx, p): Promise<Version<Agreement>> => {
      const reach = await requireConfigReader(deps, ctx);
      const found =
        reach.scope === 'site' || reach.agreements.has(p.id)
          ? await deps.store.config.get('agreement', p.id, p.version)
          : undefined;
      if (!found)
        throw new Refusal(
          'agreement-unknown',
          p.version === undefined ? { ids: [p.id] } : { ids: [p.id], version: p.version },
          `No agreement "${p.id}"${p.version === undefined ? '' : ` version ${p.version}`}.`,
        );
      return found;
    },
  ),
  'agreements/history': route(
    z.object({ id }).strict(),
    async (deps, ctx, p): Promise<Version<Agreement>[]> => {
      const reach = await requireConfigReader(deps, ctx);
      // An agreement placed elsewhere has, for this caller, the history of an unknown one: none.
      if (reach.scope === 'project' && !reach.agreements.has(p.id)) return [];
      return deps.store.config.history('agreement', p.id);
    },
  ),
  'agreements/save': route(
    z.object({ agreement: z.unknown(), expectedVersion: version }).strict(),
    async (deps, ctx, p): Promise<SavedAgreement> => {
      await requireAdmin(deps, ctx);
      const calendars = new Set((await deps.store.config.list('calendar')).map((c) => c.id));
      const checked = validateAgreement(p.agreement, calendars, '$.agreement');
      if (!checked.ok)
        throw new Refusal(
          'agreement-invalid',
          {},
          'The agreement has problems; nothing was saved.',
          checked.problems,
        );
      // An unknown field refuses the save here; unknown values are warnings that come back with the version.
      const siteCheck = await checkOnSite(
        deps,
        checked.value.agreement,
        '$.agreement',
        'agreement-fields-unknown',
        'The agreement names fields this Jira site does not have; nothing was saved.',
      );
      const written = await save(
        deps,
        ctx,
        'agreement',
        checked.value.agreement.id,
        checked.value.agreement,
        p.expectedVersion,
      );
      return { ...written, siteCheck };
    },
  ),
  'agreements/delete': route(
    z.object({ id, expectedVersion: version }).strict(),
    async (deps, ctx, p): Promise<Version<Agreement>> => {
      await requireAdmin(deps, ctx);
      return save(deps, ctx, 'agreement', p.id, null, p.expectedVersion);
    },
  ),
  'projects/get': route(
    z.object({ projectKey: id }).strict(),
    async (deps, ctx, p): Promise<ProjectAgreements> => {
      await requireProjectAdmin(deps, ctx, p.projectKey);
      return {
        projectKey: p.projectKey,
        agreementIds: await deps.store.config.projectAgreements(p.projectKey),
      };
    },
  ),
  'projects/set': route(
    z.object({ projectKey, agreementIds }).strict(),
    async (deps, ctx, p): Promise<ProjectAgreements> => {
      await requireProjectAdmin(deps, ctx, p.projectKey);
      await requireKnownAgreements(deps, p.agreementIds);
      const before = await deps.store.config.projectAgreements(p.projectKey);
      await deps.store.config.setProjectAgreements(p.projectKey, p.agreementIds);
      deps.configs.invalidate();
      await deps.store.audit.append({
        at: deps.clock.now(),
        actor: ctx.accountId,
        action: 'project.agreements',
        entity: 'project',
        entityId: p.projectKey,
        version: null,
        changes: [{ path: '$.agreementIds', before, after: p.agreementIds }],
      });
      return { projectKey: p.projectKey, agreementIds: p.agreementIds };
    },
  ),
} satisfies Record<string, Route>;
