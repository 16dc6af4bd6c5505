import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Select from '@atlaskit/select';
import { useState } from 'react';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { Problem } from '../../../../src/engine/errors';
import { formatTarget } from '../../../shared/format/duration';
import { goalTerms } from '../../../shared/format/goal-terms';
import type { AgreementPreview, Failure } from '../api';
import { useAdmin } from '../admin-context';
import { useRefusalText, useT } from '../messages';
import { fieldId } from '../problems';
import { ErrorNotice } from '../ui/error-notice';
import { ErrorSummary } from '../ui/error-summary';
import { relativePath, valueAt } from '../problems';
import { problemText } from '../problem-text';
import { useSelectTexts } from '../../../shared/ui/select-texts';

interface Option<V> {
  readonly value: V;
  readonly label: string;
}

/**
 * What the draft would have measured on a project's recently resolved issues, before it is saved: per metric
 * and goal, the cycles met and breached and the met share against the objective.
 */
export function PreviewPanel(props: { readonly draft: Agreement; readonly projects: readonly string[] }) {
  const selectText = useSelectTexts();
  const i18n = useT();
  const { t, locale } = i18n;
  const { backend, announce } = useAdmin();
  const refusal = useRefusalText();
  const [project, setProject] = useState<string | null>(props.projects[0] ?? null);
  const [days, setDays] = useState(30);
  const [state, setState] = useState<
    | { readonly status: 'idle' | 'running' }
    | { readonly status: 'done'; readonly result: AgreementPreview }
    | { readonly status: 'failed'; readonly error: Failure }
  >({ status: 'idle' });
  const projectOptions: Option<string>[] = props.projects.map((p) => ({ value: p, label: p }));
  const dayOptions: Option<number>[] = [7, 30, 90, 180].map((d) => ({
    value: d,
    label: t('previewRun.days', { count: d }),
  }));
  const chosen = project ?? props.projects[0] ?? null;
  const run = async () => {
    if (chosen === null) return;
    setState({ status: 'running' });
    const reply = await backend.call('agreements/preview', {
      agreement: props.draft,
      projectKey: chosen,
      days,
    });
    if (reply.ok) {
      setState({ status: 'done', result: reply.data });
      announce(t('previewRun.done', { count: reply.data.issues, project: chosen }));
    } else {
      setState({ status: 'failed', error: reply.error });
      announce(refusal(reply.error));
    }
  };
  const problems: Problem[] =
    state.status === 'failed'
      ? (state.error.problems ?? []).map((p) => ({ ...p, path: relativePath(p.path, '$.agreement') }))
      : [];
  // The goal's terms as the draft states them (business days and date fields have no minutes to show).
  const termsSuffix = (metricId: string, index: number, minutes: number | null): string => {
    const goal = props.draft.metrics.find((m) => m.id === metricId)?.goals[index];
    const text =
      goal === undefined ? (minutes === null ? null : formatTarget(minutes, locale)) : goalTerms(goal, i18n);
    return text === null ? '' : ` · ${text}`;
  };
  const goalWhen = (metricId: string, index: number) =>
    props.draft.metrics.find((m) => m.id === metricId)?.goals[index]?.when ?? t('previewRun.allIssues');
  return (
    <div className="accord-preview-run">
      {props.projects.length === 0 ? (
        <p className="accord-muted">{t('previewRun.noProjects')}</p>
      ) : (
        <div className="accord-toolbar accord-toolbar--fields">
          <span className="accord-field accord-field--narrow">
            <label className="accord-field__label" htmlFor={fieldId('$.preview.project')}>
              {t('previewRun.project')}
            </label>
            <Select<Option<string>>
              {...selectText}
              inputId={fieldId('$.preview.project')}
              options={projectOptions}
              value={projectOptions.find((o) => o.value === chosen) ?? null}
              onChange={(o) => {
                if (o) setProject(o.value);
              }}
              spacing="compact"
            />
          </span>
          <span className="accord-field accord-field--narrow">
            <label className="accord-field__label" htmlFor={fieldId('$.preview.days')}>
              {t('previewRun.period')}
            </label>
            <Select<Option<number>>
              {...selectText}
              inputId={fieldId('$.preview.days')}
              options={dayOptions}
              value={dayOptions.find((o) => o.value === days) ?? null}
              onChange={(o) => {
                if (o) setDays(o.value);
              }}
              spacing="compact"
            />
          </span>
          <span className="accord-rows__cell--end">
            <Button isLoading={state.status === 'running'} onClick={() => void run()}>
              {t('previewRun.run')}
            </Button>
          </span>
        </div>
      )}
      {state.status === 'failed' ? (
        <>
          <ErrorNotice title={t('previewRun.failed')} error={state.error} onRetry={() => void run()} />
          <ErrorSummary problems={problems} />
        </>
      ) : null}
      {state.status === 'done' && state.result.siteCheck.status === 'skipped' ? (
        <p className="accord-muted">{t('jql.site.unchecked')}</p>
      ) : null}
      {state.status === 'done' && state.result.siteCheck.warnings.length > 0 ? (
        <ul className="accord-field__warnings accord-preview-run__warnings">
          {state.result.siteCheck.warnings.map((w, i) => {
            const jql = valueAt(props.draft, relativePath(w.path, '$.agreement'));
            const message = problemText(w, i18n);
            return (
              <li key={i}>
                {t('jql.site.warning', {
                  message: w.column === undefined ? message : t('jql.at', { column: w.column, message }),
                })}
                {typeof jql === 'string' ? <div className="accord-mono accord-muted">{jql}</div> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {state.status === 'done' ? (
        state.result.issues === 0 ? (
          <p className="accord-muted">
            {t('previewRun.noIssues', { project: state.result.projectKey, count: state.result.days })}
          </p>
        ) : (
          <table className="accord-table">
            <caption className="accord-table__caption">
              {t('previewRun.caption', {
                count: state.result.issues,
                project: state.result.projectKey,
                days: state.result.days,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('previewRun.metric')}</th>
                <th scope="col">{t('previewRun.goal')}</th>
                <th scope="col">{t('previewRun.met')}</th>
                <th scope="col">{t('previewRun.breached')}</th>
                <th scope="col">{t('previewRun.share')}</th>
                <th scope="col">{t('previewRun.objective')}</th>
              </tr>
            </thead>
            <tbody>
              {state.result.metrics.flatMap((m) =>
                m.goals.length === 0
                  ? [
                      <tr key={m.metricId}>
                        <th scope="row">{m.name}</th>
                        <td colSpan={5} className="accord-muted">
                          {t('previewRun.noCycles')}
                        </td>
                      </tr>,
                    ]
                  : m.goals.map((g, i) => (
                      <tr key={`${m.metricId}-${g.index}`}>
                        {i === 0 ? (
                          <th scope="row" rowSpan={m.goals.length}>
                            {m.name}
                          </th>
                        ) : null}
                        <td>
                          {t('goals.heading', { n: g.index + 1 })}
                          {termsSuffix(m.metricId, g.index, g.targetMinutes)}
                          <div className="accord-mono accord-muted">{goalWhen(m.metricId, g.index)}</div>
                        </td>
                        <td>{new Intl.NumberFormat(locale).format(g.met)}</td>
                        <td>{new Intl.NumberFormat(locale).format(g.breached)}</td>
                        <td>
                          {g.metPercent === null
                            ? '—'
                            : new Intl.NumberFormat(locale, {
                                style: 'percent',
                                maximumFractionDigits: 1,
                              }).format(g.metPercent / 100)}
                        </td>
                        <td>
                          {g.objectivePercent === null ? (
                            '—'
                          ) : (
                            <>
                              {new Intl.NumberFormat(locale, {
                                style: 'percent',
                                maximumFractionDigits: 1,
                              }).format(g.objectivePercent / 100)}{' '}
                              {g.objectiveMet === null ? null : (
                                <Lozenge appearance={g.objectiveMet ? 'success' : 'removed'}>
                                  {g.objectiveMet
                                    ? t('previewRun.objectiveMet')
                                    : t('previewRun.objectiveMissed')}
                                </Lozenge>
                              )}
                            </>
                          )}
                        </td>
                      </tr>
                    )),
              )}
            </tbody>
          </table>
        )
      ) : null}
    </div>
  );
}
