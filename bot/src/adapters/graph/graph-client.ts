/**
 * The one way Arbetsrum talks to Microsoft Graph: the Graph client with our token source and the
 * base URL of graph.microsoft.com or of the local stand-in, and a fetch for binary uploads (the
 * client's RetryHandler does not retry streamed bodies). Only the base URL and where the token
 * comes from differ between the modes.
 */
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

export interface GraphConnection {
  /** e.g. https://graph.microsoft.com/v1.0 or the stand-in's http://127.0.0.1:3979/v1.0 */
  baseUrl: string;
  accessToken: () => Promise<string>;
}

/**
 * The client's own auth handler sends the token only to https Graph hosts, which the loopback
 * stand-in is not; this one sends it to the one base URL the client is made for. Only a 429 is
 * retried here (honouring Retry-After): the request was refused before it was handled. A 503/504
 * on a POST may have done its work already, so the caller's job decides, not a blind retry.
 */
function graphMiddleware(accessToken: () => Promise<string>): Middleware {
  const auth: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      const token = await accessToken();
      const headers = new Headers(context.options?.headers as ConstructorParameters<typeof Headers>[0]);
      headers.set('Authorization', `Bearer ${token}`);
      context.options = { ...context.options, headers };
      await auth.next?.execute(context);
    },
    setNext(next: Middleware) {
      auth.next = next;
    },
  };
  const retry = new RetryHandler(
    new RetryHandlerOptions(1, 3, (_delay, _attempt, _request, _options, response) => response.status === 429),
  );
  auth.setNext?.(retry);
  retry.setNext(new HTTPMessageHandler());
  return auth;
}

export function createGraphClient(connection: GraphConnection): Client {
  return Client.initWithMiddleware({
    baseUrl: connection.baseUrl.replace(/\/v1\.0\/?$/, '/'),
    defaultVersion: 'v1.0',
    middleware: graphMiddleware(connection.accessToken),
  });
}

/** A Graph error as the client throws it, in words for a log line and the job's record. */
export function graphFailure(error: unknown): string {
  const e = error as { statusCode?: number; code?: string; message?: string };
  return `${e.statusCode ?? ''} ${e.code ?? ''} ${(e.message ?? String(error)).slice(0, 200)}`.trim();
}

export function graphStatus(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

/** The media type of the Word documents Arbetsrum uploads and attaches. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const TRANSIENT = new Set([429, 503, 504]);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Retry-After in seconds, else 1, 2, 4, 8 s. */
const backoff = (retryAfter: string | null | undefined, attempt: number) => {
  const seconds = Number(retryAfter);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000 * 2 ** (attempt - 1);
};

/**
 * Repeats a Graph call that is safe to repeat (creating an upload session, setting columns) when
 * Graph answers 429/503/504, up to five times. Never for sendMail: a 503 may have sent it.
 */
export async function withTransientRetries<T>(work: () => Promise<T>, wait: (ms: number) => Promise<void> = sleep): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const status = graphStatus(error);
      if (status === undefined || !TRANSIENT.has(status) || attempt >= 5) throw error;
      const headers = (error as { headers?: Headers }).headers;
      await wait(backoff(headers?.get?.('retry-after'), attempt));
    }
  }
}

/**
 * PUTs bytes with our own retries for 429/503/504 (Retry-After honoured, else 1, 2, 4 s…): a
 * replace of the same bytes is safe to repeat. `authorization` is left out for an upload
 * session's pre-authenticated URL, which must not get the token.
 */
export async function putBytes(
  url: string,
  body: Uint8Array,
  headers: Record<string, string>,
  authorization: string | null,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<{ status: number; json: unknown }> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, {
      method: 'PUT',
      headers: { ...headers, ...(authorization ? { Authorization: authorization } : {}) },
      body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : null;
    if (response.ok) return { status: response.status, json };
    if (!TRANSIENT.has(response.status) || attempt >= 5) {
      const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw Object.assign(new Error(error?.message ?? `HTTP ${response.status}`), { statusCode: response.status, code: error?.code });
    }
    await wait(backoff(response.headers.get('retry-after'), attempt));
  }
}
