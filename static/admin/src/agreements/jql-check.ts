import type { Problem } from '../../../../src/engine/errors';
import { parseJqlExpr } from '../../../../src/engine/jql';

/** The first problem of a JQL text, with where it is: the text before, the offending part, the text after. */
export interface JqlIssue {
  readonly problem: Problem;
  /** 1-based column of the offending token. */
  readonly column: number;
  readonly before: string;
  /** The offending character (a space at the end of the text: "here, something is missing"). */
  readonly at: string;
  readonly after: string;
}

/**
 * Parses a JQL condition in the browser with the engine's own parser, as the backend will: blank text is
 * fine (every issue); otherwise the first problem and its column, split out to show under the field.
 * @example checkJql('priority = ') // { column: 12, problem: { message: 'Expected a value after "=" but found end of query' } }
 */
export function checkJql(text: string): JqlIssue | null {
  if (text.trim() === '') return null;
  const parsed = parseJqlExpr(text);
  if (parsed.ok) return null;
  const problem = parsed.problems[0];
  if (!problem) return null;
  const column = Math.max(1, Math.min(problem.column ?? text.length + 1, text.length + 1));
  return {
    problem,
    column,
    before: text.slice(0, column - 1),
    at: text.slice(column - 1, column) || ' ',
    after: text.slice(column),
  };
}
