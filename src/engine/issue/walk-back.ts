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
 * - `user`: the same, plus the e-mail address and name the issue shows for that account elsewhere;
 * - `status`: the same, and the status category follows;
 * - `category`: the status category, moved only by `status` items;
 * - `project`: the same as `single`, plus the project key taken from the issue's old key;
 * - `labels`: `fromString` is the whole space-separated list;
 * - `set`: each item adds (`from` null) or removes (`to` null) one value: components, fix versions;
 * - `multi`: the sides list every value: `[10020, 10021]` / `Fulfilment,Supply` (multi-selects, organizations).
 */
type Kind = 'single' | 'user' | 'status' | 'category' | 'project' | 'labels' | 'set' | 'multi';

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
  /** Changes found so far, newest first: from `revAt[i]` on, the value was `revValues[i]`. Made on the first. */
  revAt: number[] | undefined;
  revValues: (readonly string[])[] | undefined;
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

/** A status a changelog names, with what the history needs of it. */
interface KnownStatus {
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly aliases: readonly string[];
  readonly categoryAliases: readonly string[];
  readonly ref: StatusRef | null;
}

/** A `field` event whose field index and change index are known only once the walk is over. */
interface FieldEventDraft {
  readonly kind: 'field';
  readonly at: number;
  field: number;
  change: number;
}

// Switches rather than maps: the strings come fresh from JSON.parse, and hashing them costs more than comparing.

/** How each system field the history follows is undone; undefined for other keys. */
function systemKind(key: string): Kind | undefined {
  switch (key) {
    case 'project':
      return 'project';
    case 'issuetype':
    case 'priority':
    case 'resolution':
    case 'requestType':
    case 'duedate':
      return 'single';
    case 'status':
      return 'status';
    case 'statusCategory':
      return 'category';
    case 'labels':
      return 'labels';
    case 'components':
    case 'fixVersions':
      return 'set';
    case 'assignee':
    case 'reporter':
      return 'user';
    case 'organizations':
      return 'multi';
    default:
      return undefined;
  }
}

/** The system field of a changelog `fieldId` (the same string), or undefined for fields not followed. */
function systemOfFieldId(fieldId: string): string | undefined {
  switch (fieldId) {
    case 'status':
    case 'priority':
    case 'assignee':
    case 'reporter':
    case 'labels':
    case 'components':
    case 'fixVersions':
    case 'resolution':
    case 'issuetype':
    case 'project':
    case 'duedate':
      return fieldId;
    default:
      return undefined;
  }
}

/** The system field of a lower-cased changelog `field` name, for entries older than Jira's `fieldId`. */
function systemOfJiraName(lower: string): string | undefined {
  switch (lower) {
    case 'component':
      return 'components';
    case 'fix version':
      return 'fixVersions';
    default:
      return systemOfFieldId(lower);
  }
}

/** JSM's own fields are custom fields to Jira, known by their lower-cased display names. */
function jsmField(lower: string): string | undefined {
  switch (lower) {
    case 'customer request type':
    case 'request type':
      return 'requestType';
    case 'organizations':
      return 'organizations';
    default:
      return undefined;
  }
}

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const TO_STRING = 'toString' as string;
/** An item's `toString` side; read by a computed key, since every object inherits a `toString` method. */
export const toStringOf = (item: Readonly<Record<string, unknown>>): string | undefined =>
  nonEmpty(item[TO_STRING]);

/**
 * Which field a changelog item changes, as the walk tells it: a system field it follows (`{ system }`), one it
 * skips (`'ignored'`: summary, description, rank…), or a custom field (whose kind only the issue's JSON tells).
 * @example itemTarget({ field: 'priority', fieldtype: 'jira', fieldId: 'priority' }) // { system: 'priority' }
 */
export function itemTarget(
  item: Readonly<Record<string, unknown>>,
): { readonly system: string } | 'ignored' | 'custom' {
  const field = typeof item.field === 'string' ? item.field : '';
  const custom = item.fieldtype === 'custom';
  // Rank items say "Ranked higher", not a value.
  if (custom && field === 'Rank') return 'ignored';
  const fieldId = nonEmpty(item.fieldId);
  if (fieldId !== undefined) {
    if (fieldId.startsWith('customfield_')) return 'custom';
    const system = systemOfFieldId(fieldId);
    return system === undefined ? 'ignored' : { system };
  }
  if (field === '') return 'ignored';
  if (custom) return 'custom';
  const system = systemOfJiraName(field.toLowerCase());
  return system === undefined ? 'ignored' : { system };
}

/** Shared by the fields that are not `set`s, which never touch their items. */
const NO_ITEMS: (readonly string[])[] = [];
const NO_INSTANTS: readonly number[] = Object.freeze([]);

const changeCount = (slot: Slot): number => slot.revAt?.length ?? 0;

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
  /** Past users' aliases found so far, by account id (see `userAliases`). */
  private users: Map<string, readonly string[] | undefined> | undefined;
  private customIdsByName: Map<string, string> | undefined;
  private currentStatusId: string | undefined;
  private currentStatusName: string | undefined;
  private currentCategory: StatusCategoryKey | undefined;
  private readonly pendingEvents: FieldEventDraft[] = [];
  private readonly pendingSlots: Slot[] = [];

  private categorySlotRef: Slot | undefined;
  private readonly statuses: KnownStatus[] = [];
  private fields: Readonly<Record<string, unknown>> | undefined;

  constructor(
    private readonly catalog: StatusCatalog,
    private readonly names: Readonly<Record<string, unknown>> | undefined,
    /** Where users appear with their names and e-mail addresses, besides the fields: changelog and comment authors. */
    private readonly entries: readonly RawEntry[],
    private readonly commentAuthors: readonly unknown[],
  ) {}

  // ── Fields as they are now ──────────────────────────────────────────────────────────────────────────────

  readCurrent(fields: Readonly<Record<string, unknown>>): void {
    this.fields = fields;
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
    // A date, `2026-03-10`; the changelog writes it as `from` / `to`, beside `2026-03-10 00:00:00.0`.
    this.system('duedate', valueAliases(fields.duedate));

    for (const id in fields) {
      if (!id.startsWith('customfield_')) continue;
      const raw = fields[id];
      // JSM's own SLA fields (`completedCycles`, `ongoingCycle`) are its measurements, not values to compare.
      if (raw === null || raw === undefined || (isObject(raw) && raw.completedCycles !== undefined)) continue;
      const display = this.displayName(id);
      const nameKey = display === undefined ? undefined : namedFieldKey(display);
      const jsm = display === undefined ? undefined : jsmField(display.trim().toLowerCase());
      if (isObject(raw) && isObject(raw.requestType)) {
        const requestType = raw.requestType;
        this.createSlot(
          'requestType',
          id,
          nameKey,
          'single',
          changeAliases(requestType.id, requestType.name),
        );
      } else if (Array.isArray(raw)) {
        if (raw.length === 0) continue;
        const organizations = jsm === 'organizations' || (jsm === undefined && looksLikeOrganizations(raw));
        this.createSlot(organizations ? 'organizations' : undefined, id, nameKey, 'multi', valueAliases(raw));
      } else {
        const value = valueAliases(raw);
        const kind = isObject(raw) && raw.accountId !== undefined ? 'user' : 'single';
        if (value.length > 0) this.createSlot(undefined, id, nameKey, kind, value);
      }
    }
  }

  private displayName(customId: string): string | undefined {
    const name = this.names?.[customId];
    return typeof name === 'string' && name !== '' ? name : undefined;
  }

  private system(key: string, value: readonly string[]): void {
    const kind = systemKind(key);
    if (kind !== undefined && !this.byKey.has(key)) this.createSlot(key, undefined, undefined, kind, value);
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

  /** A new field answering to its system key, `customfield_N` key and `name:` key, those not yet taken. */
  private createSlot(
    system: string | undefined,
    id: FieldKey | undefined,
    nameKey: FieldKey | undefined,
    kind: Kind,
    value: readonly string[],
  ): Slot {
    const keys: FieldKey[] = [];
    const own = system !== undefined && !this.byKey.has(system);
    if (own) keys.push(system);
    if (id !== undefined && !this.byKey.has(id)) keys.push(id);
    if (nameKey !== undefined && !this.byKey.has(nameKey)) keys.push(nameKey);
    const slot: Slot = {
      keys,
      kind,
      system: own ? system : undefined,
      value,
      items: kind === 'set' ? [] : NO_ITEMS,
      revAt: undefined,
      revValues: undefined,
      mark: -1,
      after: value,
      changed: false,
      emitted: -1,
      lastName: '',
      index: -1,
    };
    for (const key of keys) this.byKey.set(key, slot);
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
    return (
      this.byKey.get(key) ?? this.createSlot(key, undefined, undefined, systemKind(key) ?? 'single', EMPTY)
    );
  }

  private categorySlot(): Slot {
    return (this.categorySlotRef ??= this.systemSlot('statusCategory'));
  }

  // ── Which field an item changes ────────────────────────────────────────────────────────────────────────

  private slotFor(item: Readonly<Record<string, unknown>>): Slot | undefined {
    const target = itemTarget(item);
    if (target === 'ignored') return undefined;
    if (target !== 'custom') return this.systemSlot(target.system);
    const field = typeof item.field === 'string' ? item.field : '';
    const fieldId = nonEmpty(item.fieldId);
    if (fieldId !== undefined) return this.customSlot(fieldId, field, item);
    const lower = field.toLowerCase();
    const jsm = jsmField(lower);
    if (jsm !== undefined) return this.systemSlot(jsm);
    const byName = this.byKey.get(namedFieldKey(field));
    if (byName !== undefined) return byName;
    const id = this.customIdOfName(lower);
    if (id !== undefined) return this.customSlot(id, field, item);
    return this.createSlot(undefined, undefined, namedFieldKey(field), kindOfItem(item), EMPTY);
  }

  private customSlot(id: string, field: string, item: Readonly<Record<string, unknown>>): Slot {
    let slot = this.byKey.get(id);
    if (slot === undefined) {
      const display = this.displayName(id);
      const jsm = jsmField(field.toLowerCase()) ?? jsmField(display?.toLowerCase() ?? '');
      if (jsm !== undefined) {
        slot = this.systemSlot(jsm);
        this.addKey(slot, id);
      } else {
        slot = this.createSlot(undefined, id, undefined, kindOfItem(item), EMPTY);
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

  /**
   * A status named by a changelog side, read once per issue: an issue moves between a handful of statuses, and
   * each transition names two of them. The aliases and the ref are shared by every mention (both immutable).
   */
  private status(rawId: unknown, rawName: unknown): KnownStatus {
    const id = nonEmpty(rawId);
    const name = nonEmpty(rawName);
    for (const known of this.statuses) if (known.id === id && known.name === name) return known;
    const category = id === undefined && name === undefined ? undefined : this.categoryOf(id, name);
    let ref: StatusRef | null = null;
    if (id !== undefined || name !== undefined) {
      const displayName = name ?? id ?? '';
      const made: { id?: string; name: string; category?: StatusCategoryKey } =
        id === undefined ? { name: displayName } : { id, name: displayName };
      if (category !== undefined) made.category = category;
      ref = made;
    }
    const known: KnownStatus = {
      id,
      name,
      aliases: changeAliases(id, name),
      categoryAliases: category === undefined ? EMPTY : STATUS_CATEGORY_ALIASES[category],
      ref,
    };
    this.statuses.push(known);
    return known;
  }

  // ── Undoing one item ───────────────────────────────────────────────────────────────────────────────────

  private undo(slot: Slot, item: Readonly<Record<string, unknown>>, entryItems: readonly unknown[]): void {
    const { from, fromString } = item;
    switch (slot.kind) {
      case 'single':
        slot.value = changeAliases(from, fromString);
        return;
      case 'user':
        slot.value = this.userAliases(from, changeAliases(from, fromString));
        return;
      case 'status': {
        const before = this.status(from, fromString);
        slot.value = before.aliases;
        this.categorySlot().value = before.categoryAliases;
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

  /**
   * A past user value gains the e-mail address and current name the issue shows for that account elsewhere
   * (as assignee, reporter, creator, changelog or comment author). Looked up only when a user field changed.
   */
  private userAliases(accountId: unknown, aliases: readonly string[]): readonly string[] {
    if (typeof accountId !== 'string' || accountId === '') return aliases;
    this.users ??= new Map();
    let known = this.users.get(accountId);
    if (known === undefined && !this.users.has(accountId)) {
      const user = this.findUser(accountId);
      known = user === undefined ? undefined : valueAliases(user);
      this.users.set(accountId, known);
    }
    if (known === undefined) return aliases;
    const out = [...aliases];
    for (const alias of known) pushAlias(out, alias);
    return out;
  }

  private findUser(accountId: string): unknown {
    const is = (person: unknown) => isObject(person) && person.accountId === accountId;
    const { fields } = this;
    if (fields !== undefined) {
      for (const person of [fields.assignee, fields.reporter, fields.creator]) if (is(person)) return person;
    }
    return this.entries.find((entry) => is(entry.author))?.author ?? this.commentAuthors.find(is);
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
    const categorySlot = this.categorySlot();
    for (let e = entries.length - 1; e >= 0; e--) {
      const entry = entries[e];
      if (entry === undefined) continue;
      const { items, at } = entry;
      let touchedCount = 0;
      // Items of one entry are undone last to first, so that two items on one field compose.
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        const slot = isObject(item) ? this.slotFor(item) : undefined;
        itemSlots[i] = slot;
        if (slot === undefined || !isObject(item)) continue;
        if (slot.mark !== e) touched[touchedCount++] = touch(slot, e);
        if (slot.kind === 'status' && categorySlot.mark !== e)
          touched[touchedCount++] = touch(categorySlot, e);
        this.undo(slot, item, items);
      }
      for (let i = 0; i < touchedCount; i++) {
        const slot = touched[i];
        if (slot === undefined) continue;
        slot.changed = !sameAliases(slot.after, slot.value);
        if (slot.changed) {
          (slot.revAt ??= []).push(at);
          (slot.revValues ??= []).push(slot.after);
        }
      }
      let eventCount = 0;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const slot = itemSlots[i];
        if (slot === undefined || !isObject(item)) continue;
        const event = slot.system === undefined ? undefined : this.itemEvent(slot.system, item, at);
        if (event !== undefined) entryEvents[eventCount++] = event;
        const change = this.fieldEvent(slot, e, at);
        if (change !== undefined) entryEvents[eventCount++] = change;
        const category = slot.kind === 'status' ? this.fieldEvent(categorySlot, e, at) : undefined;
        if (category !== undefined) entryEvents[eventCount++] = category;
      }
      for (let i = eventCount - 1; i >= 0; i--) {
        const event = entryEvents[i];
        if (event !== undefined) reversed.push(event);
      }
    }
    return reversed.reverse();
  }

  /** The status, assignee or resolution event an item makes, if any. */
  private itemEvent(
    system: string,
    item: Readonly<Record<string, unknown>>,
    at: number,
  ): IssueEventData | undefined {
    switch (system) {
      case 'status': {
        const to = this.status(item.to, toStringOf(item)).ref;
        return to === null
          ? undefined
          : { kind: 'status', at, from: this.status(item.from, item.fromString).ref, to };
      }
      case 'assignee': {
        const from = nonEmpty(item.from) ?? nonEmpty(item.fromString);
        const to = nonEmpty(item.to) ?? toStringOf(item);
        if (from === to) return undefined;
        return {
          kind: 'assignee',
          at,
          change: from === undefined ? 'set' : to === undefined ? 'cleared' : 'changed',
        };
      }
      case 'resolution': {
        const from = nonEmpty(item.from) ?? nonEmpty(item.fromString);
        const to = nonEmpty(item.to) ?? toStringOf(item);
        if (to !== undefined) return { kind: 'resolution', at, change: 'set' };
        return from === undefined ? undefined : { kind: 'resolution', at, change: 'cleared' };
      }
      default:
        return undefined;
    }
  }

  /** One `field` event per field an entry changed, at the field's first item in the entry. */
  private fieldEvent(slot: Slot, entry: number, at: number): FieldEventDraft | undefined {
    if (slot.mark !== entry || !slot.changed || slot.emitted === entry) return undefined;
    slot.emitted = entry;
    const event: FieldEventDraft = { kind: 'field', at, field: -1, change: changeCount(slot) - 1 };
    this.pendingEvents.push(event);
    this.pendingSlots.push(slot);
    return event;
  }

  // ── Output ─────────────────────────────────────────────────────────────────────────────────────────────

  /** The timelines, oldest first; fields empty all along are left out. Completes the `field` events. */
  finish(): FieldTimelineData[] {
    const fields: FieldTimelineData[] = [];
    for (const slot of this.slots) {
      const { revAt, revValues } = slot;
      if (slot.keys.length === 0 || (revAt === undefined && slot.value.length === 0)) continue;
      slot.index = fields.length;
      if (revAt === undefined || revValues === undefined) {
        fields.push({ keys: slot.keys, at: NO_INSTANTS, values: [slot.value] });
      } else {
        revValues.push(slot.value);
        fields.push({ keys: slot.keys, at: revAt.reverse(), values: revValues.reverse() });
      }
    }
    for (let i = 0; i < this.pendingEvents.length; i++) {
      const event = this.pendingEvents[i];
      const slot = this.pendingSlots[i];
      if (event === undefined || slot === undefined) continue;
      event.field = slot.index;
      event.change = changeCount(slot) - 1 - event.change;
    }
    return fields;
  }
}

function touch(slot: Slot, entry: number): Slot {
  slot.mark = entry;
  slot.after = slot.value;
  slot.changed = false;
  return slot;
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
  const { fields, entries } = input;
  const walk = new Walk(input.catalog, input.names, entries, input.commentAuthors);
  walk.readCurrent(fields);
  const events = walk.walk(input.entries);
  return { fields: walk.finish(), events };
}
