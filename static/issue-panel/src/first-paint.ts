import type { EpochMs } from '../../../src/engine/time/units';
import type { IssueMetricEntry, IssueMetrics } from '../../shared/api/issue-metrics';
import { compileCalendars, type CountdownCalendar } from '../../shared/countdown/calendars';
import { liveMetric, type LiveMetric, type LiveState } from '../../shared/countdown/live-metric';
import { formatCountdown, formatTarget, spokenDuration } from '../../shared/format/duration';
import { formatBy, isCalendarDeadline } from '../../shared/format/goal-terms';
import { formatInstant } from '../../shared/format/instant';
import { createI18n } from '../../shared/i18n/i18n';
import type { EarlyReplies } from '../../shared/prefetch';
import { groupByKind } from './group';
import { panelMessages, type PanelKey, type PanelMessages } from './panel-messages';

/**
 * The panel's first countdowns in plain DOM, shown while React DOM (most of the panel's script) is still being
 * evaluated: the same elements, classes and text as the React panel's first render of the same reply (the
 * panel's test compares the two), with no buttons (the React panel has none until the viewer's rights come).
 * It ticks each second until {@link FirstPaint.handOver} gives the place to React, which then renders the
 * same thing from the same round trips (`early` does not take them from it).
 */
export interface FirstPaint {
  /**
   * Called as React mounts on `root`: while the first paint shows, `root` stays hidden, and the first paint
   * goes the moment React shows more than its loading line (if React has by the time the answers come,
   * there is no first paint).
   */
  handOver(): void;
}

type Child = Node | string | null;

function h(tag: string, attributes: Readonly<Record<string, string>>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

const LOZENGE: Record<LiveState, string> = {
  'on-track': 'success',
  'at-risk': 'warning',
  breached: 'danger bold',
  paused: 'neutral',
  'out-of-hours': 'information',
  met: 'success bold',
  'not-started': 'neutral',
};

interface Viewer {
  readonly locale: string;
  readonly timeZone: string;
  readonly now: number;
}

/** metric-card.tsx's `Clock`. */
function clock(messages: PanelMessages, live: LiveMetric, locale: string, target: number | null): Child {
  const quiet = (text: string) => h('p', { class: 'accord-metric__clock accord-metric__clock--quiet' }, text);
  if (live.clock === 'not-started')
    return target === null ? null : quiet(messages.target(formatTarget(target, locale)));
  if (live.clock === 'stopped') {
    const elapsed = formatTarget(Math.round((live.elapsedMs ?? 0) / 60_000), locale);
    return quiet(messages.took(elapsed, target === null ? null : formatTarget(target, locale)));
  }
  const hidden = (text: string) => h('span', { class: 'accord-visually-hidden' }, text);
  if (live.remainingMs === null) {
    const elapsed = live.elapsedMs ?? 0;
    return h(
      'p',
      { class: 'accord-metric__clock' },
      h('span', { 'aria-hidden': 'true', class: 'accord-metric__time' }, formatCountdown(elapsed, locale)),
      hidden(messages.elapsed(spokenDuration(elapsed, locale))),
    );
  }
  const overdue = live.remainingMs < 0;
  const spoken = spokenDuration(live.remainingMs, locale, overdue ? 'down' : 'away');
  const time = `accord-metric__time${overdue ? ' accord-metric__time--overdue' : ''}${
    live.clock === 'counting' ? '' : ' accord-metric__time--stopped'
  }`;
  return h(
    'p',
    { class: 'accord-metric__clock' },
    h('span', { 'aria-hidden': 'true', class: time }, formatCountdown(live.remainingMs, locale)),
    hidden(overdue ? messages.timeOverdue(spoken) : messages.timeLeft(spoken)),
  );
}

/** metric-card.tsx's `Terms`. */
function terms(
  messages: PanelMessages,
  live: LiveMetric,
  entry: IssueMetricEntry,
  viewer: Viewer,
  calendar: CountdownCalendar | undefined,
): Child {
  const goal = entry.metric.goal;
  if (goal === null || !isCalendarDeadline(goal)) return null;
  const said = messages.goalTerms(goal);
  const deadline = live.clock === 'stopped' ? null : live.deadline;
  const zone = { locale: viewer.locale, timeZone: calendar?.timeZone ?? viewer.timeZone, now: viewer.now };
  const by = deadline === null ? null : messages.by(formatBy(deadline, zone));
  return h(
    'p',
    { class: 'accord-metric__terms', 'data-testid': 'goal-terms' },
    by === null ? null : h('strong', { class: 'accord-metric__by' }, by),
    by !== null && said !== null ? ' · ' : null,
    said,
  );
}

/** metric-card.tsx's `Facts`. */
function facts(messages: PanelMessages, live: LiveMetric, at: (instant: number) => string): Child {
  const lines: string[] = [];
  if (live.clock === 'stopped') {
    if (live.breachedAt !== null) lines.push(messages.breachedAt(at(live.breachedAt)));
    if (live.stoppedAt !== null)
      lines.push(
        live.state === 'met' ? messages.metAt(at(live.stoppedAt)) : messages.stoppedAt(at(live.stoppedAt)),
      );
  } else if (live.breachedAt !== null) lines.push(messages.breachedAt(at(live.breachedAt)));
  else if (live.deadline !== null) lines.push(messages.due(at(live.deadline)));
  if (live.clock === 'paused')
    lines.push(live.pausedBy === null ? messages.pausedNoDeadline : messages.pausedWhile(live.pausedBy));
  if (live.clock === 'out-of-hours' && live.resumesAt !== null)
    lines.push(messages.resumesAt(at(live.resumesAt)));
  return lines.length === 0 ? null : list('accord-metric__facts', lines);
}

/** metric-card.tsx's `Markers`. */
function markers(messages: PanelMessages, entry: IssueMetricEntry, locale: string): Child {
  const cycle = entry.metric.cycles[entry.metric.cycles.length - 1];
  const lines: string[] = [];
  if (cycle?.extended) {
    const { minutes, count } = cycle.extended;
    lines.push(messages.adjust.extended(formatTarget(Math.round(minutes), locale), count));
  }
  if (cycle?.excused === true) lines.push(messages.adjust.excused);
  return lines.length === 0 ? null : list('accord-metric__facts accord-metric__markers', lines);
}

const list = (className: string, lines: readonly string[]): HTMLElement =>
  h('ul', { class: className }, ...lines.map((line) => h('li', {}, line)));

/** shared/ui/disclosure.tsx, closed. */
function disclosure(className: string, label: string): HTMLElement {
  // Without its handler until React takes over, a moment later.
  const button = h(
    'button',
    { type: 'button', class: 'accord-disclosure', 'aria-expanded': 'false' },
    h('span', { 'aria-hidden': 'true', class: 'accord-disclosure__chevron' }, '\u25B8'),
    label,
  );
  return h('div', { class: className }, button, h('div', { hidden: '' }));
}

/**
 * The countdown list the React panel renders first for `data` at `now` (panel.tsx's `Metrics` with
 * metric-card.tsx's `MetricCard`, before the viewer's rights are known), or null where the panel shows
 * something else (no results).
 */
export function firstPaintOf(
  data: IssueMetrics,
  messages: PanelMessages,
  context: { readonly locale: string; readonly timeZone: string },
  now: number,
  calendars = compileCalendars(data.calendars),
): HTMLElement | null {
  if (data.results.length === 0) return null;
  const viewer: Viewer = { locale: context.locale, timeZone: context.timeZone, now };
  const evaluatedAt = (data.evaluatedAt ?? now) as EpochMs;
  const at = (instant: number): string => formatInstant(instant, viewer);
  const card = (entry: IssueMetricEntry): HTMLElement => {
    const { metric } = entry;
    const calendarId = metric.goal?.calendar;
    const calendar = calendarId === undefined ? undefined : calendars.byId.get(calendarId);
    const live = liveMetric(metric, entry.displayState, evaluatedAt, now as EpochMs, calendar?.workingTime);
    const [appearance = 'neutral', bold] = LOZENGE[live.state].split(' ');
    const lozenge = `accord-lozenge accord-lozenge--${appearance}${bold ? ' accord-lozenge--bold' : ''}`;
    const earlier = metric.cycles.length - 1;
    const timeline = earlier > 0 ? messages.timelineWithEarlier(earlier) : messages.timeline;
    return h(
      'li',
      { class: 'accord-metric' },
      h(
        'div',
        { class: 'accord-metric__head' },
        h('h3', { class: 'accord-metric__name' }, metric.name),
        h('span', { class: lozenge }, messages.state[live.state]),
      ),
      h('p', { class: 'accord-metric__agreement' }, messages.agreement(entry.agreementName)),
      clock(messages, live, viewer.locale, metric.goal?.targetMinutes ?? null),
      terms(messages, live, entry, viewer, calendar),
      facts(messages, live, at),
      markers(messages, entry, viewer.locale),
      !live.live && live.clock !== 'stopped' && live.clock !== 'not-started'
        ? h(
            'p',
            { class: 'accord-metric__note' },
            metric.goal === null
              ? messages.event.noGoal
              : messages.notLive(metric.goal.calendar, at(evaluatedAt)),
          )
        : null,
      metric.cycles.length > 0 ? disclosure('accord-metric__details', timeline) : null,
    );
  };
  return h(
    'div',
    { class: 'accord-panel' },
    h('div', { role: 'status', class: 'accord-visually-hidden' }),
    ...groupByKind(data.results).map((group) => {
      const kind = messages.kind[group.kind];
      return h(
        'section',
        { class: 'accord-group' },
        h('h2', { class: 'accord-group__title', title: kind.description }, kind.title),
        group.active.length > 0 ? h('ul', { class: 'accord-metrics' }, ...group.active.map(card)) : null,
        group.completed.length > 0
          ? disclosure('accord-group__completed', messages.completed(group.completed.length))
          : null,
      );
    }),
  );
}

/**
 * Shows the first countdowns in a sibling after `root` as soon as `early` has the context, the translations
 * and the panel's results, repainting each second, until {@link FirstPaint.handOver}'s React shows its own.
 * Shows nothing when one of them failed or there is nothing to count down: the React panel says why.
 */
export function paintFirst(
  root: HTMLElement,
  early: Promise<EarlyReplies<'issue/metrics'>>,
  now: () => number = Date.now,
): FirstPaint {
  let state: 'waiting' | 'painted' | 'over' = 'waiting';
  let handedOver = false;
  const place = document.createElement('div');
  let timer = 0;
  // React shows more than its loading line.
  const ready = (): boolean =>
    root.childElementCount > 0 &&
    !Array.from(root.children).some((child) => child.matches('.accord-loading'));
  const observer = new MutationObserver(() => {
    if (state === 'painted' && ready()) finish();
  });
  const finish = (): void => {
    observer.disconnect();
    window.clearTimeout(timer);
    state = 'over';
    place.remove();
    root.hidden = false;
  };
  early.then(
    ({ context, translations, reply }) => {
      if (state !== 'waiting' || reply?.ok !== true || (handedOver && ready())) {
        state = 'over';
        return;
      }
      const messages = panelMessages(createI18n<PanelKey>(context.locale, 'issue-panel', translations));
      const calendars = compileCalendars(reply.data.calendars);
      const paint = (): boolean => {
        const panel = firstPaintOf(reply.data, messages, context, now(), calendars);
        if (panel !== null) place.replaceChildren(panel);
        return panel !== null;
      };
      if (!paint()) {
        state = 'over';
        return;
      }
      state = 'painted';
      // React's loading line, if it is already there, gives way to the first paint until React has more.
      root.hidden = true;
      root.after(place);
      // As the panel's `useNow`: a few ms past each second.
      const tick = (): void => {
        paint();
        timer = window.setTimeout(tick, 1000 - (now() % 1000) + 5);
      };
      timer = window.setTimeout(tick, 1000 - (now() % 1000) + 5);
    },
    () => {
      state = 'over';
    },
  );
  return {
    handOver() {
      handedOver = true;
      if (state !== 'over') observer.observe(root, { childList: true, subtree: true });
    },
  };
}
