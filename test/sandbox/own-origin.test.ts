/**
 * The sandbox takes state-changing requests only as JSON from its own pages (or a program), over real HTTP on
 * loopback: a web page elsewhere in the developer's browser cannot drive admin actions with a form post or a
 * `text/plain` fetch, nor through a name rebound to 127.0.0.1.
 */
import { request } from 'node:http';
import { openSandbox, type Sandbox } from '../../src/sandbox/persistence';
import { startServer, type SandboxServer } from '../../src/sandbox/server/server';

/** Friday 20 November 2026, 10:30 in Berlin. */
const NOW = Date.UTC(2026, 10, 20, 9, 30);

let sandbox: Sandbox;
let server: SandboxServer;
beforeAll(async () => {
  sandbox = await openSandbox({ now: NOW, seed: { issues: 5, days: 3 } });
  server = await startServer(sandbox, { port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

interface Answer {
  readonly status: number;
  readonly body: { error?: { code: string; message: string } } & Record<string, unknown>;
}

/** A request with exactly these headers (Node's http sends what it is given, as a browser would). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = (): string => server.url;
const host = (): string => new URL(server.url).host;

/** An admin action a hostile page would like: deleting the Gold SLA as the site admin. */
async function deleteGold(): Promise<string> {
  const gold = await sandbox.app.store.config.get('agreement', 'gold');
  return JSON.stringify({
    key: 'agreements/delete',
    payload: { id: 'gold', expectedVersion: gold?.version ?? 0 },
    context: { accountId: 'chris-admin', module: 'admin' },
  });
}
const goldIsThere = async (): Promise<boolean> =>
  (await sandbox.app.store.config.list('agreement')).some((a) => a.id === 'gold');

describe('the sandbox takes changes only as JSON from its own origin', () => {
  it('refuses a cross-site text/plain post (what a form or a simple fetch sends) with 403, and does nothing', async () => {
    const answer = await send(
      'POST',
      '/api/invoke',
      {
        'Content-Type': 'text/plain;charset=UTF-8',
        Origin: 'http://evil.example',
        'Sec-Fetch-Site': 'cross-site',
        Host: host(),
      },
      await deleteGold(),
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe('foreign-origin');
    expect(answer.body.error?.message).toContain('http://evil.example');
    expect(await goldIsThere()).toBe(true);
  });

  it('refuses a form post from the same origin with 415: a body must be JSON and say so', async () => {
    const before = sandbox.app.clock.now();
    const answer = await send(
      'POST',
      '/api/clock/advance',
      {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: own(),
        'Sec-Fetch-Site': 'same-origin',
      },
      'minutes=600',
    );
    expect(answer.status).toBe(415);
    expect(answer.body.error?.code).toBe('unsupported-media-type');
    expect(answer.body.error?.message).toContain('Content-Type: application/json');
    expect(sandbox.app.clock.now()).toBe(before);

    // A program that names no type at all (curl -d without -H) is told the same.
    const untyped = await send('POST', '/api/invoke', {}, await deleteGold());
    expect([untyped.status, untyped.body.error?.code]).toEqual([415, 'unsupported-media-type']);
    expect(await goldIsThere()).toBe(true);
  });

  it('refuses JSON from another origin, another site of the same host, or a name rebound to loopback', async () => {
    const json = { 'Content-Type': 'application/json' };
    const fromElsewhere = await send(
      'POST',
      '/api/invoke',
      { ...json, Origin: 'http://127.0.0.1:1' },
      await deleteGold(),
    );
    expect([fromElsewhere.status, fromElsewhere.body.error?.code]).toEqual([403, 'foreign-origin']);

    const sameSite = await send(
      'POST',
      '/api/invoke',
      { ...json, 'Sec-Fetch-Site': 'same-site' },
      await deleteGold(),
    );
    expect([sameSite.status, sameSite.body.error?.code]).toEqual([403, 'foreign-origin']);

    // evil.example resolved to 127.0.0.1: the page's origin and the Host agree, but the Host is not the sandbox.
    const port = new URL(server.url).port;
    const rebound = await send(
      'POST',
      '/api/invoke',
      {
        ...json,
        Host: `evil.example:${port}`,
        Origin: `http://evil.example:${port}`,
        'Sec-Fetch-Site': 'same-origin',
      },
      await deleteGold(),
    );
    expect([rebound.status, rebound.body.error?.code]).toEqual([403, 'foreign-host']);
    expect(await goldIsThere()).toBe(true);
  });

  it('takes JSON from its own pages and from programs, and reads as before', async () => {
    const fromPage = await send(
      'POST',
      '/api/clock/advance',
      { 'Content-Type': 'application/json; charset=utf-8', Origin: own(), 'Sec-Fetch-Site': 'same-origin' },
      JSON.stringify({ minutes: 15 }),
    );
    expect(fromPage.status).toBe(200);
    expect(fromPage.body.now).toBe(NOW + 15 * 60_000);

    const fromProgram = await send(
      'POST',
      '/api/invoke',
      { 'Content-Type': 'application/json', Host: `localhost:${new URL(server.url).port}` },
      await deleteGold(),
    );
    expect(fromProgram.status).toBe(200);
    expect(fromProgram.body.ok).toBe(true);
    expect(await goldIsThere()).toBe(false);

    // Reading needs none of it (a cross-site page cannot read the answer anyway).
    const clock = await send('GET', '/api/clock', { Origin: 'http://evil.example' });
    expect(clock.status).toBe(200);
  });
});
