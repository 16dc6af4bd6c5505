/**
 * @jest-environment jsdom
 */
import { cleanup, render as show, screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type {
  ComplianceFigures,
  ComplianceReport,
  ComplianceRow,
  GadgetReport,
  ReportPeriod,
} from '../../../src/app/resolvers/report-types';
import type { UiContext } from '../../shared/backend';
import { type AnyReply, type Call, fakeBackend, refused } from '../../shared/testing/fake-backend';
import { advance, loaded, onFakeClock, person, retype } from '../../shared/testing/ui';
import { Gadget } from './gadget';
import type { GadgetHost } from './host';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Friday 20 November 2026, 10:30 in Berlin. */
const NOW = Date.UTC(2026, 10, 20, 9, 30);

const month = (m: number, current = false): ReportPeriod => {
  const mm = String(m).padStart(2, '0');
  const last = new Date(Date.UTC(2026, m, 0)).getUTCDate();
  return {
    kind: 'month',
    label: `2026-${mm}`,
    start: `2026-${mm}-01T00:00:00.000Z`,
    end: `2026-${mm}-${String(last)}T23:00:00.000Z`,
    firstDay: `2026-${mm}-01`,
    lastDay: `2026-${mm}-${String(last)}`,
    current,
  };
};
const PERIODS = [6, 7, 8, 9, 10, 11].map((m) => month(m, m === 11));

const figures = (
  met: number,
  breached: number,
  overrides: Partial<ComplianceFigures> = {},
): ComplianceFigures => {
  const completed = met + breached;
  const metPercent = completed === 0 ? null : (met / completed) * 100;
  return {
    met,
    breached,
    running: 0,
    runningBreached: 0,
    completed,
    metPercent,
    objectivePercent: 90,
    objectiveMet: metPercent === null ? null : metPercent >= 90,
    errorBudget: {
      allowed: Math.floor(met / 9),
      used: breached,
      pending: 0,
      remaining: Math.floor(met / 9) - breached,
    },
    satisfaction: { count: 0, average: null, watermelon: false },
    ...overrides,
  };
};

const row = (overrides: Partial<ComplianceRow> = {}): ComplianceRow => ({
  agreementId: 'gold',
  agreementName: 'Gold support',
  agreementKind: 'SLA',
  counterparty: 'Acme Corp',
  metricId: 'ttr',
  metricName: 'Time to resolution',
  goalIndex: 0,
  goalLabel: { kind: 'condition', when: 'priority = High' },
  targetMinutes: 240,
  projectKey: null,
  periods: [
    figures(9, 1),
    figures(10, 0),
    figures(8, 2),
    figures(0, 0),
    figures(9, 0),
    figures(27, 1, { running: 3 }),
  ],
  trend: 'improving',
  ...overrides,
});

const report = (overrides: Partial<GadgetReport> = {}): GadgetReport => ({
  generatedAt: new Date(NOW).toISOString(),
  timeZone: 'Europe/Berlin',
  agreement: { id: 'gold', name: 'Gold support', kind: 'SLA', counterparty: 'Acme Corp' },
  periods: PERIODS,
  groupBy: 'goal',
  rows: [row()],
  atRisk: [
    {
      issueId: '10007',
      issueKey: 'IT-7',
      projectKey: 'IT',
      metricId: 'ttr',
      metricName: 'Time to resolution',
      goalLabel: { kind: 'condition', when: 'priority = High' },
      state: 'at-risk',
      deadline: '2026-11-20T12:00:00.000Z',
      remainingMs: 3_600_000,
      evaluatedAt: new Date(NOW).toISOString(),
    },
  ],
  breaches: [
    {
      issueId: '10003',
      issueKey: 'IT-3',
      projectKey: 'IT',
      metricId: 'ttr',
      metricName: 'Time to resolution',
      goalIndex: 0,
      goalLabel: { kind: 'condition', when: 'priority = High' },
      targetMinutes: 240,
      startedAt: '2026-11-18T08:00:00.000Z',
      breachedAt: '2026-11-18T12:00:00.000Z',
      stoppedAt: null,
      elapsedMs: 15_000_000,
    },
  ],
  ...overrides,
});

const options: ComplianceReport = {
  generatedAt: new Date(NOW).toISOString(),
  timeZone: 'Europe/Berlin',
  period: 'month',
  groupBy: 'metric',
  periods: [month(11, true)],
  rows: [
    row({ goalIndex: null, goalLabel: { kind: 'all-goals' }, periods: [figures(0, 0)] }),
    row({
      metricId: 'ttfr',
      metricName: 'Time to first response',
      goalIndex: null,
      goalLabel: { kind: 'all-goals' },
      periods: [figures(0, 0)],
    }),
    row({
      agreementId: 'netco',
      agreementName: 'NetCo carrier',
      agreementKind: 'UC',
      counterparty: 'NetCo',
      metricId: 'restore',
      metricName: 'Time to restore',
      goalIndex: null,
      goalLabel: { kind: 'all-goals' },
      periods: [figures(0, 0)],
    }),
  ],
};

onFakeClock(NOW);

let container: HTMLElement;
let user: UserEvent;

const fakeHost = () => {
  const opened: { key: string; newTab: boolean }[] = [];
  let closed = 0;
  const host: GadgetHost = {
    openIssue: (key, newTab) => opened.push({ key, newTab }),
    close: () => {
      closed++;
      return Promise.resolve();
    },
  };
  return { host, opened, closed: () => closed };
};

async function render(
  answer: (call: Call) => AnyReply,
  context: Partial<UiContext>,
): Promise<ReturnType<typeof fakeBackend> & ReturnType<typeof fakeHost>> {
  const fake = fakeBackend(answer, context);
  const host = fakeHost();
  // A second render in one test is a new gadget, not the first one with new props.
  cleanup();
  ({ container } = show(<Gadget backend={fake.backend} host={host.host} />));
  user = person();
  await advance();
  await loaded(container);
  return { ...fake, ...host };
}

const configured = (
  configuration: Record<string, unknown>,
  entryPoint: 'view' | 'edit' = 'view',
): Partial<UiContext> => ({
  gadget: { entryPoint, configuration },
  locale: 'en-GB',
});

const text = (): string => container.textContent;
const byTestId = (id: string): HTMLElement[] => [
  ...container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
];

describe('the gadget’s view', () => {
  it('shows the current period against the objective, with the error budget in words', async () => {
    const fake = await render(
      () => ({ ok: true, data: report() }),
      configured({ agreementId: 'gold', metricId: 'ttr' }),
    );
    expect(fake.calls[0]).toEqual({
      route: 'reports/gadget',
      payload: expect.objectContaining({
        agreementId: 'gold',
        metricId: 'ttr',
        period: 'month',
        groupBy: 'goal',
      }),
    });
    expect(text()).toContain('Gold support · Time to resolution');
    expect(byTestId('period')[0]?.textContent).toBe('This month · November 2026');
    // 27 of 28 met: 96.4 %, cut and not rounded up.
    expect(byTestId('met-share')[0]?.textContent).toBe('96.4% met');
    expect(text()).toContain('objective 90%');
    expect(byTestId('counts')[0]?.textContent).toBe('27 of 28 met · 3 still running');
    // 27 met pay for 3 breaches at 90 %; 1 used.
    expect(byTestId('budget')[0]?.textContent).toBe('2 more breaches allowed this month');
    expect(text()).toContain('On target');
    expect(text()).toContain('within 4h');
  });

  it('draws the trend with a gap where no cycle ended, and gives screen readers the figures', async () => {
    await render(() => ({ ok: true, data: report() }), configured({ agreementId: 'gold' }));
    const chart = byTestId('trend-chart')[0];
    expect(chart?.getAttribute('aria-hidden')).toBe('true');
    expect(chart?.querySelectorAll('circle')).toHaveLength(5);
    expect(chart?.querySelectorAll('path')).toHaveLength(2);
    expect(chart?.querySelector('.accord-trend__point--current')).not.toBeNull();
    const rows = [...container.querySelectorAll('figcaption tbody tr')].map((tr) => tr.textContent);
    expect(rows).toEqual(['Jun90%', 'Jul100%', 'Aug80%', 'Septno cycle ended', 'Oct100%', 'Nov96.4%']);
  });

  it('links at-risk issues and breaches, opening them through the host (a new tab with Ctrl)', async () => {
    const fake = await render(() => ({ ok: true, data: report() }), configured({ agreementId: 'gold' }));
    const atRisk = byTestId('at-risk')[0];
    expect(atRisk?.textContent).toContain('At risk');
    expect(atRisk?.textContent).toContain('due Fri 20 Nov, 13:00');
    const link = atRisk?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/browse/IT-7');
    await user.click(link!);
    const breach = byTestId('breaches')[0]?.querySelector('a');
    await user.keyboard('{Control>}');
    await user.click(breach!);
    await user.keyboard('{/Control}');
    expect(fake.opened).toEqual([
      { key: 'IT-7', newTab: false },
      { key: 'IT-3', newTab: true },
    ]);
    expect(byTestId('breaches')[0]?.textContent).toContain('still open');
  });

  it('speaks German, with German numbers', async () => {
    await render(() => ({ ok: true, data: report() }), {
      ...configured({ agreementId: 'gold', metricId: 'ttr' }),
      locale: 'de-DE',
    });
    expect(byTestId('met-share')[0]?.textContent).toBe('96,4\u00a0% eingehalten');
    expect(byTestId('budget')[0]?.textContent).toBe('Diesen Monat sind noch 2 Verletzungen erlaubt');
    expect(byTestId('period')[0]?.textContent).toBe('Dieser Monat · November 2026');
    expect(text()).toContain('Jetzt gefährdet');
  });

  it('says what to do when the agreement is gone, and offers Try again on other failures', async () => {
    await render(() => refused('agreement-unknown', { ids: ['gold'] }), configured({ agreementId: 'gold' }));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('no longer exists');
    expect(container.querySelector('button')).toBeNull();

    let attempts = 0;
    const fake = await render(
      () => {
        attempts++;
        return attempts === 1 ? refused('unreachable', { detail: '' }) : { ok: true, data: report() };
      },
      configured({ agreementId: 'gold' }),
    );
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('could not reach');
    await user.click(container.querySelector('button')!);
    await waitFor(() => {
      expect(byTestId('compliance-row')).toHaveLength(1);
    });
    expect(fake.calls).toHaveLength(2);
  });

  it('says when there is nothing to measure, and asks to be configured when it is not', async () => {
    await render(
      () => ({ ok: true, data: report({ rows: [], atRisk: [], breaches: [] }) }),
      configured({ agreementId: 'gold' }),
    );
    expect(text()).toContain('Nothing to measure yet');
    expect(text()).toContain('No issue is at risk right now.');
    expect(text()).toContain('No breaches so far.');

    const fake = await render(() => ({ ok: true, data: report() }), configured({}));
    expect(text()).toContain('Choose an agreement and metric');
    expect(fake.calls).toEqual([]);
  });

  it('asks again every five minutes, keeping the figures when a refresh fails', async () => {
    let attempts = 0;
    const fake = await render(
      () => {
        attempts++;
        return attempts === 1
          ? { ok: true, data: report() }
          : refused('internal-error', { detail: 'Timeout.' });
      },
      configured({ agreementId: 'gold' }),
    );
    await advance(5 * 60_000);
    expect(fake.calls).toHaveLength(2);
    expect(byTestId('compliance-row')).toHaveLength(1);
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Timeout.');
  });
});

describe('the gadget’s edit view', () => {
  // Atlaskit's controls ask Atlassian's feature-gate client, which no test initialises, and warn once.
  beforeEach(() => {
    const warn = console.warn.bind(console);
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (JSON.stringify(args).includes('feature gate')) return;
      warn(...args);
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const answer = (call: Call): AnyReply =>
    call.route === 'reports/compliance' ? { ok: true, data: options } : { ok: true, data: report() };

  it('offers the agreements the reader may report on, and saves the configuration', async () => {
    const fake = await render(
      answer,
      configured({ agreementId: 'gold', metricId: 'ttr', period: 'week' }, 'edit'),
    );
    expect(fake.calls[0]).toEqual({
      route: 'reports/compliance',
      payload: { period: 'month', count: 1, groupBy: 'metric' },
    });
    expect(text()).toContain('Gold support (SLA, Acme Corp)');
    expect(text()).toContain('Time to resolution');
    expect(text()).toContain('Week');
    await user.click(container.querySelector<HTMLButtonElement>('button[type="submit"]')!);
    await waitFor(() => {
      expect(fake.submitted).toHaveLength(1);
    });
    expect(fake.submitted).toEqual([
      { agreementId: 'gold', metricId: 'ttr', period: 'week', groupBy: 'goal' },
    ]);
  });

  it('asks for an agreement before saving a new gadget, and for a project key that is one', async () => {
    const fake = await render(answer, configured({}, 'edit'));
    expect(text()).toContain('Choose an agreement');
    // A new gadget has nothing to go back to.
    expect(text()).not.toContain('Cancel');
    await user.click(container.querySelector<HTMLButtonElement>('button[type="submit"]')!);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Choose an agreement first.');
    expect(fake.submitted).toEqual([]);

    const input = container.querySelector<HTMLInputElement>('input[id$="-project"]');
    expect(input).not.toBeNull();
    await retype(user, input!, 'it help');
    expect(text()).toContain('A project key is letters and digits');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
  });

  it('loads the agreements of the project typed in, where a non-admin may see figures', async () => {
    const fake = await render(
      (call) =>
        call.route === 'reports/compliance' && call.payload.projectKey === 'IT'
          ? { ok: true, data: options }
          : refused('report-admin-only', {}),
      configured({}, 'edit'),
    );
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'choose a project you can browse',
    );
    const input = container.querySelector<HTMLInputElement>('input[id$="-project"]');
    await retype(user, input!, 'it');
    const load = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Load agreements');
    await user.click(load!);
    await waitFor(() => {
      expect(text()).toContain('Choose an agreement');
    });
    expect(fake.calls.at(-1)?.payload).toEqual({
      period: 'month',
      count: 1,
      groupBy: 'metric',
      projectKey: 'IT',
    });
    expect(text()).toContain('Choose an agreement');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('goes back without saving on Cancel', async () => {
    const fake = await render(answer, configured({ agreementId: 'gold' }, 'edit'));
    const cancel = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
    await user.click(cancel!);
    expect(fake.closed()).toBe(1);
    expect(fake.submitted).toEqual([]);
  });
});
