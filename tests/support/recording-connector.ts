/**
 * A Bot Connector on loopback that records what the bot sends and answers roster look-ups, so a
 * test can drive `/api/messages` over real HTTP and see the replies. Not a Teams fake for the
 * product: the product talks to the Agents Playground in local mode.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  conversationId: string;
  body: { type?: string; text?: string; attachments?: { contentType: string; content: unknown }[] };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

export async function startRecordingConnector(members: Record<string, { email: string; name: string; aadObjectId: string }>) {
  const sent: RecordedActivity[] = [];
  const updated: (RecordedActivity & { activityId: string })[] = [];
  /** Scripted answers per conversation id, used in turn before any message is accepted. */
  const failures = new Map<string, { status: number; headers?: Record<string, string> }[]>();
  let requests = 0;
  const server = createServer(async (req, res) => {
    requests += 1;
    const url = req.url ?? '';
    const activity = /^\/v3\/conversations\/([^/]+)\/activities/.exec(url);
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(url);
    res.setHeader('Content-Type', 'application/json');
    const failure = activity ? failures.get(decodeURIComponent(activity[1]!))?.shift() : undefined;
    if (req.method === 'POST' && failure) {
      await readJson(req);
      res.writeHead(failure.status, failure.headers ?? {});
      res.end(JSON.stringify({ error: { code: String(failure.status), message: 'scripted failure' } }));
    } else if (req.method === 'POST' && activity) {
      sent.push({ conversationId: decodeURIComponent(activity[1]!), body: (await readJson(req)) as RecordedActivity['body'] });
      res.end(JSON.stringify({ id: `activity-${sent.length}` }));
    } else if (req.method === 'PUT' && activity) {
      const activityId = decodeURIComponent(/\/activities\/([^/?]+)/.exec(url)?.[1] ?? '');
      updated.push({
        conversationId: decodeURIComponent(activity[1]!),
        activityId,
        body: (await readJson(req)) as RecordedActivity['body'],
      });
      res.end(JSON.stringify({ id: activityId }));
    } else if (req.method === 'GET' && member && members[decodeURIComponent(member[1]!)]) {
      const m = members[decodeURIComponent(member[1]!)]!;
      res.end(
        JSON.stringify({
          id: decodeURIComponent(member[1]!),
          name: m.name,
          email: m.email,
          userPrincipalName: m.email,
          aadObjectId: m.aadObjectId,
        }),
      );
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: 'NotFound', message: url } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    updated,
    failures,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
