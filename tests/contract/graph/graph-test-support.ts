/**
 * Helpers for the Graph stand-in's contract tests: raw HTTP (node:http sends the path exactly as
 * given, so `..` and `%2E%2E` reach the server un-normalised, unlike fetch) and a small .eml reader.
 */
import { request } from 'node:http';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body in these chunks with chunked transfer encoding instead of Content-Length. */
  chunks?: Buffer[];
  auth?: boolean;
  /** false: a fresh connection instead of the global keep-alive agent's pooled one. */
  agent?: false;
}

export function call(baseUrl: string, method: string, rawPath: string, options: CallOptions = {}): Promise<RawResponse> {
  const base = new URL(baseUrl);
  const headers: Record<string, string> = { ...(options.auth === false ? {} : { Authorization: 'Bearer test-token' }), ...options.headers };
  if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path: `${base.pathname}${rawPath}`,
        headers,
        ...(options.agent === false ? { agent: false } : {}),
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
        });
        res.on('error', reject);
      },
    );
    // Once the server has answered (e.g. 413 mid-upload) a write error on the same socket is expected.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    if (options.chunks) for (const c of options.chunks) req.write(c);
    req.end(options.body);
  });
}

/** Every file below `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

export interface EmlPart {
  headers: Map<string, string>;
  body: string;
}

function parseEntity(text: string): EmlPart {
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split).replace(/\r\n[ \t]/g, ' '); // unfold
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(split + 4) };
}

/** Splits a message into its top-level headers and its multipart parts. */
export function parseEml(text: string): { headers: Map<string, string>; parts: EmlPart[] } {
  const top = parseEntity(text);
  const boundary = /boundary="([^"]+)"/.exec(top.headers.get('content-type') ?? '')?.[1];
  if (!boundary) throw new Error('no multipart boundary');
  const [, ...rest] = top.body.split(`--${boundary}`);
  const parts = rest.filter((p) => !p.startsWith('--')).map((p) => parseEntity(p.replace(/^\r\n/, '')));
  return { headers: top.headers, parts };
}

/** Decodes RFC 2047 "B" encoded-words (whitespace between adjacent words is dropped, as the RFC says). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

/** A fetch Response whose JSON tests read freely (lib.dom types it as unknown). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonResponse = Omit<Response, 'json'> & { json(): Promise<any> };
export const fetchJson = fetch as (input: string | URL, init?: RequestInit) => Promise<JsonResponse>;

/** Graph's error body: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectGraphErrorBody(body: any, code: string): void {
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
}

/** fetch with the bearer token every Graph call carries (not the uploadUrl, which must get none). */
export function graph(url: string, init: RequestInit & { json?: unknown } = {}): Promise<JsonResponse> {
  const headers = new Headers(init.headers);
  if (!headers.has('Authorization')) headers.set('Authorization', 'Bearer test-token');
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  const { json, ...rest } = init;
  return fetchJson(url, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
}

/** Expects an error answer with Graph's shape and returns its body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function expectGraphError(res: JsonResponse, status: number, code: string): Promise<any> {
  const body = await res.json();
  expect({ status: res.status, code: body.error?.code }).toEqual({ status, code });
  expectGraphErrorBody(body, code);
  expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
  return body;
}
