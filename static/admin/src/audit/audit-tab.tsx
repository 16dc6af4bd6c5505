import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { AuditEntry, Failure } from '../api';
import { useAdmin } from '../admin-context';
import { formatDateTime } from '../dates';
import { useT, type AdminI18n, type AdminKey } from '../messages';
import { useRemote } from '../use-remote';
import { ChangeList } from '../diff/change-view';
import { readableAuditChanges } from '../diff/readable-diff';
import { ErrorNotice } from '../ui/error-notice';
import { Field } from '../ui/field';
import { Loading } from '../ui/loading';
import { usePeople } from '../people/people';

const PAGE = 50;
/** The actions the backend records, in words. */
const ACTIONS: Readonly<Record<string, AdminKey>> = {
  'agreement.save': 'audit.action.agreement-save',
  'agreement.delete': 'audit.action.agreement-delete',
  'calendar.save': 'audit.action.calendar-save',
  'calendar.delete': 'audit.action.calendar-delete',
  'project.agreements': 'audit.action.project-agreements',
  'job.start': 'audit.action.job-start',
  'job.cancel': 'audit.action.job-cancel',
  'issue.extend': 'audit.action.issue-extend',
  'issue.excuse': 'audit.action.issue-excuse',
};

function actionText(entry: AuditEntry, { t }: AdminI18n): string {
  const key = ACTIONS[entry.action];
  return key ? t(key) : entry.action;
}

/** An entry's changes in words, counted as a person reads them (an added metric is one change). */
function EntryChanges(props: { readonly changes: AuditEntry['changes'] }) {
  const i18n = useT();
  const changes = readableAuditChanges(props.changes, i18n);
  if (changes.length === 0) return <span className="accord-muted">—</span>;
  return (
    <details className="accord-details">
      <summary>{i18n.t('audit.changeCount', { count: changes.length })}</summary>
      <ChangeList changes={changes} />
    </details>
  );
}

/** Who changed what and when, newest first, with each change's JSON paths before and after; by entity. */
export default function AuditTab() {
  const { t, locale } = useT();
  const i18n = useT();
  const { backend, ui } = useAdmin();
  const [filter, setFilter] = useState('');
  const [applied, setApplied] = useState('');
  const [more, setMore] = useState<readonly AuditEntry[]>([]);
  const [moreError, setMoreError] = useState<Failure | null>(null);
  const [exhausted, setExhausted] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const { state, reload } = useRemote(
    () => backend.call('audit/list', { limit: PAGE, ...(applied ? { entityId: applied } : {}) }),
    `audit|${applied}`,
  );
  const first = state.status === 'ready' ? state.data : [];
  const entries = [...first, ...more];
  const nameOf = usePeople(entries.map((e) => e.actor));
  const loadMore = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoadingMore(true);
    const reply = await backend.call('audit/list', {
      limit: PAGE,
      before: last.at,
      ...(applied ? { entityId: applied } : {}),
    });
    setLoadingMore(false);
    if (!reply.ok) {
      setMoreError(reply.error);
      return;
    }
    setMoreError(null);
    setMore([...more, ...reply.data]);
    if (reply.data.length < PAGE) setExhausted(true);
  };
  const apply = () => {
    setMore([]);
    setExhausted(false);
    setApplied(filter.trim());
  };
  return (
    <div className="accord-list">
      <Heading as="h2" size="medium">
        {t('audit.title')}
      </Heading>
      <p className="accord-muted">{t('audit.intro')}</p>
      <form
        className="accord-toolbar accord-toolbar--fields"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <Field path="$.entityId" label={t('audit.filter')} help={t('audit.filterHelp')}>
          {(c) => (
            <Textfield
              {...c}
              autoComplete="off"
              width="medium"
              value={filter}
              onChange={(e) => {
                setFilter(e.currentTarget.value);
              }}
            />
          )}
        </Field>
        <span className="accord-rows__cell--end">
          <Button type="submit">{t('audit.apply')}</Button>
        </span>
      </form>
      {state.status === 'loading' ? <Loading label={t('loading')} /> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && entries.length === 0 ? (
        <EmptyState
          headingLevel={3}
          header={applied ? t('audit.noneFor', { id: applied }) : t('audit.emptyTitle')}
          description={t('audit.emptyBody')}
        />
      ) : null}
      {entries.length > 0 ? (
        <table className="accord-table accord-audit">
          <caption className="accord-visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.at}-${e.entityId}-${e.action}-${i}`}>
                <td className="accord-nowrap">{formatDateTime(e.at, locale, ui.timeZone)}</td>
                <td title={e.actor}>{nameOf(e.actor)}</td>
                <td>
                  {actionText(e, i18n)}
                  <div className="accord-mono accord-muted">
                    {e.entityId}
                    {e.version === null ? '' : ` · ${t('history.version', { version: e.version })}`}
                  </div>
                </td>
                <td>
                  <EntryChanges changes={e.changes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {moreError ? <ErrorNotice error={moreError} onRetry={() => void loadMore()} /> : null}
      {state.status === 'ready' && first.length === PAGE && !exhausted ? (
        <div className="accord-toolbar">
          <Button isLoading={loadingMore} onClick={() => void loadMore()}>
            {t('audit.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
