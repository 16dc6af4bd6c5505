import Select from '@atlaskit/select';
import { useMemo } from 'react';
import type { RegionCountry } from '../api';
import { useAdmin } from '../admin-context';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { useRemote } from '../use-remote';
import { ErrorNotice } from '../ui/error-notice';
import { fieldId } from '../problems';
import { FieldErrors } from '../ui/field';
import type { Problem } from '../../../../src/engine/errors';
import { useSelectTexts } from '../../../shared/ui/select-texts';

interface Option {
  readonly label: string;
  readonly value: string;
}

/**
 * The country or region preset (`holidayRegion`): a country, then optionally one of its states, whose public
 * holidays the calendar observes. The list comes from the backend's holiday data; the countries' names are
 * the browser's, in the admin's language.
 */
export function RegionPicker(props: {
  readonly value: string | undefined;
  readonly onChange: (region: string | undefined) => void;
  readonly problems: readonly Problem[];
}) {
  const selectText = useSelectTexts();
  const i18n = useT();
  const { t, locale } = i18n;
  const { backend } = useAdmin();
  const { state, reload } = useRemote(() => backend.call('calendars/regions', {}), 'regions');
  const countries: readonly RegionCountry[] = state.status === 'ready' ? state.data.countries : [];
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      return undefined;
    }
  }, [locale]);
  const countryName = (c: RegionCountry) => {
    try {
      const name = names?.of(c.code);
      return name && name !== c.code ? name : c.name;
    } catch {
      return c.name;
    }
  };
  const countryOptions = useMemo(
    () =>
      countries
        .map((c) => ({ value: c.code, label: `${countryName(c)} (${c.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    // countryName depends on names, which depends on locale
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [countries, names, locale],
  );
  const [countryCode, stateCode] = (props.value ?? '').split('-');
  const country = countries.find((c) => c.code === countryCode);
  const countryValue =
    countryOptions.find((o) => o.value === countryCode) ??
    (countryCode ? { value: countryCode, label: countryCode } : null);
  const stateOptions: Option[] = country
    ? [
        { value: country.code, label: t('region.wholeCountry') },
        ...country.states.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })),
      ]
    : [];
  const stateValue = stateCode
    ? (stateOptions.find((o) => o.value === props.value) ?? {
        value: props.value ?? '',
        label: props.value ?? '',
      })
    : (stateOptions[0] ?? null);
  const countryId = fieldId('$.holidayRegion');
  const stateId = `${countryId}-state`;
  const errorId = props.problems.length > 0 ? `${countryId}-error` : undefined;
  return (
    <div className="accord-region" data-path="$.holidayRegion">
      {state.status === 'failed' ? <ErrorNotice error={state.error} onRetry={reload} /> : null}
      <div className="accord-region__row">
        <div className="accord-field">
          <label className="accord-field__label" htmlFor={countryId}>
            {t('region.country')}
          </label>
          <Select<Option>
            {...selectText}
            inputId={countryId}
            isLoading={state.status === 'loading'}
            isClearable
            options={countryOptions}
            value={countryValue}
            isInvalid={props.problems.length > 0}
            {...(errorId ? { descriptionId: errorId } : {})}
            onChange={(option) => {
              props.onChange(option ? option.value : undefined);
            }}
            loadingMessage={() => t('loading')}
            noOptionsMessage={() => t('region.noMatch')}
            spacing="compact"
          />
        </div>
        {country && country.states.length > 0 ? (
          <div className="accord-field">
            <label className="accord-field__label" htmlFor={stateId}>
              {t('region.state')}
            </label>
            <Select<Option>
              {...selectText}
              inputId={stateId}
              options={stateOptions}
              value={stateValue}
              onChange={(option) => {
                if (option) props.onChange(option.value);
              }}
              spacing="compact"
            />
          </div>
        ) : null}
      </div>
      <FieldErrors
        {...(errorId ? { id: errorId } : {})}
        errors={props.problems.map((p) => problemText(p, i18n))}
      />
    </div>
  );
}
