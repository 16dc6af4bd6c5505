/** Expected failures: bad arguments or bad input. Reported as one message, exit 2, never a stack trace. */
export class InvalidInput extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'InvalidInput';
  }
}
