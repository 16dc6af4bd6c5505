import type { Adjustment } from '../../engine/evaluate/adjustments';
import type { EpochMs, WorkingMs } from '../../engine/time/units';
import { MS_PER_MINUTE } from '../../engine/time/units';
import type { StoredAdjustment } from '../ports';

/** Stored decisions as the engine takes them (an excuse has no minutes; an extension always has some). */
export function engineAdjustments(stored: readonly StoredAdjustment[]): Adjustment[] {
  return stored.map((a) => {
    const base = {
      agreement: a.agreementId,
      metric: a.metricId,
      cycleStartedAt: a.cycleStartedAt as EpochMs,
      at: a.at as EpochMs,
    };
    return a.kind === 'excuse'
      ? { ...base, kind: 'excuse' }
      : { ...base, kind: 'extension', ms: Math.round((a.minutes ?? 0) * MS_PER_MINUTE) as WorkingMs };
  });
}
