import { parseInstant } from '../time/iso';
import { minutesToMs, type EpochMs, type WorkingMs } from '../time/units';
import type { ReplayedCycle } from './replay';

/**
 * Per-issue decisions a person took on one cycle of one metric (docs/engine-contract.md, "Extensions and
 * excused breaches"): an extension adds working time to the cycle's deadline; an excuse marks its breach as
 * excused. The cycle is named by its start, which a recalculation of the same history finds again.
 */
export type Adjustment = Extension | Excuse;

interface AdjustmentBase {
  readonly agreement: string;
  readonly metric: string;
  /** The start of the cycle it is about. */
  readonly cycleStartedAt: EpochMs;
  /** When it was made: an evaluation before this instant does not see it. */
  readonly at: EpochMs;
}

export interface Extension extends AdjustmentBase {
  readonly kind: 'extension';
  /** Working time of the goal's calendar added to the deadline; more than zero. */
  readonly ms: WorkingMs;
}

export interface Excuse extends AdjustmentBase {
  readonly kind: 'excuse';
}

/** An adjustment as JSON carries it: instants as ISO strings, an extension in working minutes. */
export interface AdjustmentJson {
  readonly kind: 'extension' | 'excuse';
  readonly agreement: string;
  readonly metric: string;
  readonly cycleStartedAt: string;
  readonly at: string;
  /** An extension's working minutes (fractions allowed: an extension "to an instant" is exact). */
  readonly minutes?: number;
}

/**
 * JSON adjustments → the engine's; undefined (with the index) for the first that cannot be read.
 * @example adjustmentsOf([{ kind: 'excuse', agreement: 'gold', metric: 'ttr', cycleStartedAt: '2026-03-02T09:00:00Z', at: '2026-03-02T12:00:00Z' }])
 */
export function adjustmentsOf(
  list: readonly AdjustmentJson[],
): { ok: true; value: Adjustment[] } | { ok: false; index: number; message: string } {
  const out: Adjustment[] = [];
  for (const [index, a] of list.entries()) {
    const cycleStartedAt = parseInstant(a.cycleStartedAt);
    const at = parseInstant(a.at);
    if (cycleStartedAt === undefined || at === undefined) {
      return { ok: false, index, message: 'cycleStartedAt and at must be ISO instants' };
    }
    const base = { agreement: a.agreement, metric: a.metric, cycleStartedAt, at };
    if (a.kind === 'excuse') {
      out.push({ ...base, kind: 'excuse' });
      continue;
    }
    const minutes = a.minutes ?? 0;
    if (!Number.isFinite(minutes) || minutes <= 0) {
      return { ok: false, index, message: 'an extension needs minutes above zero' };
    }
    out.push({ ...base, kind: 'extension', ms: minutesToMs(minutes) });
  }
  return { ok: true, value: out };
}

/** What the adjustments on one cycle add up to. */
export interface CycleAdjustments {
  /** Working ms the extensions that count add to the deadline; 0 without any. */
  readonly extraMs: number;
  /** How many extensions count. */
  readonly extensions: number;
  /** The instants of the excuses seen at `now`, for the breach they follow. */
  readonly excusedAt: readonly EpochMs[];
}

export const NO_ADJUSTMENTS: CycleAdjustments = { extraMs: 0, extensions: 0, excusedAt: [] };

/**
 * The adjustments (already of this agreement and metric) that count for a cycle at `now`: made at or before
 * `now`, for this cycle's start; an extension only if it was made while the cycle ran (from its start, before
 * its stop: an extension after the stop is refused by the backend and ignored here).
 */
export function adjustmentsFor(
  adjustments: readonly Adjustment[],
  cycle: ReplayedCycle,
  now: EpochMs,
): CycleAdjustments {
  let extraMs = 0;
  let extensions = 0;
  let excusedAt: EpochMs[] | undefined;
  for (const a of adjustments) {
    if (a.cycleStartedAt !== cycle.startedAt || a.at > now) continue;
    if (a.kind === 'excuse') {
      (excusedAt ??= []).push(a.at);
      continue;
    }
    if (a.at < cycle.startedAt || (cycle.stoppedAt !== null && a.at >= cycle.stoppedAt)) continue;
    extraMs += a.ms;
    extensions++;
  }
  if (extensions === 0 && excusedAt === undefined) return NO_ADJUSTMENTS;
  return { extraMs, extensions, excusedAt: excusedAt ?? [] };
}

/** An excuse covers a breach that had happened when it was made. */
export const isExcused = (adjust: CycleAdjustments, breachedAt: EpochMs | null): boolean =>
  breachedAt !== null && adjust.excusedAt.some((at) => at >= breachedAt);
