/**
 * Every problem the JQL subset reports, built in one place so that codes and wording stay consistent. A message
 * names what was expected and what was found; `column` is the 1-based column of the offending token.
 */
import type { Problem } from '../errors';
import type { Token } from './lexer';

/** Stable codes; callers may branch on them, people read the message. */
export const JQL_CODES = {
  expected: 'jql.expected',
  unterminatedString: 'jql.unterminated-string',
  invalidEscape: 'jql.invalid-escape',
  unsupported: 'jql.unsupported',
  tooDeep: 'jql.too-deep',
} as const;

/**
 * How a token reads inside a message: quoted as written, or `end of query`.
 * @example describeToken({ kind: 'word', text: 'High', value: 'High', column: 13 }) === '"High"'
 */
export function describeToken(token: Token): string {
  if (token.kind === 'end') return 'end of query';
  // A quoted string already carries its quotes; quoting it again would only add noise.
  return token.kind === 'string' ? token.text : `"${token.text}"`;
}

/**
 * `Expected <what> <where> but found <token>[; <hint>]`, pointing at the token found.
 * @example expected('a value', 'after "="', endToken) // Expected a value after "=" but found end of query
 */
export function expected(what: string, where: string, found: Token, hint?: string): Problem {
  const message = `Expected ${what} ${where} but found ${describeToken(found)}`;
  return {
    code: JQL_CODES.expected,
    message: hint === undefined ? message : `${message}; ${hint}`,
    column: found.column,
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
  };
}

/**
 * Valid Jira that the subset does not evaluate; the message says what to write instead where there is a way.
 * @example unsupported('Functions such as "currentUser()" are not supported; write the value itself', token)
 */
export function unsupported(message: string, at: Token): Problem {
  return { code: JQL_CODES.unsupported, message, column: at.column };
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
  };
}
