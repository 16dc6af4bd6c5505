import { readFile } from 'node:fs/promises';
import { formatProblem } from '../engine/errors';
import { InvalidInput } from './invalid-input';
import { parseJsonText } from './json';

/** Reads and parses a JSON file; a missing file or bad JSON is an {@link InvalidInput} naming the file and where. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidInput([
      `${file}: cannot read${code === 'ENOENT' ? ': no such file' : `: ${String(error)}`}`,
    ]);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new InvalidInput([formatProblem(parsed.problem, file)]);
  return parsed.value;
}
