import { joinPath } from '../../../../src/engine/errors';
import { goalTerms, formatWallTime } from '../../../shared/format/goal-terms';
import { formatTarget } from '../../../shared/format/duration';
import { formatLocalDate } from '../../../shared/format/local-date';
import type { AdminI18n, AdminKey } from '../messages';
import { pathSteps } from '../problems';
import { describePath } from '../ui/error-summary';

/** A value in words; `code` where it is JQL or another text a person reads as code. */
export interface Words {
  readonly text: string;
  readonly code?: true;
}

/** One fact of an added or removed item: `Target: 8h`. */
export interface Fact {
  readonly label: string;
  readonly value: Words;
}

/**
 * One change as a person reads it: an item added or removed with its main facts (`Added metric 2 “Time to
 * resolution”`), or a field changed from one value to another (`Metric 1 › Goal 1 › Target`: `8h` → `4h`).
 */
export type ReadableChange =
  | {
      readonly kind: 'added' | 'removed';
      readonly path: string;
      readonly title: string;
      readonly facts: readonly Fact[];
    }
  | {
      readonly kind: 'changed';
      readonly path: string;
      readonly title: string;
      readonly before: Words | null;
      readonly after: Words | null;
    };

/** The lists whose items are things of their own, as `describePath` names them. */
const ITEMS: Readonly<Record<string, ItemKind>> = {
  metrics: 'metric',
  goals: 'goal',
  thresholds: 'threshold',
  actions: 'action',
  start: 'condition',
  stop: 'condition',
  reset: 'condition',
  holidays: 'holiday',
  exceptions: 'exception',
  hours: 'span',
};
type ItemKind = 'metric' | 'goal' | 'threshold' | 'action' | 'condition' | 'holiday' | 'exception' | 'span';

/** Fields written as JQL. */
const JQL = new Set(['appliesTo', 'when', 'pauseWhile', 'jql']);
/** Fields holding working minutes. */
const MINUTES = new Set([
  'targetMinutes',
  'moveMinutes',
  'minutesBefore',
  'minutesAfterBreach',
  'repeatEveryMinutes',
]);
/** Fields holding a local time of day. */
const WALL_TIMES = new Set(['cutoff', 'dueAt', 'from', 'to']);
/**
 * Fields holding a local date (`YYYY-MM-DD`), shown as the Jira locale writes it: a holiday's or an exception's
 * day, an agreement's validity and review date (an instant there stays as written).
 */
const DATES = new Set(['date', 'validFrom', 'validTo', 'reviewBy']);

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What changed between two versions of an agreement or a calendar, in words: items of a list (metrics, goals,
 * thresholds, holidays …) paired by id where they have one, so that a metric inserted in front reads as one metric
 * added, not every later one changed.
 * @example readableDiff(v1, v2, i18n) // [{ kind: 'changed', title: 'Metric 1 › Goal 1 › Target', before: { text: '8h' }, after: { text: '4h' } }]
 */
export function readableDiff(before: unknown, after: unknown, i18n: AdminI18n): ReadableChange[] {
  const out: ReadableChange[] = [];
  walk(before, after, '$', i18n, out);
  return out;
}

/**
 * The audit log's changes (JSON paths with before and after, as the backend recorded them) in words: the paths are
 * put back together into the two sides' changed parts, so that an added metric's many paths read as one metric.
 */
export function readableAuditChanges(
  changes: readonly { readonly path: string; readonly before?: unknown; readonly after?: unknown }[],
  i18n: AdminI18n,
): ReadableChange[] {
  const before: { root?: unknown } = {};
  const after: { root?: unknown } = {};
  for (const c of changes) {
    const steps = pathSteps(c.path);
    if (steps === undefined) continue;
    if ('before' in c && c.before !== undefined) place(before, steps, c.before);
    if ('after' in c && c.after !== undefined) place(after, steps, c.after);
  }
  return readableDiff(before.root, after.root, i18n);
}

/** Sets `value` at `steps` under `holder.root`, making objects and arrays on the way. */
function place(holder: { root?: unknown }, steps: readonly (string | number)[], value: unknown): void {
  if (steps.length === 0) {
    holder.root = value;
    return;
  }
  holder.root ??= typeof steps[0] === 'number' ? [] : {};
  let node = holder.root as Record<string | number, unknown>;
  steps.forEach((step, i) => {
    if (i === steps.length - 1) {
      node[step] = value;
      return;
    }
    const next = steps[i + 1];
    node[step] ??= typeof next === 'number' ? [] : {};
    node = node[step] as Record<string | number, unknown>;
  });
}

function walk(before: unknown, after: unknown, path: string, i18n: AdminI18n, out: ReadableChange[]): void {
  // Equal values are no change, whether or not they are the same object (a threshold's `at`, said as one value).
  if (Object.is(before, after) || JSON.stringify(before) === JSON.stringify(after)) return;
  const steps = pathSteps(path) ?? [];
  const last = steps[steps.length - 1];
  const list = typeof last === 'number' ? steps[steps.length - 2] : undefined;
  const kind = typeof list === 'string' ? ITEMS[list] : undefined;
  // An item of a list that came or went: one line with its main facts.
  if (kind !== undefined && typeof last === 'number' && (before === undefined || after === undefined)) {
    const item = before ?? after;
    out.push({
      kind: before === undefined ? 'added' : 'removed',
      path,
      title: itemTitle(before === undefined ? 'added' : 'removed', kind, last, item, path, i18n),
      facts: factsOf(item, i18n),
    });
    return;
  }
  const beforeList = Array.isArray(before)
    ? before
    : before === undefined && Array.isArray(after)
      ? []
      : undefined;
  const afterList = Array.isArray(after)
    ? after
    : after === undefined && Array.isArray(before)
      ? []
      : undefined;
  if (beforeList !== undefined && afterList !== undefined) {
    for (const [b, a, index] of paired(beforeList, afterList)) walk(b, a, joinPath(path, index), i18n, out);
    return;
  }
  if (
    (isObject(before) || before === undefined) &&
    (isObject(after) || after === undefined) &&
    !wordsOnly(last)
  ) {
    const b = before ?? {};
    const a = after ?? {};
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)]))
      walk(b[key], a[key], joinPath(path, key), i18n, out);
    return;
  }
  out.push({
    kind: 'changed',
    path,
    title: describePath(path, i18n),
    before: before === undefined ? null : words(last, before, i18n),
    after: after === undefined ? null : words(last, after, i18n),
  });
}

/** Objects said as one value rather than field by field. */
const wordsOnly = (field: string | number | undefined): boolean => field === 'businessDays' || field === 'at';

/**
 * The two lists' items side by side with the index to name them by: by `id` when every item has one (the index
 * on the side it is on), else by position.
 */
function paired(before: readonly unknown[], after: readonly unknown[]): [unknown, unknown, number][] {
  const ids = (list: readonly unknown[]) =>
    list.length === Object.keys(list).length && list.every((v) => isObject(v) && typeof v.id === 'string')
      ? list.map((v) => (v as { id: string }).id)
      : undefined;
  const beforeIds = ids(before);
  const afterIds = ids(after);
  const unique = new Set(afterIds ?? []).size === (afterIds ?? []).length;
  if (beforeIds === undefined || afterIds === undefined || !unique) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => [before[i], after[i], i]);
  }
  const pairs: [unknown, unknown, number][] = afterIds.map((id, i) => {
    const j = beforeIds.indexOf(id);
    return [j === -1 ? undefined : before[j], after[i], i];
  });
  beforeIds.forEach((id, j) => {
    if (!afterIds.includes(id)) pairs.push([before[j], undefined, j]);
  });
  return pairs;
}

function itemTitle(
  change: 'added' | 'removed',
  kind: ItemKind,
  index: number,
  item: unknown,
  path: string,
  i18n: AdminI18n,
): string {
  const { t } = i18n;
  const parent = path.slice(0, path.lastIndexOf('['));
  const owner = pathSteps(parent)?.slice(0, -1) ?? [];
  const where =
    owner.length > 0
      ? `${describePath(
          owner.reduce<string>((p, s) => joinPath(p, s), '$'),
          i18n,
        )} › `
      : '';
  const name = isObject(item) && typeof item.name === 'string' && item.name !== '' ? item.name : undefined;
  const named = name === undefined ? '' : t('diff.named', { name });
  return `${where}${t(`diff.${change}.${kind}` as AdminKey, { n: index + 1, name: named })}`;
}

/** An item's main facts: its fields in words, a list as what it holds, in the item's own order. */
function factsOf(item: unknown, i18n: AdminI18n): Fact[] {
  if (!isObject(item))
    return item === undefined ? [] : [{ label: i18n.t('diff.value'), value: words(undefined, item, i18n) }];
  // A goal's target is one fact, whichever way it is written.
  const goal = 'targetMinutes' in item || 'businessDays' in item || 'dueDateField' in item;
  const facts: Fact[] = [];
  if (goal) {
    facts.push({
      label: describePath('$.targetMinutes', i18n),
      value: { text: goalTerms(item, i18n) ?? i18n.t('diff.measuredOnly') },
    });
  }
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id' || key === 'name' || value === undefined) continue;
    if (goal && (key === 'targetMinutes' || key === 'businessDays' || key === 'dueDateField')) continue;
    facts.push({ label: fieldLabel(key, i18n), value: words(key, value, i18n) });
  }
  return facts;
}

/** A field's label; a list by what it holds (`Goals`), which `describePath` leaves to its items. */
function fieldLabel(key: string, i18n: AdminI18n): string {
  return key in LIST_LABELS
    ? i18n.t(`diff.lists.${key}` as AdminKey)
    : describePath(joinPath('$', key), i18n);
}
const LIST_LABELS = { goals: 1, thresholds: 1, actions: 1, metrics: 1, holidays: 1, exceptions: 1 };

/** A value in words, by the field that holds it. */
function words(field: string | number | undefined, value: unknown, i18n: AdminI18n): Words {
  const { t, locale } = i18n;
  if (value === null) return { text: field === 'targetMinutes' ? t('diff.measuredOnly') : '—' };
  if (typeof value === 'boolean') return { text: t(value ? 'diff.yes' : 'diff.no') };
  if (typeof field === 'string' && JQL.has(field) && typeof value === 'string')
    return { text: value, code: true };
  if (typeof field === 'string' && MINUTES.has(field) && typeof value === 'number')
    return { text: formatTarget(value, locale) };
  if (typeof field === 'string' && WALL_TIMES.has(field) && typeof value === 'string')
    return { text: formatWallTime(value, locale) };
  if (typeof field === 'string' && DATES.has(field) && typeof value === 'string')
    return { text: formatLocalDate(value, locale) };
  if (field === 'objectivePercent' || field === 'percent' || field === 'creditCapPercent')
    if (typeof value === 'number') return { text: percent(value, locale) };
  if (field === 'businessDays' && isObject(value))
    return { text: goalTerms({ businessDays: value as never }, i18n) ?? '—' };
  if (field === 'days' && typeof value === 'number')
    return { text: t('goal.businessDays', { count: value }) };
  if (field === 'at' && isObject(value)) return { text: thresholdAt(value, i18n) };
  if (typeof value === 'number') return { text: new Intl.NumberFormat(locale).format(value) };
  if (typeof value === 'string') return { text: value };
  if (Array.isArray(value)) {
    const kind = typeof field === 'string' ? ITEMS[field] : undefined;
    const items = value.map((v) => itemWords(kind, v, i18n));
    return { text: items.length === 0 ? '—' : new Intl.ListFormat(locale, { type: 'unit' }).format(items) };
  }
  if (isObject(value)) {
    return {
      text: Object.entries(value)
        .map(([k, v]) => `${fieldLabel(k, i18n)}: ${words(k, v, i18n).text}`)
        .join(', '),
    };
  }
  return { text: typeof value === 'bigint' || typeof value === 'symbol' ? value.toString() : '—' };
}

/** An item of a list in a few words: a goal by its target, a condition by its event, a holiday by its name. */
function itemWords(kind: ItemKind | undefined, item: unknown, i18n: AdminI18n): string {
  const { t } = i18n;
  if (!isObject(item)) return words(undefined, item, i18n).text;
  switch (kind) {
    case 'goal':
      return goalTerms(item, i18n) ?? t('diff.measuredOnly');
    case 'condition':
      return typeof item.event === 'string' ? t(`conditions.event.${item.event}` as AdminKey) : '—';
    case 'action':
      return typeof item.type === 'string' ? t(`actions.type.${item.type}` as AdminKey) : '—';
    case 'threshold':
      return isObject(item.at) ? thresholdAt(item.at, i18n) : '—';
    case 'span':
      return `${words('from', item.from, i18n).text}–${words('to', item.to, i18n).text}`;
    default:
      return typeof item.name === 'string'
        ? item.name
        : typeof item.date === 'string'
          ? words('date', item.date, i18n).text
          : '—';
  }
}

function thresholdAt(at: Readonly<Record<string, unknown>>, i18n: AdminI18n): string {
  const { t, locale } = i18n;
  if (typeof at.percent === 'number') return t('diff.at.percent', { percent: percent(at.percent, locale) });
  if (typeof at.minutesBefore === 'number')
    return t('diff.at.before', { time: formatTarget(at.minutesBefore, locale) });
  if (typeof at.minutesAfterBreach === 'number')
    return t('diff.at.after', { time: formatTarget(at.minutesAfterBreach, locale) });
  return '—';
}

const percent = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
