import type { CycleResult, MetricResult } from '../../../src/engine/evaluate/result';
import type { CountdownCalendar } from '../../shared/countdown/calendars';
import type { LiveMetric } from '../../shared/countdown/live-metric';
import { formatTarget } from '../../shared/format/duration';
import { formatInstant } from '../../shared/format/instant';
import type { Viewer } from './metric-card';
import { useMessages, type PanelMessages } from './messages';
import { cycleTimeline, type CycleDecision, type TimelineEvent } from './timeline';

/**
 * The story of a metric: the last cycle first (with what the browser knows beyond the stored result: the
 * current pause's condition, a breach since the evaluation, the live deadline), then the earlier cycles, most
 * recent first.
 */
export function TimelineView(props: {
  readonly metric: MetricResult;
  readonly live: LiveMetric;
  readonly viewer: Viewer;
  readonly calendar: CountdownCalendar | undefined;
  /** This metric's extensions and excused breaches. */
  readonly decisions?: readonly CycleDecision[];
}) {
  const messages = useMessages();
  const { metric, live, viewer } = props;
  const decisions = props.decisions ?? [];
  const cycles = metric.cycles;
  const last = cycles[cycles.length - 1];
  if (!last) return null;
  const goal = metric.goal;
  const goalLine = (cycle: CycleResult, isLast: boolean): string => {
    if (cycle.goalIndex === null) return messages.event.noGoal;
    const sameGoal = goal !== null && goal.index === cycle.goalIndex;
    // Only the last cycle's goal is in the result; an earlier cycle under the same goal had the same target.
    const target = !sameGoal
      ? null
      : goal.targetMinutes !== null
        ? formatTarget(goal.targetMinutes, viewer.locale)
        : messages.goalTerms(goal);
    const calendar = sameGoal && isLast ? (props.calendar?.name ?? goal.calendar) : null;
    return messages.event.goal(cycle.goalIndex + 1, target, calendar);
  };
  const earlier = cycles.slice(0, -1).reverse();
  return (
    <div className="accord-timeline">
      <p className="accord-timeline__goal">{goalLine(last, true)}</p>
      <Events
        events={cycleTimeline(
          last,
          {
            pausedBy: live.pausedBy,
            breachedAt: live.breachedAt,
            deadline: live.deadline,
          },
          decisions,
        )}
        viewer={viewer}
      />
      {earlier.map((cycle, i) => {
        const n = cycles.length - 1 - i;
        const outcome = cycle.breached ? messages.state.breached : messages.state.met;
        return (
          <section key={cycle.startedAt} className="accord-timeline__cycle">
            <h4 className="accord-timeline__heading">{messages.cycleHeading(n, outcome)}</h4>
            <p className="accord-timeline__goal">{goalLine(cycle, false)}</p>
            <Events events={cycleTimeline(cycle, {}, decisions)} viewer={viewer} />
          </section>
        );
      })}
    </div>
  );
}

function Events(props: { readonly events: readonly TimelineEvent[]; readonly viewer: Viewer }) {
  const messages = useMessages();
  return (
    <ol className="accord-timeline__events">
      {props.events.map((event, i) => (
        <li
          key={`${event.kind}-${String(event.at)}-${String(i)}`}
          className={`accord-timeline__event accord-timeline__event--${event.kind}`}
        >
          <time dateTime={new Date(event.at).toISOString()}>{formatInstant(event.at, props.viewer)}</time>{' '}
          <span>{describe(event, messages, props.viewer)}</span>
        </li>
      ))}
    </ol>
  );
}

function describe(event: TimelineEvent, messages: PanelMessages, viewer: Viewer): string {
  switch (event.kind) {
    case 'started':
      return messages.event.started;
    case 'paused':
      return messages.event.paused(event.by);
    case 'resumed':
      return messages.event.resumed;
    case 'threshold':
      return messages.event.threshold(event.index + 1, event.crossings);
    case 'breached':
      return messages.event.breached;
    case 'met':
      return messages.event.met;
    case 'stopped-breached':
      return messages.event.stoppedBreached;
    case 'due':
      return messages.event.due;
    case 'extended':
      return messages.adjust.eventExtended(
        formatTarget(Math.round(event.minutes), viewer.locale),
        event.who,
        event.reason,
      );
    case 'excused':
      return messages.adjust.eventExcused(event.who, event.reason);
    case 'deadline-moved':
      return event.deadline === null
        ? messages.event.deadlineCleared
        : messages.event.deadlineMoved(formatInstant(event.deadline, viewer));
  }
}
