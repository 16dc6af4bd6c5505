import { useCallback, useEffect, useReducer, useState, type Dispatch } from 'react';
import type { Backend } from '../../shared/backend';
import type { Agreement, Failure, Version } from './api';
import { draftReducer, type Draft, type DraftAction } from './draft';

export type LoadState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: Failure }
  | {
      readonly status: 'ready';
      /** Every agreement there is (the newest version of each), by name. */
      readonly agreements: readonly Version<Agreement>[];
      /** Ids in the saved list whose agreement was deleted since: dropped from the draft, gone on save. */
      readonly missing: readonly string[];
    };

export type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved' }
  | { readonly status: 'failed'; readonly error: Failure };

export interface ProjectSettings {
  readonly load: LoadState;
  readonly draft: Draft;
  readonly edit: Dispatch<DraftAction>;
  readonly save: SaveState;
  /** Saves the draft over the list as loaded; a list changed meanwhile is refused as a conflict. */
  readonly onSave: () => void;
  /** Loads the agreements and the saved list again (after a conflict, or to retry a failed load). */
  readonly reload: () => void;
}

/**
 * The project's agreements list: loaded with every agreement, edited as a {@link Draft}, saved with
 * `projects/save` over the list as loaded. An answer to an older request never replaces a newer one.
 */
export function useProjectSettings(backend: Backend, projectKey: string): ProjectSettings {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [draft, edit] = useReducer(draftReducer, { saved: [], used: [] });
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  // Bumped to load again; the effect below does the loading.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let active = true;
    void Promise.all([
      backend.call('agreements/list', {}),
      backend.call('projects/get', { projectKey }),
    ]).then(([agreements, list]) => {
      if (!active) return;
      if (!agreements.ok || !list.ok) {
        const error = agreements.ok ? (list.ok ? null : list.error) : agreements.error;
        if (error) setLoad({ status: 'failed', error });
        return;
      }
      const live = agreements.data
        .filter((a) => a.body !== null)
        .sort((a, b) => (a.body?.name ?? a.id).localeCompare(b.body?.name ?? b.id));
      const known = new Set(live.map((a) => a.id));
      const saved = list.data.agreementIds;
      const missing = saved.filter((id) => !known.has(id));
      setLoad({ status: 'ready', agreements: live, missing });
      edit({ type: 'load', saved });
      // The draft keeps what still exists, so a save removes the rest; `saved` stays what the store holds.
      for (const id of missing) edit({ type: 'use', id, on: false });
      setSave({ status: 'idle' });
    });
    return () => {
      // An answer to an older request (or after unmounting) is dropped.
      active = false;
    };
  }, [backend, projectKey, generation]);

  const reload = useCallback(() => {
    setLoad((was) => (was.status === 'failed' ? { status: 'loading' } : was));
    setGeneration((n) => n + 1);
  }, []);

  const onSave = useCallback(() => {
    const { used, saved } = draft;
    setSave({ status: 'saving' });
    void backend.call('projects/save', { projectKey, agreementIds: used, expected: saved }).then((reply) => {
      if (reply.ok) {
        edit({ type: 'load', saved: reply.data.agreementIds });
        setLoad((was) => (was.status === 'ready' ? { ...was, missing: [] } : was));
        setSave({ status: 'saved' });
      } else {
        setSave({ status: 'failed', error: reply.error });
      }
    });
  }, [backend, projectKey, draft]);

  // Editing after a save or a failure clears what was said about it, except a conflict: any save would be
  // refused again until the other admin's list is loaded.
  const editAndClear = useCallback<Dispatch<DraftAction>>((action) => {
    edit(action);
    setSave((was) =>
      was.status === 'saving' || (was.status === 'failed' && was.error.code === 'conflict')
        ? was
        : { status: 'idle' },
    );
  }, []);

  return { load, draft, edit: editAndClear, save, onSave, reload };
}
