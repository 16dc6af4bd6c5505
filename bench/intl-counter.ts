/**
 * Counts calls to `Intl.DateTimeFormat.prototype.formatToParts` and `format`, the only ways the engine and
 * date-fns-tz read a zone's clock, so the benchmark can show that the fast path makes none per query.
 */

/** A running count; `stop()` puts the original methods back and returns the count. */
export interface IntlCounter {
  readonly count: () => number;
  readonly stop: () => number;
}

/**
 * Wraps the prototype's methods until `stop()`. `format` is a getter that returns a bound function (per the
 * ECMA-402 spec), so its getter is wrapped to hand out a counting function instead.
 * @example const counter = countIntlCalls(); run(); counter.stop() === 0
 */
export function countIntlCalls(): IntlCounter {
  const proto = Intl.DateTimeFormat.prototype;
  const partsDescriptor = Object.getOwnPropertyDescriptor(proto, 'formatToParts');
  const formatDescriptor = Object.getOwnPropertyDescriptor(proto, 'format');
  const formatToParts = partsDescriptor?.value as
    ((this: Intl.DateTimeFormat, date?: Date | number) => Intl.DateTimeFormatPart[]) | undefined;
  // Read through Reflect: `PropertyDescriptor.get` is typed as a method, which would lose its `this` here.
  const getFormat = (formatDescriptor && Reflect.get(formatDescriptor, 'get')) as
    ((this: Intl.DateTimeFormat) => Intl.DateTimeFormat['format']) | undefined;
  if (!partsDescriptor || !formatDescriptor || !formatToParts || !getFormat) {
    throw new Error('Intl.DateTimeFormat.prototype is not shaped as ECMA-402 says');
  }
  let calls = 0;
  Object.defineProperty(proto, 'formatToParts', {
    ...partsDescriptor,
    value: function (this: Intl.DateTimeFormat, date?: Date | number) {
      calls++;
      return formatToParts.call(this, date);
    },
  });
  Object.defineProperty(proto, 'format', {
    ...formatDescriptor,
    get(this: Intl.DateTimeFormat) {
      const format = getFormat.call(this);
      return (date?: Date | number) => {
        calls++;
        return format(date);
      };
    },
  });
  return {
    count: () => calls,
    stop: () => {
      Object.defineProperty(proto, 'formatToParts', partsDescriptor);
      Object.defineProperty(proto, 'format', formatDescriptor);
      return calls;
    },
  };
}
