import { checkAgreementOnSite } from '../../engine/agreement/site-check';
import type { Agreement } from '../../engine/agreement/types';
import type { Problem } from '../../engine/errors';
import type { Deps } from '../evaluation/deps';
import { errorFields } from '../ports';
import { Refusal, type RefusalReason } from './envelope';

/**
 * How an agreement's JQL fared against the site, as a save or preview reply tells it: checked, with the
 * warnings (values the site does not have), or skipped because Jira could not be read.
 */
export type SiteCheckReply =
  | { readonly status: 'checked'; readonly warnings: readonly Problem[] }
  | { readonly status: 'skipped'; readonly reason: 'jira-unreadable'; readonly warnings: readonly [] };

/**
 * Checks a validated agreement's JQL against the site's fields, statuses, priorities and request types (read
 * through the cache). An unknown field refuses it (`invalid-config`, each problem at its path and column, with
 * `reason` and `refusal` as its reason and message); unknown values come back as warnings. If Jira cannot be read, the check is skipped
 * and says so: a save never fails because Jira is down.
 * @example const siteCheck = await checkOnSite(deps, agreement, '$.agreement', 'agreement-fields-unknown', 'Unknown fields.');
 */
export async function checkOnSite(
  deps: Deps,
  agreement: Agreement,
  path: string,
  reason: Extract<RefusalReason, 'agreement-fields-unknown' | 'draft-fields-unknown'>,
  refusal: string,
): Promise<SiteCheckReply> {
  let vocabulary;
  try {
    vocabulary = await deps.vocabulary.get();
  } catch (error: unknown) {
    deps.logger.log('warn', 'site.unread', errorFields(error));
    return { status: 'skipped', reason: 'jira-unreadable', warnings: [] };
  }
  const found = checkAgreementOnSite(agreement, vocabulary, path);
  if (found.errors.length > 0) throw new Refusal(reason, {}, refusal, found.errors);
  return { status: 'checked', warnings: found.warnings };
}
