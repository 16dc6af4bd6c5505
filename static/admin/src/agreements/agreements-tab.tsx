import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { useState } from 'react';
import type { Agreement } from '../../../../src/engine/agreement/types';
import { useAdmin } from '../admin-context';
import { formatDate, localToday } from '../dates';
import { useT } from '../messages';
import { useRemote } from '../use-remote';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { ListFilter, matchesQuery, NoMatch } from '../ui/list-filter';
import { AgreementEditor } from './agreement-editor';
import { attentionOf, isUrgent, type Attention } from './attention';
import { projectsOf } from './draft';

type View = { readonly kind: 'list' } | { readonly kind: 'edit'; readonly id: string | null };

const KIND_APPEARANCE = { SLA: 'inprogress', OLA: 'new', UC: 'moved' } as const;

/** The agreements: the list (what needs attention first), and the editor of one (or of a new one). */
export default function AgreementsTab() {
  const { t } = useT();
  const { backend } = useAdmin();
  const [view, setView] = useState<View>({ kind: 'list' });
  const { state, reload } = useRemote(async () => {
    const [agreements, placements] = await Promise.all([
      backend.call('agreements/list', {}),
      backend.call('agreements/placements', {}),
    ]);
    if (!agreements.ok) return agreements;
    return {
      ok: true as const,
      data: { agreements: agreements.data, placements: placements.ok ? placements.data.projects : [] },
    };
  }, 'agreements');

  if (view.kind === 'edit') {
    return (
      <AgreementEditor
        id={view.id}
        onClose={(changed) => {
          setView({ kind: 'list' });
          if (changed) reload();
        }}
      />
    );
  }
  if (state.status === 'loading') return <Loading label={t('loading')} />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} onRetry={reload} />;
  return (
    <AgreementList
      agreements={state.data.agreements.flatMap((v) => (v.body ? [v.body] : []))}
      placements={state.data.placements}
      onOpen={(id) => {
        setView({ kind: 'edit', id });
      }}
    />
  );
}

function AgreementList(props: {
  readonly agreements: readonly Agreement[];
  readonly placements: readonly { readonly projectKey: string; readonly agreementIds: readonly string[] }[];
  readonly onOpen: (id: string | null) => void;
}) {
  const { t, locale } = useT();
  const { ui, now } = useAdmin();
  const today = localToday(now(), ui.timeZone);
  const attentionText = (a: Attention): string => {
    const date = formatDate(a.date, locale);
    switch (a.kind) {
      case 'expired':
        return t('attention.expired', { date });
      case 'review-overdue':
        return t('attention.reviewOverdue', { date });
      case 'expires-soon':
        return t('attention.expiresSoon', { date, count: a.days });
      case 'review-due':
        return t('attention.reviewDue', { date, count: a.days });
      case 'not-yet-valid':
        return t('attention.notYetValid', { date });
    }
  };
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<Agreement['kind'] | null>(null);
  const all = props.agreements
    .map((agreement) => ({ agreement, attention: attentionOf(agreement, today) }))
    // What needs the admin first; then by name.
    .sort(
      (a, b) =>
        Number(b.attention.some(isUrgent)) - Number(a.attention.some(isUrgent)) ||
        a.agreement.name.localeCompare(b.agreement.name, locale),
    );
  // Found by name, id, counterparty or a project it is placed in; narrowed by kind.
  const rows = all.filter(
    ({ agreement: a }) =>
      (kind === null || a.kind === kind) &&
      matchesQuery(query, [a.name, a.id, a.counterparty, ...projectsOf(a.id, props.placements)]),
  );
  const urgent = all.filter((r) => r.attention.some(isUrgent)).length;
  const create = () => {
    props.onOpen(null);
  };
  return (
    <div className="accord-list">
      <div className="accord-list__head">
        <Heading as="h2" size="medium">
          {t('agreements.title')}
        </Heading>
        <Button appearance="primary" onClick={create}>
          {t('agreements.create')}
        </Button>
      </div>
      <p className="accord-muted">{t('agreements.intro')}</p>
      {urgent > 0 ? (
        <p className="accord-attention-summary">{t('attention.summary', { count: urgent })}</p>
      ) : null}
      {all.length === 0 ? (
        <EmptyState
          headingLevel={3}
          header={t('agreements.emptyTitle')}
          description={t('agreements.emptyBody')}
          primaryAction={
            <Button appearance="primary" onClick={create}>
              {t('agreements.create')}
            </Button>
          }
        />
      ) : (
        <>
          <ListFilter
            label={t('list.searchAgreements')}
            query={query}
            onQuery={setQuery}
            shown={rows.length}
            total={all.length}
            choices={[
              { value: null, label: t('list.allKinds') },
              ...(['SLA', 'OLA', 'UC'] as const).map((k) => ({ value: k, label: k })),
            ]}
            chosen={kind}
            onChoose={setKind}
          />
          {rows.length === 0 ? (
            <NoMatch
              query={query}
              onClear={() => {
                setQuery('');
                setKind(null);
              }}
            />
          ) : (
            <DynamicTable
              caption={<span className="accord-visually-hidden">{t('agreements.title')}</span>}
              head={{
                cells: [
                  { key: 'name', content: t('agreements.name') },
                  { key: 'kind', content: t('agreements.kind') },
                  { key: 'counterparty', content: t('agreements.counterpartyColumn') },
                  { key: 'validity', content: t('agreements.validity') },
                  { key: 'review', content: t('agreements.reviewBy') },
                  { key: 'where', content: t('agreements.where') },
                  { key: 'attention', content: t('agreements.attention') },
                ],
              }}
              rows={rows.map(({ agreement: a, attention }) => {
                const projects = projectsOf(a.id, props.placements);
                const standsOut = attention.some(isUrgent);
                return {
                  key: a.id,
                  ...(standsOut ? { className: 'accord-row--attention' } : {}),
                  cells: [
                    {
                      key: 'name',
                      content: (
                        <span className="accord-name-cell">
                          <button
                            type="button"
                            className="accord-link accord-link--strong"
                            onClick={() => {
                              props.onOpen(a.id);
                            }}
                          >
                            {a.name}
                          </button>
                          <span className="accord-muted">
                            {t('agreements.metricCount', { count: a.metrics.length })}
                            {a.customerVisible ? ` · ${t('agreements.visible')}` : ''}
                          </span>
                        </span>
                      ),
                    },
                    {
                      key: 'kind',
                      content: (
                        <span title={t(`kinds.${a.kind}`)}>
                          <Lozenge appearance={KIND_APPEARANCE[a.kind]}>{a.kind}</Lozenge>
                        </span>
                      ),
                    },
                    { key: 'counterparty', content: a.counterparty ?? '—' },
                    {
                      key: 'validity',
                      content:
                        a.validFrom || a.validTo
                          ? t('agreements.validRange', {
                              from: a.validFrom ? formatDate(a.validFrom, locale) : '…',
                              to: a.validTo ? formatDate(a.validTo, locale) : '…',
                            })
                          : t('agreements.always'),
                    },
                    { key: 'review', content: a.reviewBy ? formatDate(a.reviewBy, locale) : '—' },
                    {
                      key: 'where',
                      content: (
                        <span className="accord-where">
                          <span>{projects.length > 0 ? projects.join(', ') : t('agreements.noProject')}</span>
                          {a.appliesTo ? (
                            <span className="accord-mono accord-muted">{a.appliesTo}</span>
                          ) : null}
                        </span>
                      ),
                    },
                    {
                      key: 'attention',
                      content:
                        attention.length === 0 ? (
                          <span className="accord-muted">{t('attention.none')}</span>
                        ) : (
                          <span className="accord-attention">
                            {attention.map((x) => (
                              <Lozenge
                                key={x.kind}
                                appearance={
                                  x.kind === 'expired' || x.kind === 'review-overdue'
                                    ? 'removed'
                                    : x.kind === 'not-yet-valid'
                                      ? 'default'
                                      : 'moved'
                                }
                              >
                                {attentionText(x)}
                              </Lozenge>
                            ))}
                          </span>
                        ),
                    },
                  ],
                };
              })}
            />
          )}
        </>
      )}
    </div>
  );
}
