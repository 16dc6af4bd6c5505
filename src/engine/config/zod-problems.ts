import type { z } from 'zod';
import { joinPath, type Problem } from '../errors';

/**
 * Turns zod's issues into Problems with a readable JSON path (`$.week.mon[0].from`), under a stable code
 * (`<prefix>.invalid`).
 * @example zodProblems(result.error, '$.calendars[0]', 'calendar')
 */
export function zodProblems(error: z.ZodError, base: string, prefix: string): Problem[] {
  return error.issues.map((issue) => ({
    code: `${prefix}.invalid`,
    message: issue.message,
    path: issue.path.reduce<string>(
      (path, key) => joinPath(path, typeof key === 'number' ? key : String(key)),
      base,
    ),
  }));
}
