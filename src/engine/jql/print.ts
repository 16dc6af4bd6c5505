/**
 * Prints a syntax tree as JQL that parses back to the same meaning: values always quoted, field names quoted
 * when they are not plain identifiers, and parentheses only where precedence needs them.
 */
import type { JqlExpr, JqlField, JqlValue } from './ast';

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const CUSTOM_FIELD = /^cf\[\d+\]$/i;
const RESERVED = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'was', 'changed']);
// Binding strength: a child binding looser than its parent needs parentheses.
const STRENGTH: Readonly<Record<JqlExpr['kind'], number>> = {
  or: 1,
  and: 2,
  not: 3,
  all: 4,
  compare: 4,
  list: 4,
  contains: 4,
  'is-empty': 4,
};

/**
 * @example printJql(parsed) === 'status = "Done" AND NOT labels IN ("vip", "urgent")'
 */
export function printJql(expr: JqlExpr): string {
  switch (expr.kind) {
    case 'all':
      return '';
    case 'or':
    case 'and':
      return expr.operands.map((operand) => child(operand, expr)).join(expr.kind === 'or' ? ' OR ' : ' AND ');
    case 'not':
      return `NOT ${child(expr.operand, expr)}`;
    case 'compare':
      return `${printField(expr.field)} ${expr.operator} ${printValue(expr.value)}`;
    case 'list': {
      const values = expr.values.map(printValue).join(', ');
      return `${printField(expr.field)} ${expr.operator === 'in' ? 'IN' : 'NOT IN'} (${values})`;
    }
    case 'contains':
      return `${printField(expr.field)} ${expr.operator} ${quote(expr.term)}`;
    case 'is-empty':
      return `${printField(expr.field)} ${expr.negated ? 'IS NOT' : 'IS'} EMPTY`;
  }
}

function child(operand: JqlExpr, parent: JqlExpr): string {
  const text = printJql(operand);
  // `a OR b` inside an AND needs parentheses; `a AND b` inside an AND does not, but keeping them shows the
  // author's grouping, and they cost nothing.
  return STRENGTH[operand.kind] <= STRENGTH[parent.kind] ? `(${text})` : text;
}

function printField(field: JqlField): string {
  const plain =
    (IDENTIFIER.test(field.name) && !RESERVED.has(field.name.toLowerCase())) || CUSTOM_FIELD.test(field.name);
  return plain ? field.name : quote(field.name);
}

function printValue(value: JqlValue): string {
  return value.kind === 'empty' ? 'EMPTY' : quote(value.text);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function quote(text: string): string {
  return `"${text.replace(/["\\\n\r\t]/g, (c) => ESCAPES[c] ?? c)}"`;
}
