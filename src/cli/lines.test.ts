import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readFileChunks, readLineBlocks, readLines } from './lines';

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

describe('readLineBlocks', () => {
  /** A block's lines, decoded, `\r` dropped (a block ends at a line boundary or at the end of input). */
  const splitLines = (bytes: Uint8Array): string[] => {
    const lines = Buffer.from(bytes).toString('utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  };
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

  it('reads a file a few chunks ahead, lines and characters cut anywhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-lines-'));
    const file = join(dir, 'issues.ndjson');
    const lines = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ key: `IT-${i}`, name: 'Müller ✓'.repeat(i % 4) }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const fd = openSync(file, 'r');
    try {
      const blocks = await blocksOf(readFileChunks(fd, 37));
      expect(blocks.flatMap((block) => block.lines)).toEqual(lines);
      expect(blocks.every((block) => lines[block.first - 1] === block.lines[0])).toBe(true);
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
