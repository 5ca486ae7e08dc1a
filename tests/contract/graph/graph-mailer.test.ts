/** The Graph mailer against the local Graph stand-in over real HTTP: the mail lands in the outbox. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphMailer } from '../../../bot/src/adapters/graph/graph-mailer';
import { startGraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import type { CallForProposalsNotice } from '../../../bot/src/app/ports/messenger';

const notice: CallForProposalsNotice = {
  kind: 'call-for-proposals',
  audience: 'person',
  groupId: 'g',
  groupName: 'Ekologiska hållbarhetsgruppen',
  meeting: {
    id: 'm2',
    title: 'Möte 2',
    startsAt: new Date('2026-03-11T12:00:00Z'),
    durationMinutes: 120,
    place: 'Stadshuset',
    onlineUrl: null,
    status: 'planned',
    chair: null,
  },
  lastDayToPropose: new Date('2026-03-04T11:00:00Z'),
};

describe('Graph mailer', () => {
  let dir = '';
  let standIn: Awaited<ReturnType<typeof startGraphStandIn>>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-mail-'));
    standIn = await startGraphStandIn({ port: 0, dataDir: dir });
  });
  afterAll(async () => {
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the notice from the service mailbox, and the stand-in writes it to the outbox', async () => {
    const mailer = new GraphMailer({
      baseUrl: standIn.url,
      sender: 'arbetsrum@kommun.example',
      accessToken: async () => 'test-token',
      locale: 'sv',
    });
    expect(await mailer.sendNotice({ name: 'Johan Ek', email: 'johan.ek@kommun.example' }, notice)).toEqual({ outcome: 'sent' });
    const files = await readdir(path.join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    const eml = await readFile(path.join(dir, 'outbox', files[0]!), 'utf8');
    expect(eml).toMatch(/^To: .*johan\.ek@kommun\.example/m);
    expect(eml).toMatch(/^From: .*arbetsrum@kommun\.example/m);
    expect(eml).toContain('Subject: =?UTF-8?'); // "Dags att föreslå …" is not ASCII, so it is encoded
  });

  it('reports a refusal instead of throwing', async () => {
    const mailer = new GraphMailer({
      baseUrl: standIn.url,
      sender: 'arbetsrum@kommun.example',
      accessToken: async () => 'test-token',
      locale: 'sv',
    });
    const result = await mailer.sendNotice({ name: 'Trasig', email: 'not-an-address' }, notice);
    expect(result).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('400') });
  });
});
