const cache = new Map<string, Intl.NumberFormat>();

function format(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * A share 0–100 to a tenth, cut and not rounded: 99.96 % is 99.9 %, never a 100 % that missed 100 %.
 * @example formatPercent(92.345, 'de-DE') === '92,3\u00a0%'
 */
export function formatPercent(value: number, locale: string, digits = 1): string {
  const scale = 10 ** digits;
  return format(locale, { style: 'percent', maximumFractionDigits: digits }).format(
    Math.floor(value * scale + 1e-9) / scale / 100,
  );
}

/**
 * An amount of money in the reader's locale; a currency Intl does not know is written after the number.
 * @example formatMoney(1250, 'EUR', 'de-DE') === '1.250,00\u00a0€'
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return format(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${format(locale, { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
}

/** A plain number in the reader's locale, to at most `digits` decimals. */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return format(locale, { maximumFractionDigits: digits }).format(value);
}
