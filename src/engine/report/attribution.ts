/**
 * Who held the time when an SLA was breached (or is at risk): the SLA cycle's running time — its span minus
 * its pauses, in working time of the SLA goal's calendar — split by the OLA and UC cycles on the same issue
 * that overlapped it. An OLA team holds the issue while its OLA cycle runs; a supplier while its UC cycle runs.
 * Time no underpinning agreement held is the service desk's own (`unattributedMs`). Holders may overlap (a
 * supplier working while the second level still holds the issue): each gets the overlap, so shares can add
 * up to more than 100 %, but the unattributed time is what nobody held.
 */
import type { AgreementKind } from '../agreement/types';
import type { WorkingTime } from '../calendar/timeline';
import type { EpochMs, Interval } from '../time/units';
import { intersect, subtract, union, workingTimeIn } from './intervals';

/** One underpinning agreement's cycles on the issue, as intervals (`end` = stop, or now while running). */
export interface Holder {
  readonly agreementId: string;
  readonly kind: Exclude<AgreementKind, 'SLA'>;
  readonly counterparty: string | null;
  readonly intervals: readonly Interval[];
}

export interface AttributionInput {
  /** The SLA cycle, from its start to its stop (or now while it runs). */
  readonly cycle: Interval;
  /** Its pauses (`to` = the cycle's end while a pause lasts). */
  readonly pauses: readonly Interval[];
  /** The SLA goal's calendar: running time is its working time. */
  readonly calendar: WorkingTime;
  readonly holders: readonly Holder[];
}

export interface HeldTime {
  readonly agreementId: string;
  readonly kind: Exclude<AgreementKind, 'SLA'>;
  readonly counterparty: string | null;
  readonly heldMs: number;
  /** Share of the SLA's running time, in percent; null when it had none. */
  readonly percent: number | null;
}

export interface Attribution {
  /** The SLA cycle's running time: working time of its span minus its pauses. */
  readonly runningMs: number;
  /** Holders that held any of it, most first. */
  readonly holders: readonly HeldTime[];
  /** Running time no OLA or UC held. */
  readonly unattributedMs: number;
}

/**
 * Splits an SLA cycle's running time among the OLA and UC cycles of the same issue.
 * @example
 * attributeCycle({ cycle, pauses: [], calendar, holders: [{ agreementId: 'ola', kind: 'OLA', counterparty: 'Second Level', intervals }] })
 */
export function attributeCycle(input: AttributionInput): Attribution {
  const running = subtract([input.cycle], input.pauses);
  const runningMs = workingTimeIn(input.calendar, running);
  const byAgreement = new Map<string, Holder>();
  for (const h of input.holders) {
    const seen = byAgreement.get(h.agreementId);
    byAgreement.set(h.agreementId, seen ? { ...seen, intervals: [...seen.intervals, ...h.intervals] } : h);
  }
  const holders: HeldTime[] = [];
  for (const h of byAgreement.values()) {
    const heldMs = workingTimeIn(input.calendar, intersect(running, h.intervals));
    if (heldMs <= 0) continue;
    holders.push({
      agreementId: h.agreementId,
      kind: h.kind,
      counterparty: h.counterparty,
      heldMs,
      percent: runningMs > 0 ? (heldMs / runningMs) * 100 : null,
    });
  }
  holders.sort((a, b) => b.heldMs - a.heldMs || a.agreementId.localeCompare(b.agreementId));
  const heldByAnyone = union(input.holders.flatMap((h) => h.intervals));
  return {
    runningMs,
    holders,
    unattributedMs: workingTimeIn(input.calendar, subtract(running, heldByAnyone)),
  };
}

/**
 * Attributions of many SLA cycles added up per holder: "of the 31 breached hours this month, the second level
 * held 18 and NetCo 9".
 * @example totalAttribution([a, b]).holders[0]?.heldMs
 */
export function totalAttribution(attributions: readonly Attribution[]): Attribution {
  const byAgreement = new Map<string, HeldTime>();
  let runningMs = 0;
  let unattributedMs = 0;
  for (const a of attributions) {
    runningMs += a.runningMs;
    unattributedMs += a.unattributedMs;
    for (const h of a.holders) {
      const seen = byAgreement.get(h.agreementId);
      byAgreement.set(h.agreementId, { ...h, heldMs: (seen?.heldMs ?? 0) + h.heldMs });
    }
  }
  const holders = [...byAgreement.values()]
    .map((h) => ({ ...h, percent: runningMs > 0 ? (h.heldMs / runningMs) * 100 : null }))
    .sort((a, b) => b.heldMs - a.heldMs || a.agreementId.localeCompare(b.agreementId));
  return { runningMs, holders, unattributedMs };
}

/** An interval from stored instants; an open end is `now`. */
export function spanOf(start: number, end: number | null, now: EpochMs): Interval {
  return { start: start as EpochMs, end: (end ?? now) as EpochMs };
}
