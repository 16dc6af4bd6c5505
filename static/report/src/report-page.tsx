import { lazy, Suspense, useState } from 'react';
import type { MonthlyReport } from '../../../src/app/resolvers/report-types';
import type { Failure } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import { formatInstant } from '../../shared/format/instant';
import { I18nProvider, useUiStart } from '../../shared/i18n/use-i18n';
import { HostContext, usePrint, type ReportHost } from './host';
import { useLocale, useRefusalText, useT } from './messages';
import { monthName, monthOptions } from './months';
import { CounterpartySection } from './sections';
import { useMonthly } from './use-monthly';
import { useViewer, ViewerContext } from './viewer';

/**
 * The monthly service level report (`jira:adminPage` "Accord reports" over every project; `jira:projectPage`
 * for one project): per counterparty, each agreement's compliance per metric and goal against its objective
 * with the error budget, satisfaction beside it (watermelons flagged), credits owed, availability, and which
 * OLA team or UC supplier held the time of breached SLA cycles. A month and a counterparty to choose; printable
 * (report.css's print rules give a clean PDF) and exportable as the CSV of its cycles.
 */
export function ReportPage(props: {
  readonly backend: Backend;
  readonly host: ReportHost;
  readonly clock?: () => number;
}) {
  const start = useUiStart(
    props.backend,
    'report',
    (detail) => `Jira did not say where this page is${detail}.`,
  );

  // Until the page has its text, a failure can only be told in the English it was written in.
  if (start.status === 'failed') {
    return (
      <div role="alert" className="accord-report__message">
        {start.error.message}
      </div>
    );
  }
  if (start.status !== 'ready') return <div className="accord-report" aria-busy="true" />;
  const { context } = start;
  const viewer = { locale: context.locale, timeZone: context.timeZone, now: (props.clock ?? Date.now)() };
  return (
    <I18nProvider i18n={start.i18n}>
      <HostContext.Provider value={props.host}>
        <ViewerContext.Provider value={viewer}>
          <Report backend={props.backend} projectKey={context.projectKey} />
        </ViewerContext.Provider>
      </HostContext.Provider>
    </I18nProvider>
  );
}

// The pickers and buttons bring Atlaskit's select (react-select, popper, the feature-gate client): loaded
// after the first render, so the figures show first and the controls a moment later.
const Toolbar = lazy(() => import('./toolbar'));
const ErrorMessage = lazy(() => import('./error-message'));

/** A failure in words at once, as Atlaskit's section message when that has loaded (failures are rare). */
function Failure(props: {
  readonly text: string;
  readonly retry?: { readonly label: string; readonly onClick: () => void };
}) {
  return (
    <Suspense fallback={<p className="accord-report__error">{props.text}</p>}>
      <ErrorMessage {...props} />
    </Suspense>
  );
}

type ExportState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly rows: number; readonly filename: string }
  | { readonly status: 'failed'; readonly reason: string };

function Report(props: { readonly backend: Backend; readonly projectKey: string | null }) {
  const t = useT();
  const refusal = useRefusalText();
  const locale = useLocale();
  const print = usePrint();
  const [month, setMonth] = useState<string | null>(null);
  // The month the server calls current, from its first answer: the picker's newest month.
  const [currentMonth, setCurrentMonth] = useState<string | null>(null);
  const [counterparty, setCounterparty] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportState>({ status: 'idle' });
  const { state, reload } = useMonthly(props.backend, month, props.projectKey);

  const report = state.status === 'ready' ? state.report : null;
  if (report !== null && currentMonth === null && month === null) setCurrentMonth(report.month);

  const shown =
    report === null
      ? []
      : report.counterparties.filter((c) => counterparty === null || (c.counterparty ?? '') === counterparty);
  const agreements = shown.flatMap((c) => c.agreements);

  const months: { value: string; label: string }[] = (
    currentMonth === null ? [] : monthOptions(currentMonth)
  ).map((m) => ({
    value: m,
    label: monthName(m, locale),
  }));
  const ALL = '\u0000all';
  const counterparties: { value: string; label: string }[] = [
    { value: ALL, label: t('toolbar.allCounterparties') },
    ...(report?.counterparties ?? []).map((c) => ({
      value: c.counterparty ?? '',
      label: c.counterparty ?? t('noCounterparty'),
    })),
  ];

  const runExport = (): void => {
    if (report === null) return;
    setExporting({ status: 'running' });
    void import('./export')
      .then(async ({ download, exportCsv }) => {
        const result = await exportCsv(
          props.backend,
          agreements,
          report.month,
          props.projectKey,
          counterparty,
        );
        if (!result.ok) {
          setExporting({ status: 'failed', reason: refusal(result.error) });
          return;
        }
        download(result.csv, result.filename);
        setExporting({ status: 'done', rows: result.rows, filename: result.filename });
      })
      .catch((error: unknown) => {
        setExporting({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
  };

  const title = props.projectKey === null ? t('title') : t('projectTitle', { project: props.projectKey });
  return (
    <main className="accord-report">
      <header className="accord-report__header">
        <h1 className="accord-report__h1">
          {title}
          {report === null ? null : (
            <span className="accord-report__month"> · {monthName(report.month, locale)}</span>
          )}
        </h1>
        <Suspense
          fallback={
            <div className="accord-report__toolbar accord-report__toolbar--loading accord-no-print" />
          }
        >
          <Toolbar
            label={title}
            months={months}
            month={month ?? report?.month ?? null}
            onMonth={(value) => {
              setMonth(value);
              setExporting({ status: 'idle' });
            }}
            counterparties={counterparties}
            counterparty={counterparty ?? ALL}
            onCounterparty={(value) => {
              setCounterparty(value === ALL ? null : value);
              setExporting({ status: 'idle' });
            }}
            loaded={report !== null}
            canExport={agreements.length > 0}
            exporting={exporting.status === 'running'}
            onPrint={print}
            onExport={runExport}
          />
        </Suspense>
        <div className="accord-no-print" role="status">
          {exporting.status === 'done' ? (
            <p className="accord-report__subtle" data-testid="exported">
              {t('toolbar.exported', { count: exporting.rows, file: exporting.filename })}
            </p>
          ) : null}
        </div>
        {exporting.status === 'failed' ? (
          <div className="accord-no-print">
            <Failure text={t('toolbar.exportFailed', { reason: exporting.reason })} />
          </div>
        ) : null}
      </header>

      <Body state={state} reload={reload} report={report} shown={shown} projectKey={props.projectKey} />
    </main>
  );
}

function Body(props: {
  readonly state: ReturnType<typeof useMonthly>['state'];
  readonly reload: () => void;
  readonly report: MonthlyReport | null;
  readonly shown: MonthlyReport['counterparties'];
  readonly projectKey: string | null;
}) {
  const t = useT();
  const refusal = useRefusalText();
  const { state, report } = props;
  if (state.status === 'loading') {
    return (
      <p className="accord-report__loading" aria-busy="true">
        {t('loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    const forbidden = state.error.code === 'forbidden';
    const reason = refusal(state.error);
    return (
      <div role="alert">
        <Failure
          text={forbidden ? t('error.forbidden', { reason }) : t('error.failed', { reason })}
          {...(forbidden ? {} : { retry: { label: t('retry'), onClick: props.reload } })}
        />
      </div>
    );
  }
  if (report === null) return null;
  if (report.counterparties.length === 0 || props.shown.length === 0) {
    return (
      <div className="accord-report__empty" data-testid="empty">
        <h2 className="accord-report__h2">{t('empty.title')}</h2>
        <p>
          {report.counterparties.length === 0
            ? t('empty.body', {
                scope: props.projectKey === null ? '' : t('empty.scope', { project: props.projectKey }),
              })
            : t('empty.filtered')}
        </p>
      </div>
    );
  }
  return (
    <>
      <Generated report={report} />
      {props.shown.map((c, i) => (
        <CounterpartySection key={c.counterparty ?? '\u0000'} view={c} index={i} />
      ))}
    </>
  );
}

function Generated(props: { readonly report: MonthlyReport }) {
  const t = useT();
  const viewer = useViewer();
  const current = props.report.counterparties.some((c) => c.agreements.some((a) => a.month.current));
  return (
    <p className="accord-report__subtle">
      {t('generated', { at: formatInstant(Date.parse(props.report.generatedAt), viewer) })}
      {current ? ` ${t('currentMonth')}` : null}
    </p>
  );
}
