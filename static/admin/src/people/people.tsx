import { useEffect, useSyncExternalStore } from 'react';
import type { Person } from '../../../../src/app/people/people-cache';
import type { Backend } from '../../../shared/backend';
import { useAdmin } from '../admin-context';
import { useT } from '../messages';

/** Account ids per `people/names` call (the route's bound, src/app/resolvers/people-routes.ts). */
const PER_CALL = 100;

/** What the page knows of an account id: nothing yet, a person (known or not to Jira), or that asking failed. */
type Entry = Person | { readonly accountId: string; readonly failed: true };

/**
 * The names of the people a page shows, asked for in batches: every id the page's components ask for in the same
 * moment (a render) goes out in one `people/names` call. Kept for the life of the page, one per backend.
 */
class PeopleDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly wanted = new Set<string>();
  private readonly asked = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private version = 0;

  constructor(private readonly backend: Backend) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): number => this.version;

  entry(accountId: string): Entry | undefined {
    return this.entries.get(accountId);
  }

  /** Asks for the names of these ids along with every other asked for in the same moment. */
  want(accountIds: readonly string[]): void {
    for (const id of accountIds) {
      if (id !== '' && !this.entries.has(id) && !this.asked.has(id)) this.wanted.add(id);
    }
    if (this.wanted.size === 0 || this.scheduled) return;
    this.scheduled = true;
    // After the current render and its effects: one call for everything they asked for.
    void Promise.resolve().then(() => this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const ids = [...this.wanted];
    this.wanted.clear();
    for (const id of ids) this.asked.add(id);
    for (let at = 0; at < ids.length; at += PER_CALL) {
      const chunk = ids.slice(at, at + PER_CALL);
      const reply = await this.backend.call('people/names', { accountIds: chunk });
      for (const id of chunk) {
        const person = reply.ok ? reply.data.people.find((p) => p.accountId === id) : undefined;
        this.entries.set(id, person ?? { accountId: id, failed: true });
        this.asked.delete(id);
      }
      this.version++;
      for (const listener of this.listeners) listener();
    }
  }
}

const directories = new WeakMap<Backend, PeopleDirectory>();

function directoryOf(backend: Backend): PeopleDirectory {
  let directory = directories.get(backend);
  if (directory === undefined) {
    directory = new PeopleDirectory(backend);
    directories.set(backend, directory);
  }
  return directory;
}

/**
 * A function that names an account id: its Jira display name once known; the id itself while loading or when the
 * names could not be read; the id with a hint for an account Jira does not know (deleted). Every id passed in
 * `accountIds` is asked for in one batch with those of the rest of the page.
 */
export function usePeople(accountIds: readonly string[]): (accountId: string) => string {
  const { backend } = useAdmin();
  const { t } = useT();
  const directory = directoryOf(backend);
  useSyncExternalStore(directory.subscribe, directory.snapshot);
  const key = [...new Set(accountIds)].sort().join('\n');
  useEffect(() => {
    directory.want(key === '' ? [] : key.split('\n'));
  }, [directory, key]);
  return (accountId: string) => {
    const entry = directory.entry(accountId);
    if (entry === undefined || 'failed' in entry) return accountId;
    return entry.known ? entry.displayName : t('people.unknown', { id: accountId });
  };
}

/** One person by name, the account id on hover (an admin may need it for a JQL or an action). */
export function PersonName(props: { readonly accountId: string }) {
  const name = usePeople([props.accountId]);
  return <span title={props.accountId}>{name(props.accountId)}</span>;
}
