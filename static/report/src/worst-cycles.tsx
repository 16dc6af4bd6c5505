import type { CycleAttributionView } from '../../../src/app/resolvers/report-types';
import { formatInstant } from '../../shared/format/instant';
import { IssueLink } from './host';
import { useLocale, useT } from './messages';
import { duration, holderName } from './sections';
import { useViewer } from './viewer';

/** The month's breached SLA cycles one by one, latest breach first, with who held their time. */
export default function WorstCycles(props: { readonly cycles: readonly CycleAttributionView[] }) {
  const t = useT();
  const locale = useLocale();
  const viewer = useViewer();
  return (
    <div className="accord-table-wrap">
      <table className="accord-table" data-testid="worst-cycles">
        <thead>
          <tr>
            <th scope="col">{t('attribution.issue')}</th>
            <th scope="col">{t('attribution.metric')}</th>
            <th scope="col">{t('attribution.breachedAt')}</th>
            <th scope="col">{t('attribution.holders')}</th>
          </tr>
        </thead>
        <tbody>
          {props.cycles.map((c) => (
            <tr key={`${c.issueKey}|${c.metricId}|${c.breachedAt ?? ''}`}>
              <th scope="row">
                <IssueLink issueKey={c.issueKey} />
              </th>
              <td>{c.metricName}</td>
              <td>{c.breachedAt === null ? '' : formatInstant(Date.parse(c.breachedAt), viewer)}</td>
              <td>
                {[
                  ...c.holders.map((h) =>
                    t('attribution.cycleHolder', { name: holderName(h), time: duration(h.heldMs, locale) }),
                  ),
                  t('attribution.cycleHolder', {
                    name: t('attribution.unattributed'),
                    time: duration(c.unattributedMs, locale),
                  }),
                ].join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
