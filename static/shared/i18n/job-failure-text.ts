import type { JobFailure } from '../../../src/app/jobs/recalculate';
import type { I18n } from './i18n';
import type { SharedKey } from './refusal-text';

/**
 * Why a recalculation stopped, in the user's language, from the job's failure code (`jobs/*` replies); an
 * error of a shape this UI does not know shows as the server wrote it.
 * @example jobFailureText({ code: 'stalled', params: { minutes: 31 } }, de) // 'seit 31 Minuten kein Fortschritt'
 */
export function jobFailureText(failure: JobFailure, i18n: I18n<SharedKey>): string {
  switch (failure.code) {
    case 'stalled':
      return i18n.t('jobFailure.stalled', { count: failure.params.minutes });
    case 'step-failed':
      return i18n.t('jobFailure.stepFailed', { count: failure.params.times, reason: failure.params.reason });
    case 'unknown':
      return failure.params.error;
  }
}
