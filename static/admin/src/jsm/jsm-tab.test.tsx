/**
 * @jest-environment jsdom
 */
import type { UserEvent } from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsmComparison } from '../../../../src/app/jsm/compare';
import type { Agreement } from '../../../../src/engine/agreement/types';
import { fakeBackend, refused } from '../../../shared/testing/fake-backend';
import { button, clean, field, type, found, loadTabsFirst, mountPage } from '../testing/render';

const AGREEMENTS = JSON.parse(
  readFileSync(join(__dirname, '../../../../examples/agreements.json'), 'utf8'),
) as Agreement[];
const ok = <T,>(data: T) => ({ ok: true as const, data });
const version = (body: Agreement) => ({ id: body.id, version: 1, body, savedAt: 0, savedBy: 'x' });
const M = 60_000;

/** What `jsm/compare` answers: one request that differs (another goal and calendar), one JSM has no metric on. */
const COMPARISON: JsmComparison = {
  request: {
    projectKey: 'IT',
    jsmMetric: 'Time to first response',
    agreementId: 'gold',
    metricId: 'first-response',
    count: 20,
  },
  comparedAt: '2026-03-02T09:00:00.000Z',
  jsmMetrics: ['Time to first response', 'Time to resolution'],
  compared: 1,
  differing: 1,
  issues: [
    {
      issueId: '10002',
      issueKey: 'IT-2',
      status: 'no-jsm-metric',
      cycles: [],
    },
    {
      issueId: '10001',
      issueKey: 'IT-1',
      status: 'compared',
      cycles: [
        {
          index: 0,
          jsm: {
            startedAt: '2026-02-27T15:00:00.000Z',
            stoppedAt: '2026-03-02T08:30:00.000Z',
            elapsedMs: 3930 * M,
            goalMs: 240 * M,
            breached: true,
            paused: false,
          },
          accord: {
            startedAt: '2026-02-27T15:00:00.000Z',
            stoppedAt: '2026-03-02T08:30:00.000Z',
            elapsedMs: 90 * M,
            goalMs: 120 * M,
            breached: false,
            paused: false,
          },
          differences: ['goal', 'elapsed', 'breach'],
          reasons: ['goal', 'calendar'],
        },
      ],
    },
  ],
};

let container: HTMLElement;
let user: UserEvent;
loadTabsFirst();

async function openTab(locale: string, tab: string) {
  const fake = fakeBackend(
    (call) => {
      if (call.route === 'agreements/list') return ok(AGREEMENTS.map(version));
      if (call.route === 'jsm/compare') return ok(COMPARISON);
      if (call.route === 'agreements/placements') return ok({ projects: [] });
      if (call.route === 'calendars/list') return ok([]);
      return refused('route-unknown', { route: call.route });
    },
    { locale, timeZone: 'Europe/Berlin' },
  );
  ({ container, user } = mountPage(fake.backend));
  const tabElement = await found(
    () =>
      [...container.querySelectorAll<HTMLElement>('[role="tab"]')].find((e) => clean(e.textContent) === tab),
    'the tab',
  );
  await user.click(tabElement);
  // The form shows at once; it compares once the agreements came, the first one picked.
  const first = `${AGREEMENTS[0]!.name} (${AGREEMENTS[0]!.kind})`;
  await found(
    () => clean(container.querySelector('.accord-jsm form')?.textContent).includes(first) || null,
    first,
  );
  return fake;
}

describe('the JSM comparison tab', () => {
  it('compares the JSM metric named with the Accord metric picked, and says where and why they differ', async () => {
    const fake = await openTab('en-GB', 'JSM comparison');
    const name = await found(() => field(container, 'JSM SLA metric'), 'the form');
    await type(user, name, 'Time to first response');
    await type(user, field(container, 'Requests'), '10');
    await user.click(button(container, 'Compare'));
    expect(fake.calls.find((c) => c.route === 'jsm/compare')?.payload).toEqual({
      projectKey: 'IT',
      jsmMetric: 'Time to first response',
      agreementId: 'gold',
      metricId: 'first-response',
      count: 10,
    });
    await found(() => container.querySelector('[data-testid="jsm-summary"]'), 'the result');
    expect(clean(container.querySelector('[data-testid="jsm-summary"]')?.textContent)).toBe(
      '1 of 1 request measures differently.',
    );
    expect(clean(container.textContent)).toContain(
      'Some requests have no JSM metric “Time to first response”. JSM metrics found: Time to first response, Time to resolution.',
    );
    const cycle = container.querySelector('[data-testid="jsm-cycle"]');
    expect(cycle?.getAttribute('data-differences')).toBe('goal elapsed breach');
    // The JSM row: 65 h 30 min of 4 h, breached; each differing value marked.
    expect(
      [...(cycle?.querySelectorAll('.accord-jsm__differs') ?? [])].map((c) => clean(c.textContent)),
    ).toEqual(['65h 30m (differs)', '4h (differs)', 'Yes (differs)']);
    expect(clean(container.querySelector('[data-testid="jsm-why"]')?.textContent)).toBe(
      'Another goal. Another calendar: the same span counts different working time.',
    );
    expect(clean(container.querySelector('[data-status="no-jsm-metric"]')?.textContent)).toBe(
      'IT-2JSM has no such metric on this request.',
    );
  });

  it('speaks German', async () => {
    await openTab('de-DE', 'JSM-Vergleich');
    await found(() => field(container, 'JSM-SLA-Metrik'), 'the form');
    await user.click(button(container, 'Vergleichen'));
    await found(() => container.querySelector('[data-testid="jsm-summary"]'), 'the result');
    expect(clean(container.querySelector('[data-testid="jsm-summary"]')?.textContent)).toBe(
      '1 von 1 Anfrage wird anders gemessen.',
    );
    expect(clean(container.querySelector('[data-testid="jsm-why"]')?.textContent)).toContain('Anderes Ziel.');
  });
});
