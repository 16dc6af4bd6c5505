import { holidayRegions } from './region-list';
import { isKnownRegion } from './region-holidays';

describe('holidayRegions', () => {
  it('lists countries with their states as codes a calendar can name', () => {
    const regions = holidayRegions();
    const germany = regions.find((c) => c.code === 'DE');
    expect(germany?.states.map((s) => s.code)).toEqual(expect.arrayContaining(['DE-BE', 'DE-BY']));
    // Denmark has no states in the data: only the country.
    expect(regions.find((c) => c.code === 'DK')?.states).toEqual([]);
    expect(regions.map((c) => c.code)).toEqual([...regions.map((c) => c.code)].sort());
  });

  it('names only regions that validation accepts', () => {
    for (const country of holidayRegions()) {
      expect(isKnownRegion(country.code)).toBe(true);
      for (const state of country.states) expect(isKnownRegion(state.code)).toBe(true);
    }
  });
});
