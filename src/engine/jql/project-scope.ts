/**
 * Whether a query can select any issue of a given project, when nothing is known of the issue but its project:
 * what an agreement's `appliesTo` says about where it can measure, without reading a single issue.
 */
import type { FieldValues } from '../fields';
import type { JqlExpr } from './ast';
import { compileJql } from './compile';

/** A clause's truth for every issue of the project: true, false, or `undefined` when it depends on the issue. */
type Truth = boolean | undefined;

/**
 * False only when no issue of the project can match, whatever its other fields: clauses on `project` are decided
 * by the project's aliases (as an issue's values carry them: key, id and name, lower-cased), every other clause
 * may go either way, and `AND`, `OR`, `NOT` combine the three answers as Kleene's logic does.
 * @example
 * const it = ['it', '10000', 'it service desk'];
 * mayMatchProject(parseJqlExpr('project = HR AND priority = High').value, it) // false
 * mayMatchProject(parseJqlExpr('project = HR OR priority = High').value, it) // true: a High IT issue
 */
export function mayMatchProject(expr: JqlExpr, projectAliases: readonly string[]): boolean {
  const values: FieldValues = { get: (field) => (field === 'project' ? projectAliases : []) };
  return truthOf(expr, values) !== false;
}

function truthOf(expr: JqlExpr, values: FieldValues): Truth {
  switch (expr.kind) {
    case 'all':
      return true;
    case 'not': {
      const truth = truthOf(expr.operand, values);
      return truth === undefined ? undefined : !truth;
    }
    case 'and':
    case 'or': {
      // The operator's decisive answer (false for AND, true for OR) decides; otherwise any unknown leaves it open.
      const decisive = expr.kind === 'or';
      let result: Truth = !decisive;
      for (const operand of expr.operands) {
        const truth = truthOf(operand, values);
        if (truth === decisive) return decisive;
        if (truth === undefined) result = undefined;
      }
      return result;
    }
    default:
      // The compiled clause itself, so `=`, `in`, `!=`, EMPTY and `~` mean exactly what they mean in evaluation.
      return expr.field.key === 'project' ? compileJql(expr)(values) : undefined;
  }
}
