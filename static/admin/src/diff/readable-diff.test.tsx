/**
 * @jest-environment jsdom
 */
import { diffJson } from '../../../../src/app/resolvers/diff';
import type { Agreement, Metric, Threshold } from '../../../../src/engine/agreement/types';
import { fakeBackend, refused } from '../../../shared/testing/fake-backend';
import { HistoryPanel } from '../agreements/history-panel';
import AuditTab from '../audit/audit-tab';
import { clean, mount, found, type Mounted } from '../testing/render';

const metric = (id: string, name: string, targetMinutes: number): Metric => ({
  id,
  name,
  start: [{ event: 'created' }],
  stop: [{ event: 'resolution', change: 'set' }],
  goals: [{ targetMinutes, calendar: 'berlin', objectivePercent: 90, when: 'priority = High' }],
});
const gold = (metrics: Metric[], customerVisible = false): Agreement => ({
  id: 'gold',
  name: 'Gold',
  kind: 'SLA',
  customerVisible,
  metrics,
});
const ID = 'gold';
const at = (n: number) => Date.parse('2026-03-01T09:00:00Z') + n * 60_000;
const versions = (...bodies: Agreement[]) =>
  bodies.map((body, i) => ({ id: 'gold', version: i + 1, body, savedAt: at(i), savedBy: 'chris-admin' }));

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

/** The history panel over these versions, with the newest version's changes open. */
async function historyOf(bodies: Agreement[], locale?: string) {
  const fake = fakeBackend((call) =>
    call.route === 'agreements/history'
      ? { ok: true, data: versions(...bodies) }
      : refused('internal-error', { detail: 'not here' }),
  );
  mounted = await mount(
    <HistoryPanel id={ID} currentVersion={bodies.length} onRestored={() => undefined} />,
    {
      backend: fake.backend,
      ...(locale === undefined ? {} : { locale }),
    },
  );
  await found(() => mounted.container.querySelector('.accord-history__row button'), 'the versions');
  await mounted.user.click(
    mounted.container.querySelector<HTMLButtonElement>('.accord-history__row button')!,
  );
  return [...mounted.container.querySelectorAll<HTMLTableRowElement>('.accord-diff tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((c) => clean(c.textContent)),
  );
}

describe('a version’s changes, in words', () => {
  it('reads an added metric as one line with its main facts, not a blob of JSON', async () => {
    const rows = await historyOf([
      gold([metric('response', 'Time to first response', 60)]),
      gold([metric('response', 'Time to first response', 60), metric('ttr', 'Time to resolution', 480)]),
    ]);
    expect(rows).toEqual([
      [
        'Added metric 2 “Time to resolution”',
        '—',
        'Starts on: Issue created' + 'Stops on: Resolution changes' + 'Goals: 8h',
      ],
    ]);
  });

  it('pairs metrics by id: one put in front is one metric added, not every later one changed', async () => {
    const rows = await historyOf([
      gold([metric('ttr', 'Time to resolution', 480)]),
      gold([metric('response', 'Time to first response', 60), metric('ttr', 'Time to resolution', 240)]),
    ]);
    expect(rows.map((r) => [r[0], r[1], r[2]?.slice(0, 24)])).toEqual([
      ['Added metric 1 “Time to first response”', '—', 'Starts on: Issue created'],
      ['Metric 2 › Goal 1 › Target', '8h', '4h'],
    ]);
  });

  it('says a changed target as durations, a switch as yes or no, JQL as code', async () => {
    const rows = await historyOf([
      gold([metric('ttr', 'Time to resolution', 480)]),
      { ...gold([metric('ttr', 'Time to resolution', 240)], true), appliesTo: 'project = IT' },
    ]);
    expect(rows).toEqual([
      ['Shown to customers', 'no', 'yes'],
      ['Metric 1 › Goal 1 › Target', '8h', '4h'],
      ['Applies to', '—', 'project = IT'],
    ]);
    expect(clean(mounted.container.querySelector('.accord-diff__code')?.textContent)).toBe('project = IT');
  });

  it('speaks German', async () => {
    const rows = await historyOf(
      [
        gold([metric('ttr', 'Time to resolution', 480)]),
        gold([metric('ttr', 'Time to resolution', 240), metric('response', 'Erste Antwort', 90)], true),
      ],
      'de-DE',
    );
    expect(rows.map((r) => [r[0], r[1], r[2]?.slice(0, 16)])).toEqual([
      ['Für Kunden sichtbar', 'nein', 'ja'],
      ['Metrik 1 › Ziel 1 › Zielzeit', '8h', '4h'],
      ['Metrik 2 „Erste Antwort“ hinzugefügt', '—', 'Startet bei: Vor'],
    ]);
  });

  it('says an agreement’s validity and review dates as the Jira locale writes them', async () => {
    const dated = (validTo: string): Agreement => ({
      ...gold([metric('ttr', 'Time to resolution', 480)]),
      validFrom: '2026-01-01',
      validTo,
    });
    const reviewed = { ...dated('2026-12-31'), reviewBy: '2026-11-15' };
    const rows = await historyOf([dated('2026-06-30'), reviewed], 'de-DE');
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['30.06.2026', '31.12.2026'],
      ['—', '15.11.2026'],
    ]);
  });

  it('speaks Danish', async () => {
    const rows = await historyOf(
      [
        gold([metric('ttr', 'Time to resolution', 480)]),
        gold([metric('ttr', 'Time to resolution', 240)], true),
      ],
      'da-DK',
    );
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['nej', 'ja'],
      ['8 t', '4 t'],
    ]);
  });
});

describe('the audit log’s changes, in words', () => {
  it('puts an added metric’s paths back together, and says a changed target as durations', async () => {
    const acting = (at: Threshold['at']): Metric => ({
      ...metric('response', 'Time to first response', 60),
      thresholds: [{ at, actions: [] }],
    });
    const before = gold([acting({ percent: 75 })]);
    const after = gold([
      { ...acting({ minutesBefore: 30 }), goals: metric('r', 'r', 30).goals },
      metric('ttr', 'Time to resolution', 480),
    ]);
    const entry = {
      at: at(1),
      actor: 'chris-admin',
      action: 'agreement.save',
      entity: 'agreement',
      entityId: 'gold',
      version: 2,
      // As the backend records them: one JSON path per changed value.
      changes: diffJson(before, after),
    };
    const fake = fakeBackend((call) =>
      call.route === 'audit/list'
        ? { ok: true, data: [entry] }
        : refused('internal-error', { detail: 'not here' }),
    );
    mounted = await mount(<AuditTab />, { backend: fake.backend });
    await found(() => mounted.container.querySelector('details summary'), 'the entry');
    // Counted as read: the new metric is one change, however many paths it was recorded as.
    expect(clean(mounted.container.querySelector('details summary')?.textContent)).toBe('3 changes');
    await mounted.user.click(mounted.container.querySelector<HTMLElement>('details summary')!);
    const lines = [...mounted.container.querySelectorAll('.accord-diff__list > li')].map((li) =>
      clean(li.textContent),
    );
    expect(lines).toEqual([
      'Metric 1 › Goal 1 › Target: 1h → 30m',
      'Metric 1 › Threshold 1 › When: at 75% of the target → 30m before the deadline',
      'Added metric 2 “Time to resolution”Starts on: Issue createdStops on: Resolution changesGoals: 8h',
    ]);
  });
});

describe('what did not change', () => {
  it('is no change, though said as one value (a threshold’s point)', async () => {
    const withThreshold = (targetMinutes: number): Metric => ({
      ...metric('ttr', 'Time to resolution', targetMinutes),
      thresholds: [{ at: { percent: 75 }, actions: [{ type: 'label', add: 'sla-warning' }] }],
    });
    const rows = await historyOf([gold([withThreshold(480)]), gold([withThreshold(240)])]);
    expect(rows).toEqual([['Metric 1 › Goal 1 › Target', '8h', '4h']]);
  });
});
