import type { Problem, ProblemDetail } from '../../../src/engine/errors';
import type {
  JqlExpected as Expected,
  JqlHint as Hint,
  JqlUnsupported as Unsupported,
  JqlWhere as Where,
} from '../../../src/engine/jql';
import type { AdminI18n, AdminKey } from './messages';

/**
 * A problem in the user's language. JQL problems are worded from their detail (what was expected, where, what
 * was found); any other problem, or a detail this page does not know (a newer backend's), shows the backend's
 * English message rather than nothing.
 * @example problemText(parseJqlExpr('priority =').problems[0], germanI18n) // 'Erwartet wird ein Wert nach "=", …'
 */
export function problemText(problem: Problem, i18n: AdminI18n): string {
  return (problem.detail && jqlText(problem.detail, i18n)) ?? problem.message;
}

// Every wording the engine can name has a message here: a new one fails to compile until it is added.
const WHAT: Readonly<Record<Expected, AdminKey>> = {
  andOrEnd: 'jql.what.andOrEnd',
  closeParen: 'jql.what.closeParen',
  in: 'jql.what.in',
  emptyOrNull: 'jql.what.emptyOrNull',
  operator: 'jql.what.operator',
  fieldOrParen: 'jql.what.fieldOrParen',
  customFieldId: 'jql.what.customFieldId',
  closeBracket: 'jql.what.closeBracket',
  value: 'jql.what.value',
  searchText: 'jql.what.searchText',
  openParen: 'jql.what.openParen',
  commaOrClose: 'jql.what.commaOrClose',
};
const WHERE: Readonly<Record<Where['at'], AdminKey>> = {
  start: 'jql.where.start',
  after: 'jql.where.after',
  close: 'jql.where.close',
  list: 'jql.where.list',
};
const HINT: Readonly<Record<Hint['hint'], AdminKey>> = {
  quote: 'jql.hint.quote',
  isEmpty: 'jql.hint.isEmpty',
};
const UNSUPPORTED: Readonly<Record<Unsupported, AdminKey>> = {
  function: 'jql.unsupported.function',
  comparison: 'jql.unsupported.comparison',
  history: 'jql.unsupported.history',
  sorting: 'jql.unsupported.sorting',
};

/** The message a value names in `keys`, if it names one. */
function keyOf(
  keys: Readonly<Record<string, AdminKey>>,
  value: string | number | undefined,
): AdminKey | undefined {
  return typeof value === 'string' && Object.hasOwn(keys, value) ? keys[value] : undefined;
}

function jqlText(detail: ProblemDetail, { t }: AdminI18n): string | undefined {
  const values = detail.values;
  switch (detail.key) {
    case 'jql.expected': {
      const what = keyOf(WHAT, values.what);
      const where = keyOf(WHERE, values.where);
      const hint = keyOf(HINT, values.hint);
      if (!what || !where || (values.hint !== undefined && !hint)) return undefined;
      // No `found` is the end of the query, which has no text to quote.
      const found = typeof values.found === 'string' ? values.found : undefined;
      const message = t(found === undefined ? 'jql.expectedEnd' : 'jql.expected', {
        what: t(what),
        where: t(where, values),
        found: found ?? '',
      });
      return hint ? t('jql.hinted', { message, hint: t(hint, values) }) : message;
    }
    case 'jql.unterminated-string':
      return t('jql.unterminatedString', values);
    case 'jql.invalid-escape':
      return t('jql.invalidEscape', values);
    case 'jql.unsupported': {
      const what = keyOf(UNSUPPORTED, values.what);
      return what && t(what, values);
    }
    case 'jql.too-deep':
      return t('jql.tooDeep', values);
    default:
      return undefined;
  }
}
