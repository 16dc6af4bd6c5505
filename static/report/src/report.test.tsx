/**
 * @jest-environment jsdom
 */
import { cleanup, render as show, screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type {
  AgreementMonthView,
  ComplianceFigures,
  CounterpartyMonthView,
  MonthlyReport,
  ReportPeriod,
} from '../../../src/app/resolvers/report-types';
import type { UiContext } from '../../shared/backend';
import { type AnyReply, type Call, fakeBackend, refused } from '../../shared/testing/fake-backend';
import { advance, loaded, onFakeClock, person } from '../../shared/testing/ui';
import { parseCsv } from './csv';
import type { ReportHost } from './host';
import { ReportPage } from './report-page';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 10, 20, 9, 30);

const november: ReportPeriod = {
  kind: 'month',
  label: '2026-11',
  start: '2026-10-31T23:00:00.000Z',
  end: '2026-11-30T23:00:00.000Z',
  firstDay: '2026-11-01',
  lastDay: '2026-11-30',
  current: true,
};

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
    running: 1,
    runningBreached: 0,
    completed,
    metPercent,
    objectivePercent: 95,
    objectiveMet: metPercent === null ? null : metPercent >= 95,
    errorBudget: {
      allowed: Math.floor((met * 5) / 95),
      used: breached,
      pending: 0,
      remaining: Math.floor((met * 5) / 95) - breached,
    },
    satisfaction: { count: 4, average: 3.25, watermelon: metPercent !== null && metPercent >= 95 },
    ...overrides,
  };
};

const gold: AgreementMonthView = {
  agreementId: 'gold',
  agreementName: 'Gold support',
  agreementKind: 'SLA',
  agreementVersion: 3,
  counterparty: 'Acme Corp',
  timeZone: 'Europe/Berlin',
  month: november,
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
  reviewBy: null,
  metrics: [
    {
      metricId: 'ttr',
      metricName: 'Time to resolution',
      overall: figures(38, 2, { objectivePercent: null, objectiveMet: null, errorBudget: null }),
      goals: [
        {
          goalIndex: 0,
          goalLabel: { kind: 'condition', when: 'priority = High' },
          targetMinutes: 240,
          figures: figures(19, 0),
        },
        {
          goalIndex: 1,
          goalLabel: { kind: 'other-issues' },
          targetMinutes: 480,
          figures: figures(19, 2, { extended: 3, excused: 1 }),
        },
      ],
    },
  ],
  credits: {
    period: 'month',
    currency: 'EUR',
    fee: 25000,
    lines: [
      {
        clause: 0,
        measure: { kind: 'metric', metricName: 'Time to resolution', goal: { kind: 'other-issues' } },
        measuredPercent: 90.47,
        belowPercent: 95,
        creditPercent: 5,
        missed: true,
        owed: true,
      },
    ],
    creditPercent: 5,
    capped: false,
    amount: 1250,
  },
  quarterCredits: null,
  availability: [
    {
      service: 'VPN',
      objectivePercent: 99.9,
      calendar: '24x7',
      scheduledMs: 1_641_600_000,
      downtimeMs: 5_400_000,
      maintenanceMs: 0,
      availablePercent: 99.67,
      objectiveMet: false,
      allowedDowntimeMs: 1_641_600,
      remainingDowntimeMs: -3_758_400,
      incidents: [
        {
          issueKey: 'IT-9',
          start: '2026-11-03T10:00:00.000Z',
          end: '2026-11-03T11:30:00.000Z',
          downtimeMs: 5_400_000,
        },
      ],
      error: null,
    },
  ],
  attribution: {
    cycles: 2,
    runningMs: 36_000_000,
    unattributedMs: 14_400_000,
    holders: [
      {
        agreementId: 'second-level',
        agreementName: 'Second-level',
        kind: 'OLA',
        counterparty: 'Second-level team',
        heldMs: 14_400_000,
        percent: 40,
      },
      {
        agreementId: 'netco',
        agreementName: 'NetCo carrier',
        kind: 'UC',
        counterparty: 'NetCo',
        heldMs: 7_200_000,
        percent: 20,
      },
    ],
    worst: [
      {
        issueKey: 'IT-4',
        metricId: 'ttr',
        metricName: 'Time to resolution',
        breachedAt: '2026-11-10T15:00:00.000Z',
        runningMs: 18_000_000,
        unattributedMs: 7_200_000,
        holders: [
          {
            agreementId: 'netco',
            agreementName: 'NetCo carrier',
            kind: 'UC',
            counterparty: 'NetCo',
            heldMs: 10_800_000,
            percent: 60,
          },
        ],
      },
    ],
  },
};

const netco: AgreementMonthView = {
  ...gold,
  agreementId: 'netco',
  agreementName: 'NetCo carrier',
  agreementKind: 'UC',
  agreementVersion: 1,
  counterparty: 'NetCo',
  metrics: [
    {
      metricId: 'restore',
      metricName: 'Time to restore',
      overall: figures(5, 0),
      goals: [
        { goalIndex: 0, goalLabel: { kind: 'all-issues' }, targetMinutes: 120, figures: figures(5, 0) },
      ],
    },
  ],
  credits: null,
  availability: [],
  attribution: null,
};

const counterparty = (
  agreement: AgreementMonthView,
  owed: CounterpartyMonthView['creditsOwed'],
): CounterpartyMonthView => ({
  counterparty: agreement.counterparty,
  agreements: [agreement],
  creditsOwed: owed,
});

const monthly = (overrides: Partial<MonthlyReport> = {}): MonthlyReport => ({
  generatedAt: new Date(NOW).toISOString(),
  month: '2026-11',
  counterparties: [counterparty(gold, [{ currency: 'EUR', amount: 1250 }]), counterparty(netco, [])],
  ...overrides,
});

const HEADER = 'issue_key,project,agreement_id,counterparty,outcome\r\n';
const csvReply = (call: Call): AnyReply => {
  if (call.route !== 'reports/csv') return refused('route-unknown', { route: call.route });
  const id = call.payload.agreementId;
  if (id === 'gold' && call.payload.cursor === undefined)
    return {
      ok: true,
      data: {
        filename: 'x.csv',
        columns: [],
        csv: `${HEADER}IT-1,IT,gold,"Acme, Inc.",met\r\n`,
        rows: 1,
        nextCursor: 'page-2',
        periods: [],
      },
    };
  if (id === 'gold')
    return {
      ok: true,
      data: {
        filename: 'x.csv',
        columns: [],
        csv: 'IT-2,IT,gold,"Acme, Inc.",breached\r\n',
        rows: 1,
        nextCursor: null,
        periods: [],
      },
    };
  return {
    ok: true,
    data: {
      filename: 'x.csv',
      columns: [],
      csv: `${HEADER}IT-3,IT,netco,NetCo,met\r\n`,
      rows: 1,
      nextCursor: null,
      periods: [],
    },
  };
};

onFakeClock(NOW);

let container: HTMLElement;
let user: UserEvent;

async function render(
  answer: (call: Call) => AnyReply | Promise<AnyReply>,
  context: Partial<UiContext> = {},
) {
  const fake = fakeBackend(answer, { locale: 'en-GB', ...context });
  const opened: string[] = [];
  let printed = 0;
  const host: ReportHost = {
    openIssue: (key) => opened.push(key),
    print: () => {
      printed++;
    },
  };
  // A second render in one test is a new page.
  cleanup();
  ({ container } = show(<ReportPage backend={fake.backend} host={host} />));
  user = person();
  await advance();
  await loaded(container);
  return { ...fake, opened, printed: () => printed };
}

const answerAll = (call: Call): AnyReply =>
  call.route === 'reports/monthly' ? { ok: true, data: monthly() } : csvReply(call);

const text = (): string => container.textContent;
const all = (selector: string): HTMLElement[] => [...container.querySelectorAll<HTMLElement>(selector)];
const button = (name: string): HTMLButtonElement | undefined =>
  all('button').find((b) => b.textContent === name) as HTMLButtonElement | undefined;

describe('the report page', () => {
  it('shows each counterparty’s compliance per metric and goal against the objective', async () => {
    const fake = await render(answerAll);
    expect(fake.calls[0]).toEqual({ route: 'reports/monthly', payload: {} });
    expect(text()).toContain('Service level report · November 2026');
    expect(all('[data-testid="counterparty"] h2').map((h) => h.textContent)).toEqual(['Acme Corp', 'NetCo']);
    expect(text()).toContain('SLA · version 3 · counted in Europe/Berlin · valid 1 Jan 2026 to 31 Dec 2027');
    const goals = all('[data-testid="goal-row"]');
    expect(goals.map((r) => r.querySelector('th')?.textContent)).toEqual([
      'priority = High',
      'all other issues',
    ]);
    expect(goals[1]?.textContent).toContain('90.4%');
    expect(goals[1]?.textContent).toContain('Missed');
    expect(goals[1]?.textContent).toContain('1 breach over');
    expect(goals[0]?.textContent).toContain('1 breach to spare');
    expect(goals[0]?.textContent).toContain('4h');
    // Extended and excused cycles apart, only where there are some.
    expect(goals[1]?.querySelector('[data-testid="adjusted"]')?.textContent).toBe('3 extended · 1 excused');
    expect(goals[0]?.querySelector('[data-testid="adjusted"]')).toBeNull();
    // NetCo's one goal is the metric itself: no goal rows under it.
    expect(all('[data-metric="restore"]')).toHaveLength(1);
    expect(text()).toContain('This month is not over');
  });

  it('flags a watermelon: the objective met while customers are unhappy', async () => {
    await render(answerAll);
    const high = all('[data-testid="goal-row"]')[0];
    expect(high?.textContent).toContain('3.3 of 5');
    expect(high?.textContent).toContain('(4 ratings)');
    expect(high?.querySelector('[data-testid="watermelon"]')?.textContent).toContain('Watermelon');
    expect(high?.querySelector('[data-testid="watermelon"]')?.getAttribute('title')).toContain(
      'green outside, red inside',
    );
    expect(all('[data-testid="goal-row"]')[1]?.querySelector('[data-testid="watermelon"]')).toBeNull();
  });

  it('shows the credits owed, availability against its objective and who held the breached time', async () => {
    const fake = await render(answerAll);
    expect(all('[data-testid="credits-owed"]').map((p) => p.textContent)).toEqual([
      'Credits owed: €1,250.00',
      'No credits owed',
    ]);
    const credits = all('[data-testid="credits"]')[0];
    expect(credits?.textContent).toContain('90.47%');
    expect(credits?.textContent).toContain('Owed');
    expect(credits?.textContent).toContain('5% of the fee owed: €1,250.00');
    const availability = all('[data-testid="availability"]')[0];
    expect(availability?.textContent).toContain('99.67%');
    expect(availability?.textContent).toContain('Missed');
    expect(availability?.textContent).toContain('1h 30m');
    const attribution = all('[data-testid="attribution"]')[0];
    expect(attribution?.textContent).toContain('Second-level (OLA, Second-level team)');
    expect(attribution?.textContent).toContain('40%');
    expect(attribution?.textContent).toContain('The service desk itself');
    expect(attribution?.textContent).toContain('2 breached cycles, 10h of running time in all.');

    await user.click(button('Show the breached cycles one by one')!);
    const worst = await screen.findByTestId('worst-cycles');
    await waitFor(() => {
      expect(worst.textContent).toContain('NetCo carrier (UC, NetCo) 3h');
    });
    await user.click(worst.querySelector('a')!);
    expect(fake.opened).toEqual(['IT-4']);
  });

  it('exports the cycles of the agreements shown as one CSV, page after page, with one header', async () => {
    const created: Blob[] = [];
    const downloads: string[] = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return 'blob:report';
    };
    URL.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const fake = await render(answerAll);
    await user.click(button('Export CSV')!);
    await waitFor(() => {
      expect(downloads).toEqual(['accord-all-2026-11.csv']);
    });
    expect(fake.calls.filter((c) => c.route === 'reports/csv').map((c) => c.payload)).toEqual([
      {
        agreementId: 'gold',
        period: 'month',
        from: '2026-11-01',
        count: 1,
        timeZone: 'Europe/Berlin',
        limit: 5000,
      },
      {
        agreementId: 'gold',
        period: 'month',
        from: '2026-11-01',
        count: 1,
        timeZone: 'Europe/Berlin',
        limit: 5000,
        cursor: 'page-2',
      },
      {
        agreementId: 'netco',
        period: 'month',
        from: '2026-11-01',
        count: 1,
        timeZone: 'Europe/Berlin',
        limit: 5000,
      },
    ]);
    expect(downloads).toEqual(['accord-all-2026-11.csv']);
    const reader = new FileReader();
    const read = new Promise<string>((resolve) => {
      reader.onload = () => {
        resolve(typeof reader.result === 'string' ? reader.result : '');
      };
    });
    reader.readAsText(created[0] ?? new Blob([]));
    await advance(10);
    const csv = await read;
    expect(parseCsv(csv)).toEqual([
      ['issue_key', 'project', 'agreement_id', 'counterparty', 'outcome'],
      ['IT-1', 'IT', 'gold', 'Acme, Inc.', 'met'],
      ['IT-2', 'IT', 'gold', 'Acme, Inc.', 'breached'],
      ['IT-3', 'IT', 'netco', 'NetCo', 'met'],
    ]);
    expect(container.querySelector('[data-testid="exported"]')?.textContent).toBe(
      'Exported 3 cycles to accord-all-2026-11.csv.',
    );
  });

  it('says why an export failed', async () => {
    await render((call) =>
      call.route === 'reports/monthly'
        ? { ok: true, data: monthly() }
        : refused('internal-error', { detail: 'The database took too long.' }),
    );
    await user.click(button('Export CSV')!);
    await waitFor(() => {
      expect(text()).toContain(
        'The CSV could not be exported: Something went wrong in Accord: The database took too long.',
      );
    });
  });

  it('prints through the host', async () => {
    const fake = await render(answerAll);
    await user.click(button('Print or save as PDF')!);
    expect(fake.printed()).toBe(1);
  });

  it('reports on the page’s project, and says what to do when there is nothing to report', async () => {
    const fake = await render(() => ({ ok: true, data: monthly({ counterparties: [] }) }), {
      projectKey: 'IT',
    });
    expect(fake.calls[0]).toEqual({ route: 'reports/monthly', payload: { projectKey: 'IT' } });
    expect(text()).toContain('Service level report: IT');
    expect(container.querySelector('[data-testid="empty"]')?.textContent).toContain(
      'There is no agreement for this month in project IT.',
    );
    expect(button('Export CSV')?.disabled).toBe(true);
  });

  it('shows the backend’s reason with Try again, and none for a refusal', async () => {
    let attempts = 0;
    const fake = await render(() => {
      attempts++;
      return attempts === 1
        ? refused('internal-error', { detail: 'Timeout.' })
        : { ok: true, data: monthly() };
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'The report could not be loaded. Something went wrong in Accord: Timeout.',
    );
    await user.click(button('Try again')!);
    await waitFor(() => {
      expect(all('[data-testid="counterparty"]')).toHaveLength(2);
    });
    expect(fake.calls).toHaveLength(2);

    await render(() => ({
      ok: false,
      error: refused('report-admin-only', {}).error,
    }));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'You cannot see this report: Only Jira administrators can see reports over every project',
    );
    expect(button('Try again')).toBeUndefined();
  });

  it('says in the user’s language why a service’s availability could not be measured', async () => {
    const vpn = gold.availability[0]!;
    const broken: AgreementMonthView = {
      ...gold,
      availability: [
        { ...vpn, error: { code: 'incidents-unreadable', params: { detail: 'HTTP 400' } } },
        { ...vpn, service: 'Mail', error: { code: 'calendar-unknown', params: { calendar: 'mail-hours' } } },
      ],
    };
    const answer = (call: Call): AnyReply =>
      call.route === 'reports/monthly'
        ? { ok: true, data: monthly({ counterparties: [counterparty(broken, [])] }) }
        : csvReply(call);
    const errors = () =>
      all('[data-testid="availability"] .accord-report__error').map((td) => td.textContent);
    await render(answer, { locale: 'de-DE' });
    expect(errors()).toEqual([
      'Die Störungen konnten nicht aus Jira gelesen werden: HTTP 400',
      'Es gibt keinen Kalender „mail-hours“: Der Dienst kann nicht gemessen werden.',
    ]);
    await render(answer, { locale: 'da-DK' });
    expect(errors()).toEqual([
      'Hændelserne kunne ikke læses fra Jira: HTTP 400',
      'Der findes ingen kalender »mail-hours«: tjenesten kan ikke måles.',
    ]);
    await render(answer);
    expect(errors()).toEqual([
      'The incidents could not be read from Jira: HTTP 400',
      'There is no calendar “mail-hours”: the service cannot be measured.',
    ]);
  });

  it('speaks German, with German numbers and money', async () => {
    await render(answerAll, { locale: 'de-DE' });
    expect(text()).toContain('Service-Level-Bericht · November 2026');
    expect(all('[data-testid="credits-owed"]')[0]?.textContent).toBe(
      'Geschuldete Gutschriften: 1.250,00\u00a0€',
    );
    expect(all('[data-testid="goal-row"]')[1]?.textContent).toContain('90,4\u00a0%');
    expect(text()).toContain('Wassermelone');
    // The server sends codes for goals without a condition and for clauses; the page words them in German.
    expect(all('[data-testid="goal-row"]')[1]?.querySelector('th')?.textContent).toBe(
      'alle übrigen Vorgänge',
    );
    expect(text()).toContain('Time to resolution, alle übrigen Vorgänge');
    expect(text()).not.toContain('all other issues');
  });
});
