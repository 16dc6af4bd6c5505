import fc from 'fast-check';
import { resolveFieldName, type FieldKey, type FieldValues } from '../fields';
import type { JqlExpr, JqlField, JqlValue } from './ast';
import { parseJql, parseJqlExpr, printJql } from './index';

const field = (name: string): JqlField => ({ name, key: resolveFieldName(name), column: 1 });
const text = (t: string): JqlValue => ({ kind: 'text', text: t });

describe('printJql', () => {
  it('quotes every value and only the field names that need it', () => {
    const expr: JqlExpr = {
      kind: 'and',
      operands: [
        { kind: 'compare', field: field('status'), operator: '=', value: text('Done') },
        {
          kind: 'list',
          field: field('Request Type'),
          operator: 'not in',
          values: [text('say "hi"'), { kind: 'empty' }],
        },
        { kind: 'contains', field: field('cf[10010]'), operator: '!~', term: 'a\\b' },
        { kind: 'is-empty', field: field('not'), negated: true },
      ],
    };
    expect(printJql(expr)).toBe(
      String.raw`status = "Done" AND "Request Type" NOT IN ("say \"hi\"", EMPTY) AND cf[10010] !~ "a\\b" AND "not" IS NOT EMPTY`,
    );
  });

  it('adds parentheses only where precedence needs them', () => {
    const parsed = parseJqlExpr('a = 1 OR NOT (b = 2 AND (c = 3 OR d = 4)) AND NOT NOT e = 5');
    expect(parsed.ok && printJql(parsed.value)).toBe(
      'a = "1" OR NOT (b = "2" AND (c = "3" OR d = "4")) AND NOT (NOT e = "5")',
    );
  });

  it('prints the empty query as empty text', () => {
    expect(printJql({ kind: 'all' })).toBe('');
  });
});

// ── The law: printing an AST and parsing it back means what the AST means ───────────────────────────────

/** What each clause means, written as plainly as possible and independently of compile.ts. */
function evaluate(expr: JqlExpr, values: FieldValues): boolean {
  switch (expr.kind) {
    case 'all':
      return true;
    case 'or':
      return expr.operands.some((operand) => evaluate(operand, values));
    case 'and':
      return expr.operands.every((operand) => evaluate(operand, values));
    case 'not':
      return !evaluate(expr.operand, values);
    case 'is-empty':
      return (values.get(expr.field.key).length === 0) !== expr.negated;
    case 'compare':
    case 'list': {
      const items = values.get(expr.field.key);
      const list = expr.kind === 'compare' ? [expr.value] : expr.values;
      const isOne = (value: JqlValue): boolean =>
        value.kind === 'empty' ? items.length === 0 : items.includes(value.text.toLowerCase());
      const positive = expr.operator === '=' || expr.operator === 'in';
      // Negative operators never match an EMPTY field (`!= EMPTY` is therefore `is not EMPTY`).
      return positive ? list.some(isOne) : items.length > 0 && !list.some(isOne);
    }
    case 'contains': {
      const items = values.get(expr.field.key);
      const found = items.some((item) => item.includes(expr.term.toLowerCase()));
      return expr.operator === '~' ? found : items.length > 0 && !found;
    }
  }
}

// Names and texts chosen to exercise quoting, escapes, keywords, case and non-ASCII letters.
const FIELDS = ['status', 'Labels', 'Request Type', 'cf[10010]', 'Team', 'not', 'order', 'Équipe'].map(field);
const TEXTS = [
  'Open',
  'OPEN',
  'In Progress',
  'a"b',
  "it's",
  'back\\slash',
  'été',
  'AND',
  'empty',
  'tab\there',
  '',
];
const TERMS = ['o', 'PEN', 'progress', '"', "'", '\\', 'É'];

const fieldArb = fc.constantFrom(...FIELDS);
const valueArb: fc.Arbitrary<JqlValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TEXTS).map(text) },
  { weight: 1, arbitrary: fc.constant<JqlValue>({ kind: 'empty' }) },
);
const clauseArb: fc.Arbitrary<JqlExpr> = fc.oneof(
  fc.record({
    kind: fc.constant('compare'),
    field: fieldArb,
    operator: fc.constantFrom('=', '!='),
    value: valueArb,
  }),
  fc.record({
    kind: fc.constant('list'),
    field: fieldArb,
    operator: fc.constantFrom('in', 'not in'),
    values: fc.array(valueArb, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('contains'),
    field: fieldArb,
    operator: fc.constantFrom('~', '!~'),
    term: fc.constantFrom(...TERMS),
  }),
  fc.record({ kind: fc.constant('is-empty'), field: fieldArb, negated: fc.boolean() }),
);
const { expr: exprArb } = fc.letrec<{ expr: JqlExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    clauseArb,
    fc.record({ kind: fc.constant('not'), operand: tie('expr') }),
    fc.record({
      kind: fc.constantFrom('and', 'or'),
      operands: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }),
    }),
  ),
}));

/** Field values of one instant over the same fields and texts, already lower-cased as the contract says. */
const valuesArb: fc.Arbitrary<FieldValues> = fc
  .tuple(...FIELDS.map(() => fc.array(fc.constantFrom(...TEXTS, 'xyz'), { maxLength: 3 })))
  .map((lists) => {
    const map = new Map<FieldKey, string[]>(
      FIELDS.map((f, i) => [f.key, (lists[i] ?? []).map((t) => t.toLowerCase())]),
    );
    return { get: (key: FieldKey) => map.get(key) ?? [] };
  });

describe('printing then parsing', () => {
  it('gives a query that agrees with the AST on any field values', () => {
    fc.assert(
      fc.property(exprArb, fc.array(valuesArb, { minLength: 1, maxLength: 5 }), (expr, instants) => {
        const query = parseJql(printJql(expr));
        if (!query.ok) return false;
        return instants.every((values) => query.value.matches(values) === evaluate(expr, values));
      }),
      { numRuns: 500 },
    );
  });

  it('prints the parsed query to the same text', () => {
    fc.assert(
      fc.property(exprArb, (expr) => {
        const printed = printJql(expr);
        const reparsed = parseJqlExpr(printed);
        return reparsed.ok && printJql(reparsed.value) === printed;
      }),
    );
  });
});
