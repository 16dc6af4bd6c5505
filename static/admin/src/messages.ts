import type { Failure } from '../../shared/api/reply';
import type { I18n, MessageKeys } from '../../shared/i18n/i18n';
import { refusalText } from '../../shared/i18n/refusal-text';
import { useI18n } from '../../shared/i18n/use-i18n';
import type english from '../locales/en-US.json';
import type sharedEnglish from '../../shared/locales/en-US.json';

/** The admin page's message keys: its English catalogue (static/admin/locales) and the shared one. */
export type AdminKey = MessageKeys<typeof english> | MessageKeys<typeof sharedEnglish>;

export type AdminI18n = I18n<AdminKey>;

/** The admin page's text in the user's Jira language, from the nearest I18nProvider. */
export const useT = (): AdminI18n => useI18n<AdminKey>();

/** Words a failure in the user's language, from its reason (see `refusalText`). */
export function useRefusalText(): (failure: Failure) => string {
  const i18n = useT();
  return (failure) => refusalText(failure, i18n);
}
