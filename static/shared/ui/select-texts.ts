import { useMemo } from 'react';
import type { SharedKey } from '../format/goal-terms';
import type { I18n } from '../i18n/i18n';
import { useI18n } from '../i18n/use-i18n';

/**
 * What an Atlaskit Select says on its own, in the user's language: the menu's "No options" and "Loading…", and
 * what its live region tells a screen reader (how many results, which option was chosen). Left alone, a German
 * user hears "option Hoch, selected." and "3 results available". Spread first, so a Select's own
 * `noOptionsMessage` (a sentence about what is missing) wins:
 * @example <Select {...useSelectTexts()} options={…} noOptionsMessage={() => t('goals.noCalendars')} />
 */
export function selectTexts(i18n: I18n<SharedKey>) {
  const { t } = i18n;
  return {
    noOptionsMessage: () => t('select.noOptions'),
    loadingMessage: () => t('select.loading'),
    screenReaderStatus: ({ count }: { readonly count: number }) => t('select.results', { count }),
    ariaLiveMessages: {
      onChange: ({
        action,
        label = '',
        isDisabled,
      }: {
        readonly action: string;
        readonly label?: string;
        readonly isDisabled?: boolean | null;
      }): string => {
        switch (action) {
          case 'deselect-option':
          case 'pop-value':
          case 'remove-value':
            return label === '' ? '' : t('select.deselected', { label });
          case 'clear':
            return t('select.cleared');
          case 'select-option':
            return label === '' || isDisabled === true ? '' : t('select.selected', { label });
          default:
            return '';
        }
      },
      onFilter: ({
        inputValue,
        resultsMessage,
      }: {
        readonly inputValue: string;
        readonly resultsMessage: string;
      }) => (inputValue === '' ? '' : t('select.filtered', { results: resultsMessage, term: inputValue })),
    },
  };
}

/** {@link selectTexts} in the language of the nearest I18nProvider, the same object while it stays. */
export function useSelectTexts(): ReturnType<typeof selectTexts> {
  const i18n = useI18n<SharedKey>();
  return useMemo(() => selectTexts(i18n), [i18n]);
}
