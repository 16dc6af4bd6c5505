import { Readable } from 'node:stream';
import { readLines } from './lines';

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
