/**
 * A copy of `value` without the given keys: how an editor clears an optional field, since the configuration
 * formats leave a field out rather than store `undefined`.
 * @example without({ when: 'priority = High', calendar: 'berlin' }, 'when') // { calendar: 'berlin' }
 */
export function without<T extends object, K extends keyof T>(value: T, ...keys: readonly K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key as K))) as Omit<T, K>;
}
