/** Command-line arguments of `accord`: a command and `--name value` options. */
export interface Args {
  readonly command: string | undefined;
  readonly options: ReadonlyMap<string, string>;
}

export type ParsedArgs = { ok: true; args: Args } | { ok: false; message: string };

const KNOWN = new Set(['agreements', 'calendars', 'issue', 'issues', 'now', 'statuses', 'workers']);

/**
 * Parses `accord <command> --name value …` (also `--name=value`).
 * @example parseArgs(['validate', '--agreements', 'a.json'])
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) return { ok: false, message: `unexpected argument "${arg}"` };
    const name = m[1];
    if (!KNOWN.has(name)) return { ok: false, message: `unknown option --${name}` };
    const value = m[2] ?? rest[++i];
    if (value === undefined || value === '') return { ok: false, message: `--${name} needs a value` };
    if (options.has(name)) return { ok: false, message: `--${name} is given twice` };
    options.set(name, value);
  }
  return { ok: true, args: { command, options } };
}

export const USAGE = `usage:
  accord evaluate --agreements agreements.json --calendars calendars.json --issue issue.json [--now ISO] [--statuses statuses.json]
  accord evaluate --agreements agreements.json --calendars calendars.json --issues issues.ndjson [--now ISO] [--statuses statuses.json] [--workers N]
  accord validate --agreements agreements.json --calendars calendars.json

  --issues - reads NDJSON from standard input; --workers sets the threads (default: one per core).
  Exit 0 on success, 2 on invalid input.`;
