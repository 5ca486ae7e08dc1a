/**
 * HTTP plumbing shared by the Graph stand-in's routes: Graph's error shape, JSON answers, a
 * bounded body reader and the context every route handler gets.
 * Error shape: https://learn.microsoft.com/graph/errors — `{ error: { code, message, innerError } }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../app/ports/logger';

/** Thrown by a route; the dispatcher turns it into Graph's error body. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export interface GraphLimits {
  uploadBytes: number;
  jsonBytes: number;
}

/** What a route handler gets: the request, its path parameters (raw, still percent-encoded) and the stand-in's state. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  query: URLSearchParams;
  ids: RequestIds;
  /** e.g. http://127.0.0.1:3979 — for webUrl and @odata.context. */
  origin: string;
  dataDir: string;
  limits: GraphLimits;
  logger: Logger | undefined;
  /** createdDateTime per drive item id, kept while the stand-in runs (replacing a file keeps it). */
  createdAt: Map<string, Date>;
}

// Graph answers JSON with OData's minimal-metadata media type.
const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** Graph's innerError.date has no fraction and no zone, e.g. "2026-02-11T10:00:00". */
export function sendGraphError(res: ServerResponse, ids: RequestIds, error: GraphHttpError): void {
  const innerError = { date: new Date().toISOString().slice(0, 19), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId };
  sendJson(res, error.status, { error: { code: error.code, message: error.message, innerError } }, error.headers);
}

/** 413 closes the connection: the rest of an oversized body is not worth reading. */
export function tooLarge(code: string, limit: number): GraphHttpError {
  return new GraphHttpError(413, code, `The request body exceeds the limit of ${limit} bytes.`, { Connection: 'close' });
}

/** Reads a body into memory, never more than `limit` bytes (checked against Content-Length first, then while reading). */
export function readBody(req: IncomingMessage, limit: number, code: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge(code, limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume(); // keep draining (discarding) so the 413 reaches the client before the socket closes
      reject(tooLarge(code, limit));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Decodes one percent-encoded path segment; malformed escapes are the client's mistake (400). */
export function decodeSegment(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new GraphHttpError(400, 'invalidRequest', `The ${what} is not validly percent-encoded.`);
  }
}

/** Graph's timestamps: UTC, second precision, e.g. "2026-02-11T10:00:00Z". */
export function graphDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
