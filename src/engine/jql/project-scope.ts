import type { JqlExpr, JqlValue } from './ast';

/**
 * Whether a query may match some issue of a project, knowing only the project: `false` only when the query
 * requires another project (`project = X`, `project in (…)` in every branch that could match), `true` whenever
 * it cannot tell. `projectAliases` are the project's key, name and id, lower-cased, as the engine compares them.
 *
 * Used to skip the work of issues in projects no agreement covers, so it errs on the side of measuring.
 * @example
 * mayMatchProject(parseJqlExpr('project = IT AND priority = High').value, ['hr', 'human resources']) // false
 * mayMatchProject(parseJqlExpr('priority = High').value, ['hr']) // true
 */
export function mayMatchProject(expr: JqlExpr, projectAliases: readonly string[]): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.operands.every((operand) => mayMatchProject(operand, projectAliases));
    case 'or':
      return expr.operands.some((operand) => mayMatchProject(operand, projectAliases));
    case 'compare':
      if (expr.field.key !== 'project' || expr.operator !== '=') return true;
      return names(expr.value, projectAliases);
    case 'list':
      if (expr.field.key !== 'project' || expr.operator !== 'in') return true;
      return expr.values.some((value) => names(value, projectAliases));
    // NOT, negated comparisons, text search, emptiness and every other field: no telling from the project.
    default:
      return true;
  }
}

function names(value: JqlValue, projectAliases: readonly string[]): boolean {
  return value.kind === 'text' && projectAliases.includes(value.text.toLowerCase());
}
