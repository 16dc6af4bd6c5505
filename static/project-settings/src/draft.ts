import type { Agreement } from '../../../src/engine/agreement/types';

/**
 * The list being edited on the project settings page: which agreements the project uses, in order, beside the
 * list as it was loaded (what a save must still find, or it is refused as a conflict).
 *
 * A project with no saved list uses every agreement whose own scope (`appliesTo`) selects issues; one with a
 * list uses exactly those, in that order (src/app/evaluation/config-cache.ts). Turning the last agreement off
 * returns the project to the first rule.
 */
export interface Draft {
  /** The project's list as loaded or last saved. */
  readonly saved: readonly string[];
  /** The list being edited, in order. */
  readonly used: readonly string[];
}

export type DraftAction =
  | { readonly type: 'load'; readonly saved: readonly string[] }
  | { readonly type: 'move'; readonly id: string; readonly by: -1 | 1 }
  | { readonly type: 'use'; readonly id: string; readonly on: boolean }
  | { readonly type: 'discard' };

/**
 * @example draftReducer({ saved: ['a', 'b'], used: ['a', 'b'] }, { type: 'move', id: 'b', by: -1 }).used // ['b', 'a']
 */
export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'load':
      return { saved: action.saved, used: action.saved };
    case 'discard':
      return { ...draft, used: draft.saved };
    case 'move': {
      const from = draft.used.indexOf(action.id);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= draft.used.length) return draft;
      const used = [...draft.used];
      used.splice(from, 1);
      used.splice(to, 0, action.id);
      return { ...draft, used };
    }
    case 'use': {
      const has = draft.used.includes(action.id);
      if (action.on === has) return draft;
      // Turned on, it goes last: the order of the others stays as the admin left it.
      return {
        ...draft,
        used: action.on ? [...draft.used, action.id] : draft.used.filter((id) => id !== action.id),
      };
    }
  }
}

export const isDirty = (draft: Draft): boolean =>
  draft.used.length !== draft.saved.length || draft.used.some((id, i) => id !== draft.saved[i]);

/**
 * The agreements a project with no list uses: those whose own scope selects issues. Which of this project's
 * issues they select depends on the scope (`project = IT AND …`); the preview tells.
 */
export function scopedAgreements<T extends { readonly body: Pick<Agreement, 'appliesTo'> | null }>(
  agreements: readonly T[],
): T[] {
  return agreements.filter((a) => a.body?.appliesTo !== undefined && a.body.appliesTo.trim() !== '');
}

/** What stands out about an agreement's dates on `today` (a local `YYYY-MM-DD`), most urgent first. */
export type DateNote =
  | { readonly kind: 'expired'; readonly date: string }
  | { readonly kind: 'not-yet'; readonly date: string }
  | { readonly kind: 'review-due'; readonly date: string }
  | null;

/**
 * @example dateNote({ validTo: '2026-01-31' }, '2026-03-02') // { kind: 'expired', date: '2026-01-31' }
 */
export function dateNote(
  agreement: Pick<Agreement, 'validFrom' | 'validTo' | 'reviewBy'>,
  today: string,
): DateNote {
  // Dates may be instants (`2026-01-31T12:00:00Z`); their day is enough here. `validTo` is the last day issues
  // may be created on (inclusive). ISO dates compare as text.
  const day = (value: string | undefined): string | undefined => value?.slice(0, 10);
  const validTo = day(agreement.validTo);
  const validFrom = day(agreement.validFrom);
  const reviewBy = day(agreement.reviewBy);
  if (validTo !== undefined && validTo < today) return { kind: 'expired', date: validTo };
  if (validFrom !== undefined && validFrom > today) return { kind: 'not-yet', date: validFrom };
  if (reviewBy !== undefined && reviewBy <= today) return { kind: 'review-due', date: reviewBy };
  return null;
}
