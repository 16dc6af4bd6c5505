import { z } from 'zod';
import { regionHolidays, type RegionHoliday } from '../../engine/calendar/region-holidays';
import { holidayRegions, type RegionCountry } from '../../engine/calendar/region-list';
import type { ProjectAgreements } from './config-routes';
import { Refusal } from './envelope';
import { requireConfigReader } from './guard';
import { route, type Route } from './route';

// A preview shows a few weeks; the editor lists a year or two. Five years keeps a reply small.
const MAX_YEARS = 5;
const year = z.number().int().min(1900).max(2200);

/** The `calendars/regions` reply: every country the holiday data knows, with its states. */
export interface RegionList {
  readonly countries: readonly RegionCountry[];
}

/** The `calendars/region-holidays` reply: a region's public holidays over the years asked for. */
export interface RegionHolidays {
  readonly region: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly holidays: readonly RegionHoliday[];
}

/** The `agreements/placements` reply: the agreements of every project that has a list (the caller's only, for a project admin). */
export interface Placements {
  readonly projects: readonly ProjectAgreements[];
}

/**
 * What the admin page needs beside the configuration routes: the holiday regions to pick from, a region's
 * public holidays (the browser never loads the holiday data, so the backend resolves them), and which projects
 * use which agreements.
 */
export const adminRoutes = {
  /** Every country and state the holiday data knows, for a calendar's country or region preset. */
  'calendars/regions': route(z.object({}).strict(), async (deps, ctx): Promise<RegionList> => {
    await requireConfigReader(deps, ctx);
    return { countries: holidayRegions() };
  }),

  /** A region's public holidays from `fromYear` to `toYear`, as the backend counts them. */
  'calendars/region-holidays': route(
    z
      .object({
        region: z.string().min(1).max(20),
        fromYear: year,
        toYear: year,
        // The names' language (the user's Jira language, e.g. "de"); the region's own when absent or unknown.
        language: z
          .string()
          .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i, 'a language code such as "de"')
          .optional(),
      })
      .strict(),
    async (deps, ctx, p): Promise<RegionHolidays> => {
      await requireConfigReader(deps, ctx);
      if (p.toYear < p.fromYear || p.toYear - p.fromYear >= MAX_YEARS) {
        throw new Refusal(
          'holiday-years',
          { max: MAX_YEARS, fromYear: p.fromYear, toYear: p.toYear },
          `Ask for 1 to ${MAX_YEARS} years of holidays at a time (from ${p.fromYear} to ${p.toYear}).`,
          [{ code: 'payload.invalid', message: 'too many years', path: '$.toYear' }],
        );
      }
      const holidays = regionHolidays(p.region, p.fromYear, p.toYear, p.language?.slice(0, 2));
      if (!holidays.ok) {
        throw new Refusal(
          'holiday-region-unknown',
          { region: p.region },
          `Accord knows no holiday region "${p.region}"; pick a country or region from the list.`,
          holidays.problems.map((q) => ({ ...q, path: '$.region' })),
        );
      }
      return { region: p.region, fromYear: p.fromYear, toYear: p.toYear, holidays: holidays.value };
    },
  ),

  /** Which agreements each project uses, in order: where an agreement applies, for the admin's list. */
  'agreements/placements': route(z.object({}).strict(), async (deps, ctx): Promise<Placements> => {
    const reach = await requireConfigReader(deps, ctx);
    const projects = await deps.store.config.projects();
    // A project admin sees their own project's list, never another project's.
    return {
      projects: reach.scope === 'site' ? projects : projects.filter((p) => p.projectKey === reach.projectKey),
    };
  }),
} satisfies Record<string, Route>;
