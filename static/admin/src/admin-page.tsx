import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { I18n } from '../../shared/i18n/i18n';
import type { Backend, UiContext } from '../../shared/backend';
import { I18nProvider, useUiStart } from '../../shared/i18n/use-i18n';
import { AdminContext, type Admin, type TabKey } from './admin-context';
import { useT, type AdminKey } from './messages';
import { Loading } from './ui/loading';

// Each tab is its own chunk, loaded the first time it opens: the page's first render carries only the shell.
const AgreementsTab = lazy(() => import('./agreements/agreements-tab'));
const CalendarsTab = lazy(() => import('./calendars/calendars-tab'));
const JobsTab = lazy(() => import('./jobs/jobs-tab'));
const AuditTab = lazy(() => import('./audit/audit-tab'));
const JsmTab = lazy(() => import('./jsm/jsm-tab'));

const TABS: readonly TabKey[] = ['agreements', 'calendars', 'jobs', 'audit', 'jsm'];

/**
 * Accord's admin page in Jira settings: agreements, calendars, recalculation jobs, the audit log and the
 * comparison with JSM's own SLAs, each in a tab. Takes its {@link Backend} as a prop: the Forge bridge in Jira, a fake in tests.
 */
export function AdminPage(props: { readonly backend: Backend; readonly clock?: () => number }) {
  const start = useUiStart<AdminKey>(
    props.backend,
    'admin',
    (detail) => `Jira did not say who is looking${detail}. Reload the page.`,
  );
  // Until the page has its text, a failure can only be told in the English it was written in.
  if (start.status === 'failed') {
    return (
      <div role="alert" className="accord-first-error">
        <p>{start.error.message}</p>
      </div>
    );
  }
  if (start.status !== 'ready') return <div className="accord-admin" aria-busy="true" />;
  const { context } = start;
  return (
    // The provider holds any UI's translator; useT() gives it back typed with the admin page's keys.
    <I18nProvider i18n={start.i18n as unknown as I18n}>
      <Shell backend={props.backend} context={context} clock={props.clock ?? Date.now} />
    </I18nProvider>
  );
}

function Shell(props: {
  readonly backend: Backend;
  readonly context: UiContext;
  readonly clock: () => number;
}) {
  const { t } = useT();
  const [selected, setSelected] = useState(0);
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => {
    // The same text twice in a row must be read twice: a counter makes it new content.
    setAnnouncement((a) => ({ text, n: a.n + 1 }));
  }, []);
  const open = useCallback((tab: TabKey) => {
    setSelected(TABS.indexOf(tab));
  }, []);
  const admin: Admin = useMemo(
    () => ({ backend: props.backend, ui: props.context, now: props.clock, announce, open }),
    [props.backend, props.context, props.clock, announce, open],
  );
  const panel = (content: ReactNode) => (
    <TabPanel>
      <div className="accord-tab">
        <Suspense fallback={<Loading label={t('loading')} />}>{content}</Suspense>
      </div>
    </TabPanel>
  );
  return (
    <AdminContext.Provider value={admin}>
      <div className="accord-admin">
        <header className="accord-admin__header">
          <Heading as="h1" size="large">
            {t('title')}
          </Heading>
          <p className="accord-admin__intro">{t('intro')}</p>
        </header>
        <Tabs
          id="accord-admin-tabs"
          selected={selected}
          onChange={(index) => {
            setSelected(index);
          }}
        >
          <TabList>
            {TABS.map((tab) => (
              <Tab key={tab}>{t(`tabs.${tab}`)}</Tab>
            ))}
          </TabList>
          {panel(<AgreementsTab />)}
          {panel(<CalendarsTab />)}
          {panel(<JobsTab />)}
          {panel(<AuditTab />)}
          {panel(<JsmTab />)}
        </Tabs>
        {/* One region that stays in the page: screen readers read changes of a region they already know. */}
        <div role="status" aria-live="polite" className="accord-visually-hidden">
          {announcement.text}
          {announcement.n % 2 === 1 ? '\u00a0' : ''}
        </div>
      </div>
    </AdminContext.Provider>
  );
}
