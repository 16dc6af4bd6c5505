import type { AgreementMonthView } from '../../../src/app/resolvers/report-types';
import type { Failure, ReplyOf, ReplyTo } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import { fileSlug, joinExports } from './csv';

/** The export's text, its number of cycles and a file name; or why it failed. */
export type ExportResult =
  | { readonly ok: true; readonly csv: string; readonly rows: number; readonly filename: string }
  | { readonly ok: false; readonly error: Failure };

/** Pages of 5,000 cycles: a resolver reply stays well inside Forge's limits. */
const PAGE = 5000;

/**
 * The cycles behind the report's figures, one row each: for every agreement shown, `reports/csv` over the same
 * month in the agreement's own reporting zone (as the report counts it), page after page, joined into one file.
 */
export async function exportCsv(
  backend: Backend,
  agreements: readonly AgreementMonthView[],
  month: string,
  projectKey: string | null,
  counterparty: string | null,
): Promise<ExportResult> {
  const exports: string[][] = [];
  let rows = 0;
  for (const agreement of agreements) {
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const reply: ReplyTo<'reports/csv'> = await backend.call('reports/csv', {
        agreementId: agreement.agreementId,
        period: 'month',
        from: `${month}-01`,
        count: 1,
        timeZone: agreement.timeZone,
        limit: PAGE,
        ...(projectKey === null ? {} : { projectKey }),
        ...(cursor === null ? {} : { cursor }),
      });
      if (!reply.ok) return { ok: false, error: reply.error };
      const page: ReplyOf<'reports/csv'> = reply.data;
      pages.push(page.csv);
      rows += page.rows;
      cursor = page.nextCursor;
    } while (cursor !== null);
    exports.push(pages);
  }
  const scope = counterparty === null ? (projectKey ?? 'all') : fileSlug(counterparty);
  return { ok: true, csv: joinExports(exports), rows, filename: `accord-${fileSlug(scope)}-${month}.csv` };
}

/** Hands the text to the browser as a download (a Blob behind a link with a file name). */
export function download(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
