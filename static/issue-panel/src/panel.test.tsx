/**
 * @jest-environment jsdom
 */
import { render as show, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { act } from 'react';
import { makeCalendar } from '../../../src/engine/calendar/test-support';
import type { IssueMetrics } from '../../shared/api/issue-metrics';
import type { ReplyTo } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import { forCountdown, makeCycle, makeEntry, makeMetric } from '../../shared/testing/builders';
import { fakeBackend as fakeSite, refused } from '../../shared/testing/fake-backend';
import { advance, inTurn, loaded, onFakeClock, person } from '../../shared/testing/ui';
import { IssuePanel } from './panel';
import { berlin, handling, resolution, utc } from './panel-fixtures';
import type { AnyReply } from '../../shared/testing/fake-backend';

/**
 * The issue-panel's backend, faked: `issue/metrics` replies in turn (the last one again once they run out),
 * `issue/adjustments` with none, in British English unless another locale is given.
 */
function fakeBackend(...replies: MetricsReply[]) {
  return fakeBackendIn('en-GB', ...replies);
}

function fakeBackendIn(locale: string, ...replies: MetricsReply[]) {
  return fakeBackendWith(locale, [], ...replies);
}

/** As {@link fakeBackendIn}, the viewer allowed to extend and excuse on the agreements `canAdjust`. */
function fakeBackendWith(locale: string, canAdjust: readonly string[], ...replies: MetricsReply[]) {
  const metrics = inTurn(...replies);
  const fake = fakeSite(
    (call): AnyReply =>
      call.route === 'issue/adjustments'
        ? { ok: true, data: { issueId: '10042', adjustments: [], canAdjust: [...canAdjust] } }
        : call.route === 'issue/metrics'
          ? metrics()
          : refused('route-unknown', { route: call.route }),
    { issueId: '10042', projectKey: 'IT', accountId: 'agent-1', locale },
  );
  const channels: string[] = [];
  const backend: Backend = {
    ...fake.backend,
    subscribe: (channel, onEvent) => {
      channels.push(channel);
      return fake.backend.subscribe(channel, onEvent);
    },
  };
  const notify = (): void => {
    fake.notify(channels[0] ?? '');
  };
  return { ...fake, backend, channels, notify };
}

type MetricsReply = ReplyTo<'issue/metrics'>;

const reply = (data: Partial<IssueMetrics>): MetricsReply => ({
  ok: true,
  data: {
    issueId: '10042',
    evaluatedAt: berlin('09:00'),
    results: [],
    calendars: [forCountdown(makeCalendar({ id: 'berlin', name: 'Berlin office hours' }))],
    ...data,
  },
});

onFakeClock(berlin('10:00'));

let container: HTMLElement;
let user: UserEvent;

/** Shows the panel over `backend`, once it loaded. */
async function render(backend: Backend): Promise<void> {
  ({ container } = show(<IssuePanel backend={backend} />));
  user = person();
  // The fake backend answers in microtasks: running what is due now loads the panel without moving the clock,
  // which the countdown tests count from.
  await advance();
  await loaded(container);
}

const text = (selector: string): string[] =>
  [...container.querySelectorAll(selector)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
const button = (label: string | RegExp): HTMLElement => screen.getByRole('button', { name: label });

describe('the issue panel', () => {
  it('asks for the issue of its context and listens on its channel', async () => {
    const fake = fakeBackend(reply({ results: [resolution] }));
    await render(fake.backend);
    // Beside the metrics, the panel asks once for the issue's extensions and excuses (use-adjustments.ts).
    expect(fake.calls).toEqual([
      { route: 'issue/metrics', payload: { issueId: '10042' } },
      { route: 'issue/adjustments', payload: { issueId: '10042' } },
    ]);
    expect(fake.channels).toEqual(['accord:issue:10042']);
  });

  it('groups metrics by kind, each with its state, time left, deadline, and why a clock stands still', async () => {
    await render(fakeBackend(reply({ results: [handling, resolution] })).backend);
    expect(text('h2')).toEqual(['SLA', 'OLA']);
    expect(text('h3')).toEqual(['Time to resolution', 'Second-level handling']);
    expect(text('.accord-lozenge')).toEqual(['On track', 'Paused']);
    // One working hour passed since the 09:00 evaluation.
    expect(text('.accord-metric__time')).toEqual(['3h 00m 00s', '4h 00m 00s']);
    expect(text('.accord-metric__facts li')).toEqual([
      'Due Mon 2 Mar, 13:00',
      'Paused while status = "Waiting for customer"',
    ]);
  });

  it("speaks the user's Jira language, with its dates and numbers", async () => {
    await render(fakeBackendIn('de-DE', reply({ results: [handling, resolution] })).backend);
    expect(text('.accord-lozenge')).toEqual(['Im Plan', 'Pausiert']);
    expect(text('.accord-metric__facts li')).toEqual([
      'Fällig Mo., 2. März, 13:00',
      'Pausiert, solange status = "Waiting for customer"',
    ]);
  });

  it('closes its extension dialog with a button in the user’s language (not Atlaskit’s “Close Modal”)', async () => {
    await render(fakeBackendWith('de-DE', ['gold'], reply({ results: [resolution] })).backend);
    await user.click(button('Frist verlängern'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Schließen' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /Close/ })).toBeNull();
  });

  it('ticks every second, hidden from screen readers, which get the time to the minute', async () => {
    await render(fakeBackend(reply({ results: [resolution] })).backend);
    const time = container.querySelector('.accord-metric__time')!;
    const spoken = (): string =>
      container.querySelector('.accord-metric__clock .accord-visually-hidden')!.textContent;
    expect(time.getAttribute('aria-hidden')).toBe('true');
    expect(spoken()).toBe('3 hours left');

    // The clock ticks just after each whole second.
    await advance(1005);
    expect(time.textContent).toBe('2h 59m 59s');
    expect(spoken()).toBe('3 hours left');
    await advance(59_000);
    expect(time.textContent).toBe('2h 59m 00s');
    expect(spoken()).toBe('2 hours, 59 minutes left');
  });

  it('stops at the end of the working day and says when the clock resumes', async () => {
    jest.setSystemTime(berlin('16:59:58'));
    await render(fakeBackend(reply({ results: [resolution] })).backend);
    await advance(5000);
    // 4 h target, 7 h 59 m 58 s… of working time since 09:00: breached at 13:00, stopped counting at 17:00.
    expect(text('.accord-metric__time')).toEqual(['\u22124h 00m 00s']);
    expect(text('.accord-lozenge')).toEqual(['Breached']);
    expect(text('.accord-metric__facts li')).toEqual([
      'Breached Mon 2 Mar, 13:00',
      'Out of hours: resumes Tue 3 Mar, 09:00',
    ]);
  });

  it('announces a change of state once, and nothing while it ticks', async () => {
    jest.setSystemTime(berlin('12:59:58'));
    await render(fakeBackend(reply({ results: [resolution] })).backend);
    const status = container.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('');
    await advance(1005);
    expect(text('.accord-metric__time')).toEqual(['1s']);
    expect(status.textContent).toBe('');
    await advance(1000);
    expect(status.textContent).toBe('Time to resolution: Breached');
    await advance(1000);
    expect(text('.accord-metric__time')).toEqual(['\u22121s']);
    expect(status.textContent).toBe('Time to resolution: Breached');
  });

  it('refetches when the backend publishes a change, and every minute besides', async () => {
    const fake = fakeBackend(reply({ results: [resolution] }));
    await render(fake.backend);
    expect(metricCalls(fake.calls)).toHaveLength(1);
    act(() => {
      fake.notify();
      fake.notify();
    });
    await advance(300);
    expect(metricCalls(fake.calls)).toHaveLength(2);
    await advance(60_000);
    expect(metricCalls(fake.calls)).toHaveLength(3);
  });

  it('shows the refusal, worded from its reason, with a way to try again', async () => {
    const fake = fakeBackend(refused('issue-not-visible', {}), reply({ results: [resolution] }));
    await render(fake.backend);
    expect(text('[role="alert"] p')).toEqual(['You do not have permission to see this issue.']);
    await user.click(button('Try again'));
    await loaded(container);
    expect(text('[role="alert"]')).toEqual([]);
    expect(text('h3')).toEqual(['Time to resolution']);
  });

  it('keeps the results on screen when a refresh fails, and says so', async () => {
    const fake = fakeBackend(reply({ results: [resolution] }), {
      ok: false,
      error: refused('jira-failed', { detail: '503' }).error,
    });
    await render(fake.backend);
    await advance(60_000);
    expect(text('[role="alert"] p')).toEqual(['Could not refresh: Jira did not answer as expected: 503']);
    expect(text('h3')).toEqual(['Time to resolution']);
  });

  it('says a running metric without a goal is measured only, not that a calendar is missing', async () => {
    const measured = makeEntry(
      makeMetric({
        id: 'measured',
        name: 'Time to triage',
        goal: null,
        cycles: [makeCycle({ goalIndex: null, deadline: null })],
      }),
    );
    await render(fakeBackend(reply({ results: [measured] })).backend);
    expect(text('.accord-metric__note')).toEqual(['No goal matched: measured only']);
  });

  it('says what to do next when no agreement applies', async () => {
    await render(fakeBackend(reply({ results: [] })).backend);
    expect(text('.accord-empty__title')).toEqual(['No SLA applies to this issue']);
    expect(container.textContent).toContain('Jira settings → Apps → Accord');
  });

  it('shows completed metrics and the timeline on request', async () => {
    const met = makeEntry(
      makeMetric({
        id: 'ttfr',
        name: 'Time to first response',
        state: 'met',
        cycles: [makeCycle({ startedAt: utc('08:47'), stoppedAt: utc('09:14'), elapsedMs: 14 * 60_000 })],
      }),
    );
    await render(fakeBackend(reply({ results: [resolution, met] })).backend);
    expect(text('h3')).toEqual(['Time to resolution']);

    const completed = button(/^Completed \(1\)/);
    expect(completed.getAttribute('aria-expanded')).toBe('false');
    await user.click(completed);
    expect(completed.getAttribute('aria-expanded')).toBe('true');
    expect(text('h3')).toEqual(['Time to resolution', 'Time to first response']);
    expect(text('.accord-metric__clock--quiet')).toEqual(['Took 14m of 4h']);

    // Each metric has its timeline, its button described by the metric's name.
    await user.click(screen.getByRole('button', { name: 'Timeline', description: 'Time to resolution' }));
    expect(text('.accord-timeline__goal')).toEqual(['Goal 1 applies: 4h on Berlin office hours']);
    expect(text('.accord-timeline__event')).toEqual([
      'Mon 2 Mar, 09:00 Clock started',
      'Mon 2 Mar, 13:00 Due',
    ]);
  });
});

/** The calls for the metrics alone (each new evaluation also refetches the issue's extensions and excuses). */
function metricCalls(calls: readonly { readonly route: string }[]): readonly { readonly route: string }[] {
  return calls.filter((c) => c.route === 'issue/metrics');
}
