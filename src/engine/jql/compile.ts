/**
 * Turns a syntax tree into a predicate once, so that evaluating it, which replay does at every change of every
 * issue, is a few closure calls: constants are lower-cased here and no call allocates.
 */
import { normalizeValue, type FieldKey, type FieldValues } from '../fields';
import type { JqlExpr, JqlValue } from './ast';

/**
 * A compiled query: true when the field values of one instant match.
 * @example const isDone: Predicate = (values) => values.get('statusCategory').includes('done');
 */
export type Predicate = (values: FieldValues) => boolean;

const always: Predicate = () => true;

/**
 * Compiles a syntax tree. The values a predicate reads are lower-cased by contract ({@link FieldValues}), so
 * lower-casing the constants here makes every comparison case-insensitive, as in Jira.
 * @example
 * const matches = compileJql({ kind: 'is-empty', field: assignee, negated: false });
 * matches(values) // true when the issue has no assignee
 */
export function compileJql(expr: JqlExpr): Predicate {
  switch (expr.kind) {
    case 'all':
      return always;
    case 'or':
      return chain(expr.operands, true);
    case 'and':
      return chain(expr.operands, false);
    case 'not': {
      const operand = compileJql(expr.operand);
      return (values) => !operand(values);
    }
    case 'is-empty':
      return emptiness(expr.field.key, expr.negated);
    case 'compare':
      return expr.operator === '='
        ? anyOf(expr.field.key, [expr.value])
        : noneOf(expr.field.key, [expr.value]);
    case 'list':
      return expr.operator === 'in'
        ? anyOf(expr.field.key, expr.values)
        : noneOf(expr.field.key, expr.values);
    case 'contains': {
      const key = expr.field.key;
      const term = normalizeValue(expr.term);
      // ATTENTION: Jira's `~` is a word search (stemming, stop words, `*` wildcards); the subset's is a
      // case-insensitive substring test, so `~ net` also finds "network", and `~ runs` misses "running".
      const contains = (item: string): boolean => item.includes(term);
      return expr.operator === '~'
        ? (values) => values.get(key).some(contains)
        : (values) => notEmptyAndNone(values.get(key), contains);
    }
  }
}

/** Every field a tree reads, each once, in the order they first appear. */
export function fieldsOf(expr: JqlExpr): FieldKey[] {
  const keys = new Set<FieldKey>();
  const visit = (node: JqlExpr): void => {
    switch (node.kind) {
      case 'all':
        return;
      case 'or':
      case 'and':
        node.operands.forEach(visit);
        return;
      case 'not':
        visit(node.operand);
        return;
      default:
        keys.add(node.field.key);
    }
  };
  visit(expr);
  return [...keys];
}

/** Every operand in turn, stopping at the first that decides; an empty chain (only built by hand) is OP's identity. */
function chain(operands: readonly JqlExpr[], decisive: boolean): Predicate {
  const predicates = operands.map(compileJql);
  const [first, second] = predicates;
  if (first === undefined) return () => !decisive;
  if (second === undefined) return first;
  return (values) => {
    // A plain loop: a long chain must neither nest closures nor allocate per call.
    for (const predicate of predicates) if (predicate(values) === decisive) return decisive;
    return !decisive;
  };
}

// ── Clauses ─────────────────────────────────────────────────────────────────────────────────────────────

function emptiness(key: FieldKey, negated: boolean): Predicate {
  return negated ? (values) => values.get(key).length > 0 : (values) => values.get(key).length === 0;
}

/** `=` and `in`: some item equals some value; EMPTY among the values also accepts an empty field. */
function anyOf(key: FieldKey, list: readonly JqlValue[]): Predicate {
  const texts = textsOf(list);
  const acceptsEmpty = texts.length < list.length;
  if (texts.length === 0) return emptiness(key, false);
  const equals = equalsAny(texts);
  return acceptsEmpty
    ? (values) => {
        const items = values.get(key);
        return items.length === 0 || items.some(equals);
      }
    : (values) => values.get(key).some(equals);
}

/**
 * `!=` and `not in`: as in Jira, they never match an EMPTY field, so `priority != High` leaves out issues without
 * a priority; `!= EMPTY` is `is not EMPTY`.
 */
function noneOf(key: FieldKey, list: readonly JqlValue[]): Predicate {
  const texts = textsOf(list);
  if (texts.length === 0) return emptiness(key, true);
  const equals = equalsAny(texts);
  return (values) => notEmptyAndNone(values.get(key), equals);
}

function notEmptyAndNone(items: readonly string[], test: (item: string) => boolean): boolean {
  return items.length > 0 && !items.some(test);
}

function textsOf(list: readonly JqlValue[]): string[] {
  return list.flatMap((value) => (value.kind === 'text' ? [normalizeValue(value.text)] : []));
}

// A short list is scanned; a long one (a dozen request types) is hashed.
function equalsAny(texts: readonly string[]): (item: string) => boolean {
  const [only] = texts;
  if (texts.length === 1 && only !== undefined) return (item) => item === only;
  if (texts.length <= 4) return (item) => texts.includes(item);
  const set = new Set(texts);
  return (item) => set.has(item);
}
