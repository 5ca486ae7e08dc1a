/**
 * The Graph stand-in's sendMail (the hardened request shape, attachments in the .eml, the Sent
 * Items record) and the Sent Items query the publisher uses to find a message after a crash.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import { decodeWords, expectGraphError, graph, parseEml } from './graph-test-support';

const SENDER = 'arbetsrum@kommun.example';
const MARKER = 'String {6f1d3c2a-8b4e-4f7a-9c1d-2e5b7a9f0c31} Name ArbetsrumPublication';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let root: string;
let dataDir: string;
let standIn: GraphStandIn;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'graph-mail-'));
  dataDir = path.join(root, 'data');
  standIn = await startGraphStandIn({ port: 0, dataDir });
});

afterEach(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

const recipients = (n: number, prefix = 'delegat') =>
  Array.from({ length: n }, (_v, i) => ({ emailAddress: { address: `${prefix}${i}@kommun.example` } }));
const minimal = (extra: Record<string, unknown> = {}) => ({ message: { subject: 'Hej', toRecipients: recipients(1), ...extra } });
const send = (body: unknown, user = SENDER, base = standIn.url) =>
  graph(`${base}/users/${encodeURIComponent(user)}/sendMail`, { method: 'POST', json: body });
const emls = async (): Promise<string[]> => (await readdir(path.join(dataDir, 'outbox')).catch(() => [])).filter((f) => f.endsWith('.eml'));
const sentItems = async (): Promise<string[]> => readdir(path.join(dataDir, 'sent-items')).catch(() => []);
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const markerFilter = (value: string, id = MARKER) =>
  `singleValueExtendedProperties/Any(ep: ep/id eq ${literal(id)} and ep/value eq ${literal(value)})`;

function sentItemsUrl(query: Record<string, string>, user = SENDER, base = standIn.url, folder = 'sentitems'): string {
  return `${base}/users/${encodeURIComponent(user)}/mailFolders/${folder}/messages?${new URLSearchParams(query).toString()}`;
}

describe('sendMail', () => {
  it('writes one .eml for many recipients with the attachments, and a Sent Items record beside it', async () => {
    const docx = randomBytes(5000);
    const longName = `Minnesanteckningar ${'å'.repeat(60)} möte 1.docx`;
    const res = await send({
      message: {
        subject: 'Minnesanteckningar – möte 1',
        body: { contentType: 'html', content: '<p>Hej!</p>' },
        toRecipients: [{ emailAddress: { address: SENDER } }],
        bccRecipients: recipients(120),
        attachments: [
          {
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: 'Minnesanteckningar möte 1.docx',
            contentType: DOCX,
            contentBytes: docx.toString('base64'),
          },
          {
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: longName,
            contentType: 'text/plain',
            contentBytes: Buffer.from('ö').toString('base64'),
            isInline: false,
          },
        ],
        singleValueExtendedProperties: [{ id: MARKER, value: 'pub-1' }],
      },
      saveToSentItems: true,
    });
    expect(res.status).toBe(202);
    const [eml, ...more] = await emls();
    expect(more).toEqual([]);
    const text = await readFile(path.join(dataDir, 'outbox', eml!), 'utf8');
    expect(text.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const { headers, parts } = parseEml(text);
    expect(headers.get('bcc')!.split(',')).toHaveLength(120);
    expect(parts).toHaveLength(3);
    // RFC 2231 on the disposition (the standard), RFC 2047 words in the Content-Type name (what older Outlook reads).
    expect(parts[1]!.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Minnesanteckningar%20m%C3%B6te%201.docx");
    expect(decodeWords(/name="([^"]+)"/.exec(parts[1]!.headers.get('content-type')!)![1]!)).toBe('Minnesanteckningar möte 1.docx');
    expect(Buffer.from(parts[1]!.body, 'base64').equals(docx)).toBe(true);
    const disposition = parts[2]!.headers.get('content-disposition')!;
    const continued = [...disposition.matchAll(/filename\*(\d+)\*=(?:UTF-8'')?([^;]+)/g)].map((m) => m[2]).join('');
    expect(decodeURIComponent(continued)).toBe(longName);

    const [record] = await sentItems();
    expect(record).toBe(eml!.replace(/\.eml$/, '.json'));
    const item = JSON.parse(await readFile(path.join(dataDir, 'sent-items', record!), 'utf8'));
    expect(item).toMatchObject({
      id: expect.stringMatching(/^AAMkAD[A-Za-z0-9_-]+$/),
      sentDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      subject: 'Minnesanteckningar – möte 1',
      from: { emailAddress: { address: SENDER } },
      toRecipients: [{ emailAddress: { address: SENDER } }],
      ccRecipients: [],
      singleValueExtendedProperties: [{ id: MARKER, value: 'pub-1' }],
      attachments: [
        { name: 'Minnesanteckningar möte 1.docx', size: 5000 },
        { name: longName, size: 2 },
      ],
    });
    expect(item.bccRecipients).toHaveLength(120);
  });

  it.each([
    ['an unknown top-level parameter', { ...minimal(), saveToDrafts: true }, 'RequestBodyRead'],
    ['an unknown message property', minimal({ importance: 'high' }), 'RequestBodyRead'],
    [
      'an unknown recipient property',
      { message: { subject: 'S', toRecipients: [{ emailAddress: { address: 'a@b.se' }, type: 'to' }] } },
      'RequestBodyRead',
    ],
    ['a misspelt property (names are case-sensitive)', { message: { Subject: 'S', toRecipients: recipients(1) } }, 'RequestBodyRead'],
    ['a message that is not an object', { message: 'Hej' }, 'ErrorInvalidRequest'],
    ['a subject that is not a string', minimal({ subject: 42 }), 'ErrorInvalidRequest'],
    ['recipients that are not an array', minimal({ ccRecipients: { emailAddress: { address: 'a@b.se' } } }), 'ErrorInvalidRequest'],
    ['a recipient without emailAddress', minimal({ bccRecipients: [{ address: 'a@b.se' }] }), 'ErrorInvalidRecipients'],
    ['a malformed Bcc address', minimal({ bccRecipients: [{ emailAddress: { address: 'a@' } }] }), 'ErrorInvalidRecipients'],
    [
      'an item attachment',
      minimal({ attachments: [{ '@odata.type': '#microsoft.graph.itemAttachment', name: 'x' }] }),
      'ErrorInvalidRequest',
    ],
    [
      'an attachment with an unknown property',
      minimal({ attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: '', size: 0 }] }),
      'RequestBodyRead',
    ],
    ['an extended property without value', minimal({ singleValueExtendedProperties: [{ id: MARKER }] }), 'ErrorInvalidRequest'],
    [
      'an extended property value that is not a string',
      minimal({ singleValueExtendedProperties: [{ id: MARKER, value: 7 }] }),
      'ErrorInvalidRequest',
    ],
    [
      'a malformed extended property id',
      minimal({ singleValueExtendedProperties: [{ id: 'ArbetsrumPublication', value: 'x' }] }),
      'ErrorInvalidRequest',
    ],
    ['saveToSentItems that is not a boolean', { ...minimal(), saveToSentItems: 'yes' }, 'ErrorInvalidRequest'],
  ])('refuses %s with 400 and writes nothing', async (_what, body, code) => {
    await expectGraphError(await send(body), 400, code);
    expect(await emls()).toEqual([]);
    expect(await sentItems()).toEqual([]);
  });

  it('writes the mail before the delayed 202 (afterWriteDelayMs), so a crash can fall between the two', async () => {
    const slow = await startGraphStandIn({ port: 0, dataDir, afterWriteDelayMs: 600 });
    try {
      let answered = false;
      const pending = send(minimal(), SENDER, slow.url).then((r) => ((answered = true), r));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await emls()).toHaveLength(1);
      expect(await sentItems()).toHaveLength(1);
      expect(answered).toBe(false);
      expect((await pending).status).toBe(202);
    } finally {
      await slow.close();
    }
  });
});

describe('Sent Items', () => {
  const withMarker = (value: string, subject = `Protokoll ${value}`) =>
    send({
      message: { subject, toRecipients: recipients(2), singleValueExtendedProperties: [{ id: MARKER, value }] },
      saveToSentItems: true,
    });

  it('finds a message by its extended property, also from a new stand-in on the same data dir', async () => {
    expect((await withMarker('pub-1')).status).toBe(202);
    expect((await withMarker("it's pub-2")).status).toBe(202);
    await standIn.close();
    standIn = await startGraphStandIn({ port: 0, dataDir }); // a restarted process: only the disk remains

    const res = await graph(sentItemsUrl({ $filter: markerFilter("it's pub-2"), $select: 'id,subject,sentDateTime', $top: '1' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body['@odata.context']).toMatch(/mailFolders\('sentitems'\)\/messages\(id,subject,sentDateTime\)$/);
    expect(body.value).toEqual([{ id: expect.any(String), subject: "Protokoll it's pub-2", sentDateTime: expect.any(String) }]);

    const none = await graph(sentItemsUrl({ $filter: markerFilter('pub-3') }));
    expect((await none.json()).value).toEqual([]);
    // Another property id with the same value is another property.
    const otherId = await graph(sentItemsUrl({ $filter: markerFilter('pub-1', MARKER.replace('Publication', 'Other')) }));
    expect((await otherId.json()).value).toEqual([]);
  });

  it("accepts the folder's other spelling and keeps each mailbox's Sent Items apart", async () => {
    await withMarker('pub-1');
    const found = await graph(sentItemsUrl({ $filter: markerFilter('pub-1') }, SENDER, standIn.url, 'SentItems'));
    expect((await found.json()).value).toHaveLength(1);
    const otherMailbox = await graph(sentItemsUrl({ $filter: markerFilter('pub-1') }, 'someone.else@kommun.example'));
    expect((await otherMailbox.json()).value).toEqual([]);
  });

  it('leaves out a message sent with saveToSentItems: false', async () => {
    await send({
      message: { subject: 'S', toRecipients: recipients(1), singleValueExtendedProperties: [{ id: MARKER, value: 'quiet' }] },
      saveToSentItems: false,
    });
    expect((await (await graph(sentItemsUrl({ $filter: markerFilter('quiet') }))).json()).value).toEqual([]);
  });

  it('lists everything newest first without a filter: 10 by default, $top honoured, a nextLink to the rest', async () => {
    for (let i = 0; i < 12; i += 1) {
      await send({ message: { subject: `Brev ${String(i).padStart(2, '0')}`, toRecipients: recipients(1) } });
      await new Promise((resolve) => setTimeout(resolve, 2)); // distinct file names in time order
    }
    const page = await (await graph(sentItemsUrl({}))).json();
    expect(page.value).toHaveLength(10);
    expect(page.value[0]).toMatchObject({
      subject: 'Brev 11',
      isDraft: false,
      hasAttachments: false,
      from: { emailAddress: { address: SENDER } },
    });
    expect(page.value[9].subject).toBe('Brev 02');
    const rest = await (await graph(page['@odata.nextLink'])).json();
    expect(rest.value.map((m: { subject: string }) => m.subject)).toEqual(['Brev 01', 'Brev 00']);
    expect(rest['@odata.nextLink']).toBeUndefined();
    const three = await (await graph(sentItemsUrl({ $top: '3' }))).json();
    expect(three.value).toHaveLength(3);
  });

  it.each([
    ['another filter', { $filter: "subject eq 'Hej'" }, 400, 'ErrorInvalidUrlQueryFilter'],
    [
      'a filter with an unescaped quote',
      { $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${MARKER}' and ep/value eq 'it's')` },
      400,
      'ErrorInvalidUrlQueryFilter',
    ],
    ['an unknown $select property', { $select: 'id,colour' }, 400, 'RequestBroker--ParseUri'],
    ['$top over 1000', { $top: '1001' }, 400, 'BadRequest'],
    ['an option the stand-in does not model', { $orderby: 'subject' }, 400, 'BadRequest'],
  ])('refuses %s', async (_what, query, status, code) => {
    await expectGraphError(await graph(sentItemsUrl(query)), status, code);
  });

  it('has only the sentitems folder', async () => {
    await expectGraphError(await graph(sentItemsUrl({}, SENDER, standIn.url, 'inbox')), 404, 'ErrorItemNotFound');
  });
});
