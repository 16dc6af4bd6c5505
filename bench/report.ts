/** Printing the benchmark's report: numbers people can read, aligned tables, section headings. */

/** @example int(1234567) === '1,234,567' */
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A rate with a unit that fits. @example perSecond(7_123_456) === '7.12 M/s' */
export function perSecond(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M/s`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)} k/s`;
  return `${n.toFixed(0)} /s`;
}

/** Milliseconds with a precision that fits. @example ms(0.01234) === '12.3 µs' */
export function ms(n: number): string {
  if (n < 1) return `${(n * 1000).toFixed(1)} µs`;
  if (n < 100) return `${n.toFixed(2)} ms`;
  return `${int(n)} ms`;
}

/** @example times(1234.5) === '1,235×' */
export const times = (n: number): string => (n >= 100 ? `${int(n)}×` : `${n.toFixed(2)}×`);

/** @example mb(123.456) === '123.5 MB' */
export const mb = (n: number): string => `${n.toFixed(1)} MB`;

export function heading(title: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 100 - title.length))}`);
}

/** Prints rows as columns; the first row is the header. Columns after the first are right-aligned. */
export function table(rows: readonly (readonly string[])[]): void {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  rows.forEach((row, r) => {
    const line = row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('   ');
    console.log(`  ${line}`);
    if (r === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('   ')}`);
  });
}

/** Milliseconds since an earlier `process.hrtime.bigint()`. */
export const since = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
