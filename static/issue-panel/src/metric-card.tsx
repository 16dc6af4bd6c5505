import { useId } from 'react';
import type { IssueMetricEntry } from '../../shared/api/issue-metrics';
import type { CountdownCalendar } from '../../shared/countdown/calendars';
import type { LiveMetric, LiveState } from '../../shared/countdown/live-metric';
import { Disclosure } from '../../shared/ui/disclosure';
import { Lozenge, type LozengeAppearance } from '../../shared/ui/lozenge';
import { formatCountdown, formatTarget, spokenDuration } from '../../shared/format/duration';
import { formatBy, isCalendarDeadline } from '../../shared/format/goal-terms';
import { formatInstant } from '../../shared/format/instant';
import { useMessages } from './messages';
import type { CycleDecision } from './timeline';
import { TimelineView } from './timeline-view';

/** What the card offers a person who may extend or excuse on its agreement. */
export interface AdjustActions {
  readonly decisions: readonly CycleDecision[];
  /** Null when the viewer may not decide on this agreement. */
  readonly onExtend: (() => void) | null;
  readonly onExcuse: (() => void) | null;
}

/** The viewer's locale and zone, and the instant the panel shows. */
export interface Viewer {
  readonly locale: string;
  readonly timeZone: string;
  readonly now: number;
}

const LOZENGE: Record<LiveState, { appearance: LozengeAppearance; bold?: boolean }> = {
  'on-track': { appearance: 'success' },
  'at-risk': { appearance: 'warning' },
  breached: { appearance: 'danger', bold: true },
  paused: { appearance: 'neutral' },
  'out-of-hours': { appearance: 'information' },
  met: { appearance: 'success', bold: true },
  'not-started': { appearance: 'neutral' },
};

export function StateLozenge(props: { readonly state: LiveState }) {
  const messages = useMessages();
  const look = LOZENGE[props.state];
  return (
    <Lozenge appearance={look.appearance} isBold={look.bold === true}>
      {messages.state[props.state]}
    </Lozenge>
  );
}

/**
 * One metric: its name and state, the time left ticking to the second (hidden from screen readers, which get
 * the same to the minute instead, so they are never flooded), the deadline in the viewer's zone, why the
 * clock is not running when it is not, and the timeline on request.
 */
export function MetricCard(props: {
  readonly entry: IssueMetricEntry;
  readonly live: LiveMetric;
  readonly viewer: Viewer;
  readonly calendar: CountdownCalendar | undefined;
  readonly evaluatedAt: number;
  readonly adjust?: AdjustActions;
}) {
  const messages = useMessages();
  const { entry, live, viewer, adjust } = props;
  const metric = entry.metric;
  const at = (instant: number): string => formatInstant(instant, viewer);
  const targetMinutes = metric.goal?.targetMinutes ?? null;
  const earlier = metric.cycles.length - 1;
  const nameId = useId();

  return (
    <li className="accord-metric">
      <div className="accord-metric__head">
        <h3 className="accord-metric__name" id={nameId}>
          {metric.name}
        </h3>
        <StateLozenge state={live.state} />
      </div>
      <p className="accord-metric__agreement">{messages.agreement(entry.agreementName)}</p>
      <Clock live={live} locale={viewer.locale} targetMinutes={targetMinutes} />
      <Terms live={live} entry={entry} viewer={viewer} calendar={props.calendar} />
      <Facts live={live} at={at} />
      <Markers entry={entry} locale={viewer.locale} />
      {adjust && (adjust.onExtend || adjust.onExcuse) ? (
        <div className="accord-metric__actions">
          {adjust.onExtend ? (
            <button type="button" className="accord-button" onClick={adjust.onExtend}>
              {messages.adjust.extendButton}
            </button>
          ) : null}
          {adjust.onExcuse ? (
            <button type="button" className="accord-button" onClick={adjust.onExcuse}>
              {messages.adjust.excuseButton}
            </button>
          ) : null}
        </div>
      ) : null}
      {!live.live && live.clock !== 'stopped' && live.clock !== 'not-started' ? (
        <p className="accord-metric__note">
          {metric.goal === null
            ? messages.event.noGoal
            : messages.notLive(metric.goal.calendar, at(props.evaluatedAt))}
        </p>
      ) : null}
      {metric.cycles.length > 0 ? (
        <Disclosure
          className="accord-metric__details"
          describedBy={nameId}
          label={earlier > 0 ? messages.timelineWithEarlier(earlier) : messages.timeline}
        >
          {() => (
            <TimelineView
              metric={metric}
              live={live}
              viewer={viewer}
              calendar={props.calendar}
              decisions={adjust?.decisions ?? []}
            />
          )}
        </Disclosure>
      ) : null}
    </li>
  );
}

/** The last cycle's extension and excuse, as the engine marked them. */
function Markers(props: { readonly entry: IssueMetricEntry; readonly locale: string }) {
  const messages = useMessages();
  const cycle = props.entry.metric.cycles[props.entry.metric.cycles.length - 1];
  const lines: string[] = [];
  if (cycle?.extended) {
    const { minutes, count } = cycle.extended;
    lines.push(messages.adjust.extended(formatTarget(Math.round(minutes), props.locale), count));
  }
  if (cycle?.excused === true) lines.push(messages.adjust.excused);
  if (lines.length === 0) return null;
  return (
    <ul className="accord-metric__facts accord-metric__markers">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function Clock(props: {
  readonly live: LiveMetric;
  readonly locale: string;
  readonly targetMinutes: number | null;
}) {
  const messages = useMessages();
  const { live, locale } = props;
  if (live.clock === 'not-started') {
    return props.targetMinutes === null ? null : (
      <p className="accord-metric__clock accord-metric__clock--quiet">
        {messages.target(formatTarget(props.targetMinutes, locale))}
      </p>
    );
  }
  if (live.clock === 'stopped') {
    const elapsed = formatTarget(Math.round((live.elapsedMs ?? 0) / 60_000), locale);
    const target = props.targetMinutes === null ? null : formatTarget(props.targetMinutes, locale);
    return (
      <p className="accord-metric__clock accord-metric__clock--quiet">{messages.took(elapsed, target)}</p>
    );
  }
  if (live.remainingMs === null) {
    const elapsed = live.elapsedMs ?? 0;
    return (
      <p className="accord-metric__clock">
        <span aria-hidden="true" className="accord-metric__time">
          {formatCountdown(elapsed, locale)}
        </span>
        <span className="accord-visually-hidden">{messages.elapsed(spokenDuration(elapsed, locale))}</span>
      </p>
    );
  }
  const overdue = live.remainingMs < 0;
  const spoken = spokenDuration(live.remainingMs, locale, overdue ? 'down' : 'away');
  return (
    <p className="accord-metric__clock">
      <span
        aria-hidden="true"
        className={`accord-metric__time${overdue ? ' accord-metric__time--overdue' : ''}${
          live.clock === 'counting' ? '' : ' accord-metric__time--stopped'
        }`}
      >
        {formatCountdown(live.remainingMs, locale)}
      </span>
      <span className="accord-visually-hidden">
        {overdue ? messages.timeOverdue(spoken) : messages.timeLeft(spoken)}
      </span>
    </p>
  );
}

/**
 * A business-day or date-field goal is a promise of a time of day ("by Tue 17:00"), stated in the zone of the
 * goal's calendar where it was agreed, with its terms; a goal in working time has its target in the clock.
 */
function Terms(props: {
  readonly live: LiveMetric;
  readonly entry: IssueMetricEntry;
  readonly viewer: Viewer;
  readonly calendar: CountdownCalendar | undefined;
}) {
  const messages = useMessages();
  const goal = props.entry.metric.goal;
  if (goal === null || !isCalendarDeadline(goal)) return null;
  const terms = messages.goalTerms(goal);
  const deadline = props.live.clock === 'stopped' ? null : props.live.deadline;
  const by =
    deadline === null
      ? null
      : messages.by(
          formatBy(deadline, {
            locale: props.viewer.locale,
            timeZone: props.calendar?.timeZone ?? props.viewer.timeZone,
            now: props.viewer.now,
          }),
        );
  return (
    <p className="accord-metric__terms" data-testid="goal-terms">
      {by === null ? null : <strong className="accord-metric__by">{by}</strong>}
      {by !== null && terms !== null ? ' · ' : null}
      {terms}
    </p>
  );
}

function Facts(props: { readonly live: LiveMetric; readonly at: (instant: number) => string }) {
  const messages = useMessages();
  const { live, at } = props;
  const lines: string[] = [];
  if (live.clock === 'stopped') {
    if (live.breachedAt !== null) lines.push(messages.breachedAt(at(live.breachedAt)));
    if (live.stoppedAt !== null) {
      lines.push(
        live.state === 'met' ? messages.metAt(at(live.stoppedAt)) : messages.stoppedAt(at(live.stoppedAt)),
      );
    }
  } else if (live.breachedAt !== null) {
    lines.push(messages.breachedAt(at(live.breachedAt)));
  } else if (live.deadline !== null) {
    lines.push(messages.due(at(live.deadline)));
  }
  if (live.clock === 'paused') {
    lines.push(live.pausedBy === null ? messages.pausedNoDeadline : messages.pausedWhile(live.pausedBy));
  }
  if (live.clock === 'out-of-hours' && live.resumesAt !== null)
    lines.push(messages.resumesAt(at(live.resumesAt)));
  if (lines.length === 0) return null;
  return (
    <ul className="accord-metric__facts">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
