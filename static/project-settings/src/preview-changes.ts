import type { PreviewOutcome, ProjectPreview } from './api';

/** One recent issue of a preview, grouped for reading: each agreement's metrics, and what the list changes. */
export interface PreviewRow {
  readonly issueId: string;
  readonly issueKey: string;
  readonly created: number;
  readonly resolved: boolean;
  readonly byAgreement: readonly {
    readonly agreementId: string;
    readonly metrics: readonly {
      readonly metricId: string;
      readonly name: string;
      readonly outcome: PreviewOutcome;
    }[];
  }[];
  /** Agreements that would measure the issue with this list and do not with the saved one. */
  readonly gains: readonly string[];
  /** Agreements that measure the issue with the saved list and would not with this one. */
  readonly loses: readonly string[];
}

/**
 * Groups a preview's rows by agreement, names their metrics, and tells each issue's gains and losses against
 * the saved list.
 * @example previewChanges(preview)[0].gains // ['gold']: the issue would gain the Gold SLA
 */
export function previewChanges(preview: ProjectPreview): PreviewRow[] {
  const metricNames = new Map<string, string>();
  for (const a of preview.agreements) for (const m of a.metrics) metricNames.set(`${a.id}\n${m.id}`, m.name);
  return preview.rows.map((row) => {
    const byAgreement: {
      agreementId: string;
      metrics: PreviewRow['byAgreement'][number]['metrics'][number][];
    }[] = [];
    for (const o of row.outcomes) {
      let group = byAgreement.find((g) => g.agreementId === o.agreementId);
      if (!group) {
        group = { agreementId: o.agreementId, metrics: [] };
        byAgreement.push(group);
      }
      group.metrics.push({
        metricId: o.metricId,
        name: metricNames.get(`${o.agreementId}\n${o.metricId}`) ?? o.metricId,
        outcome: o.outcome,
      });
    }
    const now = new Set(byAgreement.map((g) => g.agreementId));
    const before = new Set(row.before);
    return {
      issueId: row.issueId,
      issueKey: row.issueKey,
      created: row.created,
      resolved: row.resolved,
      byAgreement,
      gains: [...now].filter((id) => !before.has(id)),
      loses: row.before.filter((id) => !now.has(id)),
    };
  });
}
