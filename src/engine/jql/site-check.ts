/**
 * A query checked against the site it will run on: every field it names must be one the engine knows or one the
 * site has (an unknown field is an error: the query could never match as meant), and every status, priority,
 * request type and project it compares with should be one the site has (an unknown value is a warning: it may
 * be spelt as an id or alias, or be about to be created). Both name the nearest known names.
 */
import type { Problem, ProblemDetail } from '../errors';
import type { FieldKey } from '../fields';
import type { JqlExpr, JqlField, JqlValue } from './ast';
import { nearestNames } from './nearest';
import type { JqlVocabulary, VocabularyValue } from './vocabulary';

/** Stable codes of the site check. */
export const SITE_CODES = {
  unknownField: 'jql.unknown-field',
  unknownValue: 'jql.unknown-value',
} as const;

/** The fields whose values the site check knows, by the engine's key. */
export type CheckedValueField = 'status' | 'priority' | 'requestType' | 'project';

/** What the check found: errors refuse the query, warnings only inform. */
export interface SiteCheck {
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/**
 * The system fields of the subset, as JQL spells them, for suggestions: the engine reads these whatever the
 * site calls them.
 */
const ENGINE_FIELDS: Readonly<Record<string, string>> = {
  project: 'project',
  issuetype: 'issuetype',
  status: 'status',
  statusCategory: 'statusCategory',
  priority: 'priority',
  labels: 'labels',
  components: 'component',
  resolution: 'resolution',
  assignee: 'assignee',
  reporter: 'reporter',
  requestType: 'Request Type',
  organizations: 'organizations',
  duedate: 'duedate',
};

const VALUE_NOUN: Readonly<Record<CheckedValueField, string>> = {
  status: 'status',
  priority: 'priority',
  requestType: 'request type',
  project: 'project',
};

/**
 * Checks a parsed query's fields and values against the site's vocabulary. Names compare case-insensitively,
 * as the engine compares them; a value may be a name or an id (a project also by key).
 * @example
 * const expr = parseJqlExpr('project = IT AND stauts = Open');
 * if (expr.ok) checkJqlOnSite(expr.value, site).errors
 * // [{ code: 'jql.unknown-field', column: 18, message: 'Unknown field "stauts"; did you mean "status"?', … }]
 */
export function checkJqlOnSite(expr: JqlExpr, vocabulary: JqlVocabulary): SiteCheck {
  const site = siteIndex(vocabulary);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const visit = (node: JqlExpr): void => {
    switch (node.kind) {
      case 'all':
        return;
      case 'and':
      case 'or':
        node.operands.forEach(visit);
        return;
      case 'not':
        visit(node.operand);
        return;
      case 'compare':
      case 'list':
      case 'contains':
      case 'is-empty': {
        const fieldProblem = checkField(node.field, site);
        if (fieldProblem) {
          errors.push(fieldProblem);
          return;
        }
        if (node.kind === 'compare') warnings.push(...checkValues(node.field, [node.value], site));
        if (node.kind === 'list') warnings.push(...checkValues(node.field, node.values, site));
        return;
      }
    }
  };
  visit(expr);
  return { errors, warnings };
}

// ── The site, indexed ─────────────────────────────────────────────────────────────────────────────────

interface SiteIndex {
  /** Every name, id and clause name of a site field, lower-cased. */
  readonly fieldNames: ReadonlySet<string>;
  readonly customIds: ReadonlySet<string>;
  /** Names to suggest for a misspelt field: the engine's, then the site's. */
  readonly fieldSuggestions: readonly string[];
  /** Custom fields as `cf[N]`, to suggest for a wrong id. */
  readonly customSuggestions: readonly string[];
  readonly values: Readonly<
    Record<CheckedValueField, { readonly known: ReadonlySet<string>; readonly names: readonly string[] }>
  >;
}

function siteIndex(vocabulary: JqlVocabulary): SiteIndex {
  const fieldNames = new Set<string>();
  const customIds = new Set<string>();
  const siteNames: string[] = [];
  const customSuggestions: string[] = [];
  for (const field of vocabulary.fields) {
    for (const name of [field.id, field.name, ...(field.clauseNames ?? [])])
      fieldNames.add(name.toLowerCase());
    siteNames.push(field.name);
    const id = /^customfield_(\d+)$/.exec(field.id)?.[1];
    if (id !== undefined) {
      customIds.add(field.id);
      customSuggestions.push(`cf[${id}]`);
    }
  }
  const values = (items: readonly VocabularyValue[]) => ({
    known: new Set(items.flatMap((v) => [v.id.toLowerCase(), v.name.toLowerCase()])),
    names: items.map((v) => v.name),
  });
  const projects = vocabulary.projects ?? [];
  return {
    fieldNames,
    customIds,
    fieldSuggestions: [...Object.values(ENGINE_FIELDS), ...siteNames],
    customSuggestions,
    values: {
      status: values(vocabulary.statuses),
      priority: values(vocabulary.priorities),
      requestType: values(vocabulary.requestTypes),
      project: {
        known: new Set(projects.flatMap((p) => [p.id, p.key, p.name].map((n) => n.toLowerCase()))),
        names: projects.flatMap((p) => [p.key, p.name]),
      },
    },
  };
}

// ── Fields ────────────────────────────────────────────────────────────────────────────────────────────

const isEngineField = (key: FieldKey): boolean => Object.hasOwn(ENGINE_FIELDS, key);

function checkField(field: JqlField, site: SiteIndex): Problem | undefined {
  if (isEngineField(field.key)) return undefined;
  if (field.key.startsWith('customfield_')) {
    if (site.customIds.has(field.key)) return undefined;
    // An id one digit off is a typo; two digits off is another field, which would mislead.
    return unknownField(field, nearestNames(field.name, site.customSuggestions, 1));
  }
  // `name:…`: a field by name, which the site must have under that name (or id, or clause name).
  if (site.fieldNames.has(field.name.trim().toLowerCase())) return undefined;
  return unknownField(field, nearestNames(field.name, site.fieldSuggestions));
}

function unknownField(field: JqlField, nearest: readonly string[]): Problem {
  return {
    code: SITE_CODES.unknownField,
    message: `Unknown field "${field.name}"${didYouMean(nearest) || ': this site has no field of that name'}`,
    column: field.column,
    detail: withNearest(SITE_CODES.unknownField, { field: field.name }, nearest),
  };
}

// ── Values ────────────────────────────────────────────────────────────────────────────────────────────

const isCheckedValueField = (key: FieldKey): key is CheckedValueField => Object.hasOwn(VALUE_NOUN, key);

function checkValues(field: JqlField, values: readonly JqlValue[], site: SiteIndex): Problem[] {
  if (!isCheckedValueField(field.key)) return [];
  const { known, names } = site.values[field.key];
  // A site that lists none (no JSM, or projects not read) cannot tell a typo from a value.
  if (known.size === 0) return [];
  const problems: Problem[] = [];
  for (const value of values) {
    if (value.kind !== 'text' || known.has(value.text.trim().toLowerCase())) continue;
    const nearest = nearestNames(value.text, names);
    problems.push({
      code: SITE_CODES.unknownValue,
      message: `No ${VALUE_NOUN[field.key]} "${value.text}" on this site${didYouMean(nearest)}`,
      column: value.column ?? field.column,
      detail: withNearest(SITE_CODES.unknownValue, { field: field.key, value: value.text }, nearest),
    });
  }
  return problems;
}

// ── Wording ───────────────────────────────────────────────────────────────────────────────────────────

const didYouMean = (nearest: readonly string[]): string =>
  nearest.length === 0 ? '' : `; did you mean ${nearest.map((n) => `"${n}"`).join(' or ')}?`;

/** The names as `nearest0`, `nearest1`, … with `count`: a detail's values are flat, and a page lists them. */
function withNearest(
  key: string,
  values: Readonly<Record<string, string>>,
  nearest: readonly string[],
): ProblemDetail {
  const named: Record<string, string | number> = { ...values, count: nearest.length };
  nearest.forEach((name, i) => {
    named[`nearest${i}`] = name;
  });
  return { key, values: named };
}
