import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type {
  CycleComparison,
  CycleSide,
  Difference,
  IssueComparison,
  JsmComparison,
} from '../../../../src/app/jsm/compare';
import { formatTarget } from '../../../shared/format/duration';
import type { Failure } from '../api';
import { useAdmin } from '../admin-context';
import { formatDateTime } from '../dates';
import { useT } from '../messages';
import { fieldId } from '../problems';
import { useRemote } from '../use-remote';
import { ErrorNotice } from '../ui/error-notice';
import { Field } from '../ui/field';
import { Loading } from '../ui/loading';
import { NumberInput } from '../ui/text-fields';
import { useSelectTexts } from '../../../shared/ui/select-texts';

interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * Trust before switching: one of JSM's own SLA metrics, by name, beside the Accord metric the admin maps it to,
 * on a project's recent requests, cycle by cycle, with what differs highlighted and why where Accord can tell.
 */
export default function JsmTab() {
  const selectText = useSelectTexts();
  const { t } = useT();
  const { backend } = useAdmin();
  const { state, reload } = useRemote(() => backend.call('agreements/list', {}), 'jsm|agreements');
  const agreements =
    state.status === 'ready' ? state.data.flatMap((v) => (v.body === null ? [] : [v.body])) : [];
  const [agreementId, setAgreementId] = useState<string | null>(null);
  const [metricId, setMetricId] = useState<string | null>(null);
  const [jsmMetric, setJsmMetric] = useState('Time to first response');
  const [projectKey, setProjectKey] = useState('IT');
  const [count, setCount] = useState<number | undefined>(20);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<JsmComparison | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  const agreement = agreements.find((a) => a.id === agreementId) ?? agreements[0];
  const metric = agreement?.metrics.find((m) => m.id === metricId) ?? agreement?.metrics[0];
  const agreementOptions: Option[] = agreements.map((a) => ({ value: a.id, label: `${a.name} (${a.kind})` }));
  const metricOptions: Option[] = (agreement?.metrics ?? []).map((m) => ({
    value: m.id,
    label: m.name || m.id,
  }));

  const compare = async () => {
    if (!agreement || !metric) return;
    setRunning(true);
    const reply = await backend.call('jsm/compare', {
      projectKey: projectKey.trim().toUpperCase(),
      jsmMetric: jsmMetric.trim(),
      agreementId: agreement.id,
      metricId: metric.id,
      ...(count === undefined ? {} : { count }),
    });
    setRunning(false);
    if (reply.ok) {
      setResult(reply.data);
      setError(null);
    } else {
      setError(reply.error);
    }
  };

  return (
    <div className="accord-list accord-jsm">
      <Heading as="h2" size="medium">
        {t('jsm.title')}
      </Heading>
      <p className="accord-muted">{t('jsm.intro')}</p>
      {state.status === 'loading' ? <Loading label={t('loading')} /> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} onRetry={reload} /> : null}
      <form
        className="accord-toolbar accord-toolbar--fields"
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
      >
        <Field path="$.jsmMetric" label={t('jsm.jsmMetric')} help={t('jsm.jsmMetricHelp')}>
          {(c) => (
            <Textfield
              {...c}
              autoComplete="off"
              width="medium"
              value={jsmMetric}
              onChange={(e) => {
                setJsmMetric(e.currentTarget.value);
              }}
            />
          )}
        </Field>
        <span className="accord-rows__cell accord-rows__cell--select">
          <label className="accord-field__label" htmlFor={fieldId('$.agreementId')}>
            {t('jsm.agreement')}
          </label>
          <Select<Option>
            {...selectText}
            inputId={fieldId('$.agreementId')}
            options={agreementOptions}
            value={agreementOptions.find((o) => o.value === agreement?.id) ?? null}
            onChange={(o) => {
              if (o) {
                setAgreementId(o.value);
                setMetricId(null);
              }
            }}
            spacing="compact"
          />
        </span>
        <span className="accord-rows__cell accord-rows__cell--select">
          <label className="accord-field__label" htmlFor={fieldId('$.metricId')}>
            {t('jsm.metric')}
          </label>
          <Select<Option>
            {...selectText}
            inputId={fieldId('$.metricId')}
            options={metricOptions}
            value={metricOptions.find((o) => o.value === metric?.id) ?? null}
            onChange={(o) => {
              if (o) setMetricId(o.value);
            }}
            spacing="compact"
          />
        </span>
        <Field path="$.projectKey" label={t('jsm.project')}>
          {(c) => (
            <Textfield
              {...c}
              autoComplete="off"
              width="xsmall"
              value={projectKey}
              onChange={(e) => {
                setProjectKey(e.currentTarget.value);
              }}
            />
          )}
        </Field>
        <Field path="$.count" label={t('jsm.count')}>
          {(c) => (
            <NumberInput
              control={c}
              width="xsmall"
              value={count}
              onChange={(v) => {
                setCount(v);
              }}
            />
          )}
        </Field>
        <span className="accord-rows__cell--end">
          <Button type="submit" appearance="primary" isLoading={running} isDisabled={!metric}>
            {t('jsm.compare')}
          </Button>
        </span>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {result ? <ComparisonView result={result} /> : null}
    </div>
  );
}

function ComparisonView(props: { readonly result: JsmComparison }) {
  const { t } = useT();
  const { result } = props;
  const missing = result.issues.filter((i) => i.status === 'no-jsm-metric').length;
  return (
    <section className="accord-jsm__result" aria-live="polite">
      <p className="accord-jsm__summary" data-testid="jsm-summary">
        {t('jsm.summary', { differing: result.differing, count: result.compared })}
      </p>
      {missing > 0 ? (
        <p className="accord-warning-text">
          {t('jsm.noSuchMetric', {
            name: result.request.jsmMetric,
            names: result.jsmMetrics.join(', ') || '—',
          })}
        </p>
      ) : null}
      <table className="accord-table accord-jsm__table">
        <caption className="accord-visually-hidden">{t('jsm.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('jsm.request')}</th>
            <th scope="col">{t('jsm.side')}</th>
            <th scope="col">{t('jsm.start')}</th>
            <th scope="col">{t('jsm.stop')}</th>
            <th scope="col">{t('jsm.elapsed')}</th>
            <th scope="col">{t('jsm.goal')}</th>
            <th scope="col">{t('jsm.breached')}</th>
            <th scope="col">{t('jsm.why')}</th>
          </tr>
        </thead>
        <tbody>
          {result.issues.map((issue) => (
            <IssueRows key={issue.issueId} issue={issue} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function IssueRows(props: { readonly issue: IssueComparison }) {
  const { t } = useT();
  const { issue } = props;
  const name = issue.issueKey ?? issue.issueId;
  if (issue.status !== 'compared' || issue.cycles.length === 0) {
    return (
      <tr data-testid="jsm-issue" data-status={issue.status}>
        <th scope="row">{name}</th>
        <td colSpan={7}>{t(`jsm.status.${issue.status}`)}</td>
      </tr>
    );
  }
  return (
    <>
      {issue.cycles.map((c) => (
        <CycleRows key={c.index} name={name} cycle={c} many={issue.cycles.length > 1} />
      ))}
    </>
  );
}

/** Two rows per cycle, JSM above Accord; a value that differs is marked on both, in words for screen readers. */
function CycleRows(props: {
  readonly name: string;
  readonly cycle: CycleComparison;
  readonly many: boolean;
}) {
  const { t, locale } = useT();
  const { ui } = useAdmin();
  const { cycle } = props;
  const when = (iso: string | null | undefined) =>
    iso === undefined
      ? '—'
      : iso === null
        ? t('jsm.running')
        : formatDateTime(Date.parse(iso), locale, ui.timeZone);
  const time = (ms: number | null | undefined) =>
    ms == null ? '—' : formatTarget(Math.round(ms / 60_000), locale);
  const cell = (difference: Difference, text: string) => {
    const differs = cycle.differences.includes(difference);
    return (
      <td className={differs ? 'accord-jsm__differs' : undefined}>
        {text}
        {differs ? <span className="accord-visually-hidden"> ({t('jsm.differs')})</span> : null}
      </td>
    );
  };
  const side = (label: string, s: CycleSide | null, first: boolean) => (
    <tr
      data-testid={first ? 'jsm-cycle' : undefined}
      data-differences={first ? cycle.differences.join(' ') : undefined}
    >
      {first ? (
        <th scope="rowgroup" rowSpan={2}>
          {props.name}
          {props.many ? ` · ${t('jsm.cycle', { n: cycle.index + 1 })}` : ''}
        </th>
      ) : null}
      <td>{label}</td>
      {s === null ? (
        <td colSpan={5} className="accord-jsm__differs">
          {t('jsm.noCycle')}
        </td>
      ) : (
        <>
          {cell('start', when(s.startedAt))}
          {cell('stop', when(s.stoppedAt))}
          {cell('elapsed', `${time(s.elapsedMs)}${s.paused ? ` · ${t('jsm.paused')}` : ''}`)}
          {cell('goal', time(s.goalMs))}
          {cell('breach', s.breached ? t('yes') : t('no'))}
        </>
      )}
      {first ? (
        <td rowSpan={2} data-testid="jsm-why">
          {cycle.differences.length === 0
            ? t('jsm.same')
            : cycle.reasons.length === 0
              ? t('jsm.unknownReason')
              : cycle.reasons.map((r) => t(`jsm.reason.${r}`)).join(' ')}
        </td>
      ) : null}
    </tr>
  );
  return (
    <>
      {side(t('jsm.jsm'), cycle.jsm, true)}
      {side(t('jsm.accord'), cycle.accord, false)}
    </>
  );
}
