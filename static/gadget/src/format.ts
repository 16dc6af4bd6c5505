const percentFormats = new Map<string, Intl.NumberFormat>();

/**
 * A share 0–100 in the reader's locale, to a tenth where it has one: `92.3%`, `92,3 %`, `100%`. Cut, not
 * rounded: 99.96 % is shown as 99.9 %, never as a 100 % that missed a 100 % objective.
 * @example formatPercent(92.345, 'de-DE') === '92,3\u00a0%'
 */
export function formatPercent(value: number, locale: string): string {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(locale, format);
  }
  return format.format(Math.floor(value * 10 + 1e-9) / 1000);
}
