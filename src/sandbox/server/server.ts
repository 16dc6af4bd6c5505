import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { dispatch } from '../../app/resolvers/dispatch';
import { formatInstant } from '../../engine/time/iso';
import type { Sandbox } from '../persistence';
import { callContextOf, contextQuery, forgeContext, invokeBody } from './bridge';
import { chromeFor } from './chrome-text';
import { findGadget, gadgetBody, gadgetStore } from './gadgets';
import { adminPage, dashboardPage, portalPage, projectSettingsPage, reportsPage } from './host-pages';
import { hostScript, hostStyle, warmHostAssets } from './host-assets';
import { chromeView, hostView, jiraUsers } from './host-view';
import { HttpError, parse, readJson, sendError, sendHtml, sendJson } from './http';
import { indexPage } from './index-page';
import { issueDetails, issuePage } from './issue-page';
import { sendLocaleFile } from './locales';
import { outbox, outboxPage } from './outbox-page';
import { requireOwnJsonRequest } from './own-origin';
import {
  assign,
  assigneeBody,
  comment,
  commentBody,
  createIssue,
  createIssueBody,
  findIssue,
  issueRow,
  listIssues,
  priorityBody,
  setPriority,
  setTeam,
  siteCatalogue,
  teamBody,
  transition,
  transitionBody,
} from './site-api';
import { findRoot, sendTokens, sendUiFile, UI_NAME } from './ui-files';

/** The frame's query names `view.getContext()` is asked with (bridge-shim.ts sends the same). */
const CONTEXT_NAMES = [
  'accountId',
  'module',
  'issueId',
  'projectKey',
  'gadgetId',
  'entryPoint',
  'locale',
  'timezone',
];

/** The channel the server announces clock moves on, for pages that show the sandbox's "now". */
export const CLOCK_CHANNEL = 'sandbox:clock';
/** At most two weeks a move: every five-minute sweep on the way runs. */
const MAX_ADVANCE_MINUTES = 14 * 1440;
/** A comment line every so often keeps an idle event stream open through proxies and browsers. */
const HEARTBEAT_MS = 15_000;

const advanceBody = z.object({ minutes: z.number().int().min(1).max(MAX_ADVANCE_MINUTES) }).strict();
const eventsQuery = z.object({ channel: z.string().min(1).max(200) }).strict();

interface Request {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: readonly string[];
}

interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  /** Whether the handler changes the sandbox: then the site is saved after it. */
  readonly changes: boolean;
  handle(request: Request): Promise<void>;
}

/** A running sandbox server. */
export interface SandboxServer {
  readonly server: Server;
  /** Where it listens, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** Ends the event streams and stops listening (the sandbox itself stays open). */
  close(): Promise<void>;
}

/** A script or stylesheet of the sandbox's own, never cached. */
function sendAsset(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * Serves a sandbox over HTTP with Node's own `http`: the bridge endpoints the host pages' `@forge/bridge` calls,
 * Server-Sent Events for realtime, the controls that act as Jira would, the clock, the host pages that frame
 * each Custom UI as Jira does (the queue `/`, the issue view `/issue/<key>`, `/admin`, `/reports`,
 * `/project/<KEY>/settings`, `/dashboard`, `/portal/<key>`), the built Custom UIs they frame (`/ui/<name>/`,
 * with the bridge shim) and their translations (`/ui/<name>/__LOCALES__/`), and the gadgets' configurations.
 * Requests that touch the sandbox run one at a time (the clock, the queue and the site are one world); after a
 * change the sandbox delivers what it queued, so each reply shows Accord's evaluation, and saves the site.
 */
export async function startServer(
  sandbox: Sandbox,
  options: {
    readonly port?: number;
    readonly host?: string;
    /** The repository, whose `static/<name>/dist` are served under `/ui/<name>/` (default: found from here). */
    readonly root?: string;
    /** Where the dashboard's gadget configurations are kept between runs (default: in memory). */
    readonly gadgetsFile?: string;
  } = {},
): Promise<SandboxServer> {
  const { app } = sandbox;
  const root = options.root ?? findRoot();
  const gadgets = gadgetStore(options.gadgetsFile);
  const streams = new Set<ServerResponse>();
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const origin = (req: IncomingMessage): string => `http://${req.headers.host ?? 'localhost'}`;
  const page = (path: RegExp, render: (r: Request) => string): Route => ({
    method: 'GET',
    path,
    changes: false,
    handle: (r) => {
      sendHtml(r.res, render(r));
      return Promise.resolve();
    },
  });
  const param = (r: Request, i: number): string => decodeURIComponent(r.params[i] ?? '');
  const issueRoute = (
    action: string,
    act: (request: Request, issue: ReturnType<typeof findIssue>, body: unknown) => void,
  ): Route => ({
    method: 'POST',
    path: new RegExp(`^/api/site/issues/([^/]+)/${action}$`),
    changes: true,
    handle: async (r) => {
      const body = await readJson(r.req);
      const issue = findIssue(app, decodeURIComponent(r.params[0] ?? ''));
      act(r, issue, body);
      await app.drain();
      sendJson(r.res, 200, issueRow(app, issue));
    },
  });

  const routes: Route[] = [
    page(/^\/$/, (r) => {
      const people = jiraUsers(app);
      return indexPage(listIssues(app), app.clock.now(), hostView(r.url, people), people);
    }),
    page(/^\/issue\/([^/]+)$/, (r) => issuePage(app, findIssue(app, param(r, 0)), root, r.url)),
    page(/^\/issue\/([^/]+)\/details$/, (r) =>
      issueDetails(app, findIssue(app, param(r, 0)), chromeFor(chromeView(r.url))),
    ),
    page(/^\/admin(\/.*)?$/, (r) => adminPage(app, root, r.url, r.params[0])),
    page(/^\/reports(\/.*)?$/, (r) => reportsPage(app, root, r.url, r.params[0])),
    page(/^\/project\/([^/]+)\/settings(\/.*)?$/, (r) =>
      projectSettingsPage(app, root, r.url, param(r, 0), r.params[1]),
    ),
    page(/^\/outbox$/, (r) => outboxPage(app, r.url)),
    page(/^\/dashboard$/, (r) => dashboardPage(app, root, r.url, gadgets)),
    page(/^\/portal\/([^/]+)$/, (r) => portalPage(app, root, r.url, param(r, 0))),
    {
      method: 'GET',
      path: /^\/ui\/([^/]+)$/,
      changes: false,
      handle: (r) => {
        // The built index.html's asset paths are relative: they need the folder's trailing slash.
        r.res.writeHead(308, { Location: `${r.url.pathname}/${r.url.search}` });
        r.res.end();
        return Promise.resolve();
      },
    },
    // Before /ui/<name>/<path>: Forge deploys the translations into each resource, the sandbox has one copy.
    {
      method: 'GET',
      path: /^\/ui\/([^/]+)\/__LOCALES__\/([^/]+)$/,
      changes: false,
      handle: (r) => {
        if (!UI_NAME.test(r.params[0] ?? ''))
          throw new HttpError(404, 'not-found', `The sandbox has nothing at ${r.url.pathname}.`);
        sendLocaleFile(r.res, root, param(r, 1));
        return Promise.resolve();
      },
    },
    // Before /ui/<name>/<path>: the frame's document, with its context written in (read from the sandbox).
    {
      method: 'GET',
      path: /^\/ui\/([^/]+)\/(index\.html)?$/,
      changes: false,
      handle: (r) => {
        sendUiFile(r.res, root, r.params[0] ?? '', r.params[1] ?? '', () => frameContext(r));
        return Promise.resolve();
      },
    },
    {
      method: 'GET',
      path: /^\/ui\/([^/]+)\/(.*)$/,
      changes: false,
      handle: (r) => {
        sendUiFile(r.res, root, r.params[0] ?? '', r.params[1] ?? '');
        return Promise.resolve();
      },
    },
    {
      method: 'GET',
      path: /^\/favicon\.ico$/,
      changes: false,
      handle: (r) => {
        // No icon: said without a 404 in every page's console.
        r.res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
        r.res.end();
        return Promise.resolve();
      },
    },
    {
      method: 'GET',
      path: /^\/sandbox\/host\/([^/]+)\.(js|css)$/,
      changes: false,
      handle: (r) => {
        const name = param(r, 0);
        if (r.params[1] === 'js') sendAsset(r.res, 'text/javascript', hostScript(name));
        else sendAsset(r.res, 'text/css', hostStyle(name));
        return Promise.resolve();
      },
    },
    {
      method: 'GET',
      path: /^\/sandbox\/tokens\/([a-z]+)\.css$/,
      changes: false,
      handle: (r) => {
        sendTokens(r.res, r.params[0] ?? '');
        return Promise.resolve();
      },
    },
    {
      method: 'GET',
      path: /^\/api\/gadgets\/([^/]+)$/,
      changes: false,
      handle: (r) => {
        const gadget = findGadget(param(r, 0));
        sendJson(r.res, 200, { ...gadget, configuration: gadgets.configuration(gadget.id) ?? null });
        return Promise.resolve();
      },
    },
    {
      method: 'POST',
      path: /^\/api\/gadgets\/([^/]+)$/,
      changes: false,
      handle: async (r) => {
        const gadget = findGadget(param(r, 0));
        const body = parse(gadgetBody, await readJson(r.req), 'gadget configuration');
        gadgets.save(gadget.id, body.configuration);
        sendJson(r.res, 200, { ...gadget, configuration: body.configuration });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/invoke$/,
      changes: true,
      handle: async (r) => {
        const body = parse(invokeBody, await readJson(r.req), 'invoke request');
        const ctx = callContextOf(app, body.context);
        const reply = await dispatch(app.deps, body.key, body.payload, ctx);
        await app.drain();
        sendJson(r.res, 200, reply);
      },
    },
    {
      method: 'GET',
      path: /^\/api\/context$/,
      changes: false,
      handle: (r) => {
        const query = parse(contextQuery, Object.fromEntries(r.url.searchParams), 'context query');
        sendJson(r.res, 200, forgeContext(app, query, origin(r.req), gadgets));
        return Promise.resolve();
      },
    },
    {
      method: 'GET',
      path: /^\/api\/clock$/,
      changes: false,
      handle: (r) => {
        sendJson(r.res, 200, clock());
        return Promise.resolve();
      },
    },
    {
      method: 'POST',
      path: /^\/api\/clock\/advance$/,
      changes: true,
      handle: async (r) => {
        const body = parse(advanceBody, await readJson(r.req), 'clock move');
        // One SQLite transaction for the whole move, for speed only (see Store.grouped).
        await sandbox.store.grouped(() => app.advance(body.minutes * 60_000));
        await app.publisher.publish(CLOCK_CHANNEL, clock());
        sendJson(r.res, 200, clock());
      },
    },
    {
      method: 'GET',
      path: /^\/api\/site$/,
      changes: false,
      handle: (r) => {
        sendJson(r.res, 200, siteCatalogue(app));
        return Promise.resolve();
      },
    },
    {
      method: 'GET',
      path: /^\/api\/site\/notifications$/,
      changes: false,
      handle: (r) => {
        sendJson(r.res, 200, outbox(app));
        return Promise.resolve();
      },
    },
    {
      method: 'GET',
      path: /^\/api\/site\/issues$/,
      changes: false,
      handle: (r) => {
        sendJson(r.res, 200, listIssues(app));
        return Promise.resolve();
      },
    },
    {
      method: 'POST',
      path: /^\/api\/site\/issues$/,
      changes: true,
      handle: async (r) => {
        const body = parse(createIssueBody, await readJson(r.req), 'new issue');
        const issue = createIssue(app, body);
        await app.drain();
        sendJson(r.res, 201, issueRow(app, issue));
      },
    },
    {
      method: 'GET',
      path: /^\/api\/site\/issues\/([^/]+)$/,
      changes: false,
      handle: (r) => {
        sendJson(r.res, 200, findIssue(app, decodeURIComponent(r.params[0] ?? '')).json());
        return Promise.resolve();
      },
    },
    issueRoute('comment', (_, issue, body) => {
      comment(app, issue, parse(commentBody, body, 'comment'));
    }),
    issueRoute('transition', (_, issue, body) => {
      transition(app, issue, parse(transitionBody, body, 'transition'));
    }),
    issueRoute('priority', (_, issue, body) => {
      setPriority(app, issue, parse(priorityBody, body, 'priority change'));
    }),
    issueRoute('assignee', (_, issue, body) => {
      assign(app, issue, parse(assigneeBody, body, 'assignment'));
    }),
    issueRoute('team', (_, issue, body) => {
      setTeam(app, issue, parse(teamBody, body, 'team change'));
    }),
  ];

  /**
   * What `GET /api/context` would answer the frame of `r` (its query as the host page wrote it), or undefined
   * when it would refuse: then the shim asks, and shows the refusal as before.
   */
  function frameContext(r: Request): Record<string, unknown> | undefined {
    const query: Record<string, string> = {};
    for (const name of CONTEXT_NAMES) {
      const value = r.url.searchParams.get(name);
      if (value) query[name] = value;
    }
    const parsed = contextQuery.safeParse(query);
    if (!parsed.success) return undefined;
    try {
      return forgeContext(app, parsed.data, origin(r.req), gadgets);
    } catch {
      return undefined;
    }
  }

  function clock(): { now: number; iso: string } {
    return { now: app.clock.now(), iso: formatInstant(app.clock.now()) };
  }

  /** `GET /api/events?channel=…`: what the app publishes on the channel, as Server-Sent Events. */
  function events(r: Request): void {
    const { channel } = parse(eventsQuery, Object.fromEntries(r.url.searchParams), 'event stream query');
    r.res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    r.res.write(`retry: 2000\n: listening on ${channel.replace(/[\r\n]/g, ' ')}\n\n`);
    const unsubscribe = app.publisher.subscribe(channel, (payload) => {
      r.res.write(`data: ${JSON.stringify({ channel, payload })}\n\n`);
    });
    const heartbeat = setInterval(() => r.res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streams.add(r.res);
    r.res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(r.res);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    requireOwnJsonRequest(req, options.host ?? '127.0.0.1');
    if (url.pathname === '/api/events') {
      if (method !== 'GET')
        throw new HttpError(405, 'method-not-allowed', `${method} is not allowed on /api/events; use GET.`);
      events({ req, res, url, params: [] });
      return;
    }
    const matches = routes.flatMap((route) => {
      const m = route.path.exec(url.pathname);
      return m ? [{ route, params: m.slice(1) }] : [];
    });
    if (matches.length === 0)
      throw new HttpError(404, 'not-found', `The sandbox has nothing at ${url.pathname}.`);
    const match = matches.find((m) => m.route.method === method);
    if (!match) {
      const allowed = [...new Set(matches.map((m) => m.route.method))].join(', ');
      res.setHeader('Allow', allowed);
      throw new HttpError(
        405,
        'method-not-allowed',
        `${method} is not allowed on ${url.pathname}; use ${allowed}.`,
      );
    }
    await serially(async () => {
      try {
        await match.route.handle({ req, res, url, params: match.params });
      } finally {
        // Saved even when a reply is a refusal: the site may have changed before it (nothing is rolled back).
        if (match.route.changes) sandbox.save();
      }
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) res.end();
      else sendError(res, error);
    });
  });
  warmHostAssets();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: async () => {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}
