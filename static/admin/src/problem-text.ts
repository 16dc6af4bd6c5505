import type { Problem, ProblemDetail } from '../../../src/engine/errors';
import type {
  JqlExpected as Expected,
  JqlHint as Hint,
  JqlUnsupported as Unsupported,
  JqlWhere as Where,
} from '../../../src/engine/jql';
import type { AdminI18n, AdminKey } from './messages';
import { siteProblemText } from './site-problem-text';

/**
 * A problem in the user's language. JQL problems are worded from their detail (what was expected, where, what
 * was found); any other problem, or a detail this page does not know (a newer backend's), shows the backend's
 * English message rather than nothing.
 * @example problemText(parseJqlExpr('priority =').problems[0], germanI18n) // 'Erwartet wird ein Wert nach "=", …'
 */
export function problemText(problem: Problem, i18n: AdminI18n): string {
  return (
    (problem.detail &&
      (valueText(problem.detail, i18n) ??
        siteProblemText(problem.detail, i18n) ??
        jqlText(problem.detail, i18n))) ??
    problem.message
  );
}

const TYPES: Readonly<Record<string, AdminKey>> = {
  string: 'valueProblems.types.string',
  number: 'valueProblems.types.number',
  int: 'valueProblems.types.int',
  boolean: 'valueProblems.types.boolean',
  array: 'valueProblems.types.array',
  object: 'valueProblems.types.object',
};

/** A value's problem from the validator (`value.*`, see src/engine/config/zod-problems.ts), worded here. */
function valueText(detail: ProblemDetail, { t }: AdminI18n): string | undefined {
  const values = detail.values;
  switch (detail.key) {
    case 'value.required':
      return t('valueProblems.required');
    case 'value.type': {
      const expected = keyOf(TYPES, values.expected);
      return expected && t('valueProblems.type', { expected: t(expected) });
    }
    case 'value.empty':
      return t('valueProblems.empty');
    case 'value.minLength':
      return t('valueProblems.minLength', values);
    case 'value.minItems':
      return t('valueProblems.minItems', { count: Number(values.minimum ?? 1) });
    case 'value.above':
      return t('valueProblems.above', values);
    case 'value.minimum':
      return t('valueProblems.minimum', values);
    case 'value.maxLength':
      return t('valueProblems.maxLength', values);
    case 'value.maxItems':
      return t('valueProblems.maxItems', values);
    case 'value.below':
      return t('valueProblems.below', values);
    case 'value.maximum':
      return t('valueProblems.maximum', values);
    case 'value.oneOf':
      return t('valueProblems.oneOf', values);
    case 'value.unknownKeys':
      return t('valueProblems.unknownKeys', values);
    case 'value.format':
      return t('valueProblems.format');
    case 'value.multipleOf':
      return t('valueProblems.multipleOf', values);
    // The dispatcher's last problem when it caps a long list.
    case 'problems.more':
      return typeof values.count === 'number' ? t('valueProblems.more', { count: values.count }) : undefined;
    default:
      return undefined;
  }
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
