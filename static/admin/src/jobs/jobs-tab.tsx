import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useEffect, useRef, useState } from 'react';
import type { Agreement, Failure, Job, JobScope, Version } from '../api';
import { useAdmin } from '../admin-context';
import { formatDateTime } from '../dates';
import { jobFailureText } from '../../../shared/i18n/job-failure-text';
import { useRefusalText, useT } from '../messages';
import { fieldId } from '../problems';
import { useRemote, type Remote } from '../use-remote';
import { JqlField } from '../agreements/jql-field';
import { checkJql } from '../agreements/jql-check';
import { ErrorNotice } from '../ui/error-notice';
import { Field } from '../ui/field';
import { Loading } from '../ui/loading';
import { usePeople } from '../people/people';
import { Section } from '../ui/section';
import { RetentionControl } from './retention-control';
import { useSelectTexts } from '../../../shared/ui/select-texts';

const POLL_MS = 2000;
const isActive = (job: Job) => job.state === 'queued' || job.state === 'running';

interface Option<V extends string> {
  readonly value: V;
  readonly label: string;
}

/**
 * Recalculation: re-evaluates stored issues after a change of agreements or calendars, for an agreement, a
 * project or a JQL, with each job's progress (polled while one runs) and a way to cancel it.
 */
export default function JobsTab() {
  const { t } = useT();
  const { backend, announce } = useAdmin();
  const { state, reload } = useRemote(() => backend.call('jobs/list', { limit: 20 }), 'jobs');
  const agreements = useRemote(() => backend.call('agreements/list', {}), 'agreements');
  const names = new Map(
    agreements.state.status === 'ready'
      ? agreements.state.data.flatMap((a) => (a.body ? [[a.id, a.body.name] as const] : []))
      : [],
  );
  const jobs = state.status === 'ready' ? state.data : [];
  const running = jobs.some(isActive);
  const previous = useRef<ReadonlyMap<string, Job['state']> | null>(null);

  // While a job runs, ask again every two seconds; say when one ends.
  useEffect(() => {
    if (state.status !== 'ready') return undefined;
    const was = previous.current;
    previous.current = new Map(state.data.map((j) => [j.id, j.state]));
    if (was) {
      for (const job of state.data) {
        const before = was.get(job.id);
        if (before !== undefined && before !== job.state && !isActive(job)) {
          announce(t(`jobs.ended.${job.state}`, { count: job.done }));
        }
      }
    }
    if (!running) return undefined;
    const timer = setTimeout(reload, POLL_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [state, running, reload, announce, t]);

  return (
    <div className="accord-list">
      <Heading as="h2" size="medium">
        {t('jobs.title')}
      </Heading>
      <p className="accord-muted">{t('jobs.intro')}</p>
      <Section id="accord-jobs-start" title={t('jobs.startTitle')}>
        <StartJob onStarted={reload} agreements={agreements.state} />
      </Section>
      <Section id="accord-jobs-list" title={t('jobs.recent')}>
        {state.status === 'loading' ? <Loading label={t('loading')} /> : null}
        {state.status === 'failed' ? <ErrorNotice error={state.error} onRetry={reload} /> : null}
        {state.status === 'ready' && jobs.length === 0 ? (
          <EmptyState headingLevel={4} header={t('jobs.emptyTitle')} description={t('jobs.emptyBody')} />
        ) : null}
        <ul className="accord-rows" aria-live="off">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} names={names} onChanged={reload} />
          ))}
        </ul>
      </Section>
      <Section id="accord-retention" title={t('retention.title')}>
        <RetentionControl />
      </Section>
    </div>
  );
}

function StartJob(props: {
  readonly onStarted: () => void;
  readonly agreements: Remote<Version<Agreement>[]>;
}) {
  const selectText = useSelectTexts();
  const { t } = useT();
  const { backend, announce } = useAdmin();
  const refusal = useRefusalText();
  const [kind, setKind] = useState<JobScope['kind']>('agreement');
  const [agreementId, setAgreementId] = useState<string | null>(null);
  const [projectKey, setProjectKey] = useState('');
  const [jql, setJql] = useState<string | undefined>(undefined);
  const [replaceCompleted, setReplaceCompleted] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [starting, setStarting] = useState(false);
  const agreementOptions: Option<string>[] =
    props.agreements.status === 'ready'
      ? props.agreements.data.flatMap((a) =>
          a.body ? [{ value: a.id, label: `${a.body.name} (${a.body.kind})` }] : [],
        )
      : [];
  const kinds: Option<JobScope['kind']>[] = [
    { value: 'agreement', label: t('jobs.scope.agreement') },
    { value: 'project', label: t('jobs.scope.project') },
    { value: 'jql', label: t('jobs.scope.jql') },
  ];
  const chosenAgreement = agreementId ?? agreementOptions[0]?.value ?? null;
  const scope: JobScope | null =
    kind === 'agreement'
      ? chosenAgreement === null
        ? null
        : { kind, agreementId: chosenAgreement }
      : kind === 'project'
        ? projectKey.trim() === ''
          ? null
          : { kind, projectKey: projectKey.trim().toUpperCase() }
        : jql === undefined || checkJql(jql) !== null
          ? null
          : { kind, jql };
  const start = async () => {
    if (scope === null) return;
    setStarting(true);
    const reply = await backend.call('jobs/start', { scope, replaceCompleted });
    setStarting(false);
    if (reply.ok) {
      setError(null);
      announce(t('jobs.started'));
      props.onStarted();
    } else {
      setError(reply.error);
      announce(refusal(reply.error));
    }
  };
  const kindId = fieldId('$.scope.kind');
  return (
    <div className="accord-start-job">
      {error ? <ErrorNotice title={t('jobs.notStarted')} error={error} onRetry={() => void start()} /> : null}
      <div className="accord-grid accord-grid--wide">
        <div className="accord-field">
          <label className="accord-field__label" htmlFor={kindId}>
            {t('jobs.scopeLabel')}
          </label>
          <Select<Option<JobScope['kind']>>
            {...selectText}
            inputId={kindId}
            options={kinds}
            value={kinds.find((k) => k.value === kind) ?? null}
            onChange={(o) => {
              if (o) setKind(o.value);
            }}
            spacing="compact"
          />
        </div>
        {kind === 'agreement' ? (
          <div className="accord-field">
            <label className="accord-field__label" htmlFor={fieldId('$.scope.agreementId')}>
              {t('jobs.agreement')}
            </label>
            <Select<Option<string>>
              {...selectText}
              inputId={fieldId('$.scope.agreementId')}
              isLoading={props.agreements.status === 'loading'}
              options={agreementOptions}
              value={agreementOptions.find((o) => o.value === chosenAgreement) ?? null}
              onChange={(o) => {
                if (o) setAgreementId(o.value);
              }}
              noOptionsMessage={() => t('jobs.noAgreements')}
              spacing="compact"
            />
          </div>
        ) : null}
        {kind === 'project' ? (
          <Field path="$.scope.projectKey" label={t('jobs.project')} help={t('jobs.projectHelp')}>
            {(c) => (
              <Textfield
                {...c}
                autoComplete="off"
                value={projectKey}
                onChange={(e) => {
                  setProjectKey(e.currentTarget.value);
                }}
              />
            )}
          </Field>
        ) : null}
      </div>
      {kind === 'jql' ? (
        <JqlField
          path="$.scope.jql"
          label={t('jobs.jql')}
          help={t('jobs.jqlHelp')}
          value={jql}
          onChange={setJql}
          problems={(error?.problems ?? []).filter((p) => p.path === '$.scope.jql')}
        />
      ) : null}
      <Checkbox
        isChecked={replaceCompleted}
        label={t('jobs.replaceCompleted')}
        onChange={(e) => {
          setReplaceCompleted(e.currentTarget.checked);
        }}
      />
      <p className="accord-field__help">{t('jobs.replaceHelp')}</p>
      <div className="accord-toolbar">
        <Button
          appearance="primary"
          isDisabled={scope === null}
          isLoading={starting}
          onClick={() => void start()}
        >
          {t('jobs.start')}
        </Button>
      </div>
    </div>
  );
}

function JobRow(props: {
  readonly job: Job;
  readonly names: ReadonlyMap<string, string>;
  readonly onChanged: () => void;
}) {
  const i18n = useT();
  const { t, locale } = i18n;
  const { backend, ui, announce } = useAdmin();
  const nameOf = usePeople([props.job.createdBy]);
  const [error, setError] = useState<Failure | null>(null);
  const { job } = props;
  const scope = job.spec.scope;
  const what =
    scope.kind === 'agreement'
      ? t('jobs.forAgreement', { name: props.names.get(scope.agreementId) ?? scope.agreementId })
      : scope.kind === 'project'
        ? t('jobs.forProject', { key: scope.projectKey })
        : t('jobs.forJql', { jql: scope.jql });
  const fraction = job.total
    ? Math.min(1, (job.done + job.failed) / job.total)
    : job.state === 'done'
      ? 1
      : 0;
  const numbers = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(fraction);
  const appearance =
    job.state === 'done'
      ? 'success'
      : job.state === 'failed'
        ? 'removed'
        : job.state === 'cancelled'
          ? 'default'
          : 'inprogress';
  const cancel = async () => {
    const reply = await backend.call('jobs/cancel', { jobId: job.id });
    if (reply.ok) {
      setError(null);
      announce(t('jobs.cancelRequested'));
      props.onChanged();
    } else {
      setError(reply.error);
    }
  };
  return (
    <li className="accord-rows__item accord-job">
      <div className="accord-rows__row accord-job__row">
        <span className="accord-job__what">
          <strong>{what}</strong>
          <span className="accord-muted">
            {t('jobs.createdBy', {
              date: formatDateTime(job.createdAt, locale, ui.timeZone),
              by: nameOf(job.createdBy),
            })}
            {job.spec.replaceCompleted ? ` · ${t('jobs.withCompleted')}` : ''}
          </span>
        </span>
        <Lozenge appearance={appearance}>{t(`jobs.state.${job.state}`)}</Lozenge>
        {isActive(job) && !job.cancelRequested ? (
          <Button appearance="subtle" onClick={() => void cancel()}>
            {t('jobs.cancel')}
          </Button>
        ) : null}
      </div>
      <div className="accord-job__progress">
        <ProgressBar
          ariaLabel={t('jobs.progressLabel', { what, percent })}
          value={fraction}
          isIndeterminate={job.state === 'running' && job.total === null}
          {...(job.state === 'done' ? { appearance: 'success' as const } : {})}
        />
        <span className="accord-muted">
          {job.total === null
            ? t('jobs.countingIssues')
            : t('jobs.progress', {
                done: numbers.format(job.done),
                total: numbers.format(job.total),
                percent,
              })}
          {job.failed > 0 ? ` · ${t('jobs.failedCount', { count: job.failed })}` : ''}
          {job.cancelRequested && isActive(job) ? ` · ${t('jobs.cancelling')}` : ''}
        </span>
      </div>
      {job.failure ? <p className="accord-field__errors">{jobFailureText(job.failure, i18n)}</p> : null}
      {error ? <ErrorNotice error={error} onRetry={() => void cancel()} /> : null}
    </li>
  );
}
