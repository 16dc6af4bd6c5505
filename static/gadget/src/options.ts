import type { AgreementKindView, ComplianceReport } from '../../../src/app/resolvers/report-types';

/** An agreement the edit view offers, with its metrics. */
export interface AgreementOption {
  readonly id: string;
  readonly name: string;
  readonly kind: AgreementKindView;
  readonly counterparty: string | null;
  readonly metrics: readonly { readonly id: string; readonly name: string }[];
}

/**
 * The agreements and metrics a reader may report on, from a `reports/compliance` reply grouped per metric
 * (one row per agreement and metric, with or without cycles): the same permission check as the figures, so the
 * gadget offers only what it will be allowed to show. In the reply's order (the agreements' own).
 */
export function agreementOptions(report: ComplianceReport): AgreementOption[] {
  const byId = new Map<string, { option: Omit<AgreementOption, 'metrics'>; metrics: Map<string, string> }>();
  for (const row of report.rows) {
    let entry = byId.get(row.agreementId);
    if (!entry) {
      entry = {
        option: {
          id: row.agreementId,
          name: row.agreementName,
          kind: row.agreementKind,
          counterparty: row.counterparty,
        },
        metrics: new Map(),
      };
      byId.set(row.agreementId, entry);
    }
    if (!entry.metrics.has(row.metricId)) entry.metrics.set(row.metricId, row.metricName);
  }
  return [...byId.values()].map(({ option, metrics }) => ({
    ...option,
    metrics: [...metrics].map(([id, name]) => ({ id, name })),
  }));
}
