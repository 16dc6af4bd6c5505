import Holidays from 'date-holidays';

/** A holiday region a calendar's `holidayRegion` may name: a country (`DE`) with its states (`DE-BY`). */
export interface RegionCountry {
  /** ISO 3166 code as date-holidays names it, e.g. `DE`. */
  readonly code: string;
  /** The country's name as the holiday data gives it (often in the country's own language). */
  readonly name: string;
  /** Its states or provinces with holidays of their own, as `CC-SS` codes; empty for a country without. */
  readonly states: readonly { readonly code: string; readonly name: string }[];
}

const STATE = /^[A-Z0-9]{1,3}$/;

let cached: readonly RegionCountry[] | undefined;

/**
 * Every country and state the bundled holiday data knows, sorted by code: what an admin can pick as a
 * calendar's `holidayRegion`. A browser localizes the countries' names itself (`Intl.DisplayNames`); the states'
 * names are the data's own. Built once: the data is static.
 * @example holidayRegions().find((c) => c.code === 'DE')?.states.some((s) => s.code === 'DE-BY') === true
 */
export function holidayRegions(): readonly RegionCountry[] {
  if (cached) return cached;
  const data = new Holidays();
  const countries: Partial<Record<string, string>> = data.getCountries();
  cached = Object.entries(countries)
    .flatMap(([code, name]) => (name === undefined ? [] : [{ code, name }]))
    .map(({ code, name }) => {
      // date-holidays returns undefined (despite its typings) for a country without states, such as DK.
      const states = data.getStates(code) as Partial<Record<string, string>> | undefined;
      return {
        code,
        name,
        states: Object.entries(states ?? {})
          .flatMap(([state, stateName]) =>
            // Only codes a calendar can name (`CC-SS`, see region-holidays.ts): the Cook Islands' islands are
            // keyed by name in the data.
            stateName === undefined || !STATE.test(state)
              ? []
              : [{ code: `${code}-${state}`, name: stateName }],
          )
          .sort((a, b) => (a.code < b.code ? -1 : 1)),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return cached;
}
