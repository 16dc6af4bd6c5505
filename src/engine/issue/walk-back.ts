/**
 * Reconstructs every field's value over time from an issue's current fields and its changelog: start from what
 * the issue holds now, then undo the changelog entries newest to oldest. The value before an item is its
 * `from` / `fromString` side, except for fields whose items carry one added or removed value each (components,
 * fix versions). Items this module does not understand are skipped, never fatal.
 */
import { namedFieldKey, type FieldKey } from '../fields';
import {
  EMPTY,
  changeAliases,
  isObject,
  itemAliases,
  pushAlias,
  sameAliases,
  unbracket,
  valueAliases,
} from './aliases';
import { STATUS_CATEGORY_ALIASES, statusCategoryKey, type StatusCatalog } from './status-catalog';
import type { FieldTimelineData, IssueEventData, StatusCategoryKey, StatusRef } from './types';

/** A changelog entry, validated and sorted (see `parse-issue.ts`). */
export interface RawEntry {
  readonly id: string;
  readonly at: number;
  readonly items: readonly unknown[];
  readonly author: unknown;
}

/**
 * How a field's items are undone:
 * - `single`: the value before is the item's `from` (an id) and `fromString` (a display string);
 * - `status`: the same, and the status category follows;
 * - `category`: the status category, moved only by `status` items;
 * - `project`: the same as `single`, plus the project key taken from the issue's old key;
 * - `labels`: `fromString` is the whole space-separated list;
 * - `set`: each item adds (`from` null) or removes (`to` null) one value: components, fix versions;
 * - `multi`: the sides list every value: `[10020, 10021]` / `Fulfilment,Supply` (multi-selects, organizations).
 */
type Kind = 'single' | 'status' | 'category' | 'project' | 'labels' | 'set' | 'multi';

/** One field while the walk goes back in time. */
interface Slot {
  readonly keys: FieldKey[];
  readonly kind: Kind;
  /** The system key, for the fields whose changes are events of their own. */
  readonly system: string | undefined;
  /** The value at the point the walk has reached. */
  value: readonly string[];
  /** For `set` fields: the aliases of each value, so that one can be added or removed. */
  readonly items: (readonly string[])[];
  /** Changes found so far, newest first: from `revAt[i]` on, the value was `revValues[i]`. */
  readonly revAt: number[];
  readonly revValues: (readonly string[])[];
  /** The entry (index) that last touched the field, its value after that entry, whether the entry changed it. */
  mark: number;
  after: readonly string[];
  changed: boolean;
  /** The entry for which a `field` event was written. */
  emitted: number;
  /** The last changelog display name seen for the field, so its `name:` key is added once. */
  lastName: string;
  /** Position in the output, or -1 when left out (empty all along). */
  index: number;
}

/** A `field` event whose field index and change index are known only once the walk is over. */
interface FieldEventDraft {
  readonly kind: 'field';
  readonly at: number;
  field: number;
  change: number;
}

const SYSTEM_KINDS = new Map<string, Kind>([
  ['project', 'project'],
  ['issuetype', 'single'],
  ['status', 'status'],
  ['statusCategory', 'category'],
  ['priority', 'single'],
  ['labels', 'labels'],
  ['components', 'set'],
  ['fixVersions', 'set'],
  ['resolution', 'single'],
  ['assignee', 'single'],
  ['reporter', 'single'],
  ['requestType', 'single'],
  ['organizations', 'multi'],
]);

/** Changelog `fieldId`s of the system fields followed. */
const BY_FIELD_ID = new Map<string, string>([
  ['status', 'status'],
  ['priority', 'priority'],
  ['assignee', 'assignee'],
  ['reporter', 'reporter'],
  ['labels', 'labels'],
  ['components', 'components'],
  ['fixVersions', 'fixVersions'],
  ['resolution', 'resolution'],
  ['issuetype', 'issuetype'],
  ['project', 'project'],
]);

/** Lower-cased changelog `field` names of system fields, for entries older than Jira's `fieldId`. */
const BY_JIRA_NAME = new Map<string, string>([
  ['status', 'status'],
  ['priority', 'priority'],
  ['assignee', 'assignee'],
  ['reporter', 'reporter'],
  ['labels', 'labels'],
  ['component', 'components'],
  ['fix version', 'fixVersions'],
  ['resolution', 'resolution'],
  ['issuetype', 'issuetype'],
  ['project', 'project'],
]);

/** JSM's own fields are custom fields to Jira; they are known by their (lower-cased) display names. */
const JSM_NAMES = new Map<string, string>([
  ['customer request type', 'requestType'],
  ['request type', 'requestType'],
  ['organizations', 'organizations'],
]);

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const TO_STRING = 'toString' as string;
/** An item's `toString` side; read by a computed key, since every object inherits a `toString` method. */
const toStringOf = (item: Readonly<Record<string, unknown>>): string | undefined => nonEmpty(item[TO_STRING]);

const flatten = (items: readonly (readonly string[])[]): readonly string[] => {
  if (items.length === 0) return EMPTY;
  const out: string[] = [];
  for (const item of items) for (const alias of item) if (!out.includes(alias)) out.push(alias);
  return out;
};

/**
 * A JSM organizations value: `[{ id, name, _links }]`. Versions and sprints, the other arrays of named objects,
 * carry `self` or `state`.
 */
const looksLikeOrganizations = (value: readonly unknown[]): boolean => {
  const first = value[0];
  return (
    isObject(first) && typeof first.name === 'string' && isObject(first._links) && first.self === undefined
  );
};

/** The walk's state. Used once per issue by {@link walkBack}. */
class Walk {
  readonly slots: Slot[] = [];
  readonly byKey = new Map<FieldKey, Slot>();
  /** Users seen anywhere in the issue, by account id: a changelog names a past assignee by id and name only. */
  private readonly users = new Map<string, readonly string[]>();
  private customIdsByName: Map<string, string> | undefined;
  private currentStatusId: string | undefined;
  private currentStatusName: string | undefined;
  private currentCategory: StatusCategoryKey | undefined;
  private readonly pending: { event: FieldEventDraft; slot: Slot }[] = [];

  constructor(
    private readonly catalog: StatusCatalog,
    private readonly names: Readonly<Record<string, unknown>> | undefined,
  ) {}

  // ── Fields as they are now ──────────────────────────────────────────────────────────────────────────────

  readCurrent(fields: Readonly<Record<string, unknown>>): void {
    const status = fields.status;
    if (isObject(status)) {
      this.currentStatusId = typeof status.id === 'number' ? String(status.id) : nonEmpty(status.id);
      this.currentStatusName = nonEmpty(status.name)?.toLowerCase();
      const category = status.statusCategory;
      this.currentCategory =
        statusCategoryKey(isObject(category) ? category.key : undefined) ??
        this.catalogCategory(this.currentStatusId, this.currentStatusName);
    }
    this.system('project', valueAliases(fields.project));
    this.system('issuetype', valueAliases(fields.issuetype));
    this.system('status', changeAliases(this.currentStatusId, isObject(status) ? status.name : undefined));
    this.system(
      'statusCategory',
      this.currentCategory === undefined ? EMPTY : STATUS_CATEGORY_ALIASES[this.currentCategory],
    );
    this.system('priority', valueAliases(fields.priority));
    this.system('labels', valueAliases(fields.labels));
    this.setSystem('components', fields.components);
    this.setSystem('fixVersions', fields.fixVersions);
    this.system('resolution', valueAliases(fields.resolution));
    this.system('assignee', valueAliases(fields.assignee));
    this.system('reporter', valueAliases(fields.reporter));
    this.rememberUser(fields.assignee);
    this.rememberUser(fields.reporter);
    this.rememberUser(fields.creator);

    for (const id in fields) {
      if (!id.startsWith('customfield_')) continue;
      const raw = fields[id];
      if (raw === null || raw === undefined) continue;
      const display = this.displayName(id);
      const keys: FieldKey[] = [id];
      if (display !== undefined) keys.push(namedFieldKey(display));
      const jsm = display === undefined ? undefined : JSM_NAMES.get(display.trim().toLowerCase());
      if (isObject(raw) && isObject(raw.requestType)) {
        const requestType = raw.requestType;
        this.createSlot(['requestType', ...keys], 'single', changeAliases(requestType.id, requestType.name));
      } else if (Array.isArray(raw)) {
        if (raw.length === 0) continue;
        const organizations = jsm === 'organizations' || (jsm === undefined && looksLikeOrganizations(raw));
        if (organizations) keys.unshift('organizations');
        this.createSlot(keys, 'multi', valueAliases(raw));
      } else {
        const value = valueAliases(raw);
        if (value.length > 0) this.createSlot(keys, 'single', value);
      }
    }
  }

  /** Users named by comments and changelog entries, for past assignees' e-mail addresses and names. */
  rememberUser(user: unknown): void {
    if (!isObject(user) || typeof user.accountId !== 'string' || this.users.has(user.accountId)) return;
    this.users.set(user.accountId, valueAliases(user));
  }

  private displayName(customId: string): string | undefined {
    const name = this.names?.[customId];
    return typeof name === 'string' && name !== '' ? name : undefined;
  }

  private system(key: string, value: readonly string[]): void {
    const kind = SYSTEM_KINDS.get(key);
    if (kind !== undefined && !this.byKey.has(key)) this.createSlot([key], kind, value);
  }

  private setSystem(key: string, raw: unknown): void {
    const slot = this.systemSlot(key);
    if (!Array.isArray(raw)) return;
    for (const item of raw) {
      const aliases: string[] = [];
      itemAliases(item, aliases);
      if (aliases.length > 0) slot.items.push(aliases);
    }
    slot.value = flatten(slot.items);
  }

  private createSlot(keys: readonly FieldKey[], kind: Kind, value: readonly string[]): Slot {
    const own = keys.filter((key) => !this.byKey.has(key));
    const first = own[0] ?? '';
    const slot: Slot = {
      keys: own,
      kind,
      system: SYSTEM_KINDS.has(first) ? first : undefined,
      value,
      items: [],
      revAt: [],
      revValues: [],
      mark: -1,
      after: value,
      changed: false,
      emitted: -1,
      lastName: '',
      index: -1,
    };
    for (const key of own) this.byKey.set(key, slot);
    this.slots.push(slot);
    return slot;
  }

  /**
   * Lets the field answer to `key` too, unless another field already does.
   * ATTENTION: two custom fields with one name both answer to `name:…` in Jira's JQL; here the first one does.
   */
  private addKey(slot: Slot, key: FieldKey): void {
    if (this.byKey.has(key)) return;
    this.byKey.set(key, slot);
    slot.keys.push(key);
  }

  private systemSlot(key: string): Slot {
    return this.byKey.get(key) ?? this.createSlot([key], SYSTEM_KINDS.get(key) ?? 'single', EMPTY);
  }

  private categorySlot(): Slot {
    return this.systemSlot('statusCategory');
  }

  // ── Which field an item changes ────────────────────────────────────────────────────────────────────────

  private slotFor(item: Readonly<Record<string, unknown>>): Slot | undefined {
    const field = typeof item.field === 'string' ? item.field : '';
    const custom = item.fieldtype === 'custom';
    // Rank items say "Ranked higher", not a value.
    if (custom && field === 'Rank') return undefined;
    const fieldId = nonEmpty(item.fieldId);
    if (fieldId !== undefined) {
      if (fieldId.startsWith('customfield_')) return this.customSlot(fieldId, field, item);
      const system = BY_FIELD_ID.get(fieldId);
      return system === undefined ? undefined : this.systemSlot(system);
    }
    if (field === '') return undefined;
    const lower = field.toLowerCase();
    if (!custom) {
      const system = BY_JIRA_NAME.get(lower);
      return system === undefined ? undefined : this.systemSlot(system);
    }
    const jsm = JSM_NAMES.get(lower);
    if (jsm !== undefined) return this.systemSlot(jsm);
    const byName = this.byKey.get(namedFieldKey(field));
    if (byName !== undefined) return byName;
    const id = this.customIdOfName(lower);
    if (id !== undefined) return this.customSlot(id, field, item);
    return this.createSlot([namedFieldKey(field)], kindOfItem(item), EMPTY);
  }

  private customSlot(id: string, field: string, item: Readonly<Record<string, unknown>>): Slot {
    let slot = this.byKey.get(id);
    if (slot === undefined) {
      const display = this.displayName(id);
      const jsm = JSM_NAMES.get(field.toLowerCase()) ?? JSM_NAMES.get(display?.toLowerCase() ?? '');
      if (jsm !== undefined) {
        slot = this.systemSlot(jsm);
        this.addKey(slot, id);
      } else {
        slot = this.createSlot([id], kindOfItem(item), EMPTY);
      }
      if (display !== undefined) this.addKey(slot, namedFieldKey(display));
    }
    if (field !== '' && slot.lastName !== field) {
      slot.lastName = field;
      this.addKey(slot, namedFieldKey(field));
    }
    return slot;
  }

  /** The custom field id of a display name, from the reply's `names` (expand=names). */
  private customIdOfName(lower: string): string | undefined {
    if (this.customIdsByName === undefined) {
      this.customIdsByName = new Map();
      const names = this.names ?? {};
      for (const id in names) {
        const name = names[id];
        if (id.startsWith('customfield_') && typeof name === 'string') {
          const key = name.toLowerCase();
          if (!this.customIdsByName.has(key)) this.customIdsByName.set(key, id);
        }
      }
    }
    return this.customIdsByName.get(lower);
  }

  // ── Status categories ──────────────────────────────────────────────────────────────────────────────────

  private catalogCategory(
    id: string | undefined,
    lowerName: string | undefined,
  ): StatusCategoryKey | undefined {
    return (
      (id === undefined ? undefined : this.catalog.byId.get(id)) ??
      (lowerName === undefined ? undefined : this.catalog.byName.get(lowerName))
    );
  }

  /** From the catalog (by id, then name), else from the current status if it is the same one, else unknown. */
  private categoryOf(id: string | undefined, name: string | undefined): StatusCategoryKey | undefined {
    const lowerName = name?.toLowerCase();
    const known = this.catalogCategory(id, lowerName);
    if (known !== undefined) return known;
    const current =
      (id !== undefined && id === this.currentStatusId) ||
      (lowerName !== undefined && lowerName === this.currentStatusName);
    return current ? this.currentCategory : undefined;
  }

  private statusRef(rawId: unknown, rawName: unknown): StatusRef | null {
    const id = nonEmpty(rawId);
    const name = nonEmpty(rawName);
    if (id === undefined && name === undefined) return null;
    const category = this.categoryOf(id, name);
    const displayName = name ?? id ?? '';
    const ref: { id?: string; name: string; category?: StatusCategoryKey } =
      id === undefined ? { name: displayName } : { id, name: displayName };
    if (category !== undefined) ref.category = category;
    return ref;
  }

  // ── Undoing one item ───────────────────────────────────────────────────────────────────────────────────

  private undo(slot: Slot, item: Readonly<Record<string, unknown>>, entryItems: readonly unknown[]): void {
    const { from, fromString } = item;
    switch (slot.kind) {
      case 'single':
        slot.value = this.userAliases(from, changeAliases(from, fromString));
        return;
      case 'status': {
        slot.value = changeAliases(from, fromString);
        const category = this.categoryOf(nonEmpty(from), nonEmpty(fromString));
        this.categorySlot().value = category === undefined ? EMPTY : STATUS_CATEGORY_ALIASES[category];
        return;
      }
      case 'project': {
        const value = [...changeAliases(from, fromString)];
        // A move writes the issue's old key in a `Key` item of the same entry: its prefix is the project key.
        for (const other of entryItems) {
          if (!isObject(other) || other.field !== 'Key' || typeof other.fromString !== 'string') continue;
          const dash = other.fromString.lastIndexOf('-');
          if (dash > 0) pushAlias(value, other.fromString.slice(0, dash));
        }
        slot.value = value.length === 0 ? EMPTY : value;
        return;
      }
      case 'labels': {
        const text = nonEmpty(fromString) ?? nonEmpty(from);
        const value: string[] = [];
        if (text !== undefined) for (const label of text.split(' ')) pushAlias(value, label);
        slot.value = value.length === 0 ? EMPTY : value;
        return;
      }
      case 'set':
        undoSetItem(slot, item);
        return;
      case 'multi':
        slot.value = listAliases(from, fromString);
        return;
      case 'category':
        return;
    }
  }

  /** A past user value gains the e-mail address and current name known for that account. */
  private userAliases(accountId: unknown, aliases: readonly string[]): readonly string[] {
    const known = typeof accountId === 'string' ? this.users.get(accountId) : undefined;
    if (known === undefined) return aliases;
    const out = [...aliases];
    for (const alias of known) pushAlias(out, alias);
    return out;
  }

  // ── The walk ───────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Undoes the entries (sorted oldest first) newest to oldest, recording each field's changes, and returns
   * the entries' events oldest first, in changelog order within an entry.
   */
  walk(entries: readonly RawEntry[]): IssueEventData[] {
    const reversed: IssueEventData[] = [];
    const touched: Slot[] = [];
    const itemSlots: (Slot | undefined)[] = [];
    const entryEvents: IssueEventData[] = [];
    for (let e = entries.length - 1; e >= 0; e--) {
      const entry = entries[e];
      if (entry === undefined) continue;
      const { items, at } = entry;
      touched.length = 0;
      itemSlots.length = items.length;
      // Items of one entry are undone last to first, so that two items on one field compose.
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        const slot = isObject(item) ? this.slotFor(item) : undefined;
        itemSlots[i] = slot;
        if (slot === undefined || !isObject(item)) continue;
        touch(slot, e, touched);
        if (slot.kind === 'status') touch(this.categorySlot(), e, touched);
        this.undo(slot, item, items);
      }
      for (const slot of touched) {
        slot.changed = !sameAliases(slot.after, slot.value);
        if (slot.changed) {
          slot.revAt.push(at);
          slot.revValues.push(slot.after);
        }
      }
      entryEvents.length = 0;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const slot = itemSlots[i];
        if (slot === undefined || !isObject(item)) continue;
        this.itemEvent(slot, item, at, entryEvents);
        this.fieldEvent(slot, e, at, entryEvents);
        if (slot.kind === 'status') this.fieldEvent(this.categorySlot(), e, at, entryEvents);
      }
      for (let i = entryEvents.length - 1; i >= 0; i--) {
        const event = entryEvents[i];
        if (event !== undefined) reversed.push(event);
      }
    }
    return reversed.reverse();
  }

  private itemEvent(
    slot: Slot,
    item: Readonly<Record<string, unknown>>,
    at: number,
    out: IssueEventData[],
  ): void {
    switch (slot.system) {
      case 'status': {
        const to = this.statusRef(item.to, toStringOf(item));
        if (to !== null)
          out.push({ kind: 'status', at, from: this.statusRef(item.from, item.fromString), to });
        return;
      }
      case 'assignee': {
        const from = nonEmpty(item.from) ?? nonEmpty(item.fromString);
        const to = nonEmpty(item.to) ?? toStringOf(item);
        if (from === to) return;
        const change = from === undefined ? 'set' : to === undefined ? 'cleared' : 'changed';
        out.push({ kind: 'assignee', at, change });
        return;
      }
      case 'resolution': {
        const from = nonEmpty(item.from) ?? nonEmpty(item.fromString);
        const to = nonEmpty(item.to) ?? toStringOf(item);
        if (to !== undefined) out.push({ kind: 'resolution', at, change: 'set' });
        else if (from !== undefined) out.push({ kind: 'resolution', at, change: 'cleared' });
        return;
      }
      default:
        return;
    }
  }

  /** One `field` event per field an entry changed, at the field's first item in the entry. */
  private fieldEvent(slot: Slot, entry: number, at: number, out: IssueEventData[]): void {
    if (slot.mark !== entry || !slot.changed || slot.emitted === entry) return;
    slot.emitted = entry;
    const event: FieldEventDraft = { kind: 'field', at, field: -1, change: slot.revAt.length - 1 };
    this.pending.push({ event, slot });
    out.push(event);
  }

  // ── Output ─────────────────────────────────────────────────────────────────────────────────────────────

  /** The timelines, oldest first; fields empty all along are left out. Completes the `field` events. */
  finish(): FieldTimelineData[] {
    const fields: FieldTimelineData[] = [];
    for (const slot of this.slots) {
      if (slot.keys.length === 0 || (slot.revAt.length === 0 && slot.value.length === 0)) continue;
      slot.index = fields.length;
      slot.revValues.push(slot.value);
      fields.push({ keys: slot.keys, at: slot.revAt.reverse(), values: slot.revValues.reverse() });
    }
    for (const { event, slot } of this.pending) {
      event.field = slot.index;
      event.change = slot.revAt.length - 1 - event.change;
    }
    return fields;
  }
}

function touch(slot: Slot, entry: number, touched: Slot[]): void {
  if (slot.mark === entry) return;
  slot.mark = entry;
  slot.after = slot.value;
  slot.changed = false;
  touched.push(slot);
}

/** A field first seen in the changelog lists values in brackets if it holds several. */
function kindOfItem(item: Readonly<Record<string, unknown>>): Kind {
  const side = nonEmpty(item.from) ?? nonEmpty(item.to);
  return side?.startsWith('[') === true ? 'multi' : 'single';
}

/** Undoes one add (`to` set) or remove (`from` set) of a component or fix version. */
function undoSetItem(slot: Slot, item: Readonly<Record<string, unknown>>): void {
  const added = changeAliases(item.to, toStringOf(item));
  if (added.length > 0) {
    const index = slot.items.findIndex((aliases) => added.some((alias) => aliases.includes(alias)));
    if (index >= 0) slot.items.splice(index, 1);
  }
  const removed = changeAliases(item.from, item.fromString);
  if (removed.length > 0 && !slot.items.some((aliases) => removed.some((alias) => aliases.includes(alias)))) {
    slot.items.push(removed);
  }
  slot.value = flatten(slot.items);
}

/**
 * The values of a multi-valued side: ids `[10020, 10021]` beside names `Fulfilment,Supply`, paired when they
 * count the same. ATTENTION: a name holding a comma cannot be told from two names; then the ids and the whole
 * string are kept as aliases.
 */
function listAliases(ids: unknown, names: unknown): readonly string[] {
  const idList = splitList(ids);
  const nameList = splitList(names);
  const out: string[] = [];
  if (idList.length === nameList.length || idList.length === 0) {
    for (let i = 0; i < nameList.length; i++) {
      pushAlias(out, nameList[i]);
      pushAlias(out, idList[i]);
    }
  } else {
    for (const id of idList) pushAlias(out, id);
    if (typeof names === 'string') pushAlias(out, unbracket(names).trim());
  }
  return out.length === 0 ? EMPTY : out;
}

function splitList(side: unknown): string[] {
  if (typeof side !== 'string' || side === '') return [];
  const out: string[] = [];
  for (const part of unbracket(side).split(',')) {
    const trimmed = part.trim();
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

/** The inputs of {@link walkBack}. */
export interface WalkInput {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly names: Readonly<Record<string, unknown>> | undefined;
  /** Sorted oldest first, deduplicated. */
  readonly entries: readonly RawEntry[];
  /** Authors of comments, for the users directory. */
  readonly commentAuthors: readonly unknown[];
  readonly catalog: StatusCatalog;
}

/** Every field's timeline and the changelog's events, oldest first. */
export function walkBack(input: WalkInput): { fields: FieldTimelineData[]; events: IssueEventData[] } {
  const walk = new Walk(input.catalog, input.names);
  walk.readCurrent(input.fields);
  for (const entry of input.entries) walk.rememberUser(entry.author);
  for (const author of input.commentAuthors) walk.rememberUser(author);
  const events = walk.walk(input.entries);
  return { fields: walk.finish(), events };
}
