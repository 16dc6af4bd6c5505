import { readFile } from 'node:fs/promises';
import { dateHolidaysLookup } from '../engine/calendar/region-lookup';
import { loadConfig } from '../engine/config/load';
import { formatProblem } from '../engine/errors';
import type { CompiledConfig } from '../engine/evaluate/evaluate';
import { parseStatuses, type StatusCatalog } from '../engine/issue';
import { InvalidInput } from './invalid-input';
import { parseJsonText } from './json';

/** Reads, validates and compiles the agreements and calendars files; every problem names its file and path. */
export async function loadConfigFromFiles(
  agreementsFile: string,
  calendarsFile: string,
): Promise<CompiledConfig> {
  const [agreements, calendars] = await Promise.all([readJson(agreementsFile), readJson(calendarsFile)]);
  const config = loadConfig(
    { agreements, calendars },
    { regionHolidays: dateHolidaysLookup, agreementsFile, calendarsFile },
  );
  if (!config.ok) throw new InvalidInput(config.problems.map((p) => formatProblem(p)));
  return config.value;
}

/** Reads Jira's `GET /rest/api/3/status` reply from a file. */
export async function loadStatusesFromFile(file: string): Promise<StatusCatalog> {
  const statuses = parseStatuses(await readJson(file), '$');
  if (!statuses.ok) throw new InvalidInput(statuses.problems.map((p) => formatProblem(p, file)));
  return statuses.value;
}

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
