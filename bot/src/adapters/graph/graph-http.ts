/**
 * HTTP plumbing shared by the Graph stand-in's routes: Graph's error shape, JSON answers, a
 * bounded body reader and the context every route handler gets.
 * Error shape: https://learn.microsoft.com/graph/errors — `{ error: { code, message, innerError } }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../app/ports/logger';

/** How an upload treats a file already at its path (`@microsoft.graph.conflictBehavior`). */
export type ConflictBehavior = 'fail' | 'replace' | 'rename';

/** An upload session in progress; here, beside the context that holds them, so the route files need not import each other. */
export interface UploadSession {
  groupId: string;
  segments: string[];
  behavior: ConflictBehavior;
  /** The bytes received so far. */
  file: string;
  received: number;
  /** From item.fileSize, else from the first fragment's Content-Range. */
  total: number | undefined;
  expires: Date;
  /** A fragment is being written; a second one at the same time would interleave. */
  busy: boolean;
}

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
  /** Simple upload (PUT …/content). */
  uploadBytes: number;
  /** JSON request bodies (sendMail with its attachments included). */
  jsonBytes: number;
  /** One PUT to an upload session's uploadUrl. */
  chunkBytes: number;
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
  /** Open upload sessions by their uploadUrl token (memory only, as their bytes are in a temp file). */
  uploads: Map<string, UploadSession>;
  /** Writes that a client may lose the answer to (sendMail, uploads) wait this long after the write. */
  afterWriteDelayMs: number;
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OData's answer to a property the type does not define; the stand-in also uses it for the few it does not implement. */
export function unknownProperty(name: string, type: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'RequestBodyRead',
    `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type` +
      ' (the Graph stand-in implements only part of the type).',
  );
}

/** OData's answer to an unknown parameter of an action such as sendMail or createUploadSession. */
export function unknownParameter(name: string, action: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'RequestBodyRead',
    `The parameter '${name}' in the request payload is not a valid parameter for the operation '${action}'.`,
  );
}

/** Refuses any key of `value` outside `allowed` (property names are case-sensitive in Graph's JSON). */
export function onlyKnown(value: Json, allowed: readonly string[], type: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw unknownProperty(key, type);
}

/** Reads and parses a JSON body; an empty body is `undefined`, malformed JSON is 400 with `code`. */
export async function readJson(ctx: RouteContext, code: string): Promise<unknown> {
  const raw = await readBody(ctx.req, ctx.limits.jsonBytes, code);
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new GraphHttpError(400, code, 'The request body is not valid JSON.');
  }
}

/** A JSON integer query option such as $top or $skip, within [min, max]. */
export function intOption(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw new GraphHttpError(400, 'BadRequest', `Invalid value for ${name}: expected ${min}–${max}.`);
  return value;
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

/** An answer with no body (202 Accepted, 204 No Content). */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, status === 204 ? {} : { 'Content-Length': '0' });
  res.end();
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
