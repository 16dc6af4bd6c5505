import { parseIssue } from './parse-issue';
import { makeIssue } from './testing';

describe('the satisfaction rating in a parsed history', () => {
  it('is read from JSM’s rating field, whatever its id, and left out when nobody rated', () => {
    const rated = parseIssue(
      makeIssue({
        fields: { customfield_10070: { rating: 2, _links: {} } },
        names: { customfield_10070: 'Zufriedenheit' },
      }),
    );
    expect(rated.ok && rated.value.satisfaction).toBe(2);
    const unrated = parseIssue(makeIssue({ fields: { customfield_10070: null } }));
    expect(unrated.ok && 'satisfaction' in unrated.value).toBe(false);
  });
});
