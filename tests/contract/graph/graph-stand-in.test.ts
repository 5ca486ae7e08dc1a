/**
 * The Graph stand-in against Graph's documented shapes, over real HTTP on a free loopback port.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import { call, decodeWords, listFiles, parseEml, type RawResponse } from './graph-test-support';

const GROUP = '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');

let root: string; // the temp folder; dataDir lives inside it so "nothing written outside" can be checked
let dataDir: string;
let standIn: GraphStandIn;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'graph-stand-in-'));
  dataDir = path.join(root, 'data');
  standIn = await startGraphStandIn({ port: 0, dataDir, limits: { uploadBytes: 1024 * 1024, jsonBytes: 256 * 1024 } });
});

afterEach(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

function expectGraphError(res: RawResponse, code: string): void {
  const body = res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.innerError['request-id']).toBe(res.headers['request-id']);
  expect(body.error.innerError['client-request-id']).toBe(res.headers['client-request-id']);
  expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
}

describe('drive', () => {
  it('answers the group drive as a document library', async () => {
    const res = await call(standIn.url, 'GET', `/groups/${GROUP}/drive`);
    expect(res.status).toBe(200);
    const drive = res.json();
    expect(drive).toMatchObject({ driveType: 'documentLibrary', name: 'Dokument' });
    expect(drive.id).toMatch(/^b!/);
    expect(drive.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('uploads a new file: 201, the same bytes on disk, a driveItem', async () => {
    const itemPath = 'Minnesanteckningar/2026/2026-02-11 Möte 1.docx';
    const bytes = randomBytes(70_000);
    const res = await call(standIn.url, 'PUT', `/groups/${GROUP}/drive/root:/${encodePath(itemPath)}:/content`, {
      body: bytes,
      headers: { 'client-request-id': 'abc-123' },
    });
    expect(res.status).toBe(201);
    expect(res.headers['client-request-id']).toBe('abc-123');
    expect(res.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readFile(path.join(dataDir, 'sharepoint', GROUP, itemPath))).toEqual(bytes);

    const item = res.json();
    const drive = (await call(standIn.url, 'GET', `/groups/${GROUP}/drive`)).json();
    expect(item.id).toMatch(/^01[A-Z2-7]{32}$/);
    expect(item).toMatchObject({ name: '2026-02-11 Möte 1.docx', size: 70_000, file: { mimeType: DOCX } });
    expect(item.parentReference).toMatchObject({
      driveId: drive.id,
      driveType: 'documentLibrary',
      path: `/drives/${drive.id}/root:/Minnesanteckningar/2026`,
    });
    expect(item.parentReference.id).not.toBe(item.id);
    expect(item.createdDateTime).toMatch(ISO_SECONDS);
    expect(item.lastModifiedDateTime).toMatch(ISO_SECONDS);
    expect(item.webUrl).toBe(`${drive.webUrl}/Minnesanteckningar/2026/2026-02-11%20M%C3%B6te%201.docx`);
  });

  it('replaces an existing file: 200, the same id, the new bytes', async () => {
    const url = `/groups/${GROUP}/drive/root:/Kallelser/kallelse.pdf:/content`;
    const first = await call(standIn.url, 'PUT', url, { body: 'version 1' });
    const second = await call(standIn.url, 'PUT', url, { body: 'version two' });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.json().id).toBe(first.json().id);
    expect(second.json()).toMatchObject({ size: 11, createdDateTime: first.json().createdDateTime, file: { mimeType: 'application/pdf' } });
    expect(await readFile(path.join(dataDir, 'sharepoint', GROUP, 'Kallelser', 'kallelse.pdf'), 'utf8')).toBe('version two');
  });

  it('refuses to overwrite with conflictBehavior=fail (409) and keeps the old bytes', async () => {
    const url = `/groups/${GROUP}/drive/root:/a.txt:/content`;
    expect((await call(standIn.url, 'PUT', `${url}?@microsoft.graph.conflictBehavior=fail`, { body: 'first' })).status).toBe(201);
    const res = await call(standIn.url, 'PUT', `${url}?@microsoft.graph.conflictBehavior=fail`, { body: 'second' });
    expect(res.status).toBe(409);
    expectGraphError(res, 'nameAlreadyExists');
    expect(await readFile(path.join(dataDir, 'sharepoint', GROUP, 'a.txt'), 'utf8')).toBe('first');
  });

  it('renames with conflictBehavior=rename', async () => {
    const url = `/groups/${GROUP}/drive/root:/b.txt:/content?@microsoft.graph.conflictBehavior=rename`;
    await call(standIn.url, 'PUT', url, { body: 'one' });
    const res = await call(standIn.url, 'PUT', url, { body: 'two' });
    expect(res.status).toBe(201);
    expect(res.json().name).toBe('b 1.txt');
    expect(await readFile(path.join(dataDir, 'sharepoint', GROUP, 'b 1.txt'), 'utf8')).toBe('two');
  });

  it.each([
    ['a dot-dot segment', `/groups/${GROUP}/drive/root:/../../../escaped.txt:/content`],
    ['an encoded dot-dot segment', `/groups/${GROUP}/drive/root:/x/%2E%2E/%2E%2E/%2E%2E/escaped.txt:/content`],
    ['an absolute path', `/groups/${GROUP}/drive/root://tmp/escaped.txt:/content`],
    ['an encoded slash', `/groups/${GROUP}/drive/root:/%2F..%2F..%2Fescaped.txt:/content`],
    ['a backslash', `/groups/${GROUP}/drive/root:/..%5C..%5Cescaped.txt:/content`],
    ['a NUL byte', `/groups/${GROUP}/drive/root:/escaped.txt%00.docx:/content`],
    ['a traversing group id', `/groups/..%2F..%2F..%2Fx/drive/root:/escaped.txt:/content`],
  ])('refuses %s with 400 and writes nothing', async (_what, rawPath) => {
    const res = await call(standIn.url, 'PUT', rawPath, { body: 'should not land anywhere' });
    expect(res.status).toBe(400);
    expectGraphError(res, 'invalidRequest');
    expect(await listFiles(root)).toEqual([]);
  });

  it('answers 413 to a declared body over the limit without reading it', async () => {
    const big = await startGraphStandIn({ port: 0, dataDir }); // Graph's own 250 MB limit
    try {
      const res = await call(big.url, 'PUT', `/groups/${GROUP}/drive/root:/big.bin:/content`, {
        headers: { 'Content-Length': String(250 * 1024 * 1024 + 1) },
        chunks: [Buffer.alloc(16)],
      });
      expect(res.status).toBe(413);
      expectGraphError(res, 'invalidRequest');
    } finally {
      await big.close();
    }
    expect(await listFiles(root)).toEqual([]);
  });

  it('stops a streamed (chunked) body at the limit with 413 and leaves no file', async () => {
    const res = await call(standIn.url, 'PUT', `/groups/${GROUP}/drive/root:/big.bin:/content`, {
      chunks: [randomBytes(600 * 1024), randomBytes(600 * 1024)],
    });
    expect(res.status).toBe(413);
    expect(await listFiles(root)).toEqual([]);
  });
});

describe('authentication, routing, throttling', () => {
  it.each([
    ['no Authorization header', {}],
    ['an empty bearer token', { Authorization: 'Bearer ' }],
    ['a Basic credential', { Authorization: 'Basic dXNlcjpwYXNz' }],
  ])('answers 401 InvalidAuthenticationToken to %s', async (_what, headers) => {
    const res = await call(standIn.url, 'PUT', `/groups/${GROUP}/drive/root:/x.txt:/content`, { auth: false, headers, body: 'x' });
    expect(res.status).toBe(401);
    expectGraphError(res, 'InvalidAuthenticationToken');
    expect(await listFiles(root)).toEqual([]);
  });

  it('answers an unknown path with 404 itemNotFound and a wrong method with 405', async () => {
    const unknown = await call(standIn.url, 'GET', '/me/messages');
    expect(unknown.status).toBe(404);
    expectGraphError(unknown, 'itemNotFound');
    const wrongMethod = await call(standIn.url, 'DELETE', `/groups/${GROUP}/drive`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
    expectGraphError(wrongMethod, 'BadRequest');
  });

  it('throttles every Nth request with 429, Retry-After and TooManyRequests', async () => {
    const throttled = await startGraphStandIn({ port: 0, dataDir, throttle: { everyNth: 3, retryAfterSeconds: 7 } });
    try {
      const statuses: number[] = [];
      let tooMany;
      for (let i = 0; i < 6; i += 1) {
        const res = await call(throttled.url, 'GET', `/groups/${GROUP}/drive`);
        statuses.push(res.status);
        if (res.status === 429) tooMany = res;
      }
      expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
      expect(tooMany!.headers['retry-after']).toBe('7');
      expectGraphError(tooMany!, 'TooManyRequests');
    } finally {
      await throttled.close();
    }
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startGraphStandIn({ port: 0, host: '0.0.0.0', dataDir })).rejects.toThrow(/loopback/);
  });

  it('frees its port on close()', async () => {
    const { port } = new URL(standIn.url);
    await call(standIn.url, 'GET', `/groups/${GROUP}/drive`); // leaves a keep-alive connection open
    await standIn.close();
    await standIn.close(); // a second close is harmless
    await expect(call(standIn.url, 'GET', `/groups/${GROUP}/drive`, { agent: false })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(Number(port), '127.0.0.1', resolve));
    await new Promise((resolve) => probe.close(resolve));
    standIn = await startGraphStandIn({ port: 0, dataDir }); // for afterEach
  });
});

describe('sendMail', () => {
  const outbox = (): string => path.join(dataDir, 'outbox');
  const emls = async (): Promise<string[]> => (await readdir(outbox()).catch(() => [])).filter((f) => f.endsWith('.eml'));
  const to = (n: number) => Array.from({ length: n }, (_v, i) => ({ emailAddress: { address: `delegat${i}@example.se` } }));
  const send = (body: unknown, user = 'hallbarhet@trollhattan.se') =>
    call(standIn.url, 'POST', `/users/${encodeURIComponent(user)}/sendMail`, {
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });

  it('writes one .eml whose headers, body and attachment match the request, and answers 202 with no body', async () => {
    const pdf = randomBytes(3000);
    const html = '<p>Hej! Här är minnesanteckningarna från mötet.</p>';
    const res = await send({
      message: {
        subject: 'Minnesanteckningar – möte 1, 11 februari',
        body: { contentType: 'HTML', content: html },
        toRecipients: [
          { emailAddress: { address: 'anna.andersson@example.se', name: 'Anna Andersson' } },
          { emailAddress: { address: 'bo@example.se' } },
        ],
        ccRecipients: [{ emailAddress: { address: 'asa@example.se', name: 'Åsa Öberg' } }],
        attachments: [
          {
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: 'Minnesanteckningar möte 1.pdf',
            contentType: 'application/pdf',
            contentBytes: pdf.toString('base64'),
          },
        ],
      },
      saveToSentItems: false,
    });
    expect(res.status).toBe(202);
    expect(res.body.length).toBe(0);

    const files = await emls();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{8}\.eml$/);
    const text = await readFile(path.join(outbox(), files[0]!), 'utf8');
    expect(text.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const { headers, parts } = parseEml(text);
    expect(headers.get('from')).toBe('hallbarhet@trollhattan.se');
    expect(headers.get('to')).toBe('"Anna Andersson" <anna.andersson@example.se>, bo@example.se');
    expect(decodeWords(headers.get('cc')!)).toBe('Åsa Öberg <asa@example.se>');
    expect(headers.get('subject')).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(headers.get('subject')!)).toBe('Minnesanteckningar – möte 1, 11 februari');
    expect(headers.get('mime-version')).toBe('1.0');
    expect(headers.get('x-graph-savetosentitems')).toBe('false');

    expect(parts).toHaveLength(2);
    expect(parts[0]!.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Buffer.from(parts[0]!.body, 'base64').toString('utf8')).toBe(html);
    expect(parts[1]!.headers.get('content-type')).toMatch(/^application\/pdf; /);
    expect(parts[1]!.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Minnesanteckningar%20m%C3%B6te%201.pdf");
    expect(Buffer.from(parts[1]!.body, 'base64')).toEqual(pdf);
  });

  it('accepts exactly 500 recipients and refuses 501 (400, no file)', async () => {
    const message = (n: number) => ({
      message: {
        subject: 'Kallelse',
        body: { contentType: 'Text', content: 'Hej' },
        toRecipients: to(n - 2),
        ccRecipients: to(1),
        bccRecipients: to(1),
      },
    });
    const over = await send(message(501));
    expect(over.status).toBe(400);
    expectGraphError(over, 'ErrorInvalidRecipients');
    expect(over.json().error.message).toMatch(/501 recipients/);
    expect(await emls()).toEqual([]);

    expect((await send(message(500))).status).toBe(202);
    expect(await emls()).toHaveLength(1);
  });

  it.each([
    ['invalid JSON', '{"message": ', 'body', 'ErrorInvalidRequest'],
    ['no subject', { message: { toRecipients: to(1) } }, 'message.subject', 'ErrorInvalidRequest'],
    ['no recipients', { message: { subject: 'S', toRecipients: [] } }, 'message.toRecipients', 'ErrorInvalidRecipients'],
    [
      'a malformed address',
      { message: { subject: 'S', toRecipients: [{ emailAddress: { address: 'not a mail' } }] } },
      'message.toRecipients[0].emailAddress.address',
      'ErrorInvalidRecipients',
    ],
    [
      'a bad body type',
      { message: { subject: 'S', body: { contentType: 'Markdown', content: '#' }, toRecipients: to(1) } },
      'message.body.contentType',
      'ErrorInvalidRequest',
    ],
    [
      'attachment bytes that are not base64',
      {
        message: {
          subject: 'S',
          toRecipients: to(1),
          attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: 'no base64!' }],
        },
      },
      'message.attachments[0].contentBytes',
      'ErrorInvalidRequest',
    ],
  ])('refuses %s with 400 naming the field (%#)', async (_what, body, field, code) => {
    const res =
      typeof body === 'string'
        ? await call(standIn.url, 'POST', '/users/u1/sendMail', { body, headers: { 'Content-Type': 'application/json' } })
        : await send(body);
    expect(res.status).toBe(400);
    expectGraphError(res, code);
    expect(res.json().error.message).toContain(`'${field}'`);
    expect(await emls()).toEqual([]);
  });

  it('carries a 20 MB attachment under the default 35 MB body limit', async () => {
    const roomy = await startGraphStandIn({ port: 0, dataDir });
    try {
      const bytes = randomBytes(20 * 1024 * 1024);
      const attachment = { '@odata.type': '#microsoft.graph.fileAttachment', name: 'big.bin', contentBytes: bytes.toString('base64') };
      const body = JSON.stringify({ message: { subject: 'Stor bilaga', toRecipients: to(1), attachments: [attachment] } });
      const res = await call(roomy.url, 'POST', '/users/u1/sendMail', { body });
      expect(res.status).toBe(202);
      const [file] = await emls();
      const { headers, parts } = parseEml(await readFile(path.join(outbox(), file!), 'utf8'));
      expect(headers.get('from')).toBe('u1@graph-stand-in.invalid');
      expect(parts[1]!.headers.get('content-type')).toBe('application/octet-stream; name="big.bin"');
      expect(Buffer.from(parts[1]!.body, 'base64').equals(bytes)).toBe(true);
    } finally {
      await roomy.close();
    }
  });

  it('refuses a JSON body over the limit with 413', async () => {
    const res = await send({
      message: { subject: 'S', toRecipients: to(1), body: { contentType: 'Text', content: 'x'.repeat(300 * 1024) } },
    });
    expect(res.status).toBe(413);
    expect(await emls()).toEqual([]);
  });

  it('keeps header injection out of the headers', async () => {
    await mkdir(outbox(), { recursive: true });
    await writeFile(path.join(outbox(), 'README'), 'not a mail'); // other files in the outbox are left alone
    const res = await send({
      message: {
        subject: 'Hej\r\nBcc: spy@example.se',
        toRecipients: [{ emailAddress: { address: 'a@example.se', name: 'A\r\nX-Evil: 1' } }],
      },
    });
    expect(res.status).toBe(202);
    const [file] = await emls();
    const { headers } = parseEml(await readFile(path.join(outbox(), file!), 'utf8'));
    expect(headers.has('x-evil')).toBe(false);
    expect(headers.has('bcc')).toBe(false);
    expect(decodeWords(headers.get('subject')!)).toBe('Hej\r\nBcc: spy@example.se');
  });
});
