import { z } from 'zod';
import type { JsmSla, JsmSlaCycle } from '../ports';

/**
 * JSM's `GET /rest/servicedeskapi/request/{issueIdOrKey}/sla` reply, a `PagedDTOSlaInformationDTO`, as JSM
 * documents it: a page of `SlaInformationDTO` (`id`, `name`, `completedCycles`, `ongoingCycle`), instants as
 * `DateDTO` (`epochMillis`, `iso8601`, `jira`, `friendly`) and durations as `DurationDTO` (`millis`,
 * `friendly`). Both adapters read it here: the Forge one from Jira, the sandbox's from its simulated site, so the
 * shape the sandbox answers is the shape Jira answers.
 */

const date = z.looseObject({ epochMillis: z.number().optional(), iso8601: z.string().optional() });
const duration = z.looseObject({ millis: z.number() });

const completedCycle = z.looseObject({
  startTime: date,
  stopTime: date,
  breachTime: date.optional(),
  breached: z.boolean(),
  goalDuration: duration.optional(),
  elapsedTime: duration,
  remainingTime: duration.optional(),
});

const ongoingCycle = z.looseObject({
  startTime: date,
  breachTime: date.optional(),
  breached: z.boolean(),
  paused: z.boolean(),
  withinCalendarHours: z.boolean(),
  goalDuration: duration.optional(),
  elapsedTime: duration,
  remainingTime: duration.optional(),
});

const slaInformation = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  completedCycles: z.array(completedCycle).optional(),
  ongoingCycle: ongoingCycle.optional(),
});

/** One page of the reply. */
export const slaPageReply = z.looseObject({
  start: z.number().optional(),
  size: z.number().optional(),
  limit: z.number().optional(),
  isLastPage: z.boolean().optional(),
  values: z.array(slaInformation),
});
export type SlaPageReply = z.infer<typeof slaPageReply>;

/** A `DateDTO` as epoch ms: `epochMillis`, else `iso8601`; NaN when it has neither. */
function instantOf(d: z.infer<typeof date>): number {
  if (d.epochMillis !== undefined) return d.epochMillis;
  return d.iso8601 === undefined ? Number.NaN : Date.parse(d.iso8601);
}

/**
 * A checked page's SLAs in Accord's terms: completed cycles in JSM's order, then the ongoing one.
 * @example slasOfPage(slaPageReply.parse(json))[0]?.cycles[0]?.elapsedMs
 */
export function slasOfPage(page: SlaPageReply): JsmSla[] {
  return page.values.map((sla) => {
    const cycles: JsmSlaCycle[] = (sla.completedCycles ?? []).map((c) => ({
      startedAt: instantOf(c.startTime),
      stoppedAt: instantOf(c.stopTime),
      breached: c.breached,
      breachAt: c.breachTime === undefined ? null : instantOf(c.breachTime),
      goalMs: c.goalDuration?.millis ?? null,
      elapsedMs: c.elapsedTime.millis,
      remainingMs: c.remainingTime?.millis ?? null,
    }));
    const o = sla.ongoingCycle;
    if (o !== undefined) {
      cycles.push({
        startedAt: instantOf(o.startTime),
        stoppedAt: null,
        breached: o.breached,
        breachAt: o.breachTime === undefined ? null : instantOf(o.breachTime),
        goalMs: o.goalDuration?.millis ?? null,
        elapsedMs: o.elapsedTime.millis,
        remainingMs: o.remainingTime?.millis ?? null,
        paused: o.paused,
        withinCalendarHours: o.withinCalendarHours,
      });
    }
    return { id: sla.id, name: sla.name, cycles };
  });
}

/**
 * Where the next page starts, or undefined after the last: JSM says `isLastPage`; a page that is empty, or
 * shorter than its `limit`, ends the list too, so a reply without the flag cannot loop forever.
 */
export function nextStart(page: SlaPageReply, start: number): number | undefined {
  if (page.isLastPage === true || page.values.length === 0) return undefined;
  if (page.isLastPage === undefined && page.limit !== undefined && page.values.length < page.limit)
    return undefined;
  return (page.start ?? start) + page.values.length;
}
