/**
 * Field values as the engine compares them: lower-cased strings, every alias of every item (a status's name
 * and id, a user's account id, display name and e-mail address…), each once.
 */

export const EMPTY: readonly string[] = Object.freeze([]);

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Appends one alias, lower-cased, unless it is empty or already there. Numbers count as their decimal text. */
export function pushAlias(out: string[], value: unknown): void {
  let text: string;
  if (typeof value === 'string') text = value.toLowerCase();
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else return;
  if (text !== '' && !out.includes(text)) out.push(text);
}

/**
 * Appends the aliases of one item of a current field value: a string or number as itself; an object by the
 * properties Jira names things with (users, options, statuses, priorities, projects, components, versions,
 * JSM organizations, sprints); a cascading option with its child. Rich text (ADF) has none.
 * @example const out: string[] = []; itemAliases({ name: 'High', id: '2' }, out); // out: ['high', '2']
 */
export function itemAliases(item: unknown, out: string[]): void {
  if (!isObject(item)) {
    pushAlias(out, item);
    return;
  }
  pushAlias(out, item.accountId);
  pushAlias(out, item.displayName);
  pushAlias(out, item.emailAddress);
  pushAlias(out, item.value);
  pushAlias(out, item.name);
  pushAlias(out, item.key);
  pushAlias(out, item.id);
  // A cascading select's child option; one level, as Jira has (no recursion over untrusted input).
  const child = item.child;
  if (isObject(child)) {
    pushAlias(out, child.value);
    pushAlias(out, child.id);
  }
}

/** Every alias of a whole current value (each item of an array); [] for null and empty values. */
export function valueAliases(value: unknown): readonly string[] {
  if (value === null || value === undefined) return EMPTY;
  const out: string[] = [];
  if (Array.isArray(value)) for (const item of value) itemAliases(item, out);
  else itemAliases(value, out);
  return out.length === 0 ? EMPTY : out;
}

/** The aliases of a changelog side: its display string and its id (both may be null or ""). */
export function changeAliases(id: unknown, text: unknown): readonly string[] {
  const out: string[] = [];
  pushAlias(out, text);
  pushAlias(out, id);
  return out.length === 0 ? EMPTY : out;
}

/** Whether two alias lists hold the same strings (each list holds each string once). */
export function sameAliases(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (const x of a) if (!b.includes(x)) return false;
  return true;
}

/** `[a, b]` → `a, b`; a changelog writes multi-valued sides in brackets, sometimes. */
export function unbracket(text: string): string {
  return text.charCodeAt(0) === 91 && text.charCodeAt(text.length - 1) === 93 ? text.slice(1, -1) : text;
}
