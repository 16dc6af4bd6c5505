import { validateAgreement } from '../../../src/engine/agreement/validate';
import { validateCalendar } from '../../../src/engine/calendar/validate';
import { createI18n } from '../../shared/i18n/i18n';
import { testTranslations } from '../../shared/testing/translations';
import type { AdminI18n, AdminKey } from './messages';
import { problemText } from './problem-text';

const i18nFor = async (locale: string): Promise<AdminI18n> =>
  createI18n<AdminKey>(locale, 'admin', await testTranslations(locale));

const problemsOf = (result: { ok: boolean; problems?: readonly unknown[] }) =>
  (result.ok ? [] : (result.problems ?? [])) as Parameters<typeof problemText>[0][];

/** An agreement with every kind of shape problem the editor can send at once. */
const broken = {
  id: 'gold',
  name: '',
  kind: 'SLB',
  metrics: [
    {
      id: 'ttr',
      name: 'Time to resolution',
      start: [{ event: 'created' }],
      stop: [],
      goals: [{ targetMinutes: 'soon', calendar: 'always', objectivePercent: 120 }],
    },
  ],
  colour: 'gold',
};

describe('shape problems in the user’s language', () => {
  it('reports every problem at once, each at its path, in plain words rather than the validator’s', async () => {
    const problems = problemsOf(validateAgreement(broken, new Set(['always'])));
    const en = await i18nFor('en-US');
    const byPath = Object.fromEntries(problems.map((p) => [p.path, problemText(p, en)]));
    expect(byPath).toEqual({
      '$.kind': 'Must be one of: SLA, OLA, UC.',
      '$.metrics[0].stop': 'Add at least one.',
      '$.metrics[0].goals[0].targetMinutes': 'Must be a number.',
      '$.metrics[0].goals[0].objectivePercent': 'Must be at most 100.',
      $: 'Not a known field: colour.',
    });
    // The backend's own English says the same, for the command line and any older page.
    for (const p of problems) expect(p.message).not.toMatch(/Too small|Too big|expected string to have/);
  });

  it('words them in German and Danish with nothing left in English', async () => {
    const problems = problemsOf(validateAgreement(broken, new Set(['always'])));
    const de = await i18nFor('de-DE');
    const da = await i18nFor('da-DK');
    expect(problems.map((p) => problemText(p, de))).toEqual(
      expect.arrayContaining([
        'Muss eine Zahl sein.',
        'Darf höchstens 100 sein.',
        'Unbekanntes Feld: colour.',
      ]),
    );
    expect(problems.map((p) => problemText(p, da))).toEqual(
      expect.arrayContaining(['Skal være et tal.', 'Må højst være 100.', 'Ukendt felt: colour.']),
    );
  });

  it('tells a missing value from one of the wrong type', async () => {
    const en = await i18nFor('en-US');
    const missing = problemsOf(validateCalendar({ id: 'x', week: {} }, '$'));
    expect(missing.map((p) => [p.path, problemText(p, en)])).toEqual(
      expect.arrayContaining([
        ['$.name', 'Required.'],
        ['$.timeZone', 'Required.'],
      ]),
    );
    const wrong = problemsOf(validateCalendar({ id: 'x', name: 7, timeZone: 'UTC', week: {} }, '$'));
    expect(wrong.map((p) => [p.path, problemText(p, en)])).toEqual([['$.name', 'Must be text.']]);
  });
});

describe('the last problem of a capped list', () => {
  it('says how many more there were, in the user’s language', async () => {
    const more = {
      code: 'problems.more',
      message: 'and 7 more problems like these',
      path: '$',
      detail: { key: 'problems.more', values: { count: 7 } },
    };
    expect(problemText(more, await i18nFor('de-DE'))).toBe('und 7 weitere Probleme dieser Art');
    expect(problemText(more, await i18nFor('da-DK'))).toBe('og 7 problemer mere af samme slags');
    expect(
      problemText(
        { ...more, detail: { key: 'problems.more', values: { count: 1 } } },
        await i18nFor('en-US'),
      ),
    ).toBe('and 1 more problem like these');
  });
});
