import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The installed command: bin/accord.js runs the compiled CLI that `npm install` builds (the prepare script).
const root = join(__dirname, '..');
const bin = join(root, 'bin', 'accord.js');
const examples = join(root, 'examples');

const built = existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
if (!built) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });

/** A directory of the test's own, removed when the file's tests are over. */
const scratchDirs: string[] = [];
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bin-'));
  scratchDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** `accord evaluate --issues <issues>` on `workers` threads with the example calendars, and any further options. */
const evaluateIssues = (agreements: string, issues: string, workers: string, ...options: string[]) =>
  spawnSync(
    process.execPath,
    [
      bin,
      'evaluate',
      '--agreements',
      agreements,
      '--calendars',
      join(examples, 'calendars.json'),
      ...options,
      '--issues',
      issues,
      '--now',
      '2026-03-09T10:00:00+01:00',
      '--workers',
      workers,
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );

describe('the accord command', () => {
  it('validates the examples and exits 0', () => {
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'validate',
        '--agreements',
        join(examples, 'agreements.json'),
        '--calendars',
        join(examples, 'calendars.json'),
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ok: 3 agreement(s)');
  });

  it('gives the same lines, in the same order, on worker threads as in one thread', () => {
    const dir = scratchDir();
    const issues = ['IT-42', 'IT-43', 'IT-44'].map((key) =>
      JSON.stringify(JSON.parse(readFileSync(join(examples, 'issues', `${key}.json`), 'utf8'))),
    );
    const file = join(dir, 'issues.ndjson');
    // Enough lines for several blocks, with a bad one in the middle.
    writeFileSync(
      file,
      [...Array.from({ length: 700 }, (_, i) => issues[i % 3]), '{"key":1}', ...issues].join('\n'),
    );
    const run = (workers: string) => evaluateIssues(join(examples, 'agreements.json'), file, workers);
    const one = run('1');
    const two = run('2');
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(two.stdout.split('\n')).toHaveLength(704);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr).toContain('issues.ndjson:701: $');
  });

  it('hands the workers the configuration the main thread read: its statuses, and holidays of years it did not resolve', () => {
    const dir = scratchDir();
    const agreements = join(dir, 'agreements.json');
    // Stops when the issue first reaches a done status: the issue left "Closed" since, so only the statuses
    // file knows that Closed is done.
    const metric = (id: string, calendar: string) => ({
      id,
      name: id,
      start: [{ event: 'created' }],
      stop: [{ event: 'status', toCategory: 'done' }],
      goals: [{ targetMinutes: 600, calendar, objectivePercent: 90 }],
    });
    writeFileSync(
      agreements,
      JSON.stringify([
        {
          id: 'close',
          name: 'Time to close',
          kind: 'SLA',
          counterparty: 'Acme',
          metrics: [metric('round-the-clock', 'always'), metric('office-hours', 'berlin-9-17')],
        },
      ]),
    );
    const status = (from: string, fromString: string, to: string, toString: string) => ({
      field: 'status',
      fieldId: 'status',
      from,
      fromString,
      to,
      toString,
    });
    // Issues of 2019 too: the main thread resolves the holidays of the years around --now only, so a worker
    // loads the holiday data for 2019 itself.
    const issue = (n: number) => {
      const day = `${n % 2 === 0 ? '2019' : '2026'}-03-0${String(2 + (n % 5))}`;
      return JSON.stringify({
        key: `IT-${String(n)}`,
        id: String(n),
        fields: {
          created: `${day}T09:00:00.000+0100`,
          status: { id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } },
        },
        changelog: {
          histories: [
            { created: `${day}T16:00:00.000+0100`, items: [status('1', 'Open', '6', 'Closed')] },
            { created: `${day}T17:00:00.000+0100`, items: [status('6', 'Closed', '3', 'In Progress')] },
          ],
        },
      });
    };
    const file = join(dir, 'issues.ndjson');
    writeFileSync(file, Array.from({ length: 3000 }, (_, n) => issue(n)).join('\n'));
    const run = (workers: string, ...statuses: string[]) =>
      evaluateIssues(agreements, file, workers, ...statuses);
    const statuses = ['--statuses', join(examples, 'statuses.json')];
    const one = run('1', ...statuses);
    const two = run('2', ...statuses);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const states = (stdout: string) =>
      new Set(
        stdout
          .trim()
          .split('\n')
          .flatMap((line) =>
            (JSON.parse(line) as { agreements: { metrics: { state: string }[] }[] }).agreements.flatMap((a) =>
              a.metrics.map((m) => m.state),
            ),
          ),
      );
    expect(states(two.stdout)).toEqual(new Set(['met']));
    expect(states(run('2').stdout)).toEqual(new Set(['running']));
  });

  it('loads neither zod nor date-holidays on a worker thread before it needs them', () => {
    // The main thread validates the configuration (zod, some 220 ms a thread) and resolves the regions'
    // holidays (date-holidays, 25 MB a thread); the worker module only compiles what it is sent.
    const worker = join(root, 'dist', 'src', 'cli', 'worker.js');
    const r = spawnSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(worker)}); console.log(Object.keys(require.cache).join('\\n'))`],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const loaded = r.stdout.trim().split('\n');
    expect(loaded).toContain(join(root, 'dist', 'src', 'cli', 'batch.js'));
    expect(loaded.filter((path) => /[\\/](zod|date-holidays)[\\/]/.test(path))).toEqual([]);
  });

  it('exits 2 on invalid input with a message, never a stack trace', () => {
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'evaluate',
        '--agreements',
        join(examples, 'calendars.json'),
        '--calendars',
        join(examples, 'calendars.json'),
        '--issue',
        'x',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^accord: .*calendars\.json: \$\[0\]/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
