import { lazy, Suspense } from 'react';
import type { Backend } from '../../shared/backend';
import { I18nProvider, useUiStart } from '../../shared/i18n/use-i18n';
import { parseConfig } from './config';
import type { GadgetHost } from './host';
import { useT } from './messages';
import { GadgetView } from './view';

// The edit view is opened once per gadget and carries Atlaskit's button: loaded only when it shows, so a
// dashboard's gadgets start with the view alone.
const EditView = lazy(() => import('./edit-view'));

/**
 * Accord's dashboard gadget (`jira:dashboardGadget`, and `dashboards:widget` on Atlassian Home): its edit view
 * until it is configured and whenever Jira opens it to edit, its figures otherwise.
 */
export function Gadget(props: {
  readonly backend: Backend;
  readonly host: GadgetHost;
  readonly clock?: () => number;
}) {
  const start = useUiStart(
    props.backend,
    'gadget',
    (detail) => `Jira did not say which gadget this is${detail}.`,
  );

  // Until the gadget has its text, a failure can only be told in the English it was written in.
  if (start.status === 'failed') {
    return (
      <div role="alert" className="accord-gadget__message">
        {start.error.message}
      </div>
    );
  }
  if (start.status !== 'ready') return <p className="accord-gadget__quiet" aria-busy="true" />;
  const { context } = start;
  const config = parseConfig(context.gadget?.configuration ?? {});
  const editing = context.gadget?.entryPoint === 'edit';
  return (
    <I18nProvider i18n={start.i18n}>
      {editing ? (
        <Suspense fallback={<p className="accord-gadget__quiet" aria-busy="true" />}>
          <EditView
            backend={props.backend}
            host={props.host}
            initial={config}
            projectKey={context.projectKey}
          />
        </Suspense>
      ) : config === null ? (
        <NotConfigured />
      ) : (
        <GadgetView
          backend={props.backend}
          host={props.host}
          config={config}
          viewer={{ locale: context.locale, timeZone: context.timeZone, now: props.clock ?? Date.now }}
        />
      )}
    </I18nProvider>
  );
}

function NotConfigured() {
  const t = useT();
  return <p className="accord-gadget__message">{t('notConfigured')}</p>;
}
