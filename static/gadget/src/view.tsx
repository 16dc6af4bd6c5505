import type {
  AtRiskIssue,
  BreachView,
  ComplianceRow,
  GadgetReport,
  ReportPeriodKind,
} from '../../../src/app/resolvers/report-types';
import type { Failure } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import { goalTerms } from '../../shared/format/goal-terms';
import { useI18n } from '../../shared/i18n/use-i18n';
import { formatInstant } from '../../shared/format/instant';
import { Lozenge } from '../../shared/ui/lozenge';
import { budgetWording } from './budget';
import type { GadgetConfig } from './config';
import { formatPercent } from './format';
import type { GadgetHost } from './host';
import { IssueLink } from './issue-link';
import { goalName, periodName, periodShort, rowName } from './labels';
import { useLocale, useRefusalText, useT, type GadgetKey } from './messages';
import { TrendChart } from './trend-chart';
import { useGadgetReport } from './use-gadget-report';

/** Who reads the figures: instants in their zone and locale, counted from now. */
export interface Viewer {
  readonly locale: string;
  readonly timeZone: string;
  readonly now: () => number;
}

/**
 * The gadget's view: for the configured agreement (and metric), the current period's compliance against each
 * goal's objective with its error budget in words, the trend over the last periods, the issues at risk now
 * and the period's breaches, each issue a link.
 */
export function GadgetView(props: {
  readonly backend: Backend;
  readonly host: GadgetHost;
  readonly config: GadgetConfig;
  readonly viewer: Viewer;
}) {
  const t = useT();
  const { state, reload } = useGadgetReport(props.backend, props.config);
  switch (state.status) {
    case 'loading':
      return (
        <p className="accord-gadget__quiet" aria-busy="true">
          {t('loading')}
        </p>
      );
    case 'failed':
      return <Failed error={state.error} onRetry={reload} />;
    case 'ready':
      return (
        <Figures
          report={state.report}
          config={props.config}
          host={props.host}
          viewer={props.viewer}
          refreshFailed={state.refreshFailed}
        />
      );
  }
}

function Failed(props: { readonly error: Failure; readonly onRetry: () => void }) {
  const t = useT();
  const refusal = useRefusalText();
  const { code } = props.error;
  const message = refusal(props.error);
  const text =
    code === 'forbidden'
      ? t('error.forbidden', { reason: message })
      : code === 'not-found'
        ? t('error.notFound')
        : t('error.failed', { reason: message });
  return (
    <div role="alert" className="accord-gadget__message">
      <p>{text}</p>
      {code === 'forbidden' || code === 'not-found' ? null : (
        <button type="button" className="accord-button" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

function Figures(props: {
  readonly report: GadgetReport;
  readonly config: GadgetConfig;
  readonly host: GadgetHost;
  readonly viewer: Viewer;
  readonly refreshFailed: Failure | null;
}) {
  const t = useT();
  const refusal = useRefusalText();
  const locale = useLocale();
  const { report, config } = props;
  const current = report.periods[report.periods.length - 1];
  const oneMetric = config.metricId !== undefined;
  const metricName =
    config.metricId === undefined ? t('allMetrics') : (report.rows[0]?.metricName ?? config.metricId);
  const now = props.viewer.now();
  const viewer = { locale: props.viewer.locale, timeZone: props.viewer.timeZone, now };
  return (
    <div className="accord-gadget">
      <header className="accord-gadget__header">
        <h2 className="accord-gadget__title">
          {t('heading', { agreement: report.agreement.name, metric: metricName })}
        </h2>
        <Lozenge appearance="neutral">{t(`kind.${report.agreement.kind}`)}</Lozenge>
        {current ? (
          <p className="accord-gadget__subtle" data-testid="period">
            {t('periodLabel', { period: t(`period.${current.kind}`), range: periodName(current, locale) })}
            {config.projectKey === undefined ? null : ` · ${t('project', { key: config.projectKey })}`}
          </p>
        ) : null}
      </header>

      {report.rows.length === 0 ? (
        <div className="accord-gadget__empty">
          <p className="accord-gadget__empty-title">{t('empty.title')}</p>
          <p>{t('empty.body')}</p>
        </div>
      ) : (
        <ul
          className="accord-gadget__rows"
          aria-label={t('heading', { agreement: report.agreement.name, metric: metricName })}
        >
          {report.rows.map((row) => (
            <RowCard
              key={`${row.metricId}|${String(row.goalIndex)}|${row.projectKey ?? ''}`}
              row={row}
              report={report}
              oneMetric={oneMetric}
            />
          ))}
        </ul>
      )}

      <AtRisk items={report.atRisk} host={props.host} viewer={viewer} oneMetric={oneMetric} />
      <Breaches
        items={report.breaches}
        period={current?.kind ?? config.period}
        host={props.host}
        viewer={viewer}
        oneMetric={oneMetric}
      />

      <p className="accord-gadget__footer">
        {t('updated', { at: formatInstant(Date.parse(report.generatedAt), viewer) })}
        {props.refreshFailed === null ? null : (
          <span role="status" className="accord-gadget__stale">
            {' '}
            {t('error.failed', { reason: refusal(props.refreshFailed) })}
          </span>
        )}
      </p>
    </div>
  );
}

function RowCard(props: {
  readonly row: ComplianceRow;
  readonly report: GadgetReport;
  readonly oneMetric: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const i18n = useI18n<GadgetKey>();
  const { row, report } = props;
  const figures = row.periods[row.periods.length - 1];
  const period = report.periods[report.periods.length - 1];
  if (!figures || !period) return null;
  const name = rowName(row, t, props.oneMetric);
  const terms = goalTerms({ targetMinutes: row.targetMinutes, ...row.target }, i18n);
  const budget = budgetWording(figures, period.kind);
  const status =
    figures.objectiveMet === null ? null : figures.objectiveMet ? ('met' as const) : ('missed' as const);
  const points = row.periods.map((f, i) => {
    const p = report.periods[i];
    return {
      label: p ? periodShort(p, locale, t) : String(i),
      value: f.metPercent,
      met: f.objectiveMet,
      current: p?.current ?? false,
    };
  });
  return (
    <li className="accord-row" data-testid="compliance-row" data-goal={row.goalIndex ?? ''}>
      <div className="accord-row__head">
        <h3 className="accord-row__name">{name}</h3>
        {terms === null ? null : (
          <span className="accord-gadget__subtle">{t('target', { target: terms })}</span>
        )}
        {status === null ? null : (
          <Lozenge appearance={status === 'met' ? 'success' : 'danger'}>{t(`status.${status}`)}</Lozenge>
        )}
      </div>
      <div className="accord-row__body">
        <div className="accord-row__figures">
          <p className="accord-row__share">
            <span className="accord-row__percent" data-testid="met-share">
              {figures.metPercent === null
                ? t('noShare')
                : t('metShare', { percent: formatPercent(figures.metPercent, locale) })}
            </span>
            {figures.objectivePercent === null ? null : (
              <span className="accord-gadget__subtle">
                {' '}
                {t('objective', { percent: formatPercent(figures.objectivePercent, locale) })}
              </span>
            )}
          </p>
          <p
            className="accord-row__counts"
            data-testid="counts"
            data-met={figures.met}
            data-breached={figures.breached}
          >
            {t('counts', { met: figures.met, completed: figures.completed })}
            {figures.running > 0 ? ` · ${t('running', { count: figures.running })}` : ''}
          </p>
          <p className={`accord-budget accord-budget--${budget.tone}`} data-testid="budget">
            {t(
              budget.sentence.key,
              budget.sentence.count === undefined ? undefined : { count: budget.sentence.count },
            )}
          </p>
          {budget.pending === null ? null : (
            <p className="accord-gadget__subtle">
              {t(budget.pending.key, { count: budget.pending.count ?? 0 })}
            </p>
          )}
        </div>
        <TrendChart
          points={points}
          objective={figures.objectivePercent}
          caption={`${name}: ${t('trend.title', { count: points.length })}${row.trend === null ? '' : ` (${t(`trend.${row.trend}`)})`}`}
        />
      </div>
    </li>
  );
}

function AtRisk(props: {
  readonly items: readonly AtRiskIssue[];
  readonly host: GadgetHost;
  readonly viewer: { readonly locale: string; readonly timeZone: string; readonly now: number };
  readonly oneMetric: boolean;
}) {
  const t = useT();
  return (
    <section className="accord-gadget__section" aria-labelledby="accord-at-risk">
      <h3 id="accord-at-risk" className="accord-gadget__section-title">
        {t('atRisk.title')}
      </h3>
      {props.items.length === 0 ? (
        <p className="accord-gadget__quiet">{t('atRisk.none')}</p>
      ) : (
        <ul className="accord-issues" data-testid="at-risk">
          {props.items.map((item) => (
            <li key={`${item.issueId}|${item.metricId}`} className="accord-issues__item">
              <IssueLink issueKey={item.issueKey} host={props.host} />
              <Lozenge appearance={item.state === 'breached' ? 'danger' : 'warning'}>
                {t(`atRisk.state.${item.state}`)}
              </Lozenge>
              <span className="accord-issues__what">
                {props.oneMetric
                  ? goalName(item.goalLabel, t)
                  : `${item.metricName} · ${goalName(item.goalLabel, t)}`}
              </span>
              <span className="accord-gadget__subtle">
                {item.deadline === null
                  ? t('atRisk.paused')
                  : t(item.state === 'breached' ? 'atRisk.overdue' : 'atRisk.due', {
                      at: formatInstant(Date.parse(item.deadline), props.viewer),
                    })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Breaches(props: {
  readonly items: readonly BreachView[];
  readonly period: ReportPeriodKind;
  readonly host: GadgetHost;
  readonly viewer: { readonly locale: string; readonly timeZone: string; readonly now: number };
  readonly oneMetric: boolean;
}) {
  const t = useT();
  const at = (iso: string): string => formatInstant(Date.parse(iso), props.viewer);
  return (
    <section className="accord-gadget__section" aria-labelledby="accord-breaches">
      <h3 id="accord-breaches" className="accord-gadget__section-title">
        {t('breaches.title', { period: t(`breaches.period.${props.period}`) })}
      </h3>
      {props.items.length === 0 ? (
        <p className="accord-gadget__quiet">{t('breaches.none')}</p>
      ) : (
        <ul className="accord-issues" data-testid="breaches">
          {props.items.map((item) => (
            <li key={`${item.issueId}|${item.metricId}|${item.startedAt}`} className="accord-issues__item">
              <IssueLink issueKey={item.issueKey} host={props.host} />
              <span className="accord-issues__what">
                {props.oneMetric
                  ? goalName(item.goalLabel, t)
                  : `${item.metricName} · ${goalName(item.goalLabel, t)}`}
              </span>
              <span className="accord-gadget__subtle">
                {item.breachedAt === null ? null : t('breaches.breachedAt', { at: at(item.breachedAt) })}
                {' · '}
                {item.stoppedAt === null
                  ? t('breaches.open')
                  : t('breaches.ended', { at: at(item.stoppedAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
