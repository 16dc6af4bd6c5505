/**
 * @jest-environment jsdom
 */
import { render as show } from '@testing-library/react';
import { at, makeCalendar } from '../../../src/engine/calendar/test-support';
import type { IssueMetricEntry, IssueMetrics } from '../../shared/api/issue-metrics';
import { createI18n } from '../../shared/i18n/i18n';
import { fakeBackend } from '../../shared/testing/fake-backend';
import { forCountdown, makeCycle, makeEntry, makeMetric } from '../../shared/testing/builders';
import { advance, loaded, onFakeClock } from '../../shared/testing/ui';
import { firstPaintOf, paintFirst } from './first-paint';
import { IssuePanel } from './panel';
import { berlin, handling, resolution, utc } from './panel-fixtures';
import { panelMessages, type PanelKey } from './panel-messages';

// Every kind of card: running with a deadline, paused, measured only, completed, a business-day promise,
// extended and excused, and one whose calendar is missing (not live).
const results: IssueMetricEntry[] = [
  resolution,
  handling,
  makeEntry(
    makeMetric({
      id: 'measured',
      name: 'Time to triage',
      goal: null,
      cycles: [makeCycle({ goalIndex: null, deadline: null })],
    }),
  ),
  makeEntry(
    makeMetric({
      id: 'ttfr',
      name: 'Time to first response',
      state: 'met',
      cycles: [makeCycle({ startedAt: utc('08:47'), stoppedAt: utc('09:14'), elapsedMs: 14 * 60_000 })],
    }),
  ),
  makeEntry(
    makeMetric({
      id: 'next-day',
      name: 'Next business day',
      goal: {
        index: 0,
        targetMinutes: null,
        calendar: 'berlin',
        businessDays: { days: 1, dueAt: '17:00', cutoff: '12:00' },
      },
      cycles: [
        makeCycle({
          startedAt: utc('07:00'),
          remainingMs: 11 * 3_600_000,
          deadline: new Date(at('2026-03-03T17:00+01:00')).toISOString(),
          extended: { minutes: 90, count: 2 },
          excused: true,
        }),
      ],
    }),
    { kind: 'UC', agreementId: 'carrier' },
  ),
  makeEntry(
    makeMetric({
      id: 'elsewhere',
      name: 'Time on another calendar',
      goal: { index: 0, targetMinutes: 60, calendar: 'missing' },
      cycles: [
        makeCycle({
          startedAt: utc('07:00'),
          remainingMs: -30 * 60_000,
          deadline: utc('08:30'),
          breached: true,
        }),
        makeCycle({ startedAt: utc('09:30'), remainingMs: 60 * 60_000, deadline: utc('10:30') }),
      ],
    }),
    { kind: 'OLA', agreementId: 'second-level' },
  ),
];

const data: IssueMetrics = {
  issueId: '10042',
  evaluatedAt: berlin('09:00'),
  results,
  calendars: [forCountdown(makeCalendar({ id: 'berlin', name: 'Berlin office hours' }))],
};

onFakeClock(berlin('10:00:00'));

/**
 * An element's tree as it looks: tags, classes, hidden and text; without the ids React makes (`useId`) and
 * the attributes that point at them, and without the buttons' handlers.
 */
function looks(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent);
  if (!(node instanceof Element)) return '';
  const kept = [...node.attributes]
    .filter((a) => !['id', 'aria-controls', 'aria-describedby', 'aria-labelledby'].includes(a.name))
    .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
    .sort();
  // React may split a text into several nodes where the DOM has one: join neighbouring texts.
  const children: string[] = [];
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else {
      if (text !== '') children.push(JSON.stringify(text));
      text = '';
      children.push(looks(child));
    }
  }
  if (text !== '') children.push(JSON.stringify(text));
  return `<${node.tagName.toLowerCase()} ${kept.join(' ')}>${children.join('')}</>`;
}

async function reactPanel(locale: string, timeZone: string): Promise<HTMLElement> {
  const fake = fakeBackend(
    (call) =>
      call.route === 'issue/metrics'
        ? { ok: true, data }
        : { ok: true, data: { issueId: '10042', adjustments: [], canAdjust: [] } },
    { issueId: '10042', locale, timeZone },
  );
  const { container } = show(<IssuePanel backend={fake.backend} />);
  await advance();
  await loaded(container);
  return container;
}

async function firstPaint(locale: string, timeZone: string): Promise<HTMLElement | null> {
  const { backend } = fakeBackend(() => ({ ok: true, data }), { locale, timeZone });
  const messages = panelMessages(
    createI18n<PanelKey>(locale, 'issue-panel', await backend.translations(locale)),
  );
  return firstPaintOf(data, messages, { locale, timeZone }, Date.now());
}

describe("the panel's first paint", () => {
  it.each([
    ['en-GB', 'Europe/Berlin'],
    ['de-DE', 'Asia/Singapore'],
  ])('looks as the React panel first renders the same reply (%s, %s)', async (locale, zone) => {
    const react = await reactPanel(locale, zone);
    const first = await firstPaint(locale, zone);
    expect(first).not.toBeNull();
    const shown = [...react.children].map(looks).join('');
    expect(looks(first!)).toBe(shown);
    // Their texts, said alone so that a difference is easy to read.
    expect(first!.textContent).toBe(react.textContent);
    expect(shown).toContain('accord-metric__time');
  });

  it('paints nothing where the panel would say there is nothing', async () => {
    const { backend } = fakeBackend(() => ({ ok: true, data }), { locale: 'en-GB' });
    const messages = panelMessages(
      createI18n<PanelKey>('en-GB', 'issue-panel', await backend.translations('en-GB')),
    );
    expect(
      firstPaintOf({ ...data, results: [] }, messages, { locale: 'en-GB', timeZone: 'UTC' }, 0),
    ).toBeNull();
  });

  it('shows beside #root, ticks, and gives way once React shows more than its loading line', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root')!;
    const { backend } = fakeBackend(() => ({ ok: true, data }), {
      locale: 'en-GB',
      timeZone: 'Europe/Berlin',
    });
    const early = Promise.all([backend.context(), backend.translations('en-GB')]).then(
      ([context, translations]) => ({ context, translations, reply: { ok: true as const, data } }),
    );
    const first = paintFirst(root, early);
    await advance();
    const time = (): string | undefined => document.querySelector('.accord-metric__time')?.textContent;
    expect(time()).toBe('3h 00m 00s');
    const shown = document.querySelectorAll('.accord-metric__time').length;
    await advance(1005);
    expect(time()).toBe('2h 59m 59s');

    first.handOver();
    expect(root.hidden).toBe(true);
    root.innerHTML = '<p class="accord-loading" aria-busy="true"></p>';
    await advance();
    expect(root.hidden).toBe(true);
    expect(document.querySelectorAll('.accord-metric__time')).toHaveLength(shown);
    root.innerHTML = '<div class="accord-panel"></div>';
    await advance();
    expect(root.hidden).toBe(false);
    expect(document.querySelectorAll('.accord-metric__time')).toHaveLength(0);
    expect(document.body.children).toHaveLength(1);
  });

  it('hides a loading line React shows first, and paints nothing once React shows the panel', async () => {
    document.body.innerHTML = '<div id="root"><p class="accord-loading" aria-busy="true"></p></div>';
    const root = document.getElementById('root')!;
    const { backend } = fakeBackend(() => ({ ok: true, data }), {
      locale: 'en-GB',
      timeZone: 'Europe/Berlin',
    });
    const answers = Promise.all([backend.context(), backend.translations('en-GB')]).then(
      ([context, translations]) => ({ context, translations, reply: { ok: true as const, data } }),
    );
    paintFirst(root, answers).handOver();
    await advance();
    expect(root.hidden).toBe(true);
    expect(document.querySelectorAll('.accord-metric__time').length).toBeGreaterThan(0);

    document.body.innerHTML = '<div id="root"><div class="accord-panel"></div></div>';
    const shown = document.getElementById('root')!;
    paintFirst(shown, answers).handOver();
    await advance();
    expect(shown.hidden).toBe(false);
    expect(document.body.children).toHaveLength(1);
  });
});
