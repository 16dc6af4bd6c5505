import { joinPath } from '../../engine/errors';

/**
 * What changed between two JSON values, as JSON paths with before and after, for the audit log.
 * @example diffJson({ a: 1 }, { a: 2 }) // [{ path: '$.a', before: 1, after: 2 }]
 */
export function diffJson(
  before: unknown,
  after: unknown,
  path = '$',
): { path: string; before?: unknown; after?: unknown }[] {
  if (Object.is(before, after)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  // A list that appears or goes (an optional list such as holidays) differs item by item, as one that grows.
  if (Array.isArray(before) && after === undefined) return diffJson(before, [], path);
  if (before === undefined && Array.isArray(after)) return diffJson([], after, path);
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: { path: string; before?: unknown; after?: unknown }[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      out.push(...diffJson(before[i], after[i], joinPath(path, i)));
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => diffJson(before[key], after[key], joinPath(path, key)));
  }
  return [
    {
      path,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    },
  ];
}
