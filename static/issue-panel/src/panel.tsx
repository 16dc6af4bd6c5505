import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { parseInstant } from '../../../src/engine/time/iso';
import type { EpochMs } from '../../../src/engine/time/units';
import type { IssueMetricEntry, IssueMetrics } from '../../shared/api/issue-metrics';
import type { Failure } from '../../shared/api/reply';
import type { Backend, UiContext } from '../../shared/backend';
import type { CountdownCalendars } from '../../shared/countdown/calendars';
import { liveMetric, type LiveMetric } from '../../shared/countdown/live-metric';
import { Disclosure } from '../../shared/ui/disclosure';
import { useNow } from '../../shared/ui/use-now';
import { groupByKind, metricKey } from './group';
import type { AdjustTarget } from './adjust-dialog';
import { MetricCard, type AdjustActions, type Viewer } from './metric-card';
import { useAdjustments } from './use-adjustments';
import { useUiStart } from '../../shared/i18n/use-i18n';
import { MessagesContext, panelMessages, useMessages, type PanelKey } from './messages';
import { useIssueMetrics } from './use-issue-metrics';
import { warmUpFormats } from './warm-up';

// The dialog and Atlaskit's modal load when someone opens it: most agents never do.
const AdjustDialog = lazy(() => import('./adjust-dialog').then((m) => ({ default: m.AdjustDialog })));

/**
 * The agents' panel in the issue view: every applicable agreement's metrics on the issue, grouped SLA / OLA /
 * UC, counting down in the browser on the engine's own calendar code.
 */
export function IssuePanel(props: { readonly backend: Backend; readonly clock?: () => number }) {
  const start = useUiStart<PanelKey>(
    props.backend,
    'issue-panel',
    (detail) => `Jira did not say which issue this is${detail}.`,
  );
  // Keyed by the translations, not by `start`, which is a new object every render.
  const i18n = start.status === 'ready' ? start.i18n : null;
  const messages = useMemo(() => (i18n ? panelMessages(i18n) : null), [i18n]);

  // Until the panel has its text, a failure can only be told in the English it was written in.
  if (start.status === 'failed') return <FirstError error={start.error} />;
  if (start.status !== 'ready' || !messages) return <p className="accord-loading" aria-busy="true" />;
  const { context } = start;
  return (
    <MessagesContext.Provider value={messages}>
      {context.issueId === null ? (
        <p className="accord-empty">{messages.noIssue}</p>
      ) : (
        <IssueMetricsView backend={props.backend} context={context} clock={props.clock ?? Date.now} />
      )}
    </MessagesContext.Provider>
  );
}

function FirstError(props: { readonly error: { readonly message: string } }) {
  return (
    <div role="alert" className="accord-message accord-message--error">
      <p>{props.error.message}</p>
    </div>
  );
}

function IssueMetricsView(props: {
  readonly backend: Backend;
  readonly context: UiContext;
  readonly clock: () => number;
}) {
  const messages = useMessages();
  const { state, reload } = useIssueMetrics(props.backend, props.context.issueId);
  // While the first results are on their way (the call started with the context, see main.tsx).
  const { context, clock } = props;
  useEffect(() => {
    warmUpFormats(context, clock());
  }, [context, clock]);
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return <ErrorMessage error={state.error} onRetry={reload} />;
    case 'ready':
      return (
        <>
          {state.refreshError ? (
            <ErrorMessage error={state.refreshError} onRetry={reload} prefix={messages.refreshFailed} />
          ) : null}
          {state.data.results.length === 0 ? (
            <Empty />
          ) : (
            <Metrics
              data={state.data}
              calendars={state.calendars}
              context={props.context}
              clock={props.clock}
              backend={props.backend}
              reload={reload}
            />
          )}
        </>
      );
  }
}

function Metrics(props: {
  readonly data: IssueMetrics;
  readonly calendars: CountdownCalendars;
  readonly context: UiContext;
  readonly clock: () => number;
  readonly backend: Backend;
  readonly reload: () => void;
}) {
  const messages = useMessages();
  const { data, calendars, context } = props;
  const now = useNow(props.clock);
  // Refetched with every new evaluation, which an extension or excuse causes too.
  const { adjustments, reload: reloadAdjustments } = useAdjustments(
    props.backend,
    data.issueId,
    data.evaluatedAt,
  );
  const [dialog, setDialog] = useState<AdjustTarget | null>(null);
  const evaluatedAt = (data.evaluatedAt ?? now) as EpochMs;
  const groups = useMemo(() => groupByKind(data.results), [data.results]);
  const viewer: Viewer = { locale: context.locale, timeZone: context.timeZone, now };

  const live = new Map<string, LiveMetric>();
  for (const entry of data.results) {
    const calendarId = entry.metric.goal?.calendar;
    const calendar = calendarId === undefined ? undefined : calendars.byId.get(calendarId);
    live.set(
      metricKey(entry),
      liveMetric(entry.metric, entry.displayState, evaluatedAt, now as EpochMs, calendar?.workingTime),
    );
  }

  const card = (entry: IssueMetricEntry) => {
    const key = metricKey(entry);
    const metricLive = live.get(key);
    if (!metricLive) return null;
    const calendarId = entry.metric.goal?.calendar;
    return (
      <MetricCard
        key={key}
        entry={entry}
        live={metricLive}
        viewer={viewer}
        calendar={calendarId === undefined ? undefined : calendars.byId.get(calendarId)}
        evaluatedAt={evaluatedAt}
        adjust={adjustActions(entry, metricLive)}
      />
    );
  };

  /** The card's decisions, and what the viewer may do on it: extend a running deadline, excuse a breach. */
  const adjustActions = (entry: IssueMetricEntry, metricLive: LiveMetric): AdjustActions => {
    const { metric } = entry;
    const decisions = adjustments.adjustments.filter(
      (a) => a.agreementId === entry.agreementId && a.metricId === metric.id,
    );
    const allowed = adjustments.canAdjust.includes(entry.agreementId);
    const last = metric.cycles[metric.cycles.length - 1];
    const open = (mode: AdjustTarget['mode'], at: number | null) => () => {
      setDialog({
        mode,
        issueId: data.issueId,
        agreementId: entry.agreementId,
        metricId: metric.id,
        metricName: metric.name,
        at,
      });
    };
    const canExtend = allowed && last?.stoppedAt === null && last.remainingMs !== null;
    const breached = metric.cycles.findLast((c) => c.breached);
    const breachAt =
      metricLive.breachedAt ?? (breached ? (parseInstant(breached.breachedAt ?? '') ?? null) : null);
    const canExcuse = allowed && breachAt !== null && breached?.excused !== true;
    return {
      decisions,
      onExtend: canExtend ? open('extend', metricLive.deadline ?? metricLive.breachedAt) : null,
      onExcuse: canExcuse ? open('excuse', breachAt) : null,
    };
  };

  return (
    <div className={`accord-panel${dialog === null ? '' : ' accord-panel--dialog'}`}>
      {dialog === null ? null : (
        <Suspense fallback={null}>
          <AdjustDialog
            backend={props.backend}
            target={dialog}
            viewer={viewer}
            onClose={() => {
              setDialog(null);
            }}
            onDone={() => {
              setDialog(null);
              props.reload();
              reloadAdjustments();
            }}
          />
        </Suspense>
      )}
      <Announcer results={data.results} live={live} />
      {groups.map((group) => (
        <section key={group.kind} className="accord-group" aria-labelledby={`accord-group-${group.kind}`}>
          <h2
            id={`accord-group-${group.kind}`}
            className="accord-group__title"
            title={messages.kind[group.kind].description}
          >
            {messages.kind[group.kind].title}
          </h2>
          {group.active.length > 0 ? <ul className="accord-metrics">{group.active.map(card)}</ul> : null}
          {group.completed.length > 0 ? (
            <Disclosure
              className="accord-group__completed"
              label={messages.completed(group.completed.length)}
            >
              {() => <ul className="accord-metrics">{group.completed.map(card)}</ul>}
            </Disclosure>
          ) : null}
        </section>
      ))}
    </div>
  );
}

/**
 * Tells screen readers when a metric's state changes (on track → at risk → breached, paused, resumed), and
 * nothing else: the ticking countdowns are hidden from them. Silent on the first render, which they read
 * anyway.
 */
function Announcer(props: {
  readonly results: readonly IssueMetricEntry[];
  readonly live: ReadonlyMap<string, LiveMetric>;
}) {
  const messages = useMessages();
  const previous = useRef<Map<string, string> | null>(null);
  const [text, setText] = useState('');
  const states = props.results.map((entry) => {
    const key = metricKey(entry);
    return { key, name: entry.metric.name, state: props.live.get(key)?.state ?? 'not-started' };
  });
  const signature = states.map((s) => `${s.key}=${s.state}`).join('\n');
  useEffect(() => {
    const was = previous.current;
    previous.current = new Map(states.map((s) => [s.key, s.state]));
    if (was === null) return;
    const changed = states.filter((s) => was.has(s.key) && was.get(s.key) !== s.state);
    if (changed.length > 0) {
      setText(changed.map((s) => messages.announce(s.name, messages.state[s.state])).join('. '));
    }
    // Only a change of some state matters; `states` is rebuilt on every tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  return (
    <div role="status" className="accord-visually-hidden">
      {text}
    </div>
  );
}

function Loading() {
  const messages = useMessages();
  return (
    <p className="accord-loading" aria-busy="true">
      {messages.loading}
    </p>
  );
}

function Empty() {
  const messages = useMessages();
  return (
    <div className="accord-empty">
      <p className="accord-empty__title">{messages.emptyTitle}</p>
      <p>{messages.emptyBody}</p>
    </div>
  );
}

function ErrorMessage(props: {
  readonly error: Failure;
  readonly onRetry?: () => void;
  readonly prefix?: string;
}) {
  const messages = useMessages();
  return (
    <div role="alert" className="accord-message accord-message--error">
      <p>
        {props.prefix ? `${props.prefix} ` : ''}
        {messages.refusal(props.error)}
      </p>
      {props.onRetry ? (
        <button type="button" className="accord-button" onClick={props.onRetry}>
          {messages.retry}
        </button>
      ) : null}
    </div>
  );
}
