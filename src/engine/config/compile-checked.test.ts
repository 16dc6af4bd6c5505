import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateHolidaysLookup } from '../calendar/region-lookup';
import { at } from '../calendar/test-support';
import { evaluateHistory, type CompiledConfig } from '../evaluate/evaluate';
import type { IssueResult } from '../evaluate/result';
import type { Result } from '../errors';
import { historyOf, parseIssue } from '../issue';
import { compileCheckedConfig } from './compile-checked';
import { loadConfig } from './load';

const examples = join(__dirname, '..', '..', '..', 'examples');
const read = (name: string): unknown => JSON.parse(readFileSync(join(examples, name), 'utf8'));
const agreements = read('agreements.json') as Record<string, unknown>[];
const calendars = read('calendars.json') as Record<string, unknown>[];
const now = at('2026-03-09T10:00:00+01:00');

function results(config: Result<CompiledConfig>): IssueResult[] {
  if (!config.ok) throw new Error(JSON.stringify(config.problems));
  return ['IT-42', 'IT-43', 'IT-44'].map((key) => {
    const issue = parseIssue(read(`issues/${key}.json`));
    if (!issue.ok) throw new Error(JSON.stringify(issue.problems));
    return evaluateHistory(config.value, historyOf(issue.value), now);
  });
}

/** The examples with one change, each the kind of mistake only the checks after zod's shape check catch. */
const semanticMistakes: Record<string, () => { agreements: unknown; calendars: unknown }> = {
  'an unknown zone': () => ({
    agreements,
    calendars: calendars.map((c, i) => (i === 0 ? { ...c, timeZone: 'Europe/Nowhere' } : c)),
  }),
  'a duplicate calendar id': () => ({ agreements, calendars: [...calendars, calendars[0]] }),
  'a calendar no goal can find': () => ({ agreements, calendars: calendars.slice(1) }),
  'bad JQL and a duplicate agreement id': () => ({
    agreements: [...agreements, { ...agreements[0], appliesTo: 'priority = ' }],
    calendars,
  }),
  'a list that is not one': () => ({ agreements: {}, calendars: 'calendars' }),
};

describe('compileCheckedConfig: configuration validated elsewhere, compiled without zod', () => {
  const options = { regionHolidays: dateHolidaysLookup };

  it('compiles the examples to what loadConfig compiles: the same results on every example issue', () => {
    const checked = results(compileCheckedConfig({ agreements, calendars }, options));
    expect(checked.flatMap((r) => r.agreements.map((a) => a.id))).toContain('gold');
    expect(checked).toEqual(results(loadConfig({ agreements, calendars }, options)));
  });

  it.each(Object.keys(semanticMistakes))('reports %s exactly as loadConfig does', (name) => {
    const input = semanticMistakes[name]?.() ?? { agreements, calendars };
    const files = { agreementsFile: 'a.json', calendarsFile: 'c.json' };
    const expected = loadConfig(input, { ...options, ...files });
    expect(expected.ok).toBe(false);
    expect(compileCheckedConfig(input, { ...options, ...files })).toEqual(expected);
  });

  it('names a region the holiday data cannot resolve here, as loadConfig does', () => {
    const input = { agreements, calendars };
    expect(compileCheckedConfig(input)).toEqual(loadConfig(input));
  });

  // The caller vouches for the shape; a caller that is wrong must still get a value, not a crash in a thread.
  it.each([
    ['a calendar without a week', { agreements, calendars: [{ id: 'x', timeZone: 'UTC' }] }],
    ['an agreement without metrics', { agreements: [{ id: 'a', kind: 'SLA' }], calendars }],
    ['a list of nulls', { agreements: [null], calendars: [null] }],
  ])('answers problems, never a throw, for %s', (_, input) => {
    const result = compileCheckedConfig(input, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  });
});
