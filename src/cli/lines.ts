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

/** The lines of a buffer that ends at a line boundary (or at the end of input), decoded, `\r` dropped. */
export function splitLines(buffer: Uint8Array): string[] {
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const lines: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let nl = bytes.indexOf(10, start);
    if (nl === -1) nl = bytes.length;
    const end = nl > start && bytes[nl - 1] === 13 ? nl - 1 : nl;
    lines.push(bytes.toString('utf8', start, end));
    start = nl + 1;
  }
  return lines;
}

/**
 * A stream cut into blocks of whole lines, as raw bytes each in its own `ArrayBuffer` (so it can be transferred
 * to a worker thread without copying), with the number of the block's first line.
 */
export async function* readLineBlocks(input: Readable): AsyncGenerator<{ first: number; bytes: Uint8Array }> {
  let carry: Buffer | undefined;
  let line = 1;
  const block = (bytes: Buffer): { first: number; bytes: Uint8Array } => {
    const first = line;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) line++;
    return { first, bytes: new Uint8Array(bytes) }; // a copy that owns its memory
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (carry) {
      buffer = Buffer.concat([carry, buffer]);
      carry = undefined;
    }
    const last = buffer.lastIndexOf(10);
    if (last === -1) {
      carry = buffer;
      continue;
    }
    yield block(buffer.subarray(0, last + 1));
    if (last + 1 < buffer.length) carry = buffer.subarray(last + 1);
  }
  if (carry && carry.length > 0) yield block(carry);
}
