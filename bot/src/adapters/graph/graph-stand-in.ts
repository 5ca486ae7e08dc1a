/**
 * The local Microsoft Graph stand-in (docs/architecture.md §2): a small, loopback-only test double
 * of the few Graph v1.0 endpoints Arbetsrum uses. The real Graph client points its base URL at
 * `url` in local mode.
 *
 *   GET  /v1.0/groups/{group-id}/drive                              → 200 drive
 *   PUT  /v1.0/groups/{group-id}/drive/root:/{item-path}:/content   → 201 new / 200 replaced driveItem
 *   POST /v1.0/users/{id | userPrincipalName}/sendMail              → 202, writes <dataDir>/outbox/*.eml
 *
 * Every request needs `Authorization: Bearer <anything>` (the token is not validated). Every answer
 * carries `request-id` and echoes `client-request-id`; errors use Graph's `{ error: { code, message,
 * innerError } }`. Unknown paths are 404 itemNotFound, a known path with another method 405.
 *
 * Throttling for retry tests: with `throttle: { everyNth: 3, retryAfterSeconds: 2 }` every third
 * authenticated request is answered 429 TooManyRequests with `Retry-After: 2`, before routing.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from '../../app/ports/logger';
import { getDrive, putContent } from './graph-drive-routes';
import { type GraphLimits, GraphHttpError, type RequestIds, type RouteContext, sendGraphError } from './graph-http';
import { sendMail } from './graph-mail-routes';

export interface GraphStandInOptions {
  /** 0 picks any free port. */
  port: number;
  /** Default 127.0.0.1; only loopback (127.0.0.0/8, ::1, localhost) is accepted. */
  host?: string;
  dataDir: string;
  logger?: Logger;
  throttle?: { everyNth: number; retryAfterSeconds: number };
  /** Lower limits for tests; defaults are Graph's: 250 MB simple upload, 35 MB sendMail body. */
  limits?: Partial<GraphLimits>;
}

export interface GraphStandIn {
  /** Base URL including the version, e.g. http://127.0.0.1:3979/v1.0 */
  url: string;
  close(): Promise<void>;
}

type Handler = (ctx: RouteContext) => Promise<void>;

// Patterns run on the raw (still percent-encoded) path; Graph's fixed segments are case-insensitive.
const ROUTES: { pattern: RegExp; methods: Record<string, Handler> }[] = [
  { pattern: /^\/v1\.0\/groups\/([^/]+)\/drive\/?$/i, methods: { GET: getDrive } },
  { pattern: /^\/v1\.0\/groups\/([^/]+)\/drive\/root:\/(.*):\/content$/i, methods: { PUT: putContent } },
  { pattern: /^\/v1\.0\/users\/([^/]+)\/sendMail$/i, methods: { POST: sendMail } },
];

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function route(method: string, pathname: string): { handler: Handler; params: string[] } {
  for (const { pattern, methods } of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const handler = methods[method];
    if (handler) return { handler, params: match.slice(1) };
    const allow = Object.keys(methods).join(', ');
    throw new GraphHttpError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.', { Allow: allow });
  }
  throw new GraphHttpError(404, 'itemNotFound', `Resource not found: ${method} ${pathname}`);
}

export async function startGraphStandIn(options: GraphStandInOptions): Promise<GraphStandIn> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`The Graph stand-in only listens on a loopback address, not "${host}".`);
  const { throttle, logger } = options;
  if (throttle && !(Number.isInteger(throttle.everyNth) && throttle.everyNth >= 1 && throttle.retryAfterSeconds >= 0)) {
    throw new Error('throttle needs everyNth ≥ 1 and retryAfterSeconds ≥ 0.');
  }
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const limits: GraphLimits = { uploadBytes: 250 * 1024 * 1024, jsonBytes: 35 * 1024 * 1024, ...options.limits };
  const createdAt = new Map<string, Date>();
  let origin = '';
  let served = 0;

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
    const [pathname = '', search = ''] = (req.url ?? '/').split('?', 2);
    try {
      if (!/^Bearer +\S+/i.test(req.headers.authorization ?? '')) {
        throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': 'Bearer' });
      }
      served += 1;
      if (throttle && served % throttle.everyNth === 0) {
        const seconds = String(throttle.retryAfterSeconds);
        throw new GraphHttpError(429, 'TooManyRequests', 'Too many requests; retry after the number of seconds in Retry-After.', {
          'Retry-After': seconds,
        });
      }
      const { handler, params } = route(req.method ?? 'GET', pathname);
      await handler({ req, res, params, query: new URLSearchParams(search), ids, origin, dataDir, limits, logger, createdAt });
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
      logger?.debug({ method: req.method, status: res.statusCode, requestId }, 'graph stand-in request');
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger?.info({ url: `${origin}/v1.0`, dataDir }, 'graph stand-in listening');
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1.0`,
    // Idempotent; resolves once the port is free.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets would otherwise hold the port open
      })),
  };
}
