import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import { useState } from 'react';
import { call } from '../api';
import { useAdmin } from '../admin-context';
import { useT } from '../messages';
import { useRemote } from '../use-remote';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { CalendarEditor } from './calendar-editor';
import { shortDayNames, weekSummary } from './week-summary';

type View = { readonly kind: 'list' } | { readonly kind: 'edit'; readonly id: string | null };

/** The calendars: the list, and the editor of one (or of a new one). */
export default function CalendarsTab() {
  const { t, locale } = useT();
  const { backend } = useAdmin();
  const [view, setView] = useState<View>({ kind: 'list' });
  const { state, reload } = useRemote(async () => {
    const [calendars, agreements] = await Promise.all([
      call(backend, 'calendars/list', {}),
      call(backend, 'agreements/list', {}),
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
  const usedBy = (id: string) =>
    agreements.flatMap((a) =>
      a.body?.metrics.some((m) => m.goals.some((g) => g.calendar === id)) ? [a.body.name] : [],
    );

  if (view.kind === 'edit') {
    return (
      <CalendarEditor
        id={view.id}
        takenIds={new Set(calendars.map((c) => c.id))}
        usedBy={view.id === null ? [] : usedBy(view.id)}
        onClose={(changed) => {
          setView({ kind: 'list' });
          if (changed) reload();
        }}
      />
    );
  }

  const days = shortDayNames(locale);
  const create = () => {
    setView({ kind: 'edit', id: null });
  };
  return (
    <div className="accord-list">
      <div className="accord-list__head">
        <Heading as="h2" size="medium">
          {t('calendars.title')}
        </Heading>
        <Button appearance="primary" onClick={create}>
          {t('calendars.create')}
        </Button>
      </div>
      <p className="accord-muted">{t('calendars.intro')}</p>
      {calendars.length === 0 ? (
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
          rows={calendars.flatMap((c) => {
            const body = c.body;
            if (!body) return [];
            const used = usedBy(c.id);
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
                          setView({ kind: 'edit', id: c.id });
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
                  { key: 'used', content: used.length > 0 ? used.join(', ') : t('calendars.unused') },
                ],
              },
            ];
          })}
          defaultSortKey="name"
          defaultSortOrder="ASC"
        />
      )}
    </div>
  );
}
