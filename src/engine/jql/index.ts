/**
 * The JQL subset that agreements use to say which issues they cover (`appliesTo`), which goal applies (`when`)
 * and when the clock stops (`pauseWhile`).
 */
import { ok, type Result } from '../errors';
import type { FieldKey, FieldValues } from '../fields';
import { compileJql, fieldsOf } from './compile';
import { parseJqlExpr } from './parser';

export type { JqlExpr, JqlField, JqlValue } from './ast';
export { JQL_CODES } from './problems';
export type {
  Expected as JqlExpected,
  Hint as JqlHint,
  Unsupported as JqlUnsupported,
  Where as JqlWhere,
} from './problems';
export { printJql } from './print';
export { mayMatchProject } from './project-scope';
export { parseJqlExpr };

/**
 * A parsed and compiled query.
 * @example
 * const query = parseJql('priority in (High, Highest) AND assignee is EMPTY');
 * if (query.ok) query.value.fields // ['priority', 'assignee']
 */
export interface JqlQuery {
  readonly text: string;
  /** Every field the query reads (deduplicated FieldKeys), so callers know which field changes can change the answer. */
  readonly fields: readonly FieldKey[];
  /** Evaluates the query on the field values of one instant. Compiled once; a call does not allocate. */
  matches(values: FieldValues): boolean;
}

/**
 * Parses and compiles a query. Empty or blank text matches every issue, as an empty JQL does in Jira. Bad input
 * gives a problem with a stable code (`jql.expected`, `jql.unterminated-string`, `jql.invalid-escape`,
 * `jql.unsupported`, `jql.too-deep`) and the column of the offending token; it never throws.
 * @example
 * const result = parseJql('status = Done AND labels = vip');
 * if (result.ok) result.value.matches(values);
 * parseJql('status =') // problem jql.expected at column 9: Expected a value after "=" but found end of query
 */
export function parseJql(text: string): Result<JqlQuery> {
  const expr = parseJqlExpr(text);
  if (!expr.ok) return expr;
  return ok({ text, fields: fieldsOf(expr.value), matches: compileJql(expr.value) });
}
