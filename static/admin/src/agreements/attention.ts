import type { Agreement } from '../../../../src/engine/agreement/types';

/** How soon a review or an expiry counts as coming up, in days. */
export const SOON_DAYS = 30;

/**
 * What in an agreement's dates needs the admin: a review that is due (within {@link SOON_DAYS}) or overdue, a
 * validity that ends soon or has ended, or one that has not begun. Most urgent first.
 */
export type Attention =
  | { readonly kind: 'expired'; readonly date: string }
  | { readonly kind: 'review-overdue'; readonly date: string }
  | { readonly kind: 'expires-soon'; readonly date: string; readonly days: number }
  | { readonly kind: 'review-due'; readonly date: string; readonly days: number }
  | { readonly kind: 'not-yet-valid'; readonly date: string };

const dayNumber = (iso: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : undefined;
};

/**
 * The attention an agreement needs on `today` (a local `YYYY-MM-DD`, the admin's date). Dates are whole days;
 * `validTo` is the last day covered.
 * @example attentionOf({ reviewBy: '2026-03-10', … }, '2026-03-02') // [{ kind: 'review-due', days: 8, … }]
 */
export function attentionOf(agreement: Agreement, today: string): Attention[] {
  const now = dayNumber(today);
  if (now === undefined) return [];
  const out: Attention[] = [];
  const until = (date: string | undefined) => {
    const day = date === undefined ? undefined : dayNumber(date);
    return day === undefined ? undefined : day - now;
  };
  const end = until(agreement.validTo);
  if (agreement.validTo !== undefined && end !== undefined) {
    if (end < 0) out.push({ kind: 'expired', date: agreement.validTo });
    else if (end <= SOON_DAYS) out.push({ kind: 'expires-soon', date: agreement.validTo, days: end });
  }
  const review = until(agreement.reviewBy);
  // An agreement that has ended needs no review any more.
  if (agreement.reviewBy !== undefined && review !== undefined && !(end !== undefined && end < 0)) {
    if (review < 0) out.push({ kind: 'review-overdue', date: agreement.reviewBy });
    else if (review <= SOON_DAYS) out.push({ kind: 'review-due', date: agreement.reviewBy, days: review });
  }
  const start = until(agreement.validFrom);
  if (agreement.validFrom !== undefined && start !== undefined && start > 0) {
    out.push({ kind: 'not-yet-valid', date: agreement.validFrom });
  }
  const order: Attention['kind'][] = [
    'expired',
    'review-overdue',
    'expires-soon',
    'review-due',
    'not-yet-valid',
  ];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Whether the attention is something to act on (not merely "starts later"). */
export const isUrgent = (a: Attention): boolean => a.kind !== 'not-yet-valid';
