/**
 * The built tab under `/tab/`, served by the service itself (no CDN: GDPR and the CSP both want
 * every asset from our own origin). Paths are resolved inside the tab's folder only; anything
 * that is not a file falls back to index.html so the tab's own routes work on reload.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

export function registerTabStatic(server: Server, tabDir: string): void {
  const root = path.resolve(tabDir);

  const redirect = (status: number) => async (_req: Request, res: Response) => {
    res.header('Location', '/tab/');
    res.status(status);
    res.end();
  };
  server.get('/', redirect(302));
  server.get('/tab', redirect(301));
  server.get('/tab/*', async (req, res) => {
    const relative = decodeURIComponent((req.path() ?? '').replace(/^\/tab\//, ''));
    const candidate = path.resolve(root, relative || 'index.html');
    const inside = candidate === root || candidate.startsWith(root + path.sep);
    const file = inside && (await isFile(candidate)) ? candidate : path.join(root, 'index.html');
    if (!(await isFile(file))) {
      res.status(503);
      res.header('Content-Type', 'text/plain; charset=utf-8');
      res.end('Fliken är inte byggd ännu. Kör "npm run build:tab" (eller "npm start", som bygger den).');
      return;
    }
    const body = await readFile(file);
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.status(200);
    res.header('Content-Type', type);
    // index.html changes with every build; the bundle's name does not, so revalidate everything.
    res.header('Cache-Control', 'no-cache');
    res.end(body);
  });
}
