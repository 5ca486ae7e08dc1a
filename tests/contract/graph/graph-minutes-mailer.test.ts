/**
 * The minutes mailer against the Graph stand-in: 500 recipients (Exchange's limit for all
 * recipients together) go in one message, the marker finds it again in Sent Items, and a message
 * without the attachment does not claim one.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphMinutesMailer } from '../../../bot/src/adapters/graph/graph-minutes-mailer';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import type { MinutesDocumentView } from '../../../bot/src/app/minutes-document-view';
import { htmlOfEml } from '../../support/eml';

const SENDER = 'arbetsrum@kommun.example';

const view: MinutesDocumentView = {
  groupName: 'Hållbarhetsgruppen',
  meeting: {
    id: 'm1',
    title: 'Möte 1',
    startsAt: new Date('2026-02-11T12:00:00Z'),
    durationMinutes: 120,
    place: 'Stadshuset',
    onlineUrl: null,
    status: 'minutes_published',
    chair: null,
  },
  version: 1,
  correctionOf: null,
  publishedAt: new Date('2026-02-12T09:00:00Z'),
  publishedBy: null,
  items: [{ position: 1, title: 'Mötet öppnas', notes: '', decision: 'Dagordningen fastställdes.', actions: [] }],
  otherActions: [],
  attendance: [],
  nextMeeting: null,
};

describe('GraphMinutesMailer against the Graph stand-in', () => {
  let dataDir: string;
  let standIn: GraphStandIn;
  let mailer: GraphMinutesMailer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-mailer-'));
    standIn = await startGraphStandIn({ port: 0, dataDir });
    mailer = new GraphMinutesMailer({ baseUrl: standIn.url, accessToken: async () => 'token' }, SENDER, 'sv');
  });
  afterAll(async () => {
    await standIn.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends one message to 500 recipients and finds it again by its marker', async () => {
    const recipients = Array.from({ length: 500 }, (_, i) => ({ personId: null, name: `Person ${i}`, email: `p${i}@kommun.example` }));
    expect(await mailer.wasSent('m1/v1:1')).toBe(false);
    await mailer.sendMinutes({
      view,
      recipients,
      documentUrl: null,
      document: { name: 'Möte 1.docx', content: new Uint8Array([1, 2, 3]) },
      marker: 'm1/v1:1',
    });
    expect(await mailer.wasSent('m1/v1:1')).toBe(true);
    expect(await mailer.wasSent("m1/v1:1' or 'x")).toBe(false);
    const records = (await readdir(path.join(dataDir, 'sent-items'))).filter((f) => f.endsWith('.json'));
    expect(records).toHaveLength(1);
    const record = JSON.parse(await readFile(path.join(dataDir, 'sent-items', records[0]!), 'utf8')) as {
      toRecipients: unknown[];
      bccRecipients: unknown[];
      attachments: { name: string }[];
    };
    expect(record.toRecipients).toEqual([]);
    expect(record.bccRecipients).toHaveLength(500);
    expect(record.attachments.map((a) => a.name)).toEqual(['Möte 1.docx']);
  });

  it('does not claim an attachment it could not carry', async () => {
    await mailer.sendMinutes({
      view,
      recipients: [{ personId: null, name: 'Sara', email: 'sara@kommun.example' }],
      documentUrl: 'https://kommun.sharepoint.com/sites/miljo/Minnesanteckningar/Möte 1.docx',
      document: null,
      marker: 'm1/v1:2',
    });
    const emls = (await readdir(path.join(dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'));
    const texts = await Promise.all(emls.map((f) => readFile(path.join(dataDir, 'outbox', f), 'utf8')));
    const second = texts.find((t) => !t.includes('filename'));
    expect(second).toBeDefined();
    expect(htmlOfEml(second!)).not.toMatch(/bifogat/);
    expect(htmlOfEml(second!)).toContain('gemensamma arbetsrum');
    // The first message, which carried the document, says so.
    expect(htmlOfEml(texts.find((t) => t.includes('filename'))!)).toMatch(/bifogat Word-dokument/);
  });
});
