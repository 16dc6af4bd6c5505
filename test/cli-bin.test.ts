import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
