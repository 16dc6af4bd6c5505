import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { ErrorCode } from '../../../../src/app/resolvers/contract';
import type { Failure } from '../../../shared/api/reply';
import { useRefusalText, useT } from '../messages';

/** A failure the page met and worded itself (a file the browser could not read), not a backend's reply. */
export interface WordedFailure {
  readonly code: ErrorCode;
  readonly worded: string;
}

/**
 * A backend failure, as a message the admin can act on: what happened in the admin's language (from the
 * failure's reason), what to do about this kind of failure, and the action that helps (try again, reload the
 * latest version).
 */
export function ErrorNotice(props: {
  readonly error: Failure | WordedFailure;
  readonly title?: string;
  /** What to do, where the kind of failure alone does not say it well (a refused file). */
  readonly hint?: string;
  readonly onRetry?: () => void;
  readonly onReload?: () => void;
}) {
  const { t } = useT();
  const refusal = useRefusalText();
  const { error } = props;
  const hint =
    props.hint ??
    (error.code === 'forbidden'
      ? t('errors.forbidden')
      : error.code === 'conflict'
        ? t('errors.conflict')
        : error.code === 'invalid-config' || error.code === 'invalid-payload'
          ? t('errors.invalid')
          : error.code === 'in-use'
            ? t('errors.inUse')
            : error.code === 'not-found'
              ? t('errors.notFound')
              : error.code === 'jira-error'
                ? t('errors.jira')
                : t('errors.internal'));
  const action =
    error.code === 'conflict' && props.onReload ? (
      <Button onClick={props.onReload}>{t('errors.reload')}</Button>
    ) : props.onRetry && error.code !== 'forbidden' && error.code !== 'invalid-config' ? (
      <Button onClick={props.onRetry}>{t('retry')}</Button>
    ) : null;
  return (
    <div role="alert" className="accord-notice">
      <SectionMessage appearance="error" headingLevel="h3" title={props.title ?? t('errors.title')}>
        <p>{'worded' in error ? error.worded : refusal(error)}</p>
        <p>{hint}</p>
        {action ? <div className="accord-notice__actions">{action}</div> : null}
      </SectionMessage>
    </div>
  );
}
