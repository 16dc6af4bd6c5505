import type { JqlVocabulary } from '../../engine/jql/vocabulary';
import type { Clock, JiraPort } from '../ports';

/** How long a read of the site's vocabulary is reused: a new status or field shows within this delay. */
export const VOCABULARY_TTL_MS = 5 * 60_000;

/**
 * The site's fields, statuses, priorities and request types, read at most every five minutes, so that checking
 * a draft's JQL as the admin saves and previews costs no Jira call each time. Calls that arrive while a read is
 * under way share it. A failed read is not kept: it rejects (with Jira's error) and the next call reads again.
 *
 * Like the status cache, it lives with the use cases' dependencies, built once per function instance.
 */
export class VocabularyCache {
  private cached: { readonly at: number; readonly vocabulary: JqlVocabulary } | undefined;
  private reading: Promise<JqlVocabulary> | undefined;

  constructor(
    private readonly jira: JiraPort,
    private readonly clock: Clock,
    private readonly ttlMs = VOCABULARY_TTL_MS,
  ) {}

  get(): Promise<JqlVocabulary> {
    const now = this.clock.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return Promise.resolve(this.cached.vocabulary);
    this.reading ??= this.jira
      .getSiteVocabulary()
      .then((vocabulary) => {
        this.cached = { at: now, vocabulary };
        return vocabulary;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }

  /** Forgets what was read, so that the next call reads Jira again. */
  invalidate(): void {
    this.cached = undefined;
  }
}
