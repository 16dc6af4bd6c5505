import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { Calendar, Failure, Version } from '../api';
import { useAdmin } from '../admin-context';
import { useRefusalText, useT } from '../messages';
import { useRemote } from '../use-remote';
import { ErrorNotice } from '../ui/error-notice';
import { useFocusOnMount } from '../ui/focus';
import { Loading } from '../ui/loading';
import { ListFilter, matchesQuery, NoMatch } from '../ui/list-filter';
import { CalendarEditor } from './calendar-editor';
import { shortDayNames, weekSummary } from './week-summary';

type View =
  | { readonly kind: 'list'; readonly returned: boolean; readonly saved?: Version<Calendar> }
  | { readonly kind: 'edit'; readonly id: string | null };

/** The calendars: the list, and the editor of one (or of a new one). */
export default function CalendarsTab() {
  const { t } = useT();
  const { backend } = useAdmin();
  const [view, setView] = useState<View>({ kind: 'list', returned: false });
  const { state, reload } = useRemote(async () => {
    const [calendars, agreements] = await Promise.all([
      backend.call('calendars/list', {}),
      backend.call('agreements/list', {}),
    ]);
    if (!calendars.ok) return calendars;
    // The agreements only say which calendars are in use; the list shows without them.
    return {
      ok: true as const,
      data: { calendars: calendars.data, agreements: agreements.ok ? agreements.data : [] },
    };
  }, 'calendars');
  if (state.status === 'loading') return <Loading label={t('loading')} />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { calendars, agreements } = state.data;
  const users = (id: string) =>
    agreements.flatMap((a) =>
      a.body?.metrics.some((m) => m.goals.some((g) => g.calendar === id))
        ? [{ id: a.id, name: a.body.name }]
        : [],
    );

  if (view.kind === 'edit') {
    return (
      <CalendarEditor
        id={view.id}
        takenIds={new Set(calendars.map((c) => c.id))}
        usedBy={view.id === null ? [] : users(view.id).map((u) => u.name)}
        onClose={(changed, saved) => {
          setView({ kind: 'list', returned: true, ...(saved ? { saved } : {}) });
          if (changed) reload();
        }}
      />
    );
  }
  return (
    <CalendarList
      calendars={calendars}
      users={users}
      returned={view.returned}
      saved={view.saved}
      onOpen={(id) => {
        setView({ kind: 'edit', id });
      }}
    />
  );
}

function CalendarList(props: {
  readonly calendars: readonly Version<Calendar>[];
  readonly users: (id: string) => { readonly id: string; readonly name: string }[];
  readonly returned: boolean;
  readonly saved: Version<Calendar> | undefined;
  readonly onOpen: (id: string | null) => void;
}) {
  const { t, locale } = useT();
  const { backend, announce, open } = useAdmin();
  const refusal = useRefusalText();
  const head = useFocusOnMount<HTMLDivElement>(props.returned);
  const [jobError, setJobError] = useState<Failure | null>(null);
  const [query, setQuery] = useState('');
  const days = shortDayNames(locale);
  const shown = props.calendars.filter(
    (c) => c.body !== null && matchesQuery(query, [c.id, c.body.name, c.body.timeZone, c.body.holidayRegion]),
  );
  const create = () => {
    props.onOpen(null);
  };
  const saved = props.saved;
  const savedUsers = saved ? props.users(saved.id) : [];
  // A calendar's change reaches issues measured before only by recalculating the agreements that use it.
  const recalculate = async () => {
    for (const user of savedUsers) {
      const reply = await backend.call('jobs/start', {
        scope: { kind: 'agreement', agreementId: user.id },
        replaceCompleted: false,
      });
      if (!reply.ok) {
        setJobError(reply.error);
        announce(refusal(reply.error));
        return;
      }
    }
    announce(t('agreements.recalculationStarted'));
    open('jobs');
  };
  return (
    <div className="accord-list">
      <div className="accord-list__head" ref={head} tabIndex={-1}>
        <Heading as="h2" size="medium">
          {t('calendars.title')}
        </Heading>
        <Button appearance="primary" onClick={create}>
          {t('calendars.create')}
        </Button>
      </div>
      <p className="accord-muted">{t('calendars.intro')}</p>
      {saved?.body ? (
        <SectionMessage
          appearance="success"
          headingLevel="h3"
          title={t('calendars.saved', { name: saved.body.name, version: saved.version })}
        >
          {savedUsers.length > 0 ? (
            <>
              <p>{t('calendars.recalculateHint', { names: savedUsers.map((u) => u.name).join(', ') })}</p>
              <div className="accord-notice__actions">
                <Button onClick={() => void recalculate()}>{t('agreements.recalculate')}</Button>
              </div>
            </>
          ) : (
            <p>{t('calendars.unusedHint')}</p>
          )}
        </SectionMessage>
      ) : null}
      {jobError ? <ErrorNotice title={t('jobs.notStarted')} error={jobError} /> : null}
      {props.calendars.length === 0 ? (
        <EmptyState
          headingLevel={3}
          header={t('calendars.emptyTitle')}
          description={t('calendars.emptyBody')}
          primaryAction={
            <Button appearance="primary" onClick={create}>
              {t('calendars.create')}
            </Button>
          }
        />
      ) : (
        <>
          <ListFilter
            label={t('list.searchCalendars')}
            query={query}
            onQuery={setQuery}
            shown={shown.length}
            total={props.calendars.filter((c) => c.body !== null).length}
          />
          {shown.length === 0 ? (
            <NoMatch
              query={query}
              onClear={() => {
                setQuery('');
              }}
            />
          ) : (
            <DynamicTable
              caption={<span className="accord-visually-hidden">{t('calendars.title')}</span>}
              head={{
                cells: [
                  { key: 'name', content: t('calendars.name'), isSortable: true },
                  { key: 'zone', content: t('calendars.timeZone') },
                  { key: 'hours', content: t('calendars.week') },
                  { key: 'holidays', content: t('calendars.holidays') },
                  { key: 'used', content: t('calendars.usedBy') },
                ],
              }}
              rows={shown.flatMap((c) => {
                const body = c.body;
                if (!body) return [];
                const used = props.users(c.id);
                return [
                  {
                    key: c.id,
                    cells: [
                      {
                        key: body.name,
                        content: (
                          <button
                            type="button"
                            className="accord-link accord-link--strong"
                            onClick={() => {
                              props.onOpen(c.id);
                            }}
                          >
                            {body.name}
                          </button>
                        ),
                      },
                      { key: 'zone', content: body.timeZone },
                      {
                        key: 'hours',
                        content: weekSummary(body.week, (d) => days[d] ?? '') || t('calendars.noHours'),
                      },
                      {
                        key: 'holidays',
                        content:
                          [
                            body.holidayRegion
                              ? t('calendars.regionShort', { region: body.holidayRegion })
                              : null,
                            body.holidays?.length
                              ? t('calendars.ownHolidays', { count: body.holidays.length })
                              : null,
                            body.exceptions?.length
                              ? t('calendars.exceptionDays', { count: body.exceptions.length })
                              : null,
                          ]
                            .filter(Boolean)
                            .join(' · ') || '—',
                      },
                      {
                        key: 'used',
                        content: used.length > 0 ? used.map((u) => u.name).join(', ') : t('calendars.unused'),
                      },
                    ],
                  },
                ];
              })}
              defaultSortKey="name"
              defaultSortOrder="ASC"
            />
          )}
        </>
      )}
    </div>
  );
}
