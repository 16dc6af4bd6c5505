import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Spinner from '@atlaskit/spinner';
import { useId, useMemo, useState } from 'react';
import type { Backend } from '../../shared/backend';
import { formatInstant } from '../../shared/format/instant';
import { Lozenge, type LozengeAppearance } from '../../shared/ui/lozenge';
import type { Agreement, Failure, PreviewOutcome, ProjectPreview, Version } from './api';
import { useRefusalText, useT } from './messages';
import { previewChanges, type PreviewRow } from './preview-changes';
import { useSelectTexts } from '../../shared/ui/select-texts';

const PERIODS = [7, 30, 90] as const;

const OUTCOME_APPEARANCE: Readonly<Record<PreviewOutcome, LozengeAppearance>> = {
  met: 'success',
  breached: 'danger',
  running: 'information',
  paused: 'neutral',
  'not-started': 'neutral',
};

type State =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly list: string }
  | { readonly status: 'ready'; readonly list: string; readonly preview: ProjectPreview }
  | { readonly status: 'failed'; readonly list: string; readonly error: Failure };

/**
 * What the list being edited would measure on the project's recent issues, issue by issue, beside which
 * agreements measure them with the saved list (`projects/preview`; nothing is saved). Run on request, since it
 * evaluates every recent issue twice; says when the list has changed since.
 */
export default function Preview(props: {
  readonly backend: Backend;
  readonly projectKey: string;
  readonly used: readonly string[];
  readonly agreements: readonly Version<Agreement>[];
  readonly viewer: { readonly locale: string; readonly timeZone: string; readonly now: number };
}) {
  const selectText = useSelectTexts();
  const { t } = useT();
  const refusal = useRefusalText();
  const [days, setDays] = useState<number>(30);
  const [state, setState] = useState<State>({ status: 'idle' });
  const periodId = useId();
  const list = props.used.join('\n');
  const periods = PERIODS.map((n) => ({ label: t('preview.days', { count: n }), value: n }));

  const run = (): void => {
    const asked = list;
    setState({ status: 'running', list: asked });
    void props.backend
      .call('projects/preview', {
        projectKey: props.projectKey,
        agreementIds: props.used,
        days,
      })
      .then((reply) => {
        setState((was) =>
          // An answer for a list or period asked before the latest run is dropped.
          was.status !== 'running' || was.list !== asked
            ? was
            : reply.ok
              ? { status: 'ready', list: asked, preview: reply.data }
              : { status: 'failed', list: asked, error: reply.error },
        );
      });
  };

  const stale = state.status === 'ready' && state.list !== list;
  return (
    <section className="accord-section accord-preview" aria-labelledby="accord-preview-title">
      <Heading as="h2" size="small" id="accord-preview-title">
        {t('preview.title')}
      </Heading>
      <p className="accord-section__description">{t('preview.description')}</p>
      <div className="accord-preview__controls">
        <label htmlFor={periodId}>{t('preview.period')}</label>
        <div className="accord-preview__period">
          <Select<{ label: string; value: number }>
            {...selectText}
            inputId={periodId}
            options={periods}
            value={periods.find((p) => p.value === days) ?? null}
            isSearchable={false}
            spacing="compact"
            onChange={(option) => {
              if (option) setDays(option.value);
            }}
          />
        </div>
        <Button
          appearance={state.status === 'idle' ? 'primary' : 'default'}
          onClick={run}
          isLoading={state.status === 'running'}
        >
          {state.status === 'idle' ? t('preview.run') : t('preview.again')}
        </Button>
      </div>
      <div aria-live="polite" className="accord-preview__status">
        {state.status === 'running' ? (
          <p className="accord-preview__running">
            <Spinner size="small" label={t('preview.running')} /> {t('preview.running')}
          </p>
        ) : null}
        {stale ? <p className="accord-preview__stale">{t('preview.stale')}</p> : null}
      </div>
      {state.status === 'failed' ? (
        <SectionMessage appearance="error" title={t('preview.failedTitle')} headingLevel="h3">
          <p>{refusal(state.error)}</p>
        </SectionMessage>
      ) : null}
      {state.status === 'ready' ? (
        <Result preview={state.preview} agreements={props.agreements} viewer={props.viewer} />
      ) : null}
    </section>
  );
}

function Result(props: {
  readonly preview: ProjectPreview;
  readonly agreements: readonly Version<Agreement>[];
  readonly viewer: { readonly locale: string; readonly timeZone: string; readonly now: number };
}) {
  const { t, locale } = useT();
  const { preview } = props;
  const [onlyChanged, setOnlyChanged] = useState(false);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of props.agreements) map.set(a.id, a.body?.name ?? a.id);
    for (const a of preview.agreements) map.set(a.id, a.name);
    return map;
  }, [props.agreements, preview.agreements]);
  const rows = useMemo(() => previewChanges(preview), [preview]);
  const changed = rows.filter((r) => r.gains.length > 0 || r.loses.length > 0).length;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

  if (preview.issues === 0) {
    return <p className="accord-section__empty">{t('preview.noIssues', { days: preview.days })}</p>;
  }
  const shown = onlyChanged ? rows.filter((r) => r.gains.length > 0 || r.loses.length > 0) : rows;
  return (
    <div className="accord-preview__result">
      <p>{t('preview.issues', { count: preview.issues, days: preview.days })}</p>
      <ul className="accord-preview__summary">
        {preview.agreements.map((a) => (
          <li key={a.id}>
            <div className="accord-preview__agreement">
              <span className="accord-agreement__name">{a.name}</span>
              <Lozenge appearance={a.kind === 'SLA' ? 'information' : 'neutral'}>{a.kind}</Lozenge>
              <span className="accord-preview__applies">
                {t('preview.appliesTo', { applied: a.issues, total: preview.issues })}
              </span>
            </div>
            <ul className="accord-preview__metrics">
              {a.metrics.map((m) => {
                const decided = m.counts.met + m.counts.breached;
                // A clock that never started (an OLA whose team was never involved) is not open work.
                const open = m.counts.running + m.counts.paused;
                const notStarted = m.counts['not-started'];
                return (
                  <li key={m.id}>
                    <span className="accord-preview__metric">{m.name}</span>{' '}
                    {notStarted > 0
                      ? t('preview.countsNotStarted', {
                          met: m.counts.met,
                          breached: m.counts.breached,
                          open,
                          notStarted,
                        })
                      : t('preview.counts', { met: m.counts.met, breached: m.counts.breached, open })}
                    {decided > 0 ? (
                      <>
                        {' · '}
                        <strong>
                          {t('preview.metPercent', { percent: percent.format(m.counts.met / decided) })}
                        </strong>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <p>{changed === 0 ? t('preview.noChanges') : t('preview.changes', { count: changed })}</p>
      {changed > 0 ? (
        <Checkbox
          isChecked={onlyChanged}
          onChange={(event) => {
            setOnlyChanged(event.currentTarget.checked);
          }}
          label={t('preview.onlyChanged')}
        />
      ) : null}
      <div className="accord-table-wrap">
        <table className="accord-table">
          <caption className="accord-visually-hidden">{t('preview.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('preview.table.issue')}</th>
              <th scope="col">{t('preview.table.created')}</th>
              <th scope="col">{t('preview.table.measures')}</th>
              <th scope="col">{t('preview.table.change')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <IssueRow key={row.issueId} row={row} names={names} viewer={props.viewer} />
            ))}
          </tbody>
        </table>
      </div>
      {preview.rows.length < preview.issues ? (
        <p className="accord-section__description">
          {t('preview.shown', { shown: preview.rows.length, total: preview.issues })}
        </p>
      ) : null}
    </div>
  );
}

function IssueRow(props: {
  readonly row: PreviewRow;
  readonly names: ReadonlyMap<string, string>;
  readonly viewer: { readonly locale: string; readonly timeZone: string; readonly now: number };
}) {
  const { t } = useT();
  const { row } = props;
  const name = (id: string): string => props.names.get(id) ?? id;
  return (
    <tr>
      <th scope="row">
        <span className="accord-table__key">{row.issueKey}</span>
        <span className="accord-table__sub">{row.resolved ? t('preview.resolved') : t('preview.open')}</span>
      </th>
      <td>{formatInstant(row.created, props.viewer)}</td>
      <td>
        {row.byAgreement.length === 0 ? (
          <span className="accord-table__sub">{t('preview.nothing')}</span>
        ) : (
          <ul className="accord-outcomes">
            {row.byAgreement.map((a) => (
              <li key={a.agreementId}>
                <span className="accord-outcomes__agreement">{name(a.agreementId)}</span>
                <ul className="accord-outcomes__metrics">
                  {a.metrics.map((m) => (
                    <li key={m.metricId}>
                      <span>{m.name}</span>{' '}
                      <Lozenge appearance={OUTCOME_APPEARANCE[m.outcome]}>
                        {t(`preview.outcome.${m.outcome}`)}
                      </Lozenge>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {row.gains.length === 0 && row.loses.length === 0 ? (
          <span className="accord-table__sub">{t('preview.same')}</span>
        ) : (
          <ul className="accord-changes">
            {row.gains.map((id) => (
              <li key={`+${id}`} className="accord-changes__gain">
                {t('preview.gains', { name: name(id) })}
              </li>
            ))}
            {row.loses.map((id) => (
              <li key={`-${id}`} className="accord-changes__loss">
                {t('preview.loses', { name: name(id) })}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
