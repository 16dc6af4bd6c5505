import { lazy, Suspense, useState } from 'react';
import type {
  AgreementMonthView,
  AttributionView,
  AvailabilityError,
  AvailabilityView,
  ComplianceFigures,
  CounterpartyMonthView,
  CreditsView,
  GoalLabel,
  HeldTimeView,
  MeasureView,
} from '../../../src/app/resolvers/report-types';
import { formatTarget } from '../../shared/format/duration';
import { goalTerms } from '../../shared/format/goal-terms';
import { useI18n } from '../../shared/i18n/use-i18n';
import { Lozenge } from '../../shared/ui/lozenge';
import { useLocale, useT, type ReportKey } from './messages';
import { dayName } from './months';
import { formatMoney, formatNumber, formatPercent } from './numbers';

// The breached cycles one by one: long, and opened by few readers; loaded when asked for.
const WorstCycles = lazy(() => import('./worst-cycles'));

type T = ReturnType<typeof useT>;

/** A duration of working or service time, in hours and minutes of the reader's locale. */
export const duration = (ms: number, locale: string): string => formatTarget(Math.round(ms / 60_000), locale);

const GOAL_KEYS: Readonly<Record<Exclude<GoalLabel['kind'], 'condition' | 'goal'>, ReportKey>> = {
  'all-goals': 'compliance.allGoals',
  'all-issues': 'compliance.allIssues',
  'other-issues': 'compliance.otherIssues',
  'no-goal': 'compliance.noGoal',
};

/** A goal in the reader's words: a JQL condition as written, the server's codes translated. */
export function goalName(label: GoalLabel, t: T): string {
  switch (label.kind) {
    case 'condition':
      return label.when;
    case 'goal':
      return t('compliance.goalNumber', { number: label.number });
    default:
      return t(GOAL_KEYS[label.kind]);
  }
}

/** What a penalty clause judges, in the reader's words. */
export function measureName(measure: MeasureView, t: T): string {
  switch (measure.kind) {
    case 'availability':
      return t('credits.availability', { service: measure.service });
    case 'all-metrics':
      return t('credits.allMetrics');
    case 'metric':
      return t('credits.metricGoal', { metric: measure.metricName, goal: goalName(measure.goal, t) });
  }
}

/** One counterparty's agreements for the month; a page of its own when printed. */
export function CounterpartySection(props: { readonly view: CounterpartyMonthView; readonly index: number }) {
  const t = useT();
  const locale = useLocale();
  const { view } = props;
  const id = `accord-counterparty-${String(props.index)}`;
  return (
    <section className="accord-counterparty" aria-labelledby={id} data-testid="counterparty">
      <header className="accord-counterparty__header">
        <h2 id={id} className="accord-report__h2">
          {view.counterparty ?? t('noCounterparty')}
        </h2>
        <p className="accord-counterparty__owed" data-testid="credits-owed">
          {view.creditsOwed.length === 0
            ? t('noCreditsOwed')
            : t('creditsOwed', {
                amounts: view.creditsOwed.map((c) => formatMoney(c.amount, c.currency, locale)).join(', '),
              })}
        </p>
      </header>
      {view.agreements.map((a) => (
        <AgreementSection key={a.agreementId} agreement={a} />
      ))}
    </section>
  );
}

function AgreementSection(props: { readonly agreement: AgreementMonthView }) {
  const t = useT();
  const locale = useLocale();
  const a = props.agreement;
  const validity =
    a.validFrom !== null && a.validTo !== null
      ? t('agreement.valid', { from: dayName(a.validFrom, locale), to: dayName(a.validTo, locale) })
      : a.validFrom !== null
        ? t('agreement.validFrom', { from: dayName(a.validFrom, locale) })
        : a.validTo !== null
          ? t('agreement.validTo', { to: dayName(a.validTo, locale) })
          : null;
  return (
    <article className="accord-agreement" data-testid="agreement" data-agreement={a.agreementId}>
      <h3 className="accord-report__h3">{a.agreementName}</h3>
      <p className="accord-report__subtle">
        {t('agreement.meta', { kind: a.agreementKind, version: a.agreementVersion, zone: a.timeZone })}
        {validity === null ? null : ` · ${validity}`}
        {a.reviewBy === null ? null : ` · ${t('agreement.review', { date: dayName(a.reviewBy, locale) })}`}
      </p>
      <ComplianceTable agreement={a} />
      {a.credits === null ? null : <CreditsBlock credits={a.credits} title={t('credits.title')} />}
      {a.quarterCredits === null ? null : (
        <CreditsBlock credits={a.quarterCredits} title={t('credits.quarterTitle')} />
      )}
      {a.availability.length === 0 ? null : <AvailabilityTable services={a.availability} />}
      {a.attribution === null ? null : <AttributionBlock attribution={a.attribution} />}
    </article>
  );
}

// ── Compliance ───────────────────────────────────────────────────────────────────────────────────────

function ComplianceTable(props: { readonly agreement: AgreementMonthView }) {
  const t = useT();
  const i18n = useI18n<ReportKey>();
  const { metrics } = props.agreement;
  if (metrics.length === 0) return <p className="accord-report__subtle">{t('compliance.noMetrics')}</p>;
  return (
    <div className="accord-table-wrap">
      <table className="accord-table" data-testid="compliance">
        <caption className="accord-table__caption">{t('compliance.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.metric')}</th>
            <th scope="col">{t('compliance.target')}</th>
            <th scope="col" className="accord-table__num">
              {t('compliance.met')}
            </th>
            <th scope="col" className="accord-table__num">
              {t('compliance.breached')}
            </th>
            <th scope="col" className="accord-table__num">
              {t('compliance.running')}
            </th>
            <th scope="col">{t('compliance.share')}</th>
            <th scope="col">{t('compliance.objective')}</th>
            <th scope="col">{t('compliance.budget')}</th>
            <th scope="col">{t('compliance.satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => [
            <FiguresRow
              key={m.metricId}
              name={m.metricName}
              target={null}
              figures={m.overall}
              kind="metric"
              metricId={m.metricId}
              goalIndex={null}
            />,
            ...(m.goals.length > 1
              ? m.goals.map((g) => (
                  <FiguresRow
                    key={`${m.metricId}|${String(g.goalIndex)}`}
                    name={goalName(g.goalLabel, t)}
                    target={goalTerms({ targetMinutes: g.targetMinutes, ...g.target }, i18n)}
                    figures={g.figures}
                    kind="goal"
                    metricId={m.metricId}
                    goalIndex={g.goalIndex}
                  />
                ))
              : []),
          ])}
        </tbody>
      </table>
    </div>
  );
}

function FiguresRow(props: {
  readonly name: string;
  /** The goal's target in words (null: measured only, or a metric's row). */
  readonly target: string | null;
  readonly figures: ComplianceFigures;
  readonly kind: 'metric' | 'goal';
  readonly metricId: string;
  readonly goalIndex: number | null;
}) {
  const t = useT();
  const locale = useLocale();
  const f = props.figures;
  return (
    <tr
      className={`accord-table__row--${props.kind}`}
      data-testid={`${props.kind}-row`}
      data-metric={props.metricId}
      data-goal={props.goalIndex ?? ''}
      data-met={f.met}
      data-breached={f.breached}
    >
      <th scope="row">{props.name}</th>
      <td>{props.kind === 'metric' ? null : (props.target ?? t('compliance.noTarget'))}</td>
      <td className="accord-table__num">{formatNumber(f.met, locale)}</td>
      <td className="accord-table__num">
        {formatNumber(f.breached, locale)}
        {/* Extended and excused cycles apart (whether excused breaches count is the agreement's setting). */}
        {f.extended || f.excused ? (
          <span className="accord-table__adjusted" data-testid="adjusted">
            {[
              f.extended ? t('compliance.extended', { count: formatNumber(f.extended, locale) }) : null,
              f.excused ? t('compliance.excused', { count: formatNumber(f.excused, locale) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        ) : null}
      </td>
      <td className="accord-table__num">{formatNumber(f.running, locale)}</td>
      <td>
        <span className="accord-share" data-testid="share">
          {f.metPercent === null ? t('compliance.none') : formatPercent(f.metPercent, locale)}
        </span>
        {f.objectiveMet === null ? null : (
          <>
            {' '}
            <Lozenge appearance={f.objectiveMet ? 'success' : 'danger'}>
              {f.objectiveMet ? t('compliance.metLozenge') : t('compliance.missedLozenge')}
            </Lozenge>
          </>
        )}
      </td>
      <td>
        {f.objectivePercent === null ? t('compliance.none') : formatPercent(f.objectivePercent, locale)}
      </td>
      <td>
        <BudgetCell figures={f} />
      </td>
      <td>
        <SatisfactionCell figures={f} />
      </td>
    </tr>
  );
}

function BudgetCell(props: { readonly figures: ComplianceFigures }) {
  const t = useT();
  const b = props.figures.errorBudget;
  if (b === null || props.figures.objectivePercent === null) return <>{t('compliance.none')}</>;
  const tone = b.remaining > 0 ? 'success' : b.remaining === 0 ? 'warning' : 'danger';
  const text =
    b.remaining > 0
      ? t('budget.left', { count: b.remaining })
      : b.remaining === 0
        ? t('budget.exhausted')
        : t('budget.over', { count: -b.remaining });
  return (
    <span className={`accord-budget accord-budget--${tone}`}>
      {text}
      {b.pending > 0 ? ` ${t('budget.pending', { count: b.pending })}` : null}
    </span>
  );
}

function SatisfactionCell(props: { readonly figures: ComplianceFigures }) {
  const t = useT();
  const locale = useLocale();
  const s = props.figures.satisfaction;
  if (s.average === null) return <>{t('compliance.none')}</>;
  return (
    <span className="accord-satisfaction">
      {t('satisfaction.average', { average: formatNumber(s.average, locale) })}{' '}
      <span className="accord-report__subtle">({t('satisfaction.count', { count: s.count })})</span>
      {s.watermelon ? (
        <>
          {' '}
          <span
            className="accord-watermelon"
            title={t('satisfaction.watermelonHint')}
            data-testid="watermelon"
          >
            <Lozenge appearance="warning">{t('satisfaction.watermelon')}</Lozenge>
            <span className="accord-visually-hidden">{t('satisfaction.watermelonHint')}</span>
          </span>
        </>
      ) : null}
    </span>
  );
}

// ── Credits ──────────────────────────────────────────────────────────────────────────────────────────

function CreditsBlock(props: { readonly credits: CreditsView; readonly title: string }) {
  const t = useT();
  const locale = useLocale();
  const c = props.credits;
  const money = (amount: number): string =>
    c.currency === null ? formatNumber(amount, locale, 2) : formatMoney(amount, c.currency, locale);
  return (
    <div className="accord-table-wrap" data-testid="credits">
      <table className="accord-table">
        <caption className="accord-table__caption">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('credits.measure')}</th>
            <th scope="col">{t('credits.measured')}</th>
            <th scope="col">{t('credits.below')}</th>
            <th scope="col">{t('credits.credit')}</th>
            <th scope="col">{t('credits.status')}</th>
          </tr>
        </thead>
        <tbody>
          {c.lines.map((line) => (
            <tr key={`${String(line.clause)}|${String(line.belowPercent)}`}>
              <th scope="row">{measureName(line.measure, t)}</th>
              <td>
                {line.measuredPercent === null
                  ? t('credits.noFigure')
                  : formatPercent(line.measuredPercent, locale, 2)}
              </td>
              <td>{formatPercent(line.belowPercent, locale, 2)}</td>
              <td>{formatPercent(line.creditPercent, locale, 2)}</td>
              <td>
                {line.owed ? (
                  <Lozenge appearance="danger">{t('credits.owed')}</Lozenge>
                ) : line.missed ? (
                  t('credits.missedNotOwed')
                ) : (
                  t('credits.kept')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="accord-credits__total">
        {c.creditPercent === 0
          ? t('credits.nothing')
          : c.amount === null
            ? t('credits.totalNoFee', { percent: formatPercent(c.creditPercent, locale, 2) })
            : t('credits.total', {
                percent: formatPercent(c.creditPercent, locale, 2),
                amount: money(c.amount),
              })}
        {c.capped ? ` (${t('credits.capped')})` : null}
        {c.fee === null ? null : (
          <span className="accord-report__subtle"> · {t('credits.fee', { amount: money(c.fee) })}</span>
        )}
      </p>
    </div>
  );
}

// ── Availability ─────────────────────────────────────────────────────────────────────────────────────

// Every reason a service could not be measured has its wording here: a new one fails to compile until it does.
const AVAILABILITY_ERRORS: {
  readonly [C in AvailabilityError['code']]: (
    params: Extract<AvailabilityError, { code: C }>['params'],
    t: ReturnType<typeof useT>,
  ) => string;
} = {
  'calendar-unknown': (p, t) =>
    t('availability.calendarUnknown', { calendar: t('refusal.quoted', { value: p.calendar }) }),
  'incidents-unreadable': (p, t) => t('availability.incidentsUnreadable', p),
};

/** Why a service could not be measured, in the user's language. */
export function availabilityErrorText(error: AvailabilityError, t: ReturnType<typeof useT>): string {
  // A code this page does not know (a newer backend's) shows as itself rather than nothing.
  if (!Object.hasOwn(AVAILABILITY_ERRORS, error.code)) return error.code;
  const word = AVAILABILITY_ERRORS[error.code] as (params: unknown, t: ReturnType<typeof useT>) => string;
  return word(error.params, t);
}

function AvailabilityTable(props: { readonly services: readonly AvailabilityView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="accord-table-wrap" data-testid="availability">
      <table className="accord-table">
        <caption className="accord-table__caption">{t('availability.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('availability.service')}</th>
            <th scope="col">{t('availability.objective')}</th>
            <th scope="col">{t('availability.available')}</th>
            <th scope="col">{t('availability.downtime')}</th>
            <th scope="col">{t('availability.allowed')}</th>
            <th scope="col">{t('availability.remaining')}</th>
            <th scope="col" className="accord-table__num">
              {t('availability.incidents')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.services.map((s) =>
            s.error !== null ? (
              <tr key={s.service}>
                <th scope="row">{s.service}</th>
                <td colSpan={6} className="accord-report__error">
                  {availabilityErrorText(s.error, t)}
                </td>
              </tr>
            ) : (
              <tr key={s.service}>
                <th scope="row">{s.service}</th>
                <td>{formatPercent(s.objectivePercent, locale, 2)}</td>
                <td>
                  {s.availablePercent === null
                    ? t('availability.noFigure')
                    : formatPercent(s.availablePercent, locale, 2)}
                  {s.objectiveMet === null ? null : (
                    <>
                      {' '}
                      <Lozenge appearance={s.objectiveMet ? 'success' : 'danger'}>
                        {s.objectiveMet ? t('compliance.metLozenge') : t('compliance.missedLozenge')}
                      </Lozenge>
                    </>
                  )}
                </td>
                <td>{duration(s.downtimeMs, locale)}</td>
                <td>{duration(s.allowedDowntimeMs, locale)}</td>
                <td className={s.remainingDowntimeMs < 0 ? 'accord-report__error' : undefined}>
                  {s.remainingDowntimeMs < 0
                    ? `−${duration(-s.remainingDowntimeMs, locale)}`
                    : duration(s.remainingDowntimeMs, locale)}
                </td>
                <td className="accord-table__num">{formatNumber(s.incidents.length, locale)}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

// ── Attribution ──────────────────────────────────────────────────────────────────────────────────────

export function holderName(h: HeldTimeView): string {
  return `${h.agreementName} (${h.kind}${h.counterparty === null ? '' : `, ${h.counterparty}`})`;
}

function AttributionBlock(props: { readonly attribution: AttributionView }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const a = props.attribution;
  if (a.cycles === 0) {
    return (
      <div className="accord-attribution" data-testid="attribution">
        <h4 className="accord-table__caption">{t('attribution.title')}</h4>
        <p className="accord-report__subtle">{t('attribution.none')}</p>
      </div>
    );
  }
  const share = (ms: number): string =>
    a.runningMs === 0 ? '' : formatPercent((ms / a.runningMs) * 100, locale);
  return (
    <div className="accord-attribution" data-testid="attribution">
      <div className="accord-table-wrap">
        <table className="accord-table">
          <caption className="accord-table__caption">{t('attribution.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('attribution.holder')}</th>
              <th scope="col">{t('attribution.held')}</th>
              <th scope="col">{t('attribution.share')}</th>
            </tr>
          </thead>
          <tbody>
            {a.holders.map((h) => (
              <tr key={h.agreementId}>
                <th scope="row">{holderName(h)}</th>
                <td>{duration(h.heldMs, locale)}</td>
                <td>
                  <ShareBar
                    percent={h.percent ?? 0}
                    label={h.percent === null ? '' : formatPercent(h.percent, locale)}
                  />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('attribution.unattributed')}</th>
              <td>{duration(a.unattributedMs, locale)}</td>
              <td>
                <ShareBar
                  percent={a.runningMs === 0 ? 0 : (a.unattributedMs / a.runningMs) * 100}
                  label={share(a.unattributedMs)}
                />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="accord-report__subtle">
        {t('attribution.summary', { count: a.cycles, running: duration(a.runningMs, locale) })}
      </p>
      {a.worst.length === 0 ? null : (
        <div className="accord-no-print">
          <button
            type="button"
            className="accord-disclosure"
            aria-expanded={open}
            onClick={() => {
              setOpen((was) => !was);
            }}
          >
            {open ? t('attribution.hideCycles') : t('attribution.showCycles')}
          </button>
          {open ? (
            <Suspense fallback={<p className="accord-report__subtle">{t('loading')}</p>}>
              <WorstCycles cycles={a.worst} />
            </Suspense>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** A share as a bar beside its figure (the figure is what a screen reader reads). */
function ShareBar(props: { readonly percent: number; readonly label: string }) {
  return (
    <span className="accord-share-bar">
      <span className="accord-share-bar__track" aria-hidden="true">
        <span
          className="accord-share-bar__fill"
          style={{ inlineSize: `${String(Math.max(0, Math.min(100, props.percent)))}%` }}
        />
      </span>
      <span>{props.label}</span>
    </span>
  );
}
