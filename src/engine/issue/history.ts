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
  /** `events[i].at` for each i: plain numbers, which a replay scans without touching the events. */
  readonly instants: readonly EpochMs[];
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
    private readonly history: History,
    readonly instant: number,
  ) {}

  get(field: FieldKey): readonly string[] {
    const timeline = this.history.timelineOf(field);
    return timeline === undefined ? EMPTY : valueAt(timeline, this.instant);
  }
}

class History implements IssueHistory {
  readonly key: string;
  readonly id: string;
  readonly created: EpochMs;
  readonly events: readonly IssueEvent[];
  readonly instants: readonly EpochMs[];
  private readonly fields: readonly FieldTimelineData[];
  // The keys asked for so far and their timelines: agreements read a handful of fields, so a short list
  // found on demand costs less than a map of every key of every field built for each issue.
  private readonly askedKeys: FieldKey[] = [];
  private readonly askedTimelines: (FieldTimelineData | undefined)[] = [];
  private last: ValuesAt | undefined;

  constructor(data: IssueHistoryData) {
    this.key = data.key;
    this.id = data.id;
    this.created = data.created as EpochMs;
    this.fields = data.fields;
    const events: IssueEvent[] = [];
    const instants: EpochMs[] = [];
    for (const event of data.events) {
      if (event.kind !== 'field') {
        events.push(event as IssueEvent); // the same shape; only the instant's brand differs
        instants.push(event.at as EpochMs);
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
      instants.push(event.at as EpochMs);
    }
    this.events = events;
    this.instants = instants;
  }

  /** The timeline of the first field that answers to `key`. */
  timelineOf(key: FieldKey): FieldTimelineData | undefined {
    const asked = this.askedKeys;
    for (let i = 0; i < asked.length; i++) if (asked[i] === key) return this.askedTimelines[i];
    const timeline = this.fields.find((field) => field.keys.includes(key));
    asked.push(key);
    this.askedTimelines.push(timeline);
    return timeline;
  }

  at(instant: EpochMs): FieldValues {
    if (this.last?.instant !== instant) this.last = new ValuesAt(this, instant);
    return this.last;
  }

  changesOf(fields: readonly FieldKey[]): readonly EpochMs[] {
    const out: number[] = [];
    const seen: FieldTimelineData[] = [];
    for (const field of fields) {
      const timeline = this.timelineOf(field);
      if (timeline === undefined || seen.includes(timeline)) continue;
      seen.push(timeline);
      for (const at of timeline.at) if (at > this.created) out.push(at);
    }
    if (seen.length > 1) out.sort((a, b) => a - b);
    let n = 0;
    for (const at of out) if (n === 0 || out[n - 1] !== at) out[n++] = at;
    if (n < out.length) out.length = n; // a store to `length` is a call into the runtime, even when nothing is cut
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
