/**
 * Availability of a service over a period, from its incidents:
 *
 *   service time = working time of the service calendar in the period, minus planned maintenance;
 *   downtime     = working time inside the union of the incidents' outages, minus planned maintenance;
 *   availability = (service time − downtime) / service time.
 *
 * Overlapping incidents count once (the union); an outage still going on counts until `now`; a period not yet
 * over is measured up to `now`. Maintenance is excluded from both sides, as contracts word it ("excluding
 * scheduled maintenance").
 */
import type { WorkingTime } from '../calendar/timeline';
import type { EpochMs, Interval } from '../time/units';
import { clip, subtract, union, workingTimeIn } from './intervals';
import { percentOf, shareAtLeast, shortfallAllowed } from './shares';

/** One incident's outage: `end` null while it is still going on. */
export interface Outage {
  readonly issueKey: string;
  readonly start: EpochMs;
  readonly end: EpochMs | null;
}

export interface AvailabilityInput {
  readonly period: Interval;
  readonly now: EpochMs;
  /** The service's agreed hours. */
  readonly calendar: WorkingTime;
  readonly outages: readonly Outage[];
  /** Planned maintenance, as instants (see `maintenanceIntervals`); may overlap and spill over the period. */
  readonly maintenance: readonly Interval[];
  readonly objectivePercent: number;
}

export interface IncidentDowntime {
  readonly issueKey: string;
  readonly start: EpochMs;
  readonly end: EpochMs | null;
  /** This incident's own downtime in the period (overlaps with others included here, counted once in the total). */
  readonly downtimeMs: number;
}

export interface AvailabilityResult {
  /** Service time: the calendar's working time in the (elapsed part of the) period, maintenance excluded. */
  readonly scheduledMs: number;
  readonly downtimeMs: number;
  /** Working time of the calendar spent in planned maintenance. */
  readonly maintenanceMs: number;
  /** Null when there was no service time to judge (a period not yet begun, a calendar closed all period). */
  readonly availablePercent: number | null;
  readonly objectivePercent: number;
  readonly objectiveMet: boolean | null;
  /** Downtime the objective allows over the service time so far, and what is left of it (negative once missed). */
  readonly allowedDowntimeMs: number;
  readonly remainingDowntimeMs: number;
  /** The incidents with downtime in the period, longest first. */
  readonly incidents: readonly IncidentDowntime[];
}

/**
 * Measures a service's availability over a period.
 * @example
 * availabilityOf({ period: march, now, calendar: always, outages, maintenance: [], objectivePercent: 99.9 })
 */
export function availabilityOf(input: AvailabilityInput): AvailabilityResult {
  const { period, now, calendar } = input;
  const measured: Interval = { start: period.start, end: Math.min(period.end, now) as EpochMs };
  const window = measured.end > measured.start ? [measured] : [];
  const maintenance = clip(input.maintenance, measured);
  const serviceTime = subtract(window, maintenance);

  const outageOf = (o: Outage): Interval[] =>
    subtract(clip([{ start: o.start, end: o.end ?? now }], measured), maintenance);
  const down = union(input.outages.flatMap(outageOf));

  const scheduledMs = workingTimeIn(calendar, serviceTime);
  const downtimeMs = workingTimeIn(calendar, down);
  const allowedDowntimeMs = shortfallAllowed(scheduledMs, input.objectivePercent);
  const incidents = input.outages
    .map((o) => ({
      issueKey: o.issueKey,
      start: o.start,
      end: o.end,
      downtimeMs: workingTimeIn(calendar, outageOf(o)),
    }))
    .filter((i) => i.downtimeMs > 0)
    .sort((a, b) => b.downtimeMs - a.downtimeMs || a.start - b.start);
  return {
    scheduledMs,
    downtimeMs,
    maintenanceMs: workingTimeIn(calendar, maintenance),
    availablePercent: percentOf(scheduledMs - downtimeMs, scheduledMs),
    objectivePercent: input.objectivePercent,
    objectiveMet: shareAtLeast(scheduledMs - downtimeMs, scheduledMs, input.objectivePercent) ?? null,
    allowedDowntimeMs,
    remainingDowntimeMs: allowedDowntimeMs - downtimeMs,
    incidents,
  };
}
