import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main, EXIT_INVALID, EXIT_OK } from './main';

const examples = join(__dirname, '..', '..', 'examples');
const agreements = join(examples, 'agreements.json');
const calendars = join(examples, 'calendars.json');
const issue = join(examples, 'issues', 'IT-42.json');
const statuses = join(examples, 'statuses.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], stdinText = ''): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const code = await main(argv, {
    stdin: Readable.from([stdinText]),
    stdout,
    stderr,
    now: () => Date.UTC(2026, 2, 9, 9),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const scratch = mkdtempSync(join(tmpdir(), 'accord-cli-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});
function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('accord validate', () => {
  it('accepts the examples', async () => {
    const r = await run(['validate', '--agreements', agreements, '--calendars', calendars]);
    expect(r).toEqual({ code: EXIT_OK, stdout: 'ok: 3 agreement(s), 2 calendar(s)\n', stderr: '' });
  });

  it('names the file, the JSON path and the JQL column of each problem, and exits 2', async () => {
    const bad = file(
      'bad-agreements.json',
      JSON.stringify([
        {
          id: 'gold',
          name: 'Gold',
          kind: 'SLA',
          appliesTo: 'priority = ',
          metrics: [
            {
              id: 'm',
              name: 'M',
              start: [{ event: 'created' }],
              stop: [{ event: 'created' }],
              goals: [{ targetMinutes: 60, calendar: 'nope' }],
            },
          ],
        },
      ]),
    );
    const r = await run(['validate', '--agreements', bad, '--calendars', calendars]);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stderr).toContain(`${bad}: $[0].appliesTo: column 12: Expected a value after "="`);
    expect(r.stderr).toContain(`${bad}: $[0].metrics[0].goals[0].calendar: no calendar with id "nope"`);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // never a stack trace
  });

  it('says where a file is not valid JSON', async () => {
    const broken = file('broken.json', '[\n  { "id": "x",\n  }\n]');
    const r = await run(['validate', '--agreements', broken, '--calendars', calendars]);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON \(line 3, column 3\)/);
  });

  it('says when a file is missing, and when an option is unknown or missing', async () => {
    expect(
      (await run(['validate', '--agreements', join(scratch, 'none.json'), '--calendars', calendars])).stderr,
    ).toContain('none.json: cannot read: no such file');
    const unknown = await run(['validate', '--agreement', agreements]);
    expect(unknown.code).toBe(EXIT_INVALID);
    expect(unknown.stderr).toContain('unknown option --agreement');
    expect((await run(['validate', '--agreements', agreements])).stderr).toContain(
      '--agreements and --calendars are required',
    );
  });
});

describe('accord evaluate', () => {
  const config = ['--agreements', agreements, '--calendars', calendars, '--statuses', statuses];

  it('prints one result for one issue, at --now', async () => {
    const r = await run(['evaluate', ...config, '--issue', issue, '--now', '2026-03-09T10:00:00+01:00']);
    expect(r.code).toBe(EXIT_OK);
    const result = JSON.parse(r.stdout) as {
      issue: string;
      evaluatedAt: string;
      agreements: { id: string }[];
    };
    expect(result.issue).toBe('IT-42');
    expect(result.evaluatedAt).toBe('2026-03-09T09:00:00.000Z');
    expect(result.agreements.map((a) => a.id)).toEqual(['gold', 'second-level']);
  });

  it('uses the current time without --now', async () => {
    const r = await run(['evaluate', ...config, '--issue', issue]);
    expect((JSON.parse(r.stdout) as { evaluatedAt: string }).evaluatedAt).toBe('2026-03-09T09:00:00.000Z');
  });

  it('streams NDJSON: a result line per issue; a bad line is reported with its line number and the rest go on', async () => {
    const one = JSON.stringify(
      JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(issue, 'utf8'))),
    );
    // Blank and white lines are skipped, a CRLF ending is read as a newline, and numbering counts every line.
    const lines = [one, '{"key":"IT-9"}', '', 'not json', ' \t', `${one}\r`, '{"key":'];
    const ndjson = file('issues.ndjson', lines.join('\n'));
    const r = await run(['evaluate', ...config, '--issues', ndjson, '--now', '2026-03-09T10:00:00+01:00']);
    expect(r.code).toBe(EXIT_INVALID);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { issue: string }).issue),
    ).toEqual(['IT-42', 'IT-42']);
    expect(r.stderr).toContain(`${ndjson}:2: $`);
    expect(r.stderr).toContain(`${ndjson}:4: not valid JSON`);
    expect(r.stderr).toContain(`${ndjson}:7: not valid JSON`);
    const reported = r.stderr
      .split('\n')
      .flatMap((line) => (line.startsWith(`${ndjson}:`) ? [line.split(':')[1]] : []));
    expect([...new Set(reported)]).toEqual(['2', '4', '7']);
  });

  it('reads NDJSON from standard input with --issues -', async () => {
    const line = JSON.stringify({
      key: 'IT-1',
      id: '1',
      fields: {
        created: '2026-03-09T09:00:00.000+0100',
        status: { id: '1', name: 'Open', statusCategory: { key: 'new' } },
      },
    });
    const r = await run(
      ['evaluate', ...config, '--issues', '-', '--now', '2026-03-09T10:00:00+01:00'],
      `${line}\n`,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_OK);
    expect((JSON.parse(r.stdout) as { issue: string }).issue).toBe('IT-1');
  });

  it('refuses a --now without an offset, and asks for exactly one of --issue and --issues', async () => {
    expect(
      (await run(['evaluate', ...config, '--issue', issue, '--now', '2026-03-09T10:00'])).stderr,
    ).toContain('--now: not an ISO instant');
    expect((await run(['evaluate', ...config])).stderr).toContain('give exactly one of --issue or --issues');
  });
});
