import { fstatSync, read } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ByteBatch } from './batch';

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

/**
 * A file's bytes, a quarter megabyte at a time, with the next few reads already under way. The thread that reads
 * also evaluates: it should find the next chunk waiting, not wait for it, whether the page cache holds the file or
 * the disk must be read, and whatever libuv's thread pool is doing. A file that cannot be read by position (a
 * pipe) is read in order, one read at a time.
 */
export async function* readFileChunks(fd: number, size = 1 << 18, ahead = 4): AsyncGenerator<Buffer> {
  const readInto = (buffer: Buffer, position: number | null): Promise<number> =>
    new Promise((resolve, reject) => {
      read(fd, buffer, 0, size, position, (error, n) => {
        if (error) reject(error);
        else resolve(n);
      });
    });
  if (!fstatSync(fd).isFile()) {
    const buffer = Buffer.allocUnsafeSlow(size);
    for (let n = await readInto(buffer, null); n > 0; n = await readInto(buffer, null)) {
      yield buffer.subarray(0, n);
    }
    return;
  }
  // A buffer goes back to `spare` once its chunk's consumer asks for the next one (it keeps no bytes): the
  // reads take turns on `ahead` buffers instead of leaving a quarter megabyte a chunk to the garbage collector.
  const spare: Buffer[] = [];
  const queue: { at: number; buffer: Buffer; read: Promise<number> }[] = [];
  let position = 0;
  for (;;) {
    while (queue.length < ahead) {
      const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(size);
      const read = readInto(buffer, position);
      read.catch(() => undefined); // a failure is thrown where the read is awaited, not as an unhandled one
      queue.push({ at: position, buffer, read });
      position += size;
    }
    const next = queue.shift();
    if (!next) return; // never: the queue was just filled
    const n = await next.read;
    if (n === 0) return;
    yield next.buffer.subarray(0, n);
    spare.push(next.buffer);
    if (n < size) {
      // The end of the file, most likely; if it has grown meanwhile, read on from where this chunk ended. The
      // reads under way are dropped, with their buffers.
      queue.length = 0;
      position = next.at + n;
    }
  }
}

/**
 * Input cut into blocks of whole lines, as raw bytes each in its own `ArrayBuffer` (so it can be transferred to
 * a worker thread without copying), with the number of the block's first line. Each byte is copied once, into
 * its block; a chunk's bytes are not kept, so a source may reuse its buffer once asked for the next chunk.
 */
export async function* readLineBlocks(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): AsyncGenerator<ByteBatch> {
  let carry: Buffer | undefined;
  let line = 1;
  const block = (bytes: Uint8Array): ByteBatch => {
    const first = line;
    line += countNewlines(bytes);
    return { first, bytes };
  };
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const last = buffer.lastIndexOf(10);
    if (last === -1) {
      carry = Buffer.concat(carry ? [carry, buffer] : [buffer]);
      continue;
    }
    const carried = carry?.length ?? 0;
    const bytes = new Uint8Array(carried + last + 1);
    if (carry) bytes.set(carry);
    bytes.set(buffer.subarray(0, last + 1), carried);
    carry = last + 1 < buffer.length ? Buffer.from(buffer.subarray(last + 1)) : undefined;
    yield block(bytes);
  }
  if (carry && carry.length > 0) yield block(new Uint8Array(carry));
}

function countNewlines(bytes: Uint8Array): number {
  // A Buffer view searches with memchr; a plain Uint8Array's indexOf compares element by element.
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let i = view.indexOf(10); i !== -1; i = view.indexOf(10, i + 1)) count++;
  return count;
}
