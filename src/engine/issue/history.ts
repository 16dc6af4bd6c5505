/**
 * An issue's history as the evaluator reads it: the values of any field at any instant, the instants at which
 * fields changed, and the events conditions listen to. Built from {@link IssueHistoryData} without copying.
 */
import type { FieldKey, FieldValues } from '../fields';
import type { EpochMs } from '../time/units';
import { EMPTY } from './aliases';
import { valueAt } from './timeline';
import type { FieldTimelineData, IssueEvent, IssueHistoryData } from './types';

export interface IssueHistory {
  readonly key: string;
  readonly id: string;
  readonly created: EpochMs;
  /** Sorted by instant (creation first, then changelog order, then comments), deduplicated by id. */
  readonly events: readonly IssueEvent[];
  /**
   * Field values in force at `instant`, after every change at or before it (before creation: the values at
   * creation). A view doing one binary search per `get`; asking twice for one instant gives the same view.
   */
  at(instant: EpochMs): FieldValues;
  /** Sorted distinct instants after creation at which any of the given fields changed value. */
  changesOf(fields: readonly FieldKey[]): readonly EpochMs[];
}

class ValuesAt implements FieldValues {
  constructor(
    private readonly byKey: ReadonlyMap<FieldKey, FieldTimelineData>,
    readonly instant: number,
  ) {}

  get(field: FieldKey): readonly string[] {
    const timeline = this.byKey.get(field);
    return timeline === undefined ? EMPTY : valueAt(timeline, this.instant);
  }
}

class History implements IssueHistory {
  readonly key: string;
  readonly id: string;
  readonly created: EpochMs;
  readonly events: readonly IssueEvent[];
  private readonly byKey = new Map<FieldKey, FieldTimelineData>();
  private last: ValuesAt | undefined;

  constructor(data: IssueHistoryData) {
    this.key = data.key;
    this.id = data.id;
    this.created = data.created as EpochMs;
    for (const timeline of data.fields) {
      for (const key of timeline.keys) if (!this.byKey.has(key)) this.byKey.set(key, timeline);
    }
    const events: IssueEvent[] = [];
    for (const event of data.events) {
      if (event.kind !== 'field') {
        events.push(event as IssueEvent); // the same shape; only the instant's brand differs
        continue;
      }
      const timeline = data.fields[event.field];
      const main = timeline?.keys[0];
      if (timeline === undefined || main === undefined) continue;
      events.push({
        kind: 'field',
        at: event.at as EpochMs,
        field: main,
        names: timeline.keys,
        from: timeline.values[event.change] ?? EMPTY,
        to: timeline.values[event.change + 1] ?? EMPTY,
      });
    }
    this.events = events;
  }

  at(instant: EpochMs): FieldValues {
    if (this.last?.instant !== instant) this.last = new ValuesAt(this.byKey, instant);
    return this.last;
  }

  changesOf(fields: readonly FieldKey[]): readonly EpochMs[] {
    const out: number[] = [];
    const seen = new Set<FieldTimelineData>();
    for (const field of fields) {
      const timeline = this.byKey.get(field);
      if (timeline === undefined || seen.has(timeline)) continue;
      seen.add(timeline);
      for (const at of timeline.at) if (at > this.created) out.push(at);
    }
    if (seen.size > 1) out.sort((a, b) => a - b);
    let n = 0;
    for (const at of out) if (n === 0 || out[n - 1] !== at) out[n++] = at;
    out.length = n;
    return out as EpochMs[];
  }
}

/**
 * The evaluator's view of a normalized history (from {@link parseIssue} or from storage).
 * @example
 * const history = historyOf(data);
 * history.at(epochMs(Date.UTC(2026, 2, 2, 10))).get('priority'); // ['high', '2']
 */
export function historyOf(data: IssueHistoryData): IssueHistory {
  return new History(data);
}
