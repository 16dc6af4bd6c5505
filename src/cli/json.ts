import type { Problem } from '../engine/errors';

/**
 * Parses JSON text, turning a syntax error into a Problem that says where (line and column), never a stack.
 * @example parseJsonText('{"a":', 'agreements.json')
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position?.[1] === undefined ? '' : ` (${lineAndColumn(text, Number(position[1]))})`;
    return {
      ok: false,
      problem: {
        code: 'json.invalid',
        message: `not valid JSON${where}: ${message.replace(/\s*\(line \d+ column \d+\)$/, '')}`,
      },
    };
  }
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}
