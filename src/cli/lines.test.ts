import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlocks, readLineBlocks, readLines } from './lines';

const collect = async (chunks: (string | Buffer)[]): Promise<string[]> => {
  const out: string[] = [];
  for await (const line of readLines(Readable.from(chunks))) out.push(line);
  return out;
};

describe('readLines', () => {
  it('splits on newlines across chunks, drops \\r, and yields a last line without a newline', async () => {
    expect(await collect(['{"a":1}\n{"b"', ':2}\r\n\n', '{"c":3}'])).toEqual([
      '{"a":1}',
      '{"b":2}',
      '',
      '{"c":3}',
    ]);
  });

  it('never mangles a character split between two chunks', async () => {
    const bytes = Buffer.from('{"name":"Müller ✓"}\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ü"
    expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['{"name":"Müller ✓"}']);
  });
});

/** A block's lines, decoded, `\r` dropped (a block ends at a line boundary or at the end of input). */
const splitLines = (bytes: Uint8Array): string[] => {
  const lines = Buffer.from(bytes).toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
};

describe('readLineBlocks', () => {
  const blocksOf = async (input: Iterable<Buffer | string> | AsyncIterable<Buffer>) => {
    const out: { first: number; lines: string[] }[] = [];
    for await (const block of readLineBlocks(input))
      out.push({ first: block.first, lines: splitLines(block.bytes) });
    return out;
  };

  it('cuts chunks into blocks of whole lines, numbering each block by its first line', async () => {
    expect(await blocksOf(['{"a":1}\n{"b"', ':2}\r\n\n{"c"', ':3}\n', '{"d":4}'])).toEqual([
      { first: 1, lines: ['{"a":1}'] },
      { first: 2, lines: ['{"b":2}', ''] },
      { first: 4, lines: ['{"c":3}'] },
      { first: 5, lines: ['{"d":4}'] },
    ]);
  });

  it('carries a line longer than a chunk over several chunks', async () => {
    expect(await blocksOf(['{"long":', '"line"', '}\n{"next":1}\n'])).toEqual([
      { first: 1, lines: ['{"long":"line"}', '{"next":1}'] },
    ]);
  });
});

describe('FileBlocks', () => {
  const lines = Array.from({ length: 60 }, (_, i) =>
    JSON.stringify({
      key: `IT-${i}`,
      name: 'Müller ✓'.repeat(i % 4),
      long: 'x'.repeat(i % 9 === 0 ? 90 : 0),
    }),
  );
  const text = `${lines.join('\n')}\n`;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-lines-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every block, decoded before its memory goes back for the next reads; the buffers each block lay in. */
  const read = async (fd: number, size: number, room: number) => {
    const reader = new FileBlocks(fd, size, room);
    const blocks: { first: number; lines: string[] }[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const block of reader.blocks()) {
      blocks.push({ first: block.first, lines: splitLines(block.bytes) });
      buffers.add(block.bytes.buffer);
      reader.recycle(block.bytes.buffer);
    }
    return { blocks, buffers };
  };
  const readFile = async (content: string, size: number, room: number) => {
    const file = join(dir, `issues-${size}-${room}.ndjson`);
    writeFileSync(file, content);
    const fd = openSync(file, 'r');
    try {
      return await read(fd, size, room);
    } finally {
      closeSync(fd);
    }
  };

  it.each([
    [37, 64],
    [37, 16], // lines longer than the room before a read: joined in memory of their own
    [8, 4], // lines longer than a read
    [1 << 16, 1 << 10], // the whole file in one read
  ])(
    'reads %i bytes at a time with %i bytes of room: every line once, in order, numbered',
    async (size, room) => {
      const { blocks } = await readFile(text, size, room);
      expect(blocks.flatMap((block) => block.lines)).toEqual(lines);
      expect(blocks.every((block) => lines[block.first - 1] === block.lines[0])).toBe(true);
    },
  );

  it.each([
    [8, 4],
    [37, 64],
  ])(
    'yields blocks whose memory is their own, to move to a worker (%i bytes a read, %i of room)',
    async (size, room) => {
      const file = join(dir, 'transfer.ndjson');
      writeFileSync(file, text);
      const fd = openSync(file, 'r');
      const moved: string[] = [];
      const detached: boolean[] = [];
      try {
        for await (const block of new FileBlocks(fd, size, room).blocks()) {
          // Moved, not copied: Node copies what it cannot move, such as a slice of its shared pool.
          const copy = structuredClone(block.bytes, { transfer: [block.bytes.buffer as ArrayBuffer] });
          detached.push(block.bytes.byteLength === 0);
          moved.push(...splitLines(copy));
        }
      } finally {
        closeSync(fd);
      }
      expect(moved).toEqual(lines);
      expect(detached.every(Boolean)).toBe(true);
    },
  );

  it('reads on buffers it has had back instead of new ones', async () => {
    const { blocks, buffers } = await readFile(text, 64, 256);
    expect(blocks.length).toBeGreaterThan(20);
    expect(buffers.size).toBeLessThanOrEqual(5); // the reads under way and the block being read
  });

  it('yields a last line without a newline, and drops \\r before a newline', async () => {
    const { blocks } = await readFile('{"a":1}\r\n\n{"b":2}', 5, 8);
    expect(blocks.flatMap((block) => block.lines)).toEqual(['{"a":1}', '', '{"b":2}']);
    expect(blocks.map((block) => block.first)).toEqual([1, 3]);
  });

  it('reads a named pipe in order', async () => {
    const fifo = join(dir, 'issues.fifo');
    execFileSync('mkfifo', [fifo]);
    // The writer is another process: opening a pipe to read waits for one.
    const writer = spawn(process.execPath, [
      '-e',
      `require('fs').writeFileSync(process.argv[1], ${JSON.stringify(text)})`,
      fifo,
    ]);
    const fd = openSync(fifo, 'r');
    try {
      const { blocks } = await read(fd, 37, 64);
      expect(blocks.flatMap((block) => block.lines)).toEqual(lines);
    } finally {
      closeSync(fd);
      writer.kill();
    }
  });
});
