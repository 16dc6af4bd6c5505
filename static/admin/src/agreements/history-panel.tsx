import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { useState } from 'react';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { Calendar } from '../../../../src/engine/calendar/types';
import type { Failure, Version } from '../api';
import type { Reply } from '../../../shared/api/reply';
import { useAdmin } from '../admin-context';
import { formatDateTime } from '../dates';
import { useRefusalText, useT } from '../messages';
import { useRemote } from '../use-remote';
import { Confirm } from '../ui/confirm';
import { ChangeCells } from '../diff/change-view';
import { readableDiff } from '../diff/readable-diff';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { usePeople } from '../people/people';

/** What has a version history: an agreement (the default) or a calendar. */
type Versioned = Agreement | Calendar;

/**
 * Every saved version of an agreement or a calendar, newest first: who saved it and when, what changed against
 * the version before it (or against the current one), and a restore that saves an old version as the newest.
 */
export function HistoryPanel(props: {
  readonly id: string;
  readonly kind?: 'agreement' | 'calendar';
  /** The version the editor holds (a restore must build on it). */
  readonly currentVersion: number;
  /** Called with the version written and the one it restored. */
  readonly onRestored: (version: Version<Versioned>, from: Version<Versioned>) => void;
}) {
  const kind = props.kind ?? 'agreement';
  const { t, locale } = useT();
  const i18n = useT();
  const { backend, ui, announce } = useAdmin();
  const refusal = useRefusalText();
  const { state, reload } = useRemote(
    (): Promise<Reply<Version<Versioned>[]>> =>
      kind === 'calendar'
        ? backend.call('calendars/history', { id: props.id })
        : backend.call('agreements/history', { id: props.id }),
    `${kind}:${props.id}@${props.currentVersion}`,
  );
  const [open, setOpen] = useState<{
    readonly version: number;
    readonly against: 'previous' | 'current';
  } | null>(null);
  const [restoring, setRestoring] = useState<Version<Versioned> | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const nameOf = usePeople(state.status === 'ready' ? state.data.map((v) => v.savedBy) : []);
  if (state.status === 'loading') return <Loading label={t('loading')} />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} onRetry={reload} />;
  const versions = [...state.data].sort((a, b) => b.version - a.version);
  const latest = versions[0];

  const restore = async (version: Version<Versioned>) => {
    setRestoring(null);
    if (!version.body || !latest) return;
    const reply: Reply<Version<Versioned>> =
      kind === 'calendar'
        ? await backend.call('calendars/save', { calendar: version.body, expectedVersion: latest.version })
        : await backend.call('agreements/save', {
            agreement: version.body,
            expectedVersion: latest.version,
          });
    if (reply.ok) {
      setError(null);
      announce(t('history.restored', { version: version.version, now: reply.data.version }));
      props.onRestored(reply.data, version);
    } else {
      setError(reply.error);
      announce(refusal(reply.error));
    }
  };

  return (
    <div className="accord-history">
      {error ? <ErrorNotice title={t('history.notRestored')} error={error} onReload={reload} /> : null}
      <ol className="accord-rows" reversed>
        {versions.map((v) => {
          const index = state.data.findIndex((x) => x.version === v.version);
          const previous = state.data[index - 1];
          const isOpen = open?.version === v.version;
          const against = isOpen && open.against === 'current' ? latest : previous;
          // Against the one before, what this version changed; against the current one, what changed since.
          const changes = !isOpen
            ? []
            : open.against === 'current'
              ? readableDiff(v.body ?? undefined, latest?.body ?? undefined, i18n)
              : readableDiff(against?.body ?? undefined, v.body ?? undefined, i18n);
          const diffId = `accord-diff-${v.version}`;
          return (
            <li key={v.version} className="accord-rows__item">
              <div className="accord-rows__row accord-history__row">
                <span className="accord-history__version">
                  {t('history.version', { version: v.version })}{' '}
                  {v === latest ? <Lozenge appearance="success">{t('history.current')}</Lozenge> : null}
                  {v.body === null ? <Lozenge appearance="removed">{t('history.deleted')}</Lozenge> : null}
                </span>
                <span className="accord-muted">
                  {t('history.savedBy', {
                    date: formatDateTime(v.savedAt, locale, ui.timeZone),
                    by: nameOf(v.savedBy),
                  })}
                </span>
                <span className="accord-toolbar">
                  {previous ? (
                    <Button
                      appearance="subtle"
                      aria-expanded={isOpen && open.against === 'previous'}
                      aria-controls={diffId}
                      onClick={() => {
                        setOpen(
                          isOpen && open.against === 'previous'
                            ? null
                            : { version: v.version, against: 'previous' },
                        );
                      }}
                    >
                      {t('history.changes')}
                    </Button>
                  ) : null}
                  {v !== latest ? (
                    <>
                      <Button
                        appearance="subtle"
                        aria-expanded={isOpen && open.against === 'current'}
                        aria-controls={diffId}
                        onClick={() => {
                          setOpen(
                            isOpen && open.against === 'current'
                              ? null
                              : { version: v.version, against: 'current' },
                          );
                        }}
                      >
                        {t('history.compare')}
                      </Button>
                      {v.body ? (
                        <Button
                          onClick={() => {
                            setRestoring(v);
                          }}
                        >
                          {t('history.restore')}
                          <span className="accord-visually-hidden">
                            {' '}
                            {t('history.version', { version: v.version })}
                          </span>
                        </Button>
                      ) : null}
                    </>
                  ) : null}
                </span>
              </div>
              {isOpen ? (
                <div id={diffId} className="accord-diff">
                  <p className="accord-muted">
                    {open.against === 'current'
                      ? t('history.diffCurrent', { version: v.version, current: latest?.version ?? 0 })
                      : t('history.diffPrevious', { version: v.version, previous: previous?.version ?? 0 })}
                  </p>
                  {changes.length === 0 ? (
                    <p>{t('history.same')}</p>
                  ) : (
                    <table className="accord-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('history.what')}</th>
                          <th scope="col">
                            {open.against === 'current'
                              ? t('history.inVersion', { version: v.version })
                              : t('history.before')}
                          </th>
                          <th scope="col">
                            {open.against === 'current' ? t('history.inCurrent') : t('history.after')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {changes.map((c) => (
                          <tr key={`${c.kind}${c.path}`}>
                            <th scope="row">{c.title}</th>
                            <ChangeCells change={c} />
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Confirm
        open={restoring !== null}
        appearance="warning"
        title={t('history.restoreTitle', { version: restoring?.version ?? 0 })}
        confirm={t('history.restore')}
        onConfirm={() => {
          if (restoring) void restore(restoring);
        }}
        onCancel={() => {
          setRestoring(null);
        }}
      >
        <p>
          {t('history.restoreBody', { version: restoring?.version ?? 0, next: (latest?.version ?? 0) + 1 })}
        </p>
      </Confirm>
    </div>
  );
}
