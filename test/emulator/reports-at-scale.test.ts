/**
 * Reports at a busy site's scale on the emulator: the real report routes through the real resolver and
 * `@forge/sql`, on MariaDB, under Forge SQL's 5 s per SELECT and 4 MiB per response. A month of generated rows
 * (ACCORD_REPORT_ISSUES, 20,000 requests by default so the suite stays quick; `npm run bench` takes the full
 * 200,000): every route answers with the figures the rows hold, and no statement was refused.
 */
import type {
  ComplianceReport,
  CsvPage,
  GadgetReport,
  MonthlyReport,
} from '../../src/app/resolvers/report-types';
import type { ForgeEmulator } from './emulator';
import { writeReportRows, type ReportRowsWritten } from './report-rows';
import { describeOnMysql, startEmulator } from './support';

const ISSUES = Number(process.env.ACCORD_REPORT_ISSUES ?? 20_000);
/** March 2026 in Berlin. */
const MARCH = { start: Date.UTC(2026, 1, 28, 23), end: Date.UTC(2026, 2, 31, 22) };
const admin = { accountId: 'chris-admin', moduleKey: 'accord-reports' };

describeOnMysql('Forge emulator: reports at scale', (url) => {
  jest.setTimeout(240_000);
  let emulator: ForgeEmulator;
  let written: ReportRowsWritten;
  beforeAll(async () => {
    emulator = await startEmulator(url, { seeded: true, now: Date.UTC(2026, 3, 2, 8) });
    written = await writeReportRows(emulator, {
      issues: ISSUES,
      monthStart: MARCH.start,
      monthEnd: MARCH.end,
    });
    await emulator.sql.direct(
      'ANALYZE TABLE accord_cycles, accord_result_sets, accord_open_results, accord_ratings',
    );
  });
  afterAll(async () => {
    await emulator.stop();
  });

  const route = async <T>(key: string, payload: unknown): Promise<T> => {
    const reply = (await emulator.invokeResolver(key, payload, admin)) as
      { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
    if (!reply.ok) throw new Error(`${key}: ${reply.error.code}: ${reply.error.message}`);
    return reply.data;
  };

  it('a month’s compliance counts every cycle that ended in it, within Forge SQL’s limits', async () => {
    const report = await route<ComplianceReport>('reports/compliance', { agreementId: 'gold', count: 2 });
    expect(report.periods.map((p) => p.label)).toEqual(['2026-03', '2026-04']);
    for (const metricId of ['first-response', 'resolution'] as const) {
      const rows = report.rows.filter((r) => r.metricId === metricId);
      const march = rows.map((r) => r.periods[0]);
      expect({
        met: march.reduce((n, p) => n + (p?.met ?? 0), 0),
        breached: march.reduce((n, p) => n + (p?.breached ?? 0), 0),
      }).toEqual(written.ended[metricId]);
    }
    const running = report.rows
      .filter((r) => r.metricId === 'resolution')
      .reduce((n, r) => n + (r.periods[1]?.running ?? 0), 0);
    expect(running).toBe(written.open);
    expect(emulator.metrics().sql.refused).toEqual(expect.objectContaining({ timeout: 0, responseSize: 0 }));
  });

  it('the monthly report, the gadget and a CSV page answer too, each statement within the limits', async () => {
    const monthly = await route<MonthlyReport>('reports/monthly', { month: '2026-03', agreementId: 'gold' });
    expect(monthly.counterparties.map((c) => c.counterparty)).toEqual(['Acme Corp']);
    const gadget = await route<GadgetReport>('reports/gadget', { agreementId: 'gold' });
    expect(gadget).toBeDefined();
    const csv = await route<CsvPage>('reports/csv', { agreementId: 'gold', count: 2, limit: 5000 });
    expect(csv.rows).toBe(Math.min(5000, written.cycles));
    const { sql, errors } = emulator.metrics();
    expect(errors).toEqual([]);
    expect(sql.refused).toEqual(expect.objectContaining({ timeout: 0, responseSize: 0 }));
    expect(sql.largestResponseBytes).toBeLessThanOrEqual(4 * 1024 ** 2);
    process.stderr.write(
      `reports at scale: ${ISSUES} issues, ${written.cycles} cycles; slowest SELECT ` +
        `${sql.slowestSelectMs.toFixed(0)} ms, largest response ${sql.largestResponseBytes} bytes\n`,
    );
  });
});
