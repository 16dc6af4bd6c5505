import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement, Goal, Metric } from '../../../../src/engine/agreement/types';
import type { Calendar } from '../../../../src/engine/calendar/types';
import { dateHolidaysLookup } from '../../../../src/engine/calendar/region-lookup';
import { compileCalendar } from '../../../../src/engine/calendar/compile';
import { checkCalendar } from '../../../../src/engine/calendar/check';
import { at, makeCalendar } from '../../../../src/engine/calendar/test-support';
import { compareOnCalendars, hourlyStarts } from './calendar-compare';
import { fitWarnings } from './fit';

const goal = (targetMinutes: number | null, when?: string, calendar = 'berlin'): Goal => ({
  targetMinutes,
  calendar,
  ...(when === undefined ? {} : { when }),
});
const metric = (id: string, ...goals: Goal[]): Metric => ({
  id,
  name: id,
  start: [{ event: 'created' }],
  stop: [{ event: 'resolution', change: 'set' }],
  goals,
});
const agreement = (id: string, kind: Agreement['kind'], metrics: Metric[], extra: Partial<Agreement> = {}) =>
  ({ id, name: id, kind, metrics, ...extra }) satisfies Agreement;

const summary = (warnings: ReturnType<typeof fitWarnings>) =>
  warnings.map(
    (w) =>
      `${w.underpinning.agreementId}/${w.underpinning.metricId}#${w.underpinning.goalIndex} > ` +
      `${w.sla.agreementId}/${w.sla.metricId}#${w.sla.goalIndex}${w.where ? ` where ${w.where}` : ''}`,
  );

describe('fitWarnings', () => {
  it('warns where an OLA of 6 h sits under an SLA of 4 h on the same issues', () => {
    const sla = agreement('gold', 'SLA', [metric('resolution', goal(240))]);
    const ola = agreement('second-level', 'OLA', [metric('handling', goal(360))]);
    const warnings = fitWarnings([{ agreement: sla }, { agreement: ola }]);
    expect(summary(warnings)).toEqual(['second-level/handling#0 > gold/resolution#0']);
    expect(warnings[0]?.exact).toBe(true);
  });

  it('says nothing when the target fits, or when they never cover the same issues', () => {
    const sla = agreement('gold', 'SLA', [metric('resolution', goal(240))], { appliesTo: 'project = IT' });
    expect(
      fitWarnings([{ agreement: sla }, { agreement: agreement('ola', 'OLA', [metric('h', goal(120))]) }]),
    ).toEqual([]);
    const elsewhere = agreement('ola', 'OLA', [metric('h', goal(360))], { appliesTo: 'project = HR' });
    expect(fitWarnings([{ agreement: sla }, { agreement: elsewhere }])).toEqual([]);
    // Projects that use them do not meet.
    const ola = agreement('ola', 'OLA', [metric('h', goal(360))]);
    expect(
      fitWarnings([
        { agreement: sla, projects: ['IT'] },
        { agreement: ola, projects: ['HR'] },
      ]),
    ).toEqual([]);
    // Validity periods do not meet.
    const old = agreement('old', 'UC', [metric('h', goal(360))], { validTo: '2025-12-31' });
    const current = agreement('new', 'SLA', [metric('r', goal(240))], { validFrom: '2026-01-01' });
    expect(fitWarnings([{ agreement: current }, { agreement: old }])).toEqual([]);
  });

  it('compares against the SLA’s longest commitment, not its first response', () => {
    const sla = agreement('gold', 'SLA', [
      metric('first-response', goal(30)),
      metric('resolution', goal(480)),
    ]);
    const ola = agreement('ola', 'OLA', [metric('handling', goal(360))]);
    expect(fitWarnings([{ agreement: sla }, { agreement: ola }])).toEqual([]);
  });

  it('follows ordered goals: only the issues each goal really covers', () => {
    // The SLA is 4 h for Highest and 24 h otherwise; the OLA is 6 h for everything: it cannot fit on Highest.
    const sla = agreement('gold', 'SLA', [metric('resolution', goal(240, 'priority = Highest'), goal(1440))]);
    const ola = agreement('ola', 'OLA', [
      metric('handling', goal(120, 'priority in (Highest, High)'), goal(360)),
    ]);
    // The OLA's 6 h goal covers neither Highest nor High, so it never meets the SLA's 4 h: no warning.
    expect(fitWarnings([{ agreement: sla }, { agreement: ola }])).toEqual([]);

    const flat = agreement('flat', 'UC', [metric('restore', goal(360))], {
      appliesTo: 'component = Network',
    });
    expect(summary(fitWarnings([{ agreement: sla }, { agreement: flat }]))).toEqual([
      'flat/restore#0 > gold/resolution#0 where component = Network AND priority = Highest',
    ]);
  });

  it('knows one-value fields from many-value ones', () => {
    const sla = agreement('gold', 'SLA', [metric('r', goal(240))], { appliesTo: 'labels = vip' });
    // An issue can carry both labels, so these meet…
    const labelled = agreement('ola', 'OLA', [metric('h', goal(360))], { appliesTo: 'labels = network' });
    expect(fitWarnings([{ agreement: sla }, { agreement: labelled }])).toHaveLength(1);
    // …but not two priorities, nor a label and its absence.
    const priority = agreement('ola', 'OLA', [metric('h', goal(360))], {
      appliesTo: 'labels = vip AND priority = Low',
    });
    const slaHigh = agreement('gold', 'SLA', [metric('r', goal(240))], { appliesTo: 'priority = High' });
    expect(fitWarnings([{ agreement: slaHigh }, { agreement: priority }])).toEqual([]);
    const noVip = agreement('ola', 'OLA', [metric('h', goal(360))], { appliesTo: 'labels not in (vip)' });
    expect(fitWarnings([{ agreement: sla }, { agreement: noVip }])).toEqual([]);
  });

  it('ignores measure-only goals, which commit to nothing', () => {
    const sla = agreement('gold', 'SLA', [metric('r', goal(null))]);
    const ola = agreement('ola', 'OLA', [metric('h', goal(360), goal(null))]);
    expect(fitWarnings([{ agreement: sla }, { agreement: ola }])).toEqual([]);
  });

  it('compares across calendars by when the targets end, once the calendars are compiled', () => {
    const compiled = (id: string, week: Calendar['week']) => {
      const checked = checkCalendar(makeCalendar({ id, week }));
      if (!checked.ok) throw new Error('bad calendar');
      return compileCalendar(checked.value.plan);
    };
    const nineToFive = { from: '09:00', to: '17:00' };
    const berlin = compiled('berlin', {
      mon: [nineToFive],
      tue: [nineToFive],
      wed: [nineToFive],
      thu: [nineToFive],
      fri: [nineToFive],
    });
    const allDay = [{ from: '00:00', to: '24:00' }];
    const always = compiled('always', {
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
      sun: allDay,
    });
    const compare = compareOnCalendars(
      new Map([
        ['berlin', berlin],
        ['always', always],
      ]),
      hourlyStarts(at('2026-03-02T00:00:00+01:00'), 7),
    );
    // 8 office hours (one working day) against 10 round-the-clock hours: started at 09:00 on a weekday the OLA
    // ends at 17:00, before the SLA's 19:00; started before 07:00, or in the evening, it ends after.
    const sla = agreement('gold', 'SLA', [metric('r', goal(600, undefined, 'always'))]);
    const ola = agreement('ola', 'OLA', [metric('h', goal(480, undefined, 'berlin'))]);
    const exact = fitWarnings([{ agreement: sla }, { agreement: ola }], compare);
    expect(exact.map((w) => [w.exact, w.startedAt])).toEqual([[true, at('2026-03-02T00:00:00+01:00')]]);
    // Counting minutes alone, 480 < 600 would have looked fine.
    expect(fitWarnings([{ agreement: sla }, { agreement: ola }])).toEqual([]);
  });

  it('finds the example OLA’s 2 office hours on Highest requests cannot always fit the SLA’s 4 hours 24/7', () => {
    const examples = join(__dirname, '../../../../examples');
    const read = (file: string): unknown => JSON.parse(readFileSync(join(examples, file), 'utf8'));
    const inputs = (read('agreements.json') as Agreement[]).map((agreement) => ({
      agreement,
      projects: ['IT'],
    }));
    // By minutes alone every target fits…
    expect(fitWarnings(inputs)).toEqual([]);
    // …but on the calendars, second-level's 2 h in Berlin office hours for a Highest request raised on a
    // Friday afternoon end on Monday, long after Gold's 4 h round the clock.
    const calendars = new Map(
      (read('calendars.json') as Calendar[]).map((calendar) => {
        const checked = checkCalendar(calendar);
        if (!checked.ok) throw new Error('bad calendar');
        return [calendar.id, compileCalendar(checked.value.plan, dateHolidaysLookup)] as const;
      }),
    );
    const compare = compareOnCalendars(calendars, hourlyStarts(at('2026-03-02T00:00:00+01:00')));
    expect(summary(fitWarnings(inputs, compare))).toEqual([
      'second-level/handling#0 > gold/resolution#0 where priority = Highest AND project = IT AND organizations = "Acme Corp"',
    ]);
  });
});
