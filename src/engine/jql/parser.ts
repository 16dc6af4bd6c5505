/**
 * Recursive descent over the tokens, one function per level of precedence: OR binds loosest, then AND, then
 * NOT. The first problem ends the parse; its column points at the token that did not fit.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { resolveFieldName } from '../fields';
import type { JqlExpr, JqlField, JqlValue } from './ast';
import { tokenize, type Token } from './lexer';
import { after, expected, quoted, tooDeep, unsupported, type Hint } from './problems';

// Words that would make an unquoted value or field name ambiguous; quoting them ("and") makes them plain text.
const RESERVED = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null']);
// Far beyond any real query; it keeps a pasted or generated monster from overflowing the stack, here or when
// the tree is compiled and printed.
const MAX_DEPTH = 64;

/**
 * Parses a query to its syntax tree. Empty or blank text is `{ kind: 'all' }`.
 * @example
 * const result = parseJqlExpr('priority in (High, Highest)');
 * // ok: { kind: 'list', field: { name: 'priority', key: 'priority', column: 1 }, operator: 'in', values: [...] }
 */
export function parseJqlExpr(text: string): Result<JqlExpr> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  return new Parser(tokens.value).parseQuery();
}

const isWord = (token: Token, word: string): boolean =>
  token.kind === 'word' && token.text.toLowerCase() === word;
const isSymbol = (token: Token, ...symbols: string[]): boolean =>
  token.kind === 'symbol' && symbols.includes(token.text);
const isAnd = (token: Token): boolean => isWord(token, 'and') || isSymbol(token, '&&', '&');
const isOr = (token: Token): boolean => isWord(token, 'or') || isSymbol(token, '||', '|');
const isNot = (token: Token): boolean => isWord(token, 'not') || isSymbol(token, '!');
const quoteHint = (token: Token): Hint | undefined =>
  token.kind === 'word' ? { hint: 'quote', word: token.text } : undefined;

class Parser {
  private index = 0;
  /** Open parentheses and NOTs around the cursor. */
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseQuery(): Result<JqlExpr> {
    if (this.peek().kind === 'end') return ok({ kind: 'all' });
    const expr = this.parseOr();
    if (!expr.ok) return expr;
    const next = this.peek();
    if (next.kind === 'end') return expr;
    return fail(this.orderBy() ?? expected('andOrEnd', after(this.previous()), next));
  }

  // ── Precedence levels ─────────────────────────────────────────────────────────────────────────────────

  private parseOr(): Result<JqlExpr> {
    return this.parseChain('or', isOr, () => this.parseAnd());
  }

  private parseAnd(): Result<JqlExpr> {
    return this.parseChain('and', isAnd, () => this.parseNot());
  }

  /** `a OP b OP c` as one n-ary node, so that a long chain compiles to a flat sequence of checks. */
  private parseChain(
    kind: 'and' | 'or',
    isOperator: (token: Token) => boolean,
    parseOperand: () => Result<JqlExpr>,
  ): Result<JqlExpr> {
    const first = parseOperand();
    if (!first.ok) return first;
    const operands = [first.value];
    while (isOperator(this.peek())) {
      this.next();
      const operand = parseOperand();
      if (!operand.ok) return operand;
      operands.push(operand.value);
    }
    return operands.length === 1 ? first : ok({ kind, operands });
  }

  private parseNot(): Result<JqlExpr> {
    const token = this.peek();
    if (!isNot(token)) return this.parsePrimary();
    if (this.depth >= MAX_DEPTH) return fail(tooDeep(MAX_DEPTH, token));
    this.next();
    this.depth += 1;
    const operand = this.parseNot();
    this.depth -= 1;
    return operand.ok ? ok({ kind: 'not', operand: operand.value }) : operand;
  }

  private parsePrimary(): Result<JqlExpr> {
    const token = this.peek();
    if (!isSymbol(token, '(')) return this.parseClause();
    if (this.depth >= MAX_DEPTH) return fail(tooDeep(MAX_DEPTH, token));
    this.next();
    this.depth += 1;
    const inner = this.parseOr();
    this.depth -= 1;
    if (!inner.ok) return inner;
    const close = this.peek();
    if (!isSymbol(close, ')')) {
      const where = { at: 'close', after: quoted(this.previous()), column: token.column } as const;
      return fail(expected('closeParen', where, close));
    }
    this.next();
    return inner;
  }

  // ── Clauses ───────────────────────────────────────────────────────────────────────────────────────────

  private parseClause(): Result<JqlExpr> {
    const field = this.parseField();
    if (!field.ok) return field;
    const operator = this.next();
    if (isSymbol(operator, '=', '!=')) {
      const value = this.parseValue(operator);
      if (!value.ok) return value;
      return ok({
        kind: 'compare',
        field: field.value,
        operator: operator.text as '=' | '!=',
        value: value.value,
      });
    }
    if (isSymbol(operator, '~', '!~')) {
      const term = this.parseTerm(operator);
      if (!term.ok) return term;
      const op = operator.text as '~' | '!~';
      return ok({ kind: 'contains', field: field.value, operator: op, term: term.value });
    }
    if (isWord(operator, 'in')) return this.parseList(field.value, 'in', operator);
    if (isWord(operator, 'not')) {
      const inWord = this.next();
      if (!isWord(inWord, 'in')) return fail(expected('in', after(operator), inWord));
      return this.parseList(field.value, 'not in', inWord);
    }
    if (isWord(operator, 'is')) {
      let last = operator;
      const negated = isWord(this.peek(), 'not');
      if (negated) last = this.next();
      const empty = this.next();
      if (!isWord(empty, 'empty') && !isWord(empty, 'null')) {
        return fail(expected('emptyOrNull', after(last), empty));
      }
      return ok({ kind: 'is-empty', field: field.value, negated });
    }
    const where = { at: 'after', after: `"${field.value.name}"` } as const;
    return fail(this.unsupportedOperator(operator) ?? expected('operator', where, operator));
  }

  private parseField(): Result<JqlField> {
    const token = this.peek();
    const where = this.index === 0 ? ({ at: 'start' } as const) : after(this.previous());
    const orderBy = this.orderBy();
    if (orderBy) return fail(orderBy);
    if (token.kind === 'string' && token.value.trim() !== '') {
      this.next();
      return ok({ name: token.value, key: resolveFieldName(token.value), column: token.column });
    }
    if (token.kind !== 'word' || RESERVED.has(token.text.toLowerCase())) {
      // A quoted field name reaches here only when blank, which names no field.
      return fail(expected('fieldOrParen', where, token));
    }
    this.next();
    if (!(token.text.toLowerCase() === 'cf' && isSymbol(this.peek(), '['))) {
      return ok({ name: token.text, key: resolveFieldName(token.text), column: token.column });
    }
    // cf[10010]: a custom field by id, the only bracketed form in the subset.
    const open = this.next();
    const id = this.next();
    if (id.kind !== 'word' || !/^\d+$/.test(id.text)) return fail(expected('customFieldId', after(open), id));
    const close = this.next();
    if (!isSymbol(close, ']')) return fail(expected('closeBracket', after(id), close));
    const name = `${token.text}[${id.text}]`;
    return ok({ name, key: resolveFieldName(name), column: token.column });
  }

  /** The value after `=`, `!=` or inside a list; EMPTY and NULL are the empty value, as in Jira. */
  private parseValue(operator: Token): Result<JqlValue> {
    const token = this.next();
    if (token.kind === 'string') return ok({ kind: 'text', text: token.value, column: token.column });
    if (isWord(token, 'empty') || isWord(token, 'null')) return ok({ kind: 'empty' });
    if (token.kind === 'word' && !RESERVED.has(token.text.toLowerCase())) {
      const call = this.notCall(token);
      return call ? fail(call) : ok({ kind: 'text', text: token.text, column: token.column });
    }
    return fail(expected('value', after(operator), token, quoteHint(token)));
  }

  /** The text after `~` or `!~`: not EMPTY (that is `is EMPTY`) and not blank (which would match anything). */
  private parseTerm(operator: Token): Result<string> {
    const token = this.next();
    const text =
      token.kind === 'string' || (token.kind === 'word' && !RESERVED.has(token.text.toLowerCase()));
    if (!text || token.value === '') {
      const empty = isWord(token, 'empty') || isWord(token, 'null');
      const hint: Hint | undefined = empty ? { hint: 'isEmpty' } : quoteHint(token);
      return fail(expected('searchText', after(operator), token, hint));
    }
    const call = this.notCall(token);
    return call ? fail(call) : ok(token.value);
  }

  private parseList(field: JqlField, operator: 'in' | 'not in', inWord: Token): Result<JqlExpr> {
    const open = this.next();
    if (!isSymbol(open, '(')) {
      return fail(this.notCall(open) ?? expected('openParen', after(inWord), open));
    }
    const values: JqlValue[] = [];
    for (;;) {
      const valueToken = this.peek();
      const value = this.parseValue(this.previous());
      if (!value.ok) return value;
      values.push(value.value);
      const separator = this.next();
      if (isSymbol(separator, ')')) return ok({ kind: 'list', field, operator, values });
      if (!isSymbol(separator, ',')) {
        const where = { at: 'list', after: quoted(valueToken), column: open.column } as const;
        return fail(expected('commaOrClose', where, separator));
      }
    }
  }

  // ── Valid Jira outside the subset ─────────────────────────────────────────────────────────────────────

  /** A function call (`currentUser()`, `membersOf("x")`) where a value belongs. */
  private notCall(name: Token): Problem | undefined {
    if (name.kind !== 'word' || !isSymbol(this.peek(), '(')) return undefined;
    return unsupported('function', name.text, name);
  }

  private unsupportedOperator(operator: Token): Problem | undefined {
    if (isSymbol(operator, '>', '>=', '<', '<=')) {
      return unsupported('comparison', operator.text, operator);
    }
    if (isWord(operator, 'was') || isWord(operator, 'changed')) {
      return unsupported('history', operator.text, operator);
    }
    return undefined;
  }

  private orderBy(): Problem | undefined {
    const order = this.peek();
    if (!isWord(order, 'order') || !isWord(this.peek(1), 'by')) return undefined;
    return unsupported('sorting', `${order.text} ${this.peek(1).text}`, order);
  }

  // ── Cursor ────────────────────────────────────────────────────────────────────────────────────────────

  /** The token `ahead` places past the cursor; the `end` token repeats forever. */
  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] ?? END;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  /** The token `back` places before the cursor (1 = the last one consumed). */
  private previous(back = 1): Token {
    return this.tokens[this.index - back] ?? END;
  }
}

// Only reachable if the lexer forgot its `end` token, which would be a bug.
const END: Token = { kind: 'end', text: '', value: '', column: 1 };
