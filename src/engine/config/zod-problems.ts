import type { z } from 'zod';
import { joinPath, type Problem, type ProblemDetail } from '../errors';

/**
 * Turns zod's issues into Problems with a readable JSON path (`$.week.mon[0].from`), under a stable code
 * (`<prefix>.invalid`), every one of them at once. Each says what is wrong in plain words ("must not be empty",
 * "at most 200 characters") rather than the validator's ("Too small: expected string to have >=1 characters"),
 * and carries the same as data (`detail`, keys `value.*`) for a UI to word in its user's language. `input`,
 * the value that was checked, tells a missing value from one of the wrong type.
 * @example zodProblems(result.error, '$.calendars[0]', 'calendar', input)
 */
export function zodProblems(error: z.ZodError, base: string, prefix: string, input?: unknown): Problem[] {
  return error.issues.map((issue) => {
    const worded = wordIssue(issue, valueAt(input, issue.path));
    return {
      code: `${prefix}.invalid`,
      message: worded?.message ?? issue.message,
      path: issue.path.reduce<string>(
        (path, key) => joinPath(path, typeof key === 'number' ? key : String(key)),
        base,
      ),
      ...(worded ? { detail: worded.detail } : {}),
    };
  });
}

const MISSING = Symbol('missing');

/** The value at `path` inside `root`, or MISSING where there is none. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return MISSING;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What a JSON value is, in the words `value.type` uses. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
};

type Worded = { readonly message: string; readonly detail: ProblemDetail };
const worded = (message: string, key: string, values: ProblemDetail['values'] = {}): Worded => ({
  message,
  detail: { key, values },
});

/**
 * zod's issue in plain English, with its detail; undefined for an issue a schema words itself (a refinement's
 * own message) or one with nothing plainer to say.
 */
function wordIssue(issue: z.core.$ZodIssue, value: unknown): Worded | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === MISSING || value === undefined) return worded('Required.', 'value.required');
      const expected = String(issue.expected);
      const words = TYPE_WORDS[expected];
      return words ? worded(`Must be ${words}.`, 'value.type', { expected }) : undefined;
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      const origin = issue.origin;
      if (origin === 'string') {
        return minimum <= 1
          ? worded('Must not be empty.', 'value.empty')
          : worded(`At least ${minimum} characters.`, 'value.minLength', { minimum });
      }
      if (origin === 'array' || origin === 'set') {
        return minimum <= 1
          ? worded('Add at least one.', 'value.minItems', { minimum: 1 })
          : worded(`At least ${minimum} entries.`, 'value.minItems', { minimum });
      }
      if (origin === 'number' || origin === 'int') {
        return issue.inclusive === false
          ? worded(`Must be more than ${minimum}.`, 'value.above', { minimum })
          : worded(`Must be at least ${minimum}.`, 'value.minimum', { minimum });
      }
      return undefined;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      const origin = issue.origin;
      if (origin === 'string')
        return worded(`At most ${maximum} characters.`, 'value.maxLength', { maximum });
      if (origin === 'array' || origin === 'set')
        return worded(`At most ${maximum} entries.`, 'value.maxItems', { maximum });
      if (origin === 'number' || origin === 'int') {
        return issue.inclusive === false
          ? worded(`Must be less than ${maximum}.`, 'value.below', { maximum })
          : worded(`Must be at most ${maximum}.`, 'value.maximum', { maximum });
      }
      return undefined;
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v)).join(', ');
      return worded(`Must be one of: ${options}.`, 'value.oneOf', { options });
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return worded(`Not a known field: ${keys}.`, 'value.unknownKeys', { keys });
    }
    case 'invalid_format':
      // A pattern's own message (`.regex(re, 'HH:MM')`) says more than a generic "format" could.
      return issue.format === 'regex' ? undefined : worded('Not in the expected format.', 'value.format');
    case 'not_multiple_of':
      return worded(`Must be a multiple of ${issue.divisor}.`, 'value.multipleOf', {
        divisor: issue.divisor,
      });
    default:
      return undefined;
  }
}
