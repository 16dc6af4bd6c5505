import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The installed command: bin/accord.js runs the compiled CLI that `npm install` builds (the prepare script).
const root = join(__dirname, '..');
const bin = join(root, 'bin', 'accord.js');
const examples = join(root, 'examples');

const built = existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
if (!built) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });

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
    const dir = mkdtempSync(join(tmpdir(), 'accord-bin-'));
    const issues = ['IT-42', 'IT-43', 'IT-44'].map((key) =>
      JSON.stringify(JSON.parse(readFileSync(join(examples, 'issues', `${key}.json`), 'utf8'))),
    );
    const file = join(dir, 'issues.ndjson');
    // Enough lines for several blocks, with a bad one in the middle.
    writeFileSync(
      file,
      [...Array.from({ length: 700 }, (_, i) => issues[i % 3]), '{"key":1}', ...issues].join('\n'),
    );
    const run = (workers: string) =>
      spawnSync(
        process.execPath,
        [
          bin,
          'evaluate',
          '--agreements',
          join(examples, 'agreements.json'),
          '--calendars',
          join(examples, 'calendars.json'),
          '--issues',
          file,
          '--now',
          '2026-03-09T10:00:00+01:00',
          '--workers',
          workers,
        ],
        { encoding: 'utf8', maxBuffer: 64 << 20 },
      );
    const one = run('1');
    const two = run('2');
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(two.stdout.split('\n')).toHaveLength(704);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr).toContain('issues.ndjson:701: $');
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
