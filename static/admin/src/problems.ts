import type { Problem } from '../../../src/engine/errors';

/**
 * The backend names what is wrong by JSON path (`$.agreement.metrics[0].goals[1].when`). The editors name
 * their fields by the same paths, relative to the thing edited (`$.metrics[0].goals[1].when`), so that each
 * problem shows next to its field.
 */

/** A path's steps: `$.a[0]["b c"]` → `['a', 0, 'b c']`; undefined for text that is no such path. */
export function pathSteps(path: string): (string | number)[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: (string | number)[] = [];
  const step = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  step.lastIndex = 1;
  while (step.lastIndex < path.length) {
    const m = step.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push(JSON.parse(m[3] ?? '""') as string);
  }
  return steps;
}

/** The value at a path inside `root`, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  const steps = pathSteps(path);
  if (!steps) return undefined;
  let node = root;
  for (const s of steps) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

/**
 * A problem's path relative to `prefix`: `$.agreement.name` under `$.agreement` is `$.name`. Paths outside
 * the prefix stay as they are.
 */
export function relativePath(path: string | undefined, prefix: string): string {
  if (path === undefined) return '$';
  if (path === prefix) return '$';
  if (path.startsWith(prefix) && /^[.[]/.test(path.slice(prefix.length)))
    return `$${path.slice(prefix.length)}`;
  return path;
}

/** Problems by relative path, with the draft they were found in, to tell which still apply. */
export interface FieldProblems {
  readonly all: readonly Problem[];
  /** The problems at exactly this path that still apply (its value is unchanged since the save). */
  at(path: string): readonly Problem[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The backend's problems from a save of `saved`, relative to `prefix`, as they apply to `draft`: a problem
 * disappears from its field once that field's value changes (the admin is fixing it), and comes back if the
 * value is changed back.
 * @example fieldProblems(reply.error.problems, '$.agreement', sent, draft).at('$.name')
 */
export function fieldProblems(
  problems: readonly Problem[],
  prefix: string,
  saved: unknown,
  draft: unknown,
): FieldProblems {
  const relative = problems.map((p) => ({ ...p, path: relativePath(p.path, prefix) }));
  const current = relative.filter((p) => same(valueAt(saved, p.path), valueAt(draft, p.path)));
  return {
    all: current,
    at: (path) => current.filter((p) => p.path === path),
  };
}

/** Whether `inner` is `path` or lies inside it (`$.metrics[0]` holds `$.metrics[0].goals[1].when`). */
export function isWithin(inner: string | undefined, path: string): boolean {
  return (
    inner !== undefined && (inner === path || inner.startsWith(`${path}.`) || inner.startsWith(`${path}[`))
  );
}

/** Whether any problem lies at `path` or inside it. */
export function hasProblemsUnder(problems: FieldProblems, path: string): boolean {
  return problems.all.some((p) => isWithin(p.path, path));
}

export const NO_PROBLEMS: FieldProblems = { all: [], at: () => [] };

/**
 * The DOM id of the field for a path, so that a problem in the summary can move focus to it.
 * @example fieldId('$.metrics[0].name') === 'accord-field-metrics-0-name'
 */
export function fieldId(path: string): string {
  const tail = path
    .replace(/^\$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `accord-field-${tail || 'root'}`;
}

/**
 * Moves focus to the field of `path`, or of the nearest enclosing path that has one (a problem about a whole
 * span goes to its first field). Returns whether a field was found.
 */
export function focusField(path: string, root: ParentNode = document): boolean {
  const steps = pathSteps(path) ?? [];
  for (let n = steps.length; n >= 0; n--) {
    const prefix = steps
      .slice(0, n)
      .reduce<string>(
        (p, s) =>
          typeof s === 'number'
            ? `${p}[${s}]`
            : /^[A-Za-z_$][\w$]*$/.test(s)
              ? `${p}.${s}`
              : `${p}[${JSON.stringify(s)}]`,
        '$',
      );
    const byId =
      root instanceof Document
        ? root.getElementById(fieldId(prefix))
        : root.querySelector(`#${fieldId(prefix)}`);
    // A path in an attribute selector: quotes and backslashes escaped (no CSS.escape in every environment).
    const attribute = `[data-path="${prefix.replace(/["\\]/g, '\\$&')}"]`;
    const element =
      (byId instanceof HTMLElement ? byId : null) ??
      root.querySelector<HTMLElement>(`${attribute} input, ${attribute} button, ${attribute} textarea`);
    if (element) {
      element.focus();
      try {
        element.scrollIntoView({ block: 'center' });
      } catch {
        // a document without layout (a test's) cannot scroll
      }
      return true;
    }
  }
  return false;
}
