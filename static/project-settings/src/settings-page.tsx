import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Backend, UiContext } from '../../shared/backend';
import { I18nProvider, useUiStart } from '../../shared/i18n/use-i18n';
import { AgreementList } from './agreement-list';
import type { Agreement, Version } from './api';
import { isDirty, scopedAgreements } from './draft';
import { useRefusalText, useT } from './messages';
import { Recalculate } from './recalculate';
import { useProjectSettings, type ProjectSettings } from './use-project-settings';

// The preview (its table, checkbox and spinner) loads after the list shows: the page's first render does not
// wait for it.
const Preview = lazy(() => import('./preview'));

/**
 * Accord's page in a project's settings (`jira:projectSettingsPage`): which agreements measure the project's
 * issues and in which order, switched on and off and moved with keyboard-accessible controls, saved over the
 * list as loaded (a list someone else changed meanwhile is a conflict to resolve, not overwritten); then,
 * on request, the project's issues re-measured; and a preview of the list's effect on recent issues.
 */
export function ProjectSettingsPage(props: { readonly backend: Backend; readonly clock?: () => number }) {
  const start = useUiStart(
    props.backend,
    'project-settings',
    (detail) => `Jira did not say which project this is${detail}. Reload the page.`,
  );

  // Until the page has its text, a failure can only be told in the English it was written in.
  if (start.status === 'failed') {
    return (
      <div role="alert" className="accord-first-error">
        <p>{start.error.message}</p>
      </div>
    );
  }
  if (start.status !== 'ready') return <div className="accord-settings" aria-busy="true" />;
  const { context } = start;
  return (
    <I18nProvider i18n={start.i18n}>
      <Page backend={props.backend} context={context} clock={props.clock ?? Date.now} />
    </I18nProvider>
  );
}

function Page(props: {
  readonly backend: Backend;
  readonly context: UiContext;
  readonly clock: () => number;
}) {
  const { t } = useT();
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => {
    // The same text twice in a row must be read twice: a counter makes it new content.
    setAnnouncement((a) => ({ text, n: a.n + 1 }));
  }, []);
  return (
    <main className="accord-settings">
      <header className="accord-settings__header">
        <Heading as="h1" size="large">
          {t('title')}
        </Heading>
        <p className="accord-settings__intro">{t('intro')}</p>
      </header>
      {props.context.projectKey === null ? (
        <SectionMessage appearance="warning">
          <p>{t('noProject')}</p>
        </SectionMessage>
      ) : (
        <Settings
          backend={props.backend}
          context={props.context}
          projectKey={props.context.projectKey}
          clock={props.clock}
          announce={announce}
        />
      )}
      {/* One region that stays in the page: screen readers read changes of a region they already know. */}
      <div role="status" aria-live="polite" className="accord-visually-hidden">
        {announcement.text}
        {announcement.n % 2 === 1 ? '\u00a0' : ''}
      </div>
    </main>
  );
}

function Settings(props: {
  readonly backend: Backend;
  readonly context: UiContext;
  readonly projectKey: string;
  readonly clock: () => number;
  readonly announce: (text: string) => void;
}) {
  const { t } = useT();
  const refusal = useRefusalText();
  const settings = useProjectSettings(props.backend, props.projectKey);
  const { load } = settings;
  switch (load.status) {
    case 'loading':
      return (
        <p className="accord-settings__loading">
          <Spinner size="medium" label={t('loading')} />
        </p>
      );
    case 'failed':
      return (
        <SectionMessage
          appearance="error"
          title={t('loadFailedTitle')}
          headingLevel="h2"
          {...(load.error.code === 'forbidden'
            ? {}
            : {
                actions: <SectionMessageAction onClick={settings.reload}>{t('retry')}</SectionMessageAction>,
              })}
        >
          <p>{refusal(load.error)}</p>
        </SectionMessage>
      );
    case 'ready':
      if (load.agreements.length === 0) {
        return (
          <EmptyState
            headingLevel={2}
            header={t('noAgreements.title')}
            description={t('noAgreements.body')}
          />
        );
      }
      return <Editor {...props} settings={settings} agreements={load.agreements} />;
  }
}

function Editor(props: {
  readonly backend: Backend;
  readonly context: UiContext;
  readonly projectKey: string;
  readonly clock: () => number;
  readonly announce: (text: string) => void;
  readonly settings: ProjectSettings;
  readonly agreements: readonly Version<Agreement>[];
}) {
  const { t, locale } = useT();
  const refusal = useRefusalText();
  const { settings, agreements, announce } = props;
  const { draft, save } = settings;
  const now = props.clock();
  const viewer = { locale: props.context.locale, timeZone: props.context.timeZone, now };
  const today = localDate(now, props.context.timeZone);
  const formatDate = (date: string): string =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.parse(`${date}T00:00:00Z`),
    );
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const scoped = scopedAgreements(agreements).map((a) => a.body?.name ?? a.id);
  const dirty = isDirty(draft);

  const onSaved = save.status === 'saved';
  useEffect(() => {
    if (onSaved) announce(t('announce.saved'));
  }, [onSaved, announce, t]);

  return (
    <>
      {draft.saved.length === 0 ? (
        <SectionMessage appearance="information" title={t('fallback.title')} headingLevel="h2">
          <p>{scoped.length > 0 ? t('fallback.some', { names: list.format(scoped) }) : t('fallback.none')}</p>
        </SectionMessage>
      ) : null}
      <AgreementList
        agreements={agreements}
        used={draft.used}
        edit={settings.edit}
        announce={announce}
        today={today}
        formatDate={formatDate}
      />
      <div className="accord-savebar" aria-label={t('save.save')} role="group">
        {save.status === 'failed' ? (
          <SectionMessage
            appearance={save.error.code === 'conflict' ? 'warning' : 'error'}
            title={save.error.code === 'conflict' ? t('save.conflictTitle') : t('save.failedTitle')}
            headingLevel="h2"
            {...(save.error.code === 'conflict'
              ? {
                  actions: (
                    <SectionMessageAction onClick={settings.reload}>
                      {t('save.conflictAction')}
                    </SectionMessageAction>
                  ),
                }
              : {})}
          >
            <p>{refusal(save.error)}</p>
          </SectionMessage>
        ) : null}
        {dirty && draft.used.length === 0 ? (
          <p className="accord-savebar__note">
            {scoped.length > 0
              ? t('save.fallbackSome', { names: list.format(scoped) })
              : t('save.fallbackNone')}
          </p>
        ) : null}
        <div className="accord-savebar__buttons">
          <Button
            appearance="primary"
            isDisabled={
              (!dirty && save.status !== 'failed') ||
              (save.status === 'failed' && save.error.code === 'conflict')
            }
            isLoading={save.status === 'saving'}
            onClick={settings.onSave}
          >
            {t('save.save')}
          </Button>
          <Button
            appearance="subtle"
            isDisabled={!dirty || save.status === 'saving'}
            onClick={() => {
              settings.edit({ type: 'discard' });
              announce(t('announce.discarded'));
            }}
          >
            {t('save.discard')}
          </Button>
          {dirty ? <span className="accord-savebar__dirty">{t('save.unsaved')}</span> : null}
        </div>
      </div>
      {save.status === 'saved' ? (
        <SectionMessage appearance="success" title={t('save.savedTitle')} headingLevel="h2">
          <p>{t('save.savedBody')}</p>
          <Recalculate backend={props.backend} projectKey={props.projectKey} />
        </SectionMessage>
      ) : null}
      <Suspense
        fallback={
          <p className="accord-settings__loading">
            <Spinner size="small" label={t('loading')} />
          </p>
        }
      >
        <Preview
          backend={props.backend}
          projectKey={props.projectKey}
          used={draft.used}
          agreements={agreements}
          viewer={viewer}
        />
      </Suspense>
    </>
  );
}

/** Today's date in the viewer's zone, `YYYY-MM-DD`. */
function localDate(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
