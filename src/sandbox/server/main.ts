/**
 * `npm start`: the local sandbox. Opens the sandbox kept in `.data/` (seeding one on the first run or with
 * `--reset`) and serves it on http://127.0.0.1:4000 (`PORT` and `HOST` override).
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseInstant } from '../../engine/time/iso';
import { openSandbox, SITE_FILE, type Sandbox } from '../persistence';
import type { SeedReport } from '../seed/seed';
import { startServer, type SandboxServer } from './server';

/** The gadgets' configurations, in the data folder. */
const GADGETS_FILE = 'gadgets.json';

const USAGE = `usage: npm start -- [--reset] [--now ISO] [--data DIR]

  --reset     forget the kept sandbox and seed a new one
  --now ISO   the clock of a newly seeded sandbox (default: 10:30 Berlin on the latest working day)
  --data DIR  where the sandbox is kept (default: .data)

  PORT (default 4000) and HOST (default 127.0.0.1) choose where it listens.`;

function fail(message: string): never {
  process.stderr.write(`accord sandbox: ${message}\n`);
  process.exit(2);
}

function options(): { reset: boolean; now: number | undefined; dataDir: string; port: number; host: string } {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        reset: { type: 'boolean', default: false },
        now: { type: 'string' },
        data: { type: 'string', default: '.data' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const now = parsed.values.now === undefined ? undefined : parseInstant(parsed.values.now);
  if (parsed.values.now !== undefined && now === undefined) {
    fail(`--now: "${parsed.values.now}" is not an ISO instant such as 2026-03-02T10:30:00+01:00`);
  }
  const port = Number(process.env.PORT ?? '4000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT: "${process.env.PORT ?? ''}" is not a port number`);
  return {
    reset: parsed.values.reset,
    now,
    dataDir: resolve(parsed.values.data),
    port,
    host: process.env.HOST ?? '127.0.0.1',
  };
}

function describe(report: SeedReport): string {
  const kinds = (['SLA', 'OLA', 'UC'] as const)
    .map((kind) => {
      const states = Object.entries(report.results[kind])
        .map(([state, n]) => `${n} ${state}`)
        .join(', ');
      return `  ${kind}: ${states}`;
    })
    .join('\n');
  return `Seeded ${report.issues} requests (${report.open} open) from ${report.from} to ${report.now}: ${report.events} Jira events, ${report.actions} threshold actions, in ${report.seconds.toFixed(1)} s.
Results by agreement kind:
${kinds}\n`;
}

async function main(): Promise<void> {
  const o = options();
  const kept = !o.reset && existsSync(join(o.dataDir, SITE_FILE));
  process.stdout.write(
    kept
      ? `Opening the sandbox kept in ${o.dataDir}…\n`
      : `Seeding a new sandbox in ${o.dataDir} (a few seconds)…\n`,
  );
  let sandbox: Sandbox;
  try {
    sandbox = await openSandbox({
      dataDir: o.dataDir,
      reset: o.reset,
      ...(o.now === undefined ? {} : { now: o.now }),
    });
  } catch (error) {
    fail(
      `could not open the sandbox in ${o.dataDir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (sandbox.seeded) process.stdout.write(describe(sandbox.seeded));
  // The dashboard's gadget configurations live beside the sandbox, and go with it.
  const gadgetsFile = join(o.dataDir, GADGETS_FILE);
  if (sandbox.seeded) rmSync(gadgetsFile, { force: true });
  let server: SandboxServer;
  try {
    server = await startServer(sandbox, { port: o.port, host: o.host, gadgetsFile });
  } catch (error) {
    await sandbox.close();
    const code = (error as { code?: string }).code;
    fail(
      code === 'EADDRINUSE'
        ? `port ${o.port} is in use; set PORT to another one`
        : `could not listen on ${o.host}:${o.port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  process.stdout.write(
    `Accord sandbox: ${server.url}/  (clock ${new Date(sandbox.app.clock.now()).toISOString()}; Ctrl-C stops it)\n`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => sandbox.close())
      .then(() => {
        process.stdout.write('Stopped; the sandbox is kept for the next start.\n');
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
