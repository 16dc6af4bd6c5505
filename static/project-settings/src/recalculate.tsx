import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useState } from 'react';
import type { Backend } from '../../shared/backend';
import type { Failure, Job } from './api';
import { jobFailureText } from '../../shared/i18n/job-failure-text';
import { useRefusalText, useT } from './messages';

/** How often a running job's progress is asked for. */
export const POLL_MS = 1000;

type State =
  | { readonly status: 'idle' }
  | { readonly status: 'starting' }
  | { readonly status: 'running'; readonly job: Job }
  | { readonly status: 'failed'; readonly error: Failure };

/**
 * Re-measures the project's issues with the list just saved: a recalculation job for the project
 * (`jobs/start`, which project admins may run for their project), with its progress. Open issues only unless
 * the admin asks for resolved ones too, which changes what past reports say.
 */
export function Recalculate(props: { readonly backend: Backend; readonly projectKey: string }) {
  const { t } = useT();
  const refusal = useRefusalText();
  const [includeResolved, setIncludeResolved] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle' });

  const jobId = state.status === 'running' ? state.job.id : null;
  const finished = state.status === 'running' && ['done', 'failed', 'cancelled'].includes(state.job.state);
  useEffect(() => {
    if (jobId === null || finished) return undefined;
    let active = true;
    const timer = window.setTimeout(() => {
      void props.backend.call('jobs/status', { jobId }).then((reply) => {
        if (!active) return;
        setState(
          reply.ok ? { status: 'running', job: reply.data } : { status: 'failed', error: reply.error },
        );
      });
    }, POLL_MS);
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [props.backend, jobId, finished, state]);

  const start = (): void => {
    setState({ status: 'starting' });
    void props.backend
      .call('jobs/start', {
        scope: { kind: 'project', projectKey: props.projectKey },
        replaceCompleted: includeResolved,
      })
      .then((reply) => {
        setState(
          reply.ok ? { status: 'running', job: reply.data } : { status: 'failed', error: reply.error },
        );
      });
  };

  if (state.status === 'running') return <Progress job={state.job} />;
  return (
    <div className="accord-recalc">
      {state.status === 'failed' ? (
        <SectionMessage appearance="error" title={t('recalc.startFailed')} headingLevel="h3">
          <p>{refusal(state.error)}</p>
        </SectionMessage>
      ) : null}
      <Checkbox
        isChecked={includeResolved}
        onChange={(event) => {
          setIncludeResolved(event.currentTarget.checked);
        }}
        label={t('recalc.includeResolved')}
      />
      <div>
        <Button onClick={start} isLoading={state.status === 'starting'}>
          {t('recalc.start')}
        </Button>
      </div>
    </div>
  );
}

function Progress(props: { readonly job: Job }) {
  const i18n = useT();
  const { t } = i18n;
  const { job } = props;
  const total = job.total;
  let text: string;
  switch (job.state) {
    case 'queued':
      text = t('recalc.queued');
      break;
    case 'running':
      text = total === null ? t('recalc.runningUnknown') : t('recalc.running', { done: job.done, total });
      break;
    case 'done':
      text = t('recalc.done', { count: job.done });
      break;
    case 'cancelled':
      text = t('recalc.cancelled');
      break;
    case 'failed':
      text = t('recalc.stopped', { reason: job.failure ? jobFailureText(job.failure, i18n) : '' });
      break;
  }
  const value = job.state === 'done' ? 1 : total === null || total === 0 ? 0 : job.done / total;
  return (
    <div className="accord-recalc">
      {job.state === 'queued' || job.state === 'running' ? (
        total === null ? (
          <ProgressBar isIndeterminate ariaLabel={t('recalc.progressLabel')} />
        ) : (
          <ProgressBar value={value} ariaLabel={t('recalc.progressLabel')} />
        )
      ) : null}
      <p className="accord-recalc__text">{text}</p>
      {/* Screen readers hear the job start and end, not every poll's number. */}
      <p role="status" className="accord-visually-hidden">
        {job.state === 'queued' || job.state === 'running' ? t('recalc.runningUnknown') : text}
      </p>
      {job.failed > 0 ? (
        <p className="accord-recalc__text">{t('recalc.failedSome', { count: job.failed })}</p>
      ) : null}
    </div>
  );
}
