import { parseWallTime } from '../../../../src/engine/calendar/check';
import type { Span } from '../../../../src/engine/calendar/types';

/**
 * What is wrong with one span of a day's hours, for the inline message under it:
 * - `from` / `to`: not a time of day `HH:mm` (`to` may be `24:00`, `from` may not);
 * - `order`: `from` is not before `to` (spans are half-open, so 09:00–09:00 is empty);
 * - `overlap`: it overlaps the span at index `other` (the earlier-starting one).
 */
export type SpanIssue =
  | { readonly index: number; readonly kind: 'from' | 'to' | 'order' }
  | { readonly index: number; readonly kind: 'overlap'; readonly other: number };

/**
 * Checks a day's spans as the backend's calendar validation does (same rules, same `parseWallTime`), but as
 * values per span, so that the weekly-hours editor can put each message under the field it is about.
 * @example checkSpans([{ from: '09:00', to: '13:00' }, { from: '12:00', to: '17:00' }])
 * // [{ index: 1, kind: 'overlap', other: 0 }]
 */
export function checkSpans(spans: readonly Span[]): SpanIssue[] {
  const issues: SpanIssue[] = [];
  const parsed: { index: number; from: number; to: number }[] = [];
  spans.forEach((span, index) => {
    const from = parseWallTime(span.from.trim(), false);
    const to = parseWallTime(span.to.trim(), true);
    if (from === undefined) issues.push({ index, kind: 'from' });
    if (to === undefined) issues.push({ index, kind: 'to' });
    if (from === undefined || to === undefined) return;
    if (from >= to) issues.push({ index, kind: 'order' });
    else parsed.push({ index, from, to });
  });
  parsed.sort((a, b) => a.from - b.from || a.index - b.index);
  for (let i = 1; i < parsed.length; i++) {
    const previous = parsed[i - 1];
    const current = parsed[i];
    if (previous && current && current.from < previous.to) {
      issues.push({ index: current.index, kind: 'overlap', other: previous.index });
    }
  }
  return issues.sort((a, b) => a.index - b.index);
}

/**
 * Working minutes of a day's valid spans (overlaps counted once), for the total beside each day.
 * @example workingMinutes([{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }]) === 420
 */
export function workingMinutes(spans: readonly Span[]): number {
  const minutes = spans
    .map((s) => [parseWallTime(s.from.trim(), false), parseWallTime(s.to.trim(), true)] as const)
    .flatMap(([from, to]) => (from !== undefined && to !== undefined && from < to ? [[from, to]] : []))
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  let total = 0;
  let end = -1;
  for (const [from = 0, to = 0] of minutes) {
    const start = Math.max(from, end);
    if (to > start) total += to - start;
    end = Math.max(end, to);
  }
  return total;
}

/**
 * A time as people type it, made `HH:mm`: `9` → `09:00`, `9:5` → `09:05`, `930` → `09:30`, `17.30` → `17:30`.
 * Anything else is returned as typed, for the check to point at.
 * @example normalizeTime('9') === '09:00'
 */
export function normalizeTime(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})(?:[:.h](\d{1,2}))?$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return t;
  const hours = m[1] ?? '';
  const minutes = m[2] ?? '0';
  return `${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}`;
}
