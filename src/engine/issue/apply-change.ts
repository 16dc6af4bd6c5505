/**
 * Applies one changelog entry, as a product event carries it, to a stored history, with no read of the issue:
 * the result is exactly what {@link parseIssue} gives for the issue read after the change, or, when that cannot
 * be known from the entry and the stored history alone, a reason to read the issue in full.
 *
 * Exactness rests on how the walk (`walk-back.ts`) builds a history: a field's value in each period is the
 * `from` side of the next entry that touches it, and its current value comes from the issue's fields. So the
 * entry's `from` side replaces the value of the field's last period, and its `to` side becomes the current
 * value. That is exact only for fields whose current value reads the same as a changelog side (`priority`,
 * `resolution`: `{ name, id }`; `status`, whose category comes from the site's statuses); every other field
 * (users, lists, dates, custom fields, whose kind only the issue's JSON tells) gives `unsupported`. Items on
 * fields the history does not follow (summary, description, rank) change nothing, as in the walk.
 *
 * Contiguity is checked where the entry can show it: each item's `from` side must be the stored current value
 * (else `gap`: a change in between was missed), and the entry must be no earlier than every stored event, nor
 * at the instant of a stored comment (a full read puts comments after the changes of their instant), else
 * `order`. That an entry on other fields was missed in between cannot be seen here, nor whether an entry at the
 * instant of the latest stored one follows it (a full read orders one instant's entries by id): the caller
 * orders events by the issue's `updated` instant and the entries it applied (`IssueHistoryData.applied`),
 * which it keeps.
 */
import { changeAliases, EMPTY, isObject, sameAliases } from './aliases';
import { commentBy, compareIds } from './parse-issue';
import { STATUS_CATEGORY_ALIASES, type StatusCatalog } from './status-catalog';
import { valueAt } from './timeline';
import {
  type FieldTimelineData,
  type IssueEventData,
  type IssueHistoryData,
  type StatusCategoryKey,
  type StatusRef,
} from './types';
import { itemTarget, toStringOf } from './walk-back';

/** A changelog entry as Forge's `avi:jira:updated:issue` delivers it: its id and items, no instant, no author. */
export interface CarriedEntry {
  readonly id: string;
  /** When the change happened: the issue's `updated` in the event (Forge's entry carries no instant). */
  readonly at: number;
  readonly items: readonly unknown[];
  /** Who made the change (the event's `atlassianId`): a full read would learn this account's names from it. */
  readonly actor: string;
}

/** Why an entry could not be applied: the caller reads the issue in full instead. */
export type ReadAgain = 'gap' | 'order' | 'unsupported' | 'status-unknown' | 'actor';

/** The applied history, or why the issue must be read in full. */
export type ApplyResult = { readonly data: IssueHistoryData } | { readonly readAgain: ReadAgain };

/** The fields whose current value reads like a changelog side, so that applying an entry to them is exact. */
const APPLICABLE: ReadonlySet<string> = new Set(['status', 'priority', 'resolution']);

/**
 * The order in which the walk creates the system fields' timelines (`readCurrent`): a timeline a change brings
 * into being must stand where a full read would put it, since field events point at timelines by position.
 */
const SYSTEM_ORDER: readonly string[] = [
  'project',
  'issuetype',
  'status',
  'statusCategory',
  'priority',
  'labels',
  'components',
  'fixVersions',
  'resolution',
  'assignee',
  'reporter',
  'duedate',
];

const rank = (key: string | undefined): number => {
  const index = key === undefined ? -1 : SYSTEM_ORDER.indexOf(key);
  return index < 0 ? SYSTEM_ORDER.length : index;
};

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The history's state while an entry is applied: timelines and events copied on first write. */
class Draft {
  readonly fields: FieldTimelineData[];
  /** The stored events (their field indices moved when a timeline is inserted), then the entry's. */
  stored: readonly IssueEventData[];
  readonly events: IssueEventData[] = [];

  constructor(
    data: IssueHistoryData,
    private readonly at: number,
  ) {
    this.fields = [...data.fields];
    this.stored = data.events;
  }

  private indexOf(key: string): number {
    return this.fields.findIndex((field) => field.keys[0] === key);
  }

  /** The value in force now, as stored. */
  current(key: string): readonly string[] {
    const field = this.fields[this.indexOf(key)];
    return field === undefined ? EMPTY : (field.values[field.values.length - 1] ?? EMPTY);
  }

  /**
   * Changes a system field from `from` to `to` at the entry's instant, with its `field` event if the value
   * changed; false when `from` is not the stored current value (a change in between was missed).
   */
  change(key: string, from: readonly string[], to: readonly string[]): boolean {
    let index = this.indexOf(key);
    const field = this.fields[index];
    if (!sameAliases(field === undefined ? EMPTY : this.current(key), from)) return false;
    const changed = !sameAliases(from, to);
    if (field === undefined) {
      // Empty all along until now: a full read would have had no timeline for it.
      if (!changed) return true;
      index = this.fields.findIndex((f) => rank(f.keys[0]) > rank(key));
      if (index < 0) index = this.fields.length;
      this.fields.splice(index, 0, { keys: [key], at: [this.at], values: [EMPTY, to] });
      this.shiftFieldEvents(index);
      this.events.push({ kind: 'field', at: this.at, field: index, change: 0 });
      return true;
    }
    // The last period's value is now the entry's `from` side, as the walk undoing this entry would make it.
    const values = [...field.values.slice(0, -1), from];
    if (!changed) {
      this.fields[index] = { keys: field.keys, at: field.at, values };
      return true;
    }
    const at = [...field.at, this.at];
    this.fields[index] = { keys: field.keys, at, values: [...values, to] };
    this.events.push({ kind: 'field', at: this.at, field: index, change: at.length - 1 });
    return true;
  }

  /** A timeline was inserted at `index`: field events pointing at or after it move one on. */
  private shiftFieldEvents(index: number): void {
    const shift = (event: IssueEventData): IssueEventData =>
      event.kind === 'field' && event.field >= index ? { ...event, field: event.field + 1 } : event;
    this.stored = this.stored.map(shift);
    for (let i = 0; i < this.events.length; i++) {
      const event = this.events[i];
      if (event !== undefined) this.events[i] = shift(event);
    }
  }
}

/** A status as the walk names one (`Walk.status`): its category from the site's statuses. */
function statusRef(
  rawId: unknown,
  rawName: unknown,
  catalog: StatusCatalog,
): { ref: StatusRef | null; category: StatusCategoryKey | undefined } {
  const id = nonEmpty(rawId);
  const name = nonEmpty(rawName);
  if (id === undefined && name === undefined) return { ref: null, category: undefined };
  const category =
    (id === undefined ? undefined : catalog.byId.get(id)) ??
    (name === undefined ? undefined : catalog.byName.get(name.toLowerCase()));
  const displayName = name ?? id ?? '';
  const ref: { id?: string; name: string; category?: StatusCategoryKey } =
    id === undefined ? { name: displayName } : { id, name: displayName };
  if (category !== undefined) ref.category = category;
  return { ref, category };
}

/** The instant of the history's latest event (its creation if it has none). */
function latestInstant(data: IssueHistoryData): number {
  const last = data.events[data.events.length - 1];
  return Math.max(data.created, last?.at ?? data.created);
}

/**
 * Whether `accountId` held a user field before its current value (or is empty). A full read learns the names
 * and e-mail address of every changelog and comment author, and adds them to the past values of user fields
 * that held that account; applying cannot, so such a history is read in full.
 */
function heldBefore(data: IssueHistoryData, accountId: string): boolean {
  const id = accountId.toLowerCase();
  if (id === '') return true;
  for (const field of data.fields) {
    for (let i = 0; i < field.values.length - 1; i++) {
      if (field.values[i]?.includes(id) === true) return true;
    }
  }
  return false;
}

/**
 * A new comment as `avi:jira:commented:issue` delivers it (created, not edited), with the kind of account its
 * author has, which the event does not say (Jira's user API does).
 */
export interface CarriedCommentEntry {
  readonly id: string;
  /** The comment's `created`, epoch ms. */
  readonly at: number;
  /** The author's account id. */
  readonly author: string;
  /** The author's `accountType` as Jira names it: `atlassian`, `customer`, `app`. */
  readonly accountType: string;
  /** `jsdPublic`: false for an internal note. */
  readonly public: boolean;
}

/**
 * Adds a new comment to `data`, exactly as {@link parseIssue} reads it from the issue after the comment: its
 * `comment` event, by the customer, an agent or an app as the author's account type and the reporter at that
 * instant tell (`commentBy`). Read again (`order`) if a stored event is later, or a stored comment at its
 * instant has an id not below its own (a full read orders one instant's comments by id, after its changes), and
 * (`actor`) if its author held a user field before its current value.
 * @example
 * const result = applyComment(stored, { id: '10071', at, author: 'carla', accountType: 'customer', public: true });
 */
export function applyComment(data: IssueHistoryData, comment: CarriedCommentEntry): ApplyResult {
  const last = data.events[data.events.length - 1];
  const latest = latestInstant(data);
  if (comment.at < latest) return { readAgain: 'order' };
  if (comment.at === latest && last?.kind === 'comment' && compareIds(last.id, comment.id) >= 0)
    return { readAgain: 'order' };
  // Histories stored before full reads listed their comments at `updated` as applied may hold it already.
  if (data.events.some((e) => e.kind === 'comment' && e.id === comment.id)) return { readAgain: 'order' };
  if (heldBefore(data, comment.author)) return { readAgain: 'actor' };
  const reporter = data.fields.find((field) => field.keys[0] === 'reporter');
  const by = commentBy(
    { accountId: comment.author, accountType: comment.accountType },
    reporter === undefined ? EMPTY : valueAt(reporter, comment.at),
  );
  const event: IssueEventData = {
    kind: 'comment',
    at: comment.at,
    id: comment.id,
    by,
    public: comment.public,
  };
  return { data: { ...data, events: [...data.events, event] } };
}

/**
 * Applies `entry` to `data` (see the module's comment), with the site's statuses for status categories.
 * @example
 * const result = applyChangelogEntry(stored, { id: '10400', at, items, actor: 'alex' }, catalog);
 * if ('data' in result) store(result.data); else readInFull(result.readAgain);
 */
export function applyChangelogEntry(
  data: IssueHistoryData,
  entry: CarriedEntry,
  catalog: StatusCatalog,
): ApplyResult {
  const last = data.events[data.events.length - 1];
  const latest = latestInstant(data);
  if (entry.at < latest || (entry.at === latest && last?.kind === 'comment')) return { readAgain: 'order' };
  if (heldBefore(data, entry.actor)) return { readAgain: 'actor' };

  const draft = new Draft(data, entry.at);
  const touched = new Set<string>();
  for (const item of entry.items) {
    if (!isObject(item)) return { readAgain: 'unsupported' };
    const target = itemTarget(item);
    if (target === 'ignored') continue;
    // Two items on one field compose in the walk; too rare to mirror here.
    if (target === 'custom' || !APPLICABLE.has(target.system) || touched.has(target.system))
      return { readAgain: 'unsupported' };
    const key = target.system;
    touched.add(key);
    const from = changeAliases(item.from, item.fromString);
    const to = changeAliases(item.to, toStringOf(item));
    if (key === 'status') {
      const before = statusRef(item.from, item.fromString, catalog);
      const after = statusRef(item.to, toStringOf(item), catalog);
      if (after.ref === null || before.category === undefined || after.category === undefined)
        return { readAgain: 'status-unknown' };
      draft.events.push({ kind: 'status', at: entry.at, from: before.ref, to: after.ref });
      if (!draft.change('status', from, to)) return { readAgain: 'gap' };
      const categoryFrom = STATUS_CATEGORY_ALIASES[before.category];
      const categoryTo = STATUS_CATEGORY_ALIASES[after.category];
      if (!draft.change('statusCategory', categoryFrom, categoryTo)) return { readAgain: 'gap' };
      continue;
    }
    if (key === 'resolution') {
      const set = nonEmpty(item.to) ?? toStringOf(item);
      const cleared = nonEmpty(item.from) ?? nonEmpty(item.fromString);
      if (set !== undefined) draft.events.push({ kind: 'resolution', at: entry.at, change: 'set' });
      else if (cleared !== undefined)
        draft.events.push({ kind: 'resolution', at: entry.at, change: 'cleared' });
    }
    if (!draft.change(key, from, to)) return { readAgain: 'gap' };
  }

  return { data: { ...data, fields: draft.fields, events: [...draft.stored, ...draft.events] } };
}
