import type { GadgetReport } from '../../../src/app/resolvers/report-types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The `reports/gadget` reply, checked for the parts the gadget reads before it is used as typed: an answer of
 * another shape (an older backend, a proxy's page) becomes a message, not a crash mid-render.
 */
export function parseGadgetReport(data: unknown): GadgetReport | null {
  if (!isObject(data)) return null;
  const { agreement, periods, rows, atRisk, breaches, timeZone } = data;
  if (!isObject(agreement) || typeof agreement.name !== 'string') return null;
  if (!Array.isArray(periods) || !Array.isArray(rows) || !Array.isArray(atRisk) || !Array.isArray(breaches))
    return null;
  if (typeof timeZone !== 'string') return null;
  const aligned = rows.every(
    (row) => isObject(row) && Array.isArray(row.periods) && row.periods.length === periods.length,
  );
  return aligned ? (data as unknown as GadgetReport) : null;
}
