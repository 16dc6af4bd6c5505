/**
 * Splits a JQL text into tokens. The lexer knows no grammar: keywords are plain words (the parser compares them
 * case-insensitively), and a character it cannot place becomes an `other` token, so that the parser, which knows
 * what it expected at that point, writes the message.
 */
import { fail, ok, type Result } from '../errors';
import { invalidEscape, unterminatedString } from './problems';

/**
 * - `word`: an unquoted run of word characters (a field name, keyword, value or number);
 * - `string`: a quoted text; `value` holds it with quotes removed and escapes applied;
 * - `symbol`: punctuation and operators;
 * - `other`: one character that has no place in the subset;
 * - `end`: after the last token.
 */
export type TokenKind = 'word' | 'string' | 'symbol' | 'other' | 'end';

/**
 * One token, with `text` exactly as written and the 1-based `column` (in characters, not UTF-16 units) of its
 * first character.
 * @example const token: Token = { kind: 'string', text: '"In Progress"', value: 'In Progress', column: 10 };
 */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string;
  readonly column: number;
}

// Jira's unquoted word characters, plus any letter, digit or combining mark of other scripts.
const WORD_CHAR = /[\p{L}\p{N}\p{M}\-_.@:/+]/u;
const SPACE = /\s/u;
// Longest first, so that `!=` is not read as `!` then `=`. `&`, `&&`, `|`, `||` and `!` are Jira's spellings
// of AND, OR and NOT; the comparisons are lexed only so that the parser can say they are unsupported.
const SYMBOLS = [
  '!=',
  '!~',
  '>=',
  '<=',
  '&&',
  '||',
  '(',
  ')',
  ',',
  '[',
  ']',
  '=',
  '~',
  '!',
  '>',
  '<',
  '&',
  '|',
];
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  ' ': ' ',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Tokenizes a query. Fails only on a broken quoted string; every other oddity is left for the parser.
 * @example
 * const result = tokenize('status = "In Progress"');
 * // ok: word "status" (column 1), symbol "=" (8), string "In Progress" (10), end (23)
 */
export function tokenize(text: string): Result<readonly Token[]> {
  // Work on code points so that a column counts what a person sees, even past an emoji.
  const chars = Array.from(text);
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] ?? '';
    const column = i + 1;
    if (SPACE.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      const read = readString(chars, i);
      if (!read.ok) return read;
      tokens.push({
        kind: 'string',
        text: chars.slice(i, read.value.next).join(''),
        value: read.value.value,
        column,
      });
      i = read.value.next;
    } else if (WORD_CHAR.test(c)) {
      let j = i + 1;
      while (j < chars.length && WORD_CHAR.test(chars[j] ?? '')) j += 1;
      const word = chars.slice(i, j).join('');
      tokens.push({ kind: 'word', text: word, value: word, column });
      i = j;
    } else {
      const symbol = SYMBOLS.find((s) => s === chars.slice(i, i + s.length).join(''));
      const token = symbol ?? c;
      tokens.push({ kind: symbol === undefined ? 'other' : 'symbol', text: token, value: token, column });
      i += token.length;
    }
  }
  tokens.push({ kind: 'end', text: '', value: '', column: chars.length + 1 });
  return ok(tokens);
}

/** Reads the quoted string that opens at `start`; `next` is the index after its closing quote. */
function readString(chars: readonly string[], start: number): Result<{ value: string; next: number }> {
  const quote = chars[start] ?? '"';
  let value = '';
  let i = start + 1;
  while (i < chars.length) {
    const c = chars[i] ?? '';
    if (c === quote) return ok({ value, next: i + 1 });
    if (c !== '\\') {
      value += c;
      i += 1;
      continue;
    }
    const escaped = chars[i + 1];
    if (escaped === undefined) break;
    const unicode = escaped === 'u' ? /^[0-9a-fA-F]{4}$/.exec(chars.slice(i + 2, i + 6).join('')) : null;
    if (unicode) {
      value += String.fromCharCode(parseInt(unicode[0], 16));
      i += 6;
      continue;
    }
    const simple = ESCAPES[escaped];
    if (simple === undefined) return fail(invalidEscape(`\\${escaped}`, i + 1));
    value += simple;
    i += 2;
  }
  return fail(unterminatedString(quote, start + 1));
}
