/**
 * @jest-environment jsdom
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { at, makeCalendar } from '../../../src/engine/calendar/test-support';
import type { IssueMetrics } from '../../shared/api/issue-metrics';
import type { PayloadOf, Reply, ReplyOf, ReplyTo, RouteName } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import { forCountdown, makeCycle, makeEntry, makeMetric } from '../../shared/testing/builders';
import { testTranslations } from '../../shared/testing/translations';
import { IssuePanel } from './panel';
import type { AnyReply } from '../../shared/testing/fake-backend';

// React's act() warns unless it knows it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const berlin = (time: string): number => at(`2026-03-02T${time}+01:00`); // Monday 2 March 2026
const utc = (time: string): string => new Date(berlin(time)).toISOString();

/**
 * The issue-panel's backend, faked: `issue/metrics` replies in turn (the last one again once they run out),
 * `issue/adjustments` with none, one realtime listener.
 */
function fakeBackend(...replies: MetricsReply[]) {
  return fakeBackendIn('en-GB', ...replies);
}

function fakeBackendIn(locale: string, ...replies: MetricsReply[]) {
  const calls: { route: string; payload: unknown }[] = [];
  const channels: string[] = [];
  let listener: (() => void) | null = null;
  const backend: Backend = {
    call: <R extends RouteName>(route: R, payload: PayloadOf<R>) => {
      calls.push({ route, payload });
      const reply: AnyReply =
        route === 'issue/adjustments'
          ? { ok: true, data: { issueId: '10042', adjustments: [], canAdjust: [] } }
          : route === 'issue/metrics'
            ? ((replies.length > 1 ? replies.shift() : replies[0]) ?? {
                ok: false,
                error: { code: 'internal', message: 'no reply' },
              })
            : { ok: false, error: { code: 'not-found', message: route } };
      // Each branch above answers its own route.
      return Promise.resolve(reply as Reply<ReplyOf<R>>);
    },
    context: () =>
      Promise.resolve({
        issueId: '10042',
        projectKey: 'IT',
        accountId: 'agent-1',
        gadget: null,
        locale,
        timeZone: 'Europe/Berlin',
      }),
    submitGadget: () => Promise.reject(new Error('not a gadget')),
    translations: testTranslations,
    subscribe: (channel, onEvent) => {
      channels.push(channel);
      listener = onEvent;
      return Promise.resolve(() => {
        listener = null;
      });
    },
  };
  return { backend, calls, channels, notify: () => listener?.() };
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

// Time to resolution: 4 h from 09:00, so due at 13:00 Berlin; evaluated at 09:00.
const resolution = makeEntry(
  makeMetric({
    cycles: [makeCycle({ startedAt: utc('09:00'), remainingMs: 4 * 3_600_000, deadline: utc('13:00') })],
  }),
);
const handling = makeEntry(
  makeMetric({
    id: 'handling',
    name: 'Second-level handling',
    state: 'paused',
    pausedBy: 'status = "Waiting for customer"',
    cycles: [
      makeCycle({ startedAt: utc('08:30'), deadline: null, pauses: [{ from: utc('08:45'), to: null }] }),
    ],
  }),
  { kind: 'OLA', agreementId: 'second-level' },
);

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(berlin('10:00'));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => {
    root.unmount();
  });
  container.remove();
  jest.useRealTimers();
});

async function render(backend: Backend): Promise<void> {
  act(() => {
    root.render(<IssuePanel backend={backend} />);
  });
  await settle();
}

/** Lets promises resolve and timers due in `ms` run, inside act. */
async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

const text = (selector: string): string[] =>
  [...container.querySelectorAll(selector)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
const button = (label: string): HTMLButtonElement => {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent.includes(label));
  if (!found) throw new Error(`no button "${label}" in ${container.innerHTML}`);
  return found;
};

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

  it('ticks every second, hidden from screen readers, which get the time to the minute', async () => {
    await render(fakeBackend(reply({ results: [resolution] })).backend);
    const time = container.querySelector('.accord-metric__time')!;
    const spoken = (): string =>
      container.querySelector('.accord-metric__clock .accord-visually-hidden')!.textContent;
    expect(time.getAttribute('aria-hidden')).toBe('true');
    expect(spoken()).toBe('3 hours left');

    // The clock ticks just after each whole second.
    await settle(1005);
    expect(time.textContent).toBe('2h 59m 59s');
    expect(spoken()).toBe('3 hours left');
    await settle(59_000);
    expect(time.textContent).toBe('2h 59m 00s');
    expect(spoken()).toBe('2 hours, 59 minutes left');
  });

  it('stops at the end of the working day and says when the clock resumes', async () => {
    jest.setSystemTime(berlin('16:59:58'));
    await render(fakeBackend(reply({ results: [resolution] })).backend);
    await settle(5000);
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
    await settle(1005);
    expect(text('.accord-metric__time')).toEqual(['1s']);
    expect(status.textContent).toBe('');
    await settle(1000);
    expect(status.textContent).toBe('Time to resolution: Breached');
    await settle(1000);
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
    await settle(300);
    expect(metricCalls(fake.calls)).toHaveLength(2);
    await settle(60_000);
    expect(metricCalls(fake.calls)).toHaveLength(3);
  });

  it("shows the backend's message with a way to try again", async () => {
    const fake = fakeBackend(
      { ok: false, error: { code: 'forbidden', message: 'You cannot browse this issue.' } },
      reply({ results: [resolution] }),
    );
    await render(fake.backend);
    expect(text('[role="alert"] p')).toEqual(['You cannot browse this issue.']);
    act(() => {
      button('Try again').click();
    });
    await settle();
    expect(text('[role="alert"]')).toEqual([]);
    expect(text('h3')).toEqual(['Time to resolution']);
  });

  it('keeps the results on screen when a refresh fails, and says so', async () => {
    const fake = fakeBackend(reply({ results: [resolution] }), {
      ok: false,
      error: { code: 'jira-error', message: 'Jira did not answer as expected: 503' },
    });
    await render(fake.backend);
    await settle(60_000);
    expect(text('[role="alert"] p')).toEqual(['Could not refresh: Jira did not answer as expected: 503']);
    expect(text('h3')).toEqual(['Time to resolution']);
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

    const completed = button('Completed (1)');
    expect(completed.getAttribute('aria-expanded')).toBe('false');
    act(() => {
      completed.click();
    });
    expect(completed.getAttribute('aria-expanded')).toBe('true');
    expect(text('h3')).toEqual(['Time to resolution', 'Time to first response']);
    expect(text('.accord-metric__clock--quiet')).toEqual(['Took 14m of 4h']);

    act(() => {
      button('Timeline').click();
    });
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
