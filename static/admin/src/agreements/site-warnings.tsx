import { createContext, useContext } from 'react';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { Problem } from '../../../../src/engine/errors';
import type { SiteCheck } from '../api';
import { relativePath, valueAt } from '../problems';

/** The last save's check of the agreement's JQL against the site, with the agreement that was sent. */
export type SiteChecked = { readonly sent: Agreement; readonly check: SiteCheck } | null;

/**
 * The last save's check against the site, for the editor's fields: each JQL field shows its own warnings (a
 * status, priority or request type the site does not have) without blocking anything, and the editor says when
 * the check was skipped.
 */
const SiteCheckContext = createContext<SiteChecked>(null);

export const SiteCheckProvider = SiteCheckContext.Provider;

/** The last save's check, or null. */
export const useSiteCheck = (): SiteChecked => useContext(SiteCheckContext);

/**
 * The warnings of `checked` that still apply to `draft` (their field holds the value that was saved), with
 * paths relative to the agreement.
 */
export function stillApplying(checked: SiteChecked, draft: Agreement): readonly Problem[] {
  if (checked === null) return [];
  return checked.check.warnings
    .map((w) => ({ ...w, path: relativePath(w.path, '$.agreement') }))
    .filter((w) => valueAt(checked.sent, w.path) === valueAt(draft, w.path));
}

/**
 * The site warnings at exactly this path (relative to the agreement, `$.metrics[0].goals[1].when`) while the
 * field still holds the value that was saved: a warning goes once its field is changed.
 */
export function useSiteWarnings(path: string, value: string | undefined): readonly Problem[] {
  const checked = useContext(SiteCheckContext);
  if (checked === null || valueAt(checked.sent, path) !== value) return [];
  return checked.check.warnings.filter((w) => relativePath(w.path, '$.agreement') === path);
}
