import type { Failure } from '../../shared/api/reply';
import type { MessageKeys } from '../../shared/i18n/i18n';
import { refusalText } from '../../shared/i18n/refusal-text';
import { useI18n } from '../../shared/i18n/use-i18n';
import type english from '../locales/en-US.json';
import type sharedEnglish from '../../shared/locales/en-US.json';

/** The report page's message keys, from its English catalogue and the shared one. */
export type ReportKey = MessageKeys<typeof english> | MessageKeys<typeof sharedEnglish>;

/** The report page's translator, typed with its keys. */
export const useT = () => useI18n<ReportKey>().t;
export const useLocale = () => useI18n<ReportKey>().locale;

/** Words a failure in the user's language, from its reason (see `refusalText`). */
export function useRefusalText(): (failure: Failure) => string {
  const i18n = useI18n<ReportKey>();
  return (failure) => refusalText(failure, i18n);
}
