/**
 * A goal in business days, end to end on the sandbox: the "next deadline" custom field holds its deadline (so a
 * queue can sort by it), and the reports state its terms beside the goal, where a working-time goal has its
 * minutes.
 */
import { dispatch } from '../../src/app/resolvers/dispatch';
import type { Agreement } from '../../src/engine/agreement/types';
import type { ComplianceReport, CsvPage, MonthlyReport } from '../../src/app/resolvers/report-types';
import { acme, exampleAgreements, makeWorld } from './sandbox-world';

const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };
const berlin = (iso: string): number => Date.parse(`${iso}+01:00`);

/** Gold support with Medium's first response "raised before 12:00: by 17:00 the same day; else the next". */
function goldSameDay(): Agreement[] {
  return exampleAgreements.map((a) =>
    a.id !== 'gold'
      ? a
      : {
          ...a,
          metrics: a.metrics.map((m) =>
            m.id !== 'first-response'
              ? m
              : {
                  ...m,
                  goals: m.goals.map((g, i) =>
                    i === 1
                      ? {
                          when: 'priority = Medium',
                          businessDays: { days: 0, cutoff: '12:00', dueAt: '17:00' },
                          calendar: 'berlin-9-17',
                          objectivePercent: 95,
                        }
                      : g,
                  ),
                },
          ),
        },
  );
}

describe('a business-day goal on the sandbox', () => {
  it('writes its deadline to "next deadline", and the reports state its terms', async () => {
    // Monday 2 March 2026, 12:30 Berlin: after the cut-off, so due Tuesday 17:00.
    const w = await makeWorld({ agreements: goldSameDay(), now: berlin('2026-03-02T12:30') });
    try {
      const { id } = w.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
      await w.advance(60_000);
      const fields = w.site.customFieldValues.get(id);
      const nextDeadline = [...(fields?.entries() ?? [])].find(([k]) => k.includes('next-deadline'))?.[1];
      // The soonest running SLA deadline: first response Tuesday 17:00 Berlin (resolution, 1 working day, is later).
      expect(nextDeadline === undefined || nextDeadline === null ? null : Date.parse(nextDeadline)).toBe(
        berlin('2026-03-03T17:00'),
      );

      const reply = await dispatch(w.deps, 'reports/compliance', { agreementId: 'gold', count: 1 }, admin);
      if (!reply.ok) throw new Error(reply.error.message);
      const rows = (reply.data as ComplianceReport).rows.filter((r) => r.metricId === 'first-response');
      expect(rows.map((r) => [r.goalIndex, r.targetMinutes, r.target ?? null])).toEqual([
        [0, 30, null],
        [1, null, { businessDays: { days: 0, cutoff: '12:00', dueAt: '17:00' } }],
        [2, 480, null],
      ]);

      const monthly = await dispatch(
        w.deps,
        'reports/monthly',
        { agreementId: 'gold', month: '2026-03' },
        admin,
      );
      if (!monthly.ok) throw new Error(monthly.error.message);
      const goals = (monthly.data as MonthlyReport).counterparties[0]?.agreements[0]?.metrics.find(
        (m) => m.metricId === 'first-response',
      )?.goals;
      expect(goals?.map((g) => [g.goalIndex, g.target ?? null])).toEqual([
        [0, null],
        [1, { businessDays: { days: 0, cutoff: '12:00', dueAt: '17:00' } }],
        [2, null],
      ]);

      // The CSV states the same terms as codes a spreadsheet splits on ";" and "=", in no language.
      const csv = await dispatch(w.deps, 'reports/csv', { agreementId: 'gold', count: 1 }, admin);
      if (!csv.ok) throw new Error(csv.error.message);
      const [header, ...lines] = (csv.data as CsvPage).csv.split('\r\n').filter((l) => l !== '');
      const columns = header?.split(',') ?? [];
      const cell = (line: string, column: string): string | undefined =>
        line.split(',')[columns.indexOf(column)];
      const mine = lines.filter((l) => cell(l, 'metric_id') === 'first-response');
      expect(
        mine.map((l) => [cell(l, 'goal_index'), cell(l, 'target_minutes'), cell(l, 'goal_terms')]),
      ).toEqual([['1', '', 'business_days=0;due=17:00;cutoff=12:00']]);
    } finally {
      await w.close();
    }
  });

  it('is a commitment on the portal, due Tuesday 17:00', async () => {
    const w = await makeWorld({
      agreements: goldSameDay().map((a) => (a.id === 'gold' ? { ...a, customerVisible: true } : a)),
      now: berlin('2026-03-02T12:30'),
    });
    try {
      const { id } = w.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
      await w.advance(60_000);
      const customer = {
        accountId: 'carla-customer',
        accountType: 'customer' as const,
        module: 'portal' as const,
      };
      const reply = await dispatch(w.deps, 'portal/commitments', { issueId: id }, customer);
      if (!reply.ok) throw new Error(reply.error.message);
      const { commitments } = reply.data as { commitments: { purpose: string; due: string | null }[] };
      expect(commitments.map((c) => [c.purpose, c.due === null ? null : Date.parse(c.due)])).toEqual([
        ['response', berlin('2026-03-03T17:00')],
        ['resolution', expect.any(Number)],
      ]);
    } finally {
      await w.close();
    }
  });
});
