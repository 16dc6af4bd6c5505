import { formatCountdown, formatTarget, spokenDuration } from '../../shared/format/duration';
import { formatInstant } from '../../shared/format/instant';
import { warmUpFormats } from './warm-up';

type IntlConstructor = 'NumberFormat' | 'DateTimeFormat' | 'ListFormat' | 'PluralRules';

/** Counts the `Intl` objects made while `work` runs. */
function made(work: () => void): number {
  const names: IntlConstructor[] = ['NumberFormat', 'DateTimeFormat', 'ListFormat', 'PluralRules'];
  const originals = names.map((name) => Intl[name]);
  let count = 0;
  names.forEach((name, i) => {
    const original = originals[i] as unknown as new (...args: unknown[]) => object;
    (Intl as Record<string, unknown>)[name] = new Proxy(original, {
      construct(target, args: unknown[]) {
        count++;
        return Reflect.construct<unknown[], object>(target, args);
      },
    });
  });
  try {
    work();
  } finally {
    names.forEach((name, i) => {
      (Intl as Record<string, unknown>)[name] = originals[i];
    });
  }
  return count;
}

describe('warmUpFormats', () => {
  // A locale and zone no other test here formats in, so that the formatters' caches start empty.
  const viewer = { locale: 'nl-NL', timeZone: 'Asia/Kolkata' };
  const now = Date.UTC(2026, 11, 8, 9, 30);
  const render = (): void => {
    formatCountdown(3_909_000, viewer.locale);
    formatCountdown(-12_000, viewer.locale);
    formatCountdown(1_500_000, viewer.locale);
    spokenDuration(3_909_000, viewer.locale);
    spokenDuration(-363_000, viewer.locale, 'down');
    formatTarget(90, viewer.locale);
    formatInstant(now + 3_600_000, { ...viewer, now });
  };

  it('makes every formatter a countdown card needs, so that the first render makes none', () => {
    expect(
      made(() => {
        warmUpFormats(viewer, now);
      }),
    ).toBeGreaterThan(0);
    expect(made(render)).toBe(0);
  });
});
