/**
 * A Bot Connector on loopback that holds the bot to Teams' documented limits on proactive
 * messages: 50 requests a second per app and tenant; per conversation 7 a second, 8 in two
 * seconds, 60 in thirty, 1 800 an hour. Beyond them it answers 429 with Retry-After, as Teams
 * does. It records every message it accepted (who got what, when), every 429, and every message
 * it accepted whose sender went away before the answer (the one case where a sender cannot know).
 * For the timed-work tests and the fan-out benchmark; the product never talks to it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Window {
  limit: number;
  ms: number;
}

const TENANT_WINDOWS: Window[] = [{ limit: 50, ms: 1000 }];
const CONVERSATION_WINDOWS: Window[] = [
  { limit: 7, ms: 1000 },
  { limit: 8, ms: 2000 },
  { limit: 60, ms: 30_000 },
  { limit: 1800, ms: 3_600_000 },
];

export interface AcceptedMessage {
  conversationId: string;
  at: number;
  /** The card's text, for telling messages apart (e.g. the call for proposals from a reminder). */
  summary: string;
}

export interface ConnectorStandIn {
  url: string;
  accepted: AcceptedMessage[];
  throttled: { conversationId: string; at: number }[];
  /** Accepted, but the sender's connection closed before it read the answer. */
  unacknowledged: AcceptedMessage[];
  /** Messages per conversation id. */
  countsByConversation(): Map<string, number>;
  /** Resolves once `n` messages have been accepted. */
  whenAccepted(n: number): Promise<void>;
  /** For the next `ms`, every message gets 429 with Retry-After: 1 (a throttling storm). */
  storm(ms: number): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Over a limit: how long until the oldest request in the full window leaves it (ms); else 0. */
function overLimit(history: number[], windows: Window[], now: number): number {
  let wait = 0;
  for (const window of windows) {
    const inWindow = history.filter((t) => t > now - window.ms);
    if (inWindow.length >= window.limit) wait = Math.max(wait, (inWindow[inWindow.length - window.limit] ?? now) + window.ms - now);
  }
  return wait;
}

export async function startConnectorStandIn(options: { latencyMs?: number } = {}): Promise<ConnectorStandIn> {
  const accepted: AcceptedMessage[] = [];
  const throttled: { conversationId: string; at: number }[] = [];
  const unacknowledged: AcceptedMessage[] = [];
  const tenantHistory: number[] = [];
  const conversationHistory = new Map<string, number[]>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const latency = options.latencyMs ?? 15;
  let stormUntil = 0;

  const server = createServer(async (req, res) => {
    const url = req.url ?? '';
    // A new message, or a reply (…/activities/{replyToId}): both count the same.
    const activity = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?\/?$/.exec(url);
    res.setHeader('Content-Type', 'application/json');
    if (req.method !== 'POST' || !activity) {
      await readBody(req);
      res.writeHead(404);
      res.end(JSON.stringify({ error: { code: 'NotFound', message: url } }));
      return;
    }
    const conversationId = decodeURIComponent(activity[1]!);
    const body = await readBody(req);
    const now = Date.now();
    const history = conversationHistory.get(conversationId) ?? [];
    conversationHistory.set(conversationId, history);
    // Every request counts against the windows, refused ones too (Teams counts what it receives).
    const wait = Math.max(
      overLimit(tenantHistory, TENANT_WINDOWS, now),
      overLimit(history, CONVERSATION_WINDOWS, now),
      stormUntil > now ? 1 : 0,
    );
    tenantHistory.push(now);
    history.push(now);
    while (tenantHistory.length > 0 && tenantHistory[0]! <= now - 1000) tenantHistory.shift();
    if (wait > 0) {
      throttled.push({ conversationId, at: now });
      res.writeHead(429, { 'Retry-After': String(Math.max(1, Math.ceil(wait / 1000))) });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }));
      return;
    }
    const message: AcceptedMessage = { conversationId, at: now, summary: body.slice(0, 2000) };
    accepted.push(message);
    for (const waiter of waiters.filter((w) => accepted.length >= w.n)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    // Teams has delivered the message by now; the answer takes a moment to come back.
    res.once('close', () => {
      if (!res.writableFinished) unacknowledged.push(message);
    });
    setTimeout(() => {
      if (!res.destroyed) res.end(JSON.stringify({ id: `activity-${accepted.length}` }));
    }, latency);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    accepted,
    throttled,
    unacknowledged,
    countsByConversation: () => {
      const counts = new Map<string, number>();
      for (const m of accepted) counts.set(m.conversationId, (counts.get(m.conversationId) ?? 0) + 1);
      return counts;
    },
    storm: (ms) => {
      stormUntil = Date.now() + ms;
    },
    whenAccepted: (n) => (accepted.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
