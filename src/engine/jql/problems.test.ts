import { parseJql } from './index';

/** The single problem a malformed query reports. */
function problem(text: string) {
  const result = parseJql(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
}

describe('malformed queries point at the offending token and say what was expected', () => {
  it.each([
    // A value is missing at the end: the column is one past the last character.
    ['status =', 9, 'Expected a value after "=" but found end of query'],
    ['priority in High', 13, 'Expected "(" after "in" but found "High"'],
    ['(status = Open', 15, 'Expected ")" after "Open" to close the "(" at column 1 but found end of query'],
    ['status = Open)', 14, 'Expected AND, OR or end of query after "Open" but found ")"'],
    [
      'status = Open priority = High',
      15,
      'Expected AND, OR or end of query after "Open" but found "priority"',
    ],
    ['status = Open # note', 15, 'Expected AND, OR or end of query after "Open" but found "#"'],
    ['status = Open AND', 18, 'Expected a field name or "(" after "AND" but found end of query'],
    ['NOT', 4, 'Expected a field name or "(" after "NOT" but found end of query'],
    ['= Open', 1, 'Expected a field name or "(" at the start of the query but found "="'],
    ['()', 2, 'Expected a field name or "(" after "(" but found ")"'],
    ['a = 1 OR " " = 2', 10, 'Expected a field name or "(" after "OR" but found " "'],
    [
      'status like Open',
      8,
      'Expected an operator (=, !=, ~, !~, in, not in or is) after "status" but found "like"',
    ],
    [
      '"Request Type" : x',
      16,
      'Expected an operator (=, !=, ~, !~, in, not in or is) after "Request Type" but found ":"',
    ],
    ['status == Open', 9, 'Expected a value after "=" but found "="'],
    [
      'status = AND',
      10,
      'Expected a value after "=" but found "AND"; put it in quotes to use "AND" as a value',
    ],
    ['priority in ()', 14, 'Expected a value after "(" but found ")"'],
    ['priority in (High,', 19, 'Expected a value after "," but found end of query'],
    [
      'priority in (High Low)',
      19,
      'Expected "," or ")" after "High" in the list opened at column 13 but found "Low"',
    ],
    ['priority not High', 14, 'Expected "in" after "not" but found "High"'],
    ['assignee is Jane', 13, 'Expected EMPTY or NULL after "is" but found "Jane"'],
    ['assignee is not', 16, 'Expected EMPTY or NULL after "not" but found end of query'],
    ['summary ~ ""', 11, 'Expected a text to search for after "~" but found ""'],
    [
      'summary ~ EMPTY',
      11,
      'Expected a text to search for after "~" but found "EMPTY"; write "is EMPTY" to find an empty field',
    ],
    ['cf[abc] = 1', 4, 'Expected a custom field id after "[" but found "abc"'],
    ['cf[10010 = 1', 10, 'Expected "]" after "10010" but found "="'],
  ])('%j: column %i', (text, column, message) => {
    expect(problem(text)).toMatchObject({ code: 'jql.expected', column, message });
  });
});

describe('broken quoted strings', () => {
  it('points at the opening quote of a string that never closes', () => {
    expect(problem('status = "Open')).toMatchObject({
      code: 'jql.unterminated-string',
      column: 10,
      message: 'Expected a closing " for the string at column 10 but found end of query',
    });
  });

  it('does not take an escaped quote for the closing one', () => {
    expect(problem(String.raw`labels = 'it\'s`)).toMatchObject({
      code: 'jql.unterminated-string',
      column: 10,
    });
  });

  it('counts columns in characters, so an emoji before the error is one column', () => {
    expect(problem('"😀" = "x')).toMatchObject({ code: 'jql.unterminated-string', column: 7 });
  });

  it('rejects an escape Jira does not know either', () => {
    expect(problem(String.raw`labels = "a\qb"`)).toMatchObject({
      code: 'jql.invalid-escape',
      column: 12,
      message: String.raw`Expected an escape (\", \', \\, \n, \r, \t, \uXXXX) in the quoted string but found "\q"`,
    });
  });
});

describe('valid Jira outside the subset', () => {
  it.each([
    [
      'status = Open ORDER BY created',
      15,
      'Sorting ("ORDER BY") is not supported; this query selects issues, it does not sort them',
    ],
    [
      'order by created DESC',
      1,
      'Sorting ("order by") is not supported; this query selects issues, it does not sort them',
    ],
    [
      'assignee = currentUser()',
      12,
      'Functions such as "currentUser()" are not supported; write the value itself, e.g. an account id',
    ],
    [
      'assignee in membersOf("jira-admins")',
      13,
      'Functions such as "membersOf()" are not supported; write the value itself, e.g. an account id',
    ],
    [
      'assignee in (jane, currentUser())',
      20,
      'Functions such as "currentUser()" are not supported; write the value itself, e.g. an account id',
    ],
    ['created > -1d', 9, 'The comparison ">" is not supported; use =, !=, ~, !~, in, not in or is'],
    ['priority <= High', 10, 'The comparison "<=" is not supported; use =, !=, ~, !~, in, not in or is'],
    [
      'status WAS Open',
      8,
      `History searches ("WAS") are not supported; the query is checked against the issue's values at one instant`,
    ],
    [
      'status changed',
      8,
      `History searches ("changed") are not supported; the query is checked against the issue's values at one instant`,
    ],
  ])('%j: column %i', (text, column, message) => {
    expect(problem(text)).toMatchObject({ code: 'jql.unsupported', column, message });
  });
});

describe('each problem as data, for a page to word in its own language', () => {
  it.each([
    ['status =', { what: 'value', where: 'after', after: '"="' }],
    ['= Open', { what: 'fieldOrParen', where: 'start', found: '"="' }],
    ['(status = Open', { what: 'closeParen', where: 'close', after: '"Open"', column: 1 }],
    [
      'priority in (High Low)',
      { what: 'commaOrClose', where: 'list', after: '"High"', column: 13, found: '"Low"' },
    ],
    ["status = 'AND'x AND", { what: 'andOrEnd', where: 'after', after: "'AND'", found: '"x"' }],
    [
      'status = AND',
      { what: 'value', where: 'after', after: '"="', found: '"AND"', hint: 'quote', word: 'AND' },
    ],
    [
      'summary ~ EMPTY',
      { what: 'searchText', where: 'after', after: '"~"', found: '"EMPTY"', hint: 'isEmpty' },
    ],
    ['"Request Type" : x', { what: 'operator', where: 'after', after: '"Request Type"', found: '":"' }],
  ])('%j', (text, values) => {
    // Exactly these values: the end of the query is an absent `found`, not English text.
    expect(problem(text).detail).toEqual({ key: 'jql.expected', values });
  });

  it('gives the other problems their values', () => {
    expect(problem('status = "Open').detail).toEqual({
      key: 'jql.unterminated-string',
      values: { quote: '"', column: 10 },
    });
    expect(problem(String.raw`labels = "a\qb"`).detail).toEqual({
      key: 'jql.invalid-escape',
      values: { escape: '\\q' },
    });
    expect(problem('assignee = currentUser()').detail).toEqual({
      key: 'jql.unsupported',
      values: { what: 'function', text: 'currentUser' },
    });
    expect(problem('status = Open ORDER BY created').detail).toEqual({
      key: 'jql.unsupported',
      values: { what: 'sorting', text: 'ORDER BY' },
    });
    expect(problem(`${'NOT '.repeat(100)}a = 1`).detail).toEqual({
      key: 'jql.too-deep',
      values: { limit: 64, found: '"NOT"' },
    });
  });
});

describe('never throws', () => {
  it.each(['(', ')', '"', "'", '\\', '!', '[', 'cf[', 'cf[1', 'a = "\\', 'a in (', 'NOT NOT', '&&', '~'])(
    '%j is a problem, not an exception',
    (text) => {
      expect(parseJql(text).ok).toBe(false);
    },
  );
});

describe('size limits', () => {
  it('follows 64 levels of parentheses and NOT, and reports the 65th instead of overflowing the stack', () => {
    expect(parseJql(`${'('.repeat(64)}a = 1${')'.repeat(64)}`).ok).toBe(true);
    expect(problem(`${'('.repeat(1000)}a = 1${')'.repeat(1000)}`)).toMatchObject({
      code: 'jql.too-deep',
      column: 65,
      message: 'Expected at most 64 nested parentheses or NOTs but found more at "("',
    });
    expect(problem(`${'NOT '.repeat(100)}a = 1`)).toMatchObject({ code: 'jql.too-deep', column: 257 });
  });

  it('takes a long flat chain of clauses, which needs no nesting', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `labels = l${i}`).join(' OR ');
    const query = parseJql(text);
    expect(query.ok && query.value.matches({ get: () => ['l4999'] })).toBe(true);
  });
});
