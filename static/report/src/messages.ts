import type { MessageKeys } from '../../shared/i18n/i18n';
import { useI18n } from '../../shared/i18n/use-i18n';
import type english from '../locales/en-US.json';
import type sharedEnglish from '../../shared/locales/en-US.json';

/** The report page's message keys, from its English catalogue and the shared one. */
export type ReportKey = MessageKeys<typeof english> | MessageKeys<typeof sharedEnglish>;

/** The report page's translator, typed with its keys. */
export const useT = () => useI18n<ReportKey>().t;
export const useLocale = () => useI18n<ReportKey>().locale;
