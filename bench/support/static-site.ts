/**
 * A static site on loopback for the browser cases: files from one folder under a path prefix,
 * as the service serves the tab (no-cache, index.html for unknown paths), and optionally
 * `/api/*` passed through to a running service. The tab is built into a temporary folder and
 * served from there, so the bench never touches tab/dist while tests or `npm start` use it.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** The page's address, e.g. http://127.0.0.1:40123/tab/ */
  url: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

function proxy(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = request(
    { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('bench: the service did not answer');
  });
  req.pipe(upstream);
}

export async function serveStatic(options: { dir: string; prefix: string; apiTarget?: string }): Promise<StaticSite> {
  const root = path.resolve(options.dir);
  const apiTarget = options.apiTarget ? new URL(options.apiTarget) : undefined;

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (apiTarget && pathname.startsWith('/api/')) {
      proxy(req, res, apiTarget);
      return;
    }
    void (async () => {
      const relative = pathname.startsWith(options.prefix) ? decodeURIComponent(pathname.slice(options.prefix.length)) : '';
      const candidate = path.resolve(root, relative || 'index.html');
      const inside = candidate.startsWith(root + path.sep);
      const file = inside && (await isFile(candidate)) ? candidate : path.join(root, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'Content-Length': body.length,
      });
      res.end(body);
    })().catch(() => {
      res.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
