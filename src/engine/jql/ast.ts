/**
 * The syntax tree of a JQL subset query. It keeps what the author wrote (field names, values with their case) so
 * that it can be printed back; compiling it to a predicate is `compile.ts`'s job.
 */
import type { FieldKey } from '../fields';

/**
 * A field as written in the query, with the key the engine reads its values by.
 * @example const field: JqlField = { name: 'Request Type', key: 'requestType', column: 1 };
 */
export interface JqlField {
  readonly name: string;
  readonly key: FieldKey;
  /** 1-based column of the field name, so callers that check fields against a site can point at it. */
  readonly column: number;
}

/**
 * A value on the right of `=`, `!=`, `in` or `not in`: a text, or EMPTY (also written NULL).
 * @example const values: JqlValue[] = [{ kind: 'text', text: 'High' }, { kind: 'empty' }];
 */
export type JqlValue =
  | {
      readonly kind: 'text';
      readonly text: string;
      /** 1-based column where the value is written (its opening quote, if quoted); absent in built trees. */
      readonly column?: number;
    }
  | { readonly kind: 'empty' };

/**
 * A query, or a part of one. `all` is the empty query, which Jira reads as "every issue".
 * @example
 * // status = Done AND NOT labels in (vip, urgent)
 * const expr: JqlExpr = {
 *   kind: 'and',
 *   operands: [
 *     { kind: 'compare', field: status, operator: '=', value: { kind: 'text', text: 'Done' } },
 *     { kind: 'not', operand: { kind: 'list', field: labels, operator: 'in', values: [vip, urgent] } },
 *   ],
 * };
 */
export type JqlExpr =
  | { readonly kind: 'all' }
  | { readonly kind: 'or'; readonly operands: readonly JqlExpr[] }
  | { readonly kind: 'and'; readonly operands: readonly JqlExpr[] }
  | { readonly kind: 'not'; readonly operand: JqlExpr }
  | {
      readonly kind: 'compare';
      readonly field: JqlField;
      readonly operator: '=' | '!=';
      readonly value: JqlValue;
    }
  | {
      readonly kind: 'list';
      readonly field: JqlField;
      readonly operator: 'in' | 'not in';
      readonly values: readonly JqlValue[];
    }
  | {
      readonly kind: 'contains';
      readonly field: JqlField;
      readonly operator: '~' | '!~';
      readonly term: string;
    }
  | { readonly kind: 'is-empty'; readonly field: JqlField; readonly negated: boolean };
