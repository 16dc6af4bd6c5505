/**
 * Every problem the JQL subset reports, built in one place so that codes and wording stay consistent. A message
 * names what was expected and what was found; `column` is the 1-based column of the offending token. Each
 * problem also carries its parts as data (`detail`), which a page words in its user's language; the English
 * wording below is the one the command line prints.
 */
import type { Problem, ProblemDetail } from '../errors';
import type { Token } from './lexer';

/** Stable codes; callers may branch on them, people read the message. */
export const JQL_CODES = {
  expected: 'jql.expected',
  unterminatedString: 'jql.unterminated-string',
  invalidEscape: 'jql.invalid-escape',
  unsupported: 'jql.unsupported',
  tooDeep: 'jql.too-deep',
} as const;

/** The operators of the subset, as a message lists them. */
export const OPERATORS = '=, !=, ~, !~, in, not in or is';

/** What the parser expected, by name: the key of its wording (`detail.values.what`). */
export const EXPECTED = {
  andOrEnd: 'AND, OR or end of query',
  closeParen: '")"',
  in: '"in"',
  emptyOrNull: 'EMPTY or NULL',
  operator: `an operator (${OPERATORS})`,
  fieldOrParen: 'a field name or "("',
  customFieldId: 'a custom field id',
  closeBracket: '"]"',
  value: 'a value',
  searchText: 'a text to search for',
  openParen: '"("',
  commaOrClose: '"," or ")"',
} as const;
export type Expected = keyof typeof EXPECTED;

/**
 * Where it was expected: at the start, or after a token (`after`, quoted as written), while a parenthesis
 * opened at `column` waits to be closed, or inside a list opened at `column`.
 */
export type Where =
  | { readonly at: 'start' }
  | { readonly at: 'after'; readonly after: string }
  | { readonly at: 'close'; readonly after: string; readonly column: number }
  | { readonly at: 'list'; readonly after: string; readonly column: number };

/** A way out the message suggests: quoting a word to use it as a value, or `is EMPTY` instead of `~ EMPTY`. */
export type Hint = { readonly hint: 'quote'; readonly word: string } | { readonly hint: 'isEmpty' };

/** Valid Jira outside the subset, by kind; `text` is what the query wrote. */
export type Unsupported = 'function' | 'comparison' | 'history' | 'sorting';

/**
 * How a token reads inside a message: quoted as written, or `end of query`.
 * @example describeToken({ kind: 'word', text: 'High', value: 'High', column: 13 }) === '"High"'
 */
export function describeToken(token: Token): string {
  if (token.kind === 'end') return 'end of query';
  return quoted(token);
}

/** A token as written, quoted: a quoted string already carries its quotes, and quoting again only adds noise. */
export const quoted = (token: Token): string => (token.kind === 'string' ? token.text : `"${token.text}"`);

/** Where "after this token" is. */
export const after = (token: Token): Where => ({ at: 'after', after: describeToken(token) });

const WHERE: { readonly [K in Where['at']]: (where: Extract<Where, { at: K }>) => string } = {
  start: () => 'at the start of the query',
  after: (w) => `after ${w.after}`,
  close: (w) => `after ${w.after} to close the "(" at column ${w.column}`,
  list: (w) => `after ${w.after} in the list opened at column ${w.column}`,
};

const hintText = (hint: Hint): string =>
  hint.hint === 'quote'
    ? `put it in quotes to use "${hint.word}" as a value`
    : 'write "is EMPTY" to find an empty field';

/**
 * `Expected <what> <where> but found <token>[; <hint>]`, pointing at the token found.
 * @example expected('value', after(equals), endToken) // Expected a value after "=" but found end of query
 */
export function expected(what: Expected, where: Where, found: Token, hint?: Hint): Problem {
  const place = (WHERE[where.at] as (w: Where) => string)(where);
  const message = `Expected ${EXPECTED[what]} ${place} but found ${describeToken(found)}`;
  // The end of the query has no text to quote: `found` is absent then.
  const values: Record<string, string | number> = { what, where: where.at };
  if ('after' in where) values.after = where.after;
  if ('column' in where) values.column = where.column;
  if (found.kind !== 'end') values.found = quoted(found);
  if (hint) {
    values.hint = hint.hint;
    if (hint.hint === 'quote') values.word = hint.word;
  }
  return {
    code: JQL_CODES.expected,
    message: hint === undefined ? message : `${message}; ${hintText(hint)}`,
    column: found.column,
    detail: detail(JQL_CODES.expected, values),
  };
}

/**
 * A quoted string that runs to the end of the query.
 * @example unterminatedString('"', 10) // Expected a closing " for the string at column 10 but found end of query
 */
export function unterminatedString(quote: string, column: number): Problem {
  return {
    code: JQL_CODES.unterminatedString,
    message: `Expected a closing ${quote} for the string at column ${column} but found end of query`,
    column,
    detail: detail(JQL_CODES.unterminatedString, { quote, column }),
  };
}

/**
 * A backslash escape that Jira does not know either.
 * @example invalidEscape('\\q', 14) // Expected \", \', \\, \n, \r, \t, \u and four hex digits ...
 */
export function invalidEscape(escape: string, column: number): Problem {
  return {
    code: JQL_CODES.invalidEscape,
    message: `Expected an escape (\\", \\', \\\\, \\n, \\r, \\t, \\uXXXX) in the quoted string but found "${escape}"`,
    column,
    detail: detail(JQL_CODES.invalidEscape, { escape }),
  };
}

const UNSUPPORTED: Readonly<Record<Unsupported, (text: string) => string>> = {
  function: (text) =>
    `Functions such as "${text}()" are not supported; write the value itself, e.g. an account id`,
  comparison: (text) => `The comparison "${text}" is not supported; use ${OPERATORS}`,
  history: (text) =>
    `History searches ("${text}") are not supported; the query is checked against the issue's values at one instant`,
  sorting: (text) => `Sorting ("${text}") is not supported; this query selects issues, it does not sort them`,
};

/**
 * Valid Jira that the subset does not evaluate; the message says what to write instead where there is a way.
 * @example unsupported('function', 'currentUser', token) // Functions such as "currentUser()" are not supported; …
 */
export function unsupported(what: Unsupported, text: string, at: Token): Problem {
  return {
    code: JQL_CODES.unsupported,
    message: UNSUPPORTED[what](text),
    column: at.column,
    detail: detail(JQL_CODES.unsupported, { what, text }),
  };
}

/**
 * More nested parentheses and NOTs than the parser follows.
 * @example tooDeep(64, token) // Expected at most 64 nested parentheses or NOTs but found more at "("
 */
export function tooDeep(limit: number, at: Token): Problem {
  return {
    code: JQL_CODES.tooDeep,
    message: `Expected at most ${limit} nested parentheses or NOTs but found more at ${describeToken(at)}`,
    column: at.column,
    detail: detail(JQL_CODES.tooDeep, { limit, found: quoted(at) }), // a ( or a NOT, never the end
  };
}

const detail = (key: string, values: Readonly<Record<string, string | number>>): ProblemDetail => ({
  key,
  values,
});
