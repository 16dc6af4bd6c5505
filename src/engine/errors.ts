/**
 * Expected problems are values, not exceptions: a stable `code`, a message for a person, and where it happened.
 * Only bugs throw.
 */
export interface Problem {
  /** Stable, dotted, e.g. `calendar.zone.unknown`, `jql.expected`. */
  readonly code: string;
  readonly message: string;
  /** The file the offending value came from, when the caller read it from one. */
  readonly file?: string;
  /** JSON path of the offending value, e.g. `$.calendars[0].week.mon[1].to`. */
  readonly path?: string;
  /** 1-based column in a JQL text, when the problem is inside one. */
  readonly column?: number;
  /** The same problem as data, for a UI to word in its user's language; `message` is the English wording. */
  readonly detail?: ProblemDetail;
}

/**
 * What a problem says, as a message key and the values its wording quotes (e.g. `jql.expected` with what was
 * expected, where and what was found): plain JSON, so it survives the trip from a resolver to a page.
 */
export interface ProblemDetail {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/** Appends a key or index to a JSON path the way people read them: `$.a[0].b`, `$["Request Type"]`. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** One line per problem: `file: $.path: message`. */
export function formatProblem(problem: Problem, file?: string): string {
  const where = [
    problem.file ?? file,
    problem.path,
    problem.column === undefined ? undefined : `column ${problem.column}`,
  ]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(': ');
  return where ? `${where}: ${problem.message} [${problem.code}]` : `${problem.message} [${problem.code}]`;
}
