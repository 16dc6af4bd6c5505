import type { FieldKey } from '../../../../src/engine/fields';
import { parseJqlExpr, type JqlExpr, type JqlValue } from '../../../../src/engine/jql';

/**
 * Which issues a JQL condition can cover, as a union of conjunctions of per-field constraints: enough to tell
 * that `priority = High` and `priority in (Medium, Low)` never hold on one issue, which the OLA/UC fit check
 * needs. It is an over-approximation: what it cannot reason about (`~`, very large expansions) counts as "any
 * issue", so two conditions are only ever called disjoint when they truly are.
 */

/** The marker for an empty field among a constraint's values. */
const EMPTY = '\u0000empty';

// Fields that hold one value at a time; the others (labels, components, organizations, custom fields) may
// hold several, so `labels = a AND labels = b` can be true.
const SINGLE_VALUED: ReadonlySet<FieldKey> = new Set([
  'project',
  'issuetype',
  'status',
  'statusCategory',
  'priority',
  'resolution',
  'assignee',
  'reporter',
  'requestType',
]);

// Beyond this many conjunctions the expansion stops and the condition counts as "any issue".
const MAX_TERMS = 256;

interface FieldConstraint {
  /** The field's name as written, for messages. */
  readonly name: string;
  /** Each set: the field holds at least one of these (lower-cased) values. */
  readonly anyOf: readonly ReadonlySet<string>[];
  /** The field holds none of these. */
  readonly noneOf: ReadonlySet<string>;
  /** Lower-cased value → as written. */
  readonly spelling: ReadonlyMap<string, string>;
}

/** Issues on which every field constraint holds. */
export type Conjunction = ReadonlyMap<FieldKey, FieldConstraint>;

/** Issues in any of the conjunctions; `[]` is no issue, `[new Map()]` every issue. */
export type Scope = readonly Conjunction[];

export const EVERY_ISSUE: Scope = [new Map()];

/**
 * The scope of a JQL condition; absent or blank text (and text that does not parse, which validation reports
 * elsewhere) covers every issue.
 * @example scopeOf('priority = High') // [{ priority: anyOf [{high}] }]
 */
export function scopeOf(text: string | undefined): Scope {
  if (text === undefined || text.trim() === '') return EVERY_ISSUE;
  const parsed = parseJqlExpr(text);
  return parsed.ok ? dnf(parsed.value, false) : EVERY_ISSUE;
}

/** Issues in both. */
export function both(a: Scope, b: Scope): Scope {
  const out: Conjunction[] = [];
  for (const x of a) {
    for (const y of b) {
      const merged = merge(x, y);
      if (merged) out.push(merged);
      if (out.length > MAX_TERMS) return EVERY_ISSUE;
    }
  }
  return out;
}

/** Issues not in `scope`. */
export function not(scope: Scope): Scope {
  // ¬(c1 ∨ c2 …) = ¬c1 ∧ ¬c2 …; each ¬c is a union of one negated constraint per field value set.
  let out: Scope = EVERY_ISSUE;
  for (const conjunction of scope) {
    const negated: Conjunction[] = [];
    for (const [key, c] of conjunction) {
      for (const set of c.anyOf) negated.push(single(key, c.name, { noneOf: set, spelling: c.spelling }));
      if (c.noneOf.size > 0) negated.push(single(key, c.name, { anyOf: c.noneOf, spelling: c.spelling }));
    }
    out = both(out, negated);
    if (out.length === 0) return out;
  }
  return out;
}

export const isEmptyScope = (scope: Scope): boolean => scope.length === 0;

/**
 * One conjunction as people read it, in JQL: `priority = Highest AND labels is not EMPTY`; empty for every
 * issue.
 */
export function describe(conjunction: Conjunction): string {
  const parts: string[] = [];
  for (const c of conjunction.values()) {
    const show = (v: string) => {
      const text = c.spelling.get(v) ?? v;
      return /^[\w.-]+$/.test(text) ? text : JSON.stringify(text);
    };
    for (const set of c.anyOf) {
      const values = [...set];
      if (values.length === 1 && values[0] === EMPTY) parts.push(`${c.name} is EMPTY`);
      else if (values.length === 1) parts.push(`${c.name} = ${show(values[0] ?? '')}`);
      else
        parts.push(
          `${c.name} in (${values
            .filter((v) => v !== EMPTY)
            .map(show)
            .join(', ')})`,
        );
    }
    const none = [...c.noneOf].filter((v) => v !== EMPTY);
    if (none.length === 1) parts.push(`${c.name} != ${show(none[0] ?? '')}`);
    else if (none.length > 1) parts.push(`${c.name} not in (${none.map(show).join(', ')})`);
    else if (c.noneOf.has(EMPTY)) parts.push(`${c.name} is not EMPTY`);
  }
  return parts.join(' AND ');
}

// ── Expansion ─────────────────────────────────────────────────────────────────────────────────────────

function dnf(expr: JqlExpr, negated: boolean): Scope {
  switch (expr.kind) {
    case 'all':
      return negated ? [] : EVERY_ISSUE;
    case 'not':
      return dnf(expr.operand, !negated);
    case 'and':
    case 'or': {
      const parts = expr.operands.map((operand) => dnf(operand, negated));
      // De Morgan: a negated AND is an OR of negations, and the other way round.
      if ((expr.kind === 'and') !== negated) return parts.reduce(both, EVERY_ISSUE);
      const union = parts.flat();
      return union.length > MAX_TERMS ? EVERY_ISSUE : union;
    }
    case 'compare':
    case 'list': {
      const values = expr.kind === 'compare' ? [expr.value] : expr.values;
      const positive = expr.operator === '=' || expr.operator === 'in';
      const { set, spelling } = valueSet(values);
      if (positive !== negated) return [single(expr.field.key, expr.field.name, { anyOf: set, spelling })];
      // `!=` and `not in` never match an empty field (as in Jira); NOT (a = x) does.
      const none = positive ? set : new Set([...set, EMPTY]);
      return [single(expr.field.key, expr.field.name, { noneOf: none, spelling })];
    }
    case 'is-empty': {
      const empty = new Set([EMPTY]);
      const spelling = new Map<string, string>();
      return expr.negated !== negated
        ? [single(expr.field.key, expr.field.name, { noneOf: empty, spelling })]
        : [single(expr.field.key, expr.field.name, { anyOf: empty, spelling })];
    }
    case 'contains':
      // Text search: nothing to reason about.
      return EVERY_ISSUE;
  }
}

function valueSet(values: readonly JqlValue[]): { set: Set<string>; spelling: Map<string, string> } {
  const set = new Set<string>();
  const spelling = new Map<string, string>();
  for (const v of values) {
    const key = v.kind === 'empty' ? EMPTY : v.text.toLowerCase();
    set.add(key);
    if (v.kind === 'text' && !spelling.has(key)) spelling.set(key, v.text);
  }
  return { set, spelling };
}

function single(
  key: FieldKey,
  name: string,
  c: { anyOf?: ReadonlySet<string>; noneOf?: ReadonlySet<string>; spelling: ReadonlyMap<string, string> },
): Conjunction {
  return new Map([
    [key, { name, anyOf: c.anyOf ? [c.anyOf] : [], noneOf: c.noneOf ?? new Set(), spelling: c.spelling }],
  ]);
}

/** Both conjunctions at once, or null when no issue can satisfy them. */
function merge(a: Conjunction, b: Conjunction): Conjunction | null {
  const out = new Map(a);
  for (const [key, c] of b) {
    const other = out.get(key);
    const combined: FieldConstraint = other
      ? {
          name: other.name,
          anyOf: [...other.anyOf, ...c.anyOf],
          noneOf: new Set([...other.noneOf, ...c.noneOf]),
          spelling: new Map([...c.spelling, ...other.spelling]),
        }
      : c;
    if (!satisfiable(key, combined)) return null;
    out.set(key, simplify(key, combined));
  }
  return out;
}

function satisfiable(key: FieldKey, c: FieldConstraint): boolean {
  if (SINGLE_VALUED.has(key)) {
    if (c.anyOf.length === 0) return true;
    let allowed = [...(c.anyOf[0] ?? [])];
    for (const set of c.anyOf.slice(1)) allowed = allowed.filter((v) => set.has(v));
    return allowed.some((v) => !c.noneOf.has(v));
  }
  // Several values: each "one of" needs a value not excluded; an empty field holds no other value.
  const open = c.anyOf.map((set) => [...set].filter((v) => !c.noneOf.has(v)));
  if (open.some((values) => values.length === 0)) return false;
  const mustBeEmpty = open.some((values) => values.length === 1 && values[0] === EMPTY);
  return !mustBeEmpty || open.every((values) => values.includes(EMPTY));
}

/** On a one-value field, several "one of" sets are their intersection: one set reads better in messages. */
function simplify(key: FieldKey, c: FieldConstraint): FieldConstraint {
  if (!SINGLE_VALUED.has(key) || c.anyOf.length < 2) return c;
  let allowed = [...(c.anyOf[0] ?? [])];
  for (const set of c.anyOf.slice(1)) allowed = allowed.filter((v) => set.has(v));
  return { ...c, anyOf: [new Set(allowed.filter((v) => !c.noneOf.has(v)))], noneOf: new Set() };
}
