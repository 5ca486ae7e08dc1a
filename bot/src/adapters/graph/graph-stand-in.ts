/**
 * The local Microsoft Graph stand-in (docs/architecture.md §2): a small, loopback-only test double
 * of the few Graph v1.0 endpoints Arbetsrum uses. The real Graph client points its base URL at
 * `url` in local mode. Each route family has its own file, which documents its shapes:
 *
 *   GET   /v1.0/groups/{group-id}/drive                                     graph-drive-routes.ts
 *   PUT   /v1.0/groups/{group-id}/drive/root:/{item-path}:/content          graph-drive-routes.ts
 *   POST  /v1.0/groups/{group-id}/drive/root:/{item-path}:/createUploadSession, then
 *   GET | PUT | DELETE {uploadUrl} = /_upload/{token}                       graph-upload-sessions.ts
 *   PATCH /v1.0/drives/{drive-id}/items/{item-id}/listItem/fields           graph-list-fields.ts
 *   POST  /v1.0/users/{id | userPrincipalName}/sendMail                     graph-mail-routes.ts
 *   GET   /v1.0/users/{id}/mailFolders/sentitems/messages                   graph-sent-items.ts
 *   POST | GET /v1.0/users/{mailbox}/events, GET | PATCH | DELETE …/events/{id},
 *   POST  …/events/{id}/cancel                                              graph-event-routes.ts
 *   any   /v1.0/groups/{group-id}/events… → 403, as for an app-only token   graph-event-routes.ts
 *   GET   /, /files/…, /outbox/….eml, webUrl (a listing page for people, no token) graph-page.ts
 *
 * Every Graph request needs `Authorization: Bearer <anything>` (the token is not validated),
 * except the pre-authenticated uploadUrl, which refuses one. Every answer carries `request-id` and
 * echoes `client-request-id`; errors use Graph's `{ error: { code, message, innerError } }`.
 * Unknown paths are 404 itemNotFound, a known path with another method 405.
 *
 * For retry and crash tests: `faults` (or the older `throttle`, the same as faults with status 429
 * on every route) answers every Nth request 429/503 with Retry-After before handling it;
 * `latencyMs` delays every answer; `afterWriteDelayMs` delays the answer to sendMail and uploads
 * after their effect is on disk. `stats()` counts Graph requests per route for benchmarks.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from '../../app/ports/logger';
import { getDrive, putContent } from './graph-drive-routes';
import { cancelEvent, createEvent, deleteEvent, getEvent, listEvents, refuseGroupCalendar, updateEvent } from './graph-event-routes';
import { FaultInjector, type FaultFamily, type GraphFaults } from './graph-faults';
import { delay } from './graph-files';
import { type GraphLimits, GraphHttpError, type RequestIds, type RouteContext, sendGraphError, type UploadSession } from './graph-http';
import { patchFields } from './graph-list-fields';
import { sendMail } from './graph-mail-routes';
import { downloadEml, downloadFile, listingPage } from './graph-page';
import { listSentItems } from './graph-sent-items';
import { cancelUpload, createUploadSession, discardSessions, uploadFragment, uploadStatus } from './graph-upload-sessions';

export type { FaultFamily, GraphFaults } from './graph-faults';

export interface GraphStandInOptions {
  /** 0 picks any free port. */
  port: number;
  /** Default 127.0.0.1; only loopback (127.0.0.0/8, ::1, localhost) is accepted. */
  host?: string;
  dataDir: string;
  logger?: Logger;
  /** Kept for existing callers: the same as `faults: { everyNth, status: 429, retryAfterSeconds }`. */
  throttle?: { everyNth: number; retryAfterSeconds: number };
  /** Wins over `throttle` when both are given; `setFaults` replaces it while running. */
  faults?: GraphFaults;
  /** Added before answering every request, the listing page included. */
  latencyMs?: number;
  /** sendMail and uploads: the effect is on disk, then the answer waits this long. */
  afterWriteDelayMs?: number;
  /** Lower limits for tests; defaults are Graph's: 250 MB simple upload, 35 MB sendMail body, 60 MiB per upload fragment. */
  limits?: Partial<GraphLimits>;
}

export interface GraphStats {
  /** Graph requests (the listing page and its downloads are not counted). */
  requests: number;
  /** Per route, e.g. "POST /users/{id}/sendMail": 3. */
  byRoute: Record<string, number>;
}

export interface GraphStandIn {
  /** Base URL including the version, e.g. http://127.0.0.1:3979/v1.0 */
  url: string;
  /** The listing page, e.g. http://127.0.0.1:3979/ */
  pageUrl: string;
  /** Replaces the faults while running (null: none) and restarts their count. */
  setFaults(faults: GraphFaults | null): void;
  stats(): GraphStats;
  close(): Promise<void>;
}

type Handler = (ctx: RouteContext) => Promise<void>;

interface Route {
  /** The route's name in stats(). */
  name: string;
  family: Exclude<FaultFamily, 'all'>;
  pattern: RegExp;
  methods: Record<string, Handler>;
  /** The uploadUrl: no bearer token, and one that is sent is refused. */
  preAuthenticated?: true;
}

// Patterns run on the raw (still percent-encoded) path; Graph's fixed segments are case-insensitive.
const ROUTES: Route[] = [
  { name: '/groups/{id}/drive', family: 'upload', pattern: /^\/v1\.0\/groups\/([^/]+)\/drive\/?$/i, methods: { GET: getDrive } },
  {
    name: '/groups/{id}/drive/root:/{path}:/content',
    family: 'upload',
    pattern: /^\/v1\.0\/groups\/([^/]+)\/drive\/root:\/(.*):\/content$/i,
    methods: { PUT: putContent },
  },
  {
    name: '/groups/{id}/drive/root:/{path}:/createUploadSession',
    family: 'upload',
    pattern: /^\/v1\.0\/groups\/([^/]+)\/drive\/root:\/(.*):\/createUploadSession$/i,
    methods: { POST: createUploadSession },
  },
  {
    name: '{uploadUrl}',
    family: 'upload',
    pattern: /^\/_upload\/([A-Za-z0-9_-]{1,64})$/,
    methods: { GET: uploadStatus, PUT: uploadFragment, DELETE: cancelUpload },
    preAuthenticated: true,
  },
  {
    name: '/drives/{id}/items/{id}/listItem/fields',
    family: 'upload',
    pattern: /^\/v1\.0\/drives\/([^/]+)\/items\/([^/]+)\/listItem\/fields$/i,
    methods: { PATCH: patchFields },
  },
  { name: '/users/{id}/sendMail', family: 'mail', pattern: /^\/v1\.0\/users\/([^/]+)\/sendMail$/i, methods: { POST: sendMail } },
  {
    name: '/users/{id}/mailFolders/{folder}/messages',
    family: 'mail',
    pattern: /^\/v1\.0\/users\/([^/]+)\/mailFolders\/([^/]+)\/messages$/i,
    methods: { GET: listSentItems },
  },
  {
    name: '/users/{id}/events',
    family: 'events',
    pattern: /^\/v1\.0\/users\/([^/]+)\/events$/i,
    methods: { GET: listEvents, POST: createEvent },
  },
  {
    name: '/users/{id}/events/{id}',
    family: 'events',
    pattern: /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)$/i,
    methods: { GET: getEvent, PATCH: updateEvent, DELETE: deleteEvent },
  },
  {
    name: '/users/{id}/events/{id}/cancel',
    family: 'events',
    pattern: /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)\/cancel$/i,
    methods: { POST: cancelEvent },
  },
  {
    name: '/groups/{id}/events…',
    family: 'events',
    pattern: /^\/v1\.0\/groups\/([^/]+)\/(calendar\/)?events(\/.*)?$/i,
    methods: { GET: refuseGroupCalendar, POST: refuseGroupCalendar, PATCH: refuseGroupCalendar, DELETE: refuseGroupCalendar },
  },
];

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function match(pathname: string): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    const found = route.pattern.exec(pathname);
    if (found) return { route, params: found.slice(1) };
  }
  return undefined;
}

function handlerFor(method: string, pathname: string, found: ReturnType<typeof match>): Handler {
  if (!found) throw new GraphHttpError(404, 'itemNotFound', `Resource not found: ${method} ${pathname}`);
  const handler = found.route.methods[method];
  if (handler) return handler;
  const allow = Object.keys(found.route.methods).join(', ');
  throw new GraphHttpError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.', { Allow: allow });
}

/** The listing page and its downloads, or undefined when the path is a Graph path. */
function pageRoute(method: string, pathname: string, dataDir: string, res: ServerResponse): (() => Promise<void>) | undefined {
  // A driveItem's webUrl (…/sites/{group}/Shared%20Documents/{path}) downloads the file, so links in mails work locally.
  const files = /^\/files\/(.+)$/.exec(pathname) ?? /^\/sites\/([^/]+\/)Shared%20Documents\/(.+)$/.exec(pathname);
  const eml = /^\/outbox\/(.*)$/.exec(pathname);
  if (pathname !== '/' && !files && !eml) return undefined;
  if (method !== 'GET') throw new GraphHttpError(405, 'BadRequest', 'Only GET is allowed here.', { Allow: 'GET' });
  if (files) return () => downloadFile(res, dataDir, files.slice(1).join(''));
  if (eml) return () => downloadEml(res, dataDir, eml[1] ?? '');
  return () => listingPage(res, dataDir);
}

function nonNegative(value: number | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!(Number.isFinite(value) && value >= 0)) throw new Error(`${name} must be a number ≥ 0.`);
  return value;
}

export async function startGraphStandIn(options: GraphStandInOptions): Promise<GraphStandIn> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`The Graph stand-in only listens on a loopback address, not "${host}".`);
  const { throttle, logger } = options;
  if (throttle && !(Number.isInteger(throttle.everyNth) && throttle.everyNth >= 1 && throttle.retryAfterSeconds >= 0)) {
    throw new Error('throttle needs everyNth ≥ 1 and retryAfterSeconds ≥ 0.');
  }
  const faults = new FaultInjector();
  faults.set(options.faults ?? (throttle ? { ...throttle, status: 429, routes: ['all'] } : null));
  const latencyMs = nonNegative(options.latencyMs, 'latencyMs');
  const afterWriteDelayMs = nonNegative(options.afterWriteDelayMs, 'afterWriteDelayMs');
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const limits: GraphLimits = {
    uploadBytes: 250 * 1024 * 1024,
    jsonBytes: 35 * 1024 * 1024,
    chunkBytes: 60 * 1024 * 1024,
    ...options.limits,
  };
  const createdAt = new Map<string, Date>();
  const uploads = new Map<string, UploadSession>();
  const stats: GraphStats = { requests: 0, byRoute: {} };
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const clientId = req.headers['client-request-id'];
    const requestId = randomUUID();
    // Graph echoes the caller's client-request-id (or reuses its own id when none was sent).
    const ids: RequestIds = {
      requestId,
      clientRequestId: typeof clientId === 'string' && /^[\x21-\x7e]{1,128}$/.test(clientId) ? clientId : requestId,
    };
    res.setHeader('request-id', ids.requestId);
    res.setHeader('client-request-id', ids.clientRequestId);
    const method = req.method ?? 'GET';
    const [pathname = '', search = ''] = (req.url ?? '/').split('?', 2);
    try {
      await delay(latencyMs);
      const page = pageRoute(method, pathname, dataDir, res);
      if (page) return await page();
      const found = match(pathname);
      const name = `${method} ${found?.route.name ?? '(unknown)'}`;
      stats.requests += 1;
      stats.byRoute[name] = (stats.byRoute[name] ?? 0) + 1;
      if (found?.route.preAuthenticated) {
        if (req.headers.authorization !== undefined) {
          throw new GraphHttpError(401, 'unauthenticated', 'The uploadUrl is pre-authenticated: send no Authorization header to it.');
        }
      } else if (!/^Bearer +\S+/i.test(req.headers.authorization ?? '')) {
        throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': 'Bearer' });
      }
      faults.apply(found?.route.family ?? 'other');
      const handler = handlerFor(method, pathname, found);
      const params = found?.params ?? [];
      const query = new URLSearchParams(search);
      await handler({ req, res, params, query, ids, origin, dataDir, limits, logger, createdAt, uploads, afterWriteDelayMs });
    } catch (error) {
      const known = error instanceof GraphHttpError;
      if (!known) logger?.error({ err: error instanceof Error ? error.message : String(error), requestId }, 'graph stand-in failed');
      if (res.headersSent || res.destroyed) return;
      sendGraphError(
        res,
        ids,
        known ? error : new GraphHttpError(500, 'generalException', 'An unexpected error occurred in the Graph stand-in.'),
      );
    } finally {
      logger?.debug({ method, status: res.statusCode, requestId }, 'graph stand-in request');
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger?.info({ url: `${origin}/v1.0`, page: `${origin}/`, dataDir }, 'graph stand-in listening');
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1.0`,
    pageUrl: `${origin}/`,
    setFaults: (next) => faults.set(next),
    stats: () => ({ requests: stats.requests, byRoute: { ...stats.byRoute } }),
    // Idempotent; resolves once the port is free.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets would otherwise hold the port open
      }).then(() => discardSessions(uploads))),
  };
}
