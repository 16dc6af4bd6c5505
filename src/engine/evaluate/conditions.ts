import type { Condition } from '../agreement/types';
import { normalizeValue, resolveFieldName } from '../fields';
import type { IssueEvent } from '../issue';

/** Whether an event satisfies one of a list of conditions. Compiled once per metric. */
export type EventMatcher = (event: IssueEvent) => boolean;

const NEVER: EventMatcher = () => false;

/**
 * Compiles conditions into one matcher: names and values are lower-cased once, field names resolved once.
 * @example compileConditions([{ event: 'comment', by: 'agent', public: true }])(event)
 */
export function compileConditions(conditions: readonly Condition[] | undefined): EventMatcher {
  if (!conditions || conditions.length === 0) return NEVER;
  const matchers = conditions.map(compileCondition);
  if (matchers.length === 1 && matchers[0]) return matchers[0];
  // A plain loop: this runs for every event of every metric, and `some` would allocate a closure each time.
  return (event) => {
    for (const matches of matchers) if (matches(event)) return true;
    return false;
  };
}

const lowerSet = (values: readonly string[] | undefined): ReadonlySet<string> | undefined =>
  values && new Set(values.map(normalizeValue));

function compileCondition(condition: Condition): EventMatcher {
  switch (condition.event) {
    case 'created':
      return (e) => e.kind === 'created';
    case 'status': {
      const to = lowerSet(condition.to);
      const from = lowerSet(condition.from);
      const category = condition.toCategory;
      return (e) =>
        e.kind === 'status' &&
        (to === undefined || matchesStatus(to, e.to)) &&
        (from === undefined || (e.from !== null && matchesStatus(from, e.from))) &&
        (category === undefined || e.to.category === category);
    }
    case 'comment': {
      const { by } = condition;
      const visibility = condition.public;
      return (e) =>
        e.kind === 'comment' &&
        (by === 'any' || e.by === by) &&
        (visibility === undefined || e.public === visibility);
    }
    case 'assignee': {
      const { change } = condition;
      // 'set' is any change that leaves someone assigned, a first assignment or a reassignment.
      return (e) =>
        e.kind === 'assignee' &&
        (change === 'changed' || e.change === change || (change === 'set' && e.change === 'changed'));
    }
    case 'resolution': {
      const { change } = condition;
      return (e) => e.kind === 'resolution' && e.change === change;
    }
    case 'field': {
      const key = resolveFieldName(condition.field);
      const to = lowerSet(condition.to);
      return (e) => e.kind === 'field' && e.names.includes(key) && (to === undefined || anyIn(e.to, to));
    }
  }
}

/** Whether any of `values` is in `set`: a loop, as `some` would allocate a closure for every event. */
function anyIn(values: readonly string[], set: ReadonlySet<string>): boolean {
  for (const value of values) if (set.has(value)) return true;
  return false;
}

function matchesStatus(names: ReadonlySet<string>, status: { id?: string; name: string }): boolean {
  return names.has(normalizeValue(status.name)) || (status.id !== undefined && names.has(status.id));
}
