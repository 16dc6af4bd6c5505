import type { Clock, JiraPort, Logger, Publisher, Queue, Store } from '../ports';
import type { PeopleCache } from '../people/people-cache';
import type { ConfigCache } from './config-cache';
import type { StatusCache } from './statuses';
import type { VocabularyCache } from './vocabulary';

/** What the use cases run on: the ports, and the caches built over them. */
export interface Deps {
  readonly jira: JiraPort;
  readonly store: Store;
  readonly queue: Queue;
  readonly publisher: Publisher;
  readonly clock: Clock;
  /** Failures and work given up, with codes and ids (`forge logs` on Forge). */
  readonly logger: Logger;
  readonly configs: ConfigCache;
  readonly statuses: StatusCache;
  /** The site's fields and values, to check agreements' JQL against. */
  readonly vocabulary: VocabularyCache;
  /** Display names by account id, for the UIs. */
  readonly people: PeopleCache;
}
