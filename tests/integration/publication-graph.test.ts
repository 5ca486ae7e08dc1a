/**
 * Publishing minutes out of Arbetsrum against the Graph stand-in, with the real Graph adapters:
 * the Word document lands in the group's library and holds every item, decision and action; one
 * mail reaches every member once (and the extra recipient); each member gets one card. A crash
 * right after Graph accepted the mail, and a throttling Graph, change none of that.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { DocxRenderer } from '../../bot/src/adapters/graph/documents/docx-renderer';
import { GraphGroupCalendar } from '../../bot/src/adapters/graph/graph-calendar';
import { GraphDocumentStore } from '../../bot/src/adapters/graph/graph-document-store';
import { GraphMinutesMailer } from '../../bot/src/adapters/graph/graph-minutes-mailer';
import { startGraphStandIn, type GraphStandIn } from '../../bot/src/adapters/graph/graph-stand-in';
import type { MinutesMail, MinutesMailer } from '../../bot/src/app/ports/publishing';
import { createUseCases } from '../../bot/src/app/use-cases';
import type { Meeting } from '../../bot/src/domain/meeting';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts, type FakeMessenger } from '../support/fake-messenger';
import { fixedClock } from '../support/group-seed-mother';
import { htmlOfEml } from '../support/eml';
import { silentLogger } from '../support/silent-logger';

/** Sends, then fails as a process killed before it could record the send would. */
class CrashAfterSend implements MinutesMailer {
  crashes = 1;
  constructor(private readonly inner: MinutesMailer) {}
  async sendMinutes(mail: MinutesMail): Promise<void> {
    await this.inner.sendMinutes(mail);
    if (this.crashes > 0) {
      this.crashes -= 1;
      throw new Error('process died after Graph accepted the mail');
    }
  }
  wasSent(marker: string): Promise<boolean> {
    return this.inner.wasSent(marker);
  }
}

describe('publishing minutes through Graph (stand-in)', () => {
  const clock = fixedClock('2026-03-01T10:00:00Z');
  let demo: DemoGroup;
  let dataDir: string;
  let standIn: GraphStandIn;
  let useCases: ReturnType<typeof createUseCases>;
  let messenger: FakeMessenger;
  let mailer: CrashAfterSend;
  const hostile = '<script>alert(1)</script> **fet** ${x}';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-publish-'));
    standIn = await startGraphStandIn({ port: 0, dataDir });
    demo = await openDemoGroup(clock, () => true);
    const graph = { baseUrl: standIn.url, accessToken: async () => 'test-token' };
    const ports = fakePorts(clock);
    messenger = ports.messenger;
    mailer = new CrashAfterSend(new GraphMinutesMailer(graph, 'arbetsrum@trollhattan.example', 'sv'));
    useCases = createUseCases({
      repositories: demo.migrated.storage.repositories,
      unitOfWork: demo.migrated.storage.unitOfWork,
      clock,
      ids: randomUUID,
      ...ports,
      publishing: {
        documents: new GraphDocumentStore(graph, silentLogger),
        renderer: new DocxRenderer('sv'),
        minutesMailer: mailer,
        calendar: new GraphGroupCalendar(graph, 'arbetsrum@trollhattan.example', 'sv'),
      },
    });
  });
  afterAll(async () => {
    await standIn?.close();
    await demo?.migrated.db.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const m365 = () => demo.seed.group.m365GroupId!;

  async function publishFebruary(): Promise<{ meeting: Meeting; chair: string }> {
    const meeting = (await demo.meetings()).find((m) => m.startsAt.toISOString().startsWith('2026-02-11'))!;
    const chair = [...demo.people].find(([, id]) => id === meeting.chairPersonId)![0];
    const other = chair === 'Anna Lindqvist' ? 'Erik Johansson' : 'Anna Lindqvist';
    const view = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    const [first, second] = view.items;
    const saved = await useCases.saveMinutesDraft({
      ...demo.as(chair),
      meetingId: meeting.id,
      revision: 0,
      draft: {
        items: [
          { agendaItemId: first!.agendaItemId, notes: `Välkommen.\n\n${hostile}`, decision: 'Dagordningen fastställdes.' },
          { agendaItemId: second!.agendaItemId, notes: 'Genomgång.', decision: `Beslut om klimatlöften. ${hostile}` },
        ],
        attendance: [{ personId: demo.people.get('Sara Nilsson')!, presence: 'absent', substituteForPersonId: null }],
        actions: [
          {
            id: randomUUID(),
            agendaItemId: second!.agendaItemId,
            title: 'Samla in förvaltningarnas klimatlöften',
            ownerPersonId: demo.people.get('Sara Nilsson')!,
            dueDate: '2026-04-15',
            status: 'open',
          },
        ],
      },
    });
    if (saved.kind !== 'saved') throw new Error(`not saved: ${saved.kind}`);
    const revision = saved.minutes.revision;
    await useCases.approveMinutes({ ...demo.as(chair), meetingId: meeting.id, revision });
    await useCases.approveMinutes({ ...demo.as(other), meetingId: meeting.id, revision });
    await useCases.publishMinutes({ ...demo.as(chair), meetingId: meeting.id, revision });
    return { meeting, chair };
  }

  /** The stand-in's Sent Items: one record per sendMail, naming its .eml in the outbox. */
  async function sentMails(): Promise<{ subject: string; bccRecipients: { emailAddress: { address: string } }[]; eml: string }[]> {
    const sent = path.join(dataDir, 'sent-items');
    const files = (await readdir(sent).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
    return Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(sent, f), 'utf8'))));
  }

  it('stores the document, mails everyone once and announces once, through a crash after the mail and a throttling Graph', async () => {
    const { meeting, chair } = await publishFebruary();
    const publication = () => demo.migrated.storage.repositories.publications.find(demo.tenantId, meeting.id, 1);
    expect(await publication()).toMatchObject({ completedAt: null, documentStoredAt: null });

    // First run: the document is stored, the mail goes out, then the process "dies".
    expect(await useCases.runDuePublications()).toBe(1);
    const afterCrash = await publication();
    expect(afterCrash).toMatchObject({ completedAt: null, attempts: 1, mailedAt: null });
    expect(afterCrash!.documentStoredAt).not.toBeNull();
    expect(afterCrash!.lastError).toContain('process died');
    expect(await sentMails()).toHaveLength(1);
    // The writers see what failed; other members see only that it is being retried.
    const asChair = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    expect(asChair.publication).toMatchObject({
      state: 'retrying',
      documentStored: true,
      mailed: false,
      lastError: expect.stringContaining('died'),
    });
    const asDelegate = await useCases.getMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id });
    expect(asDelegate.publication).toMatchObject({ state: 'retrying', lastError: null });

    // Not due before its retry time; then resumed with Graph refusing every other request.
    expect(await useCases.runDuePublications()).toBe(0);
    clock.set('2026-03-01T10:01:00Z');
    standIn.setFaults({ everyNth: 2, status: 429, retryAfterSeconds: 0, routes: ['all'] });
    expect(await useCases.runDuePublications()).toBe(1);
    standIn.setFaults(null);
    const done = await publication();
    expect(done).toMatchObject({ lastError: null });
    expect(done!.completedAt).not.toBeNull();

    // One mail, to every member and the committee's secretary, once each.
    const mails = await sentMails();
    expect(mails).toHaveLength(1);
    const addresses = mails[0]!.bccRecipients.map((r) => r.emailAddress.address.toLowerCase()).sort();
    const expected = [...demo.seed.people.map((p) => p.email.toLowerCase()), 'utskottssekreterare@trollhattan.example'].sort();
    expect(addresses).toEqual(expected);
    const html = htmlOfEml(await readFile(path.join(dataDir, 'outbox', path.basename(mails[0]!.eml)), 'utf8'));
    expect(html).toContain('Beslut om klimatlöften.');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');

    // One document, holding every item, decision and action, hostile text as text.
    const folder = path.join(dataDir, 'sharepoint', m365(), 'Minnesanteckningar', '2026');
    const files = (await readdir(folder)).filter((f) => f.endsWith('.docx'));
    expect(files).toEqual([`2026-02-11 ${meeting.title}.docx`]);
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(path.join(folder, files[0]!))))['word/document.xml']!);
    for (const text of ['Dagordningen fastställdes.', 'Beslut om klimatlöften.', 'Samla in förvaltningarnas klimatlöften', 'Genomgång.']) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('<script>');

    // One card per member, none twice; running again does nothing.
    const cards = messenger.sent.filter((s) => s.notice.kind === 'minutes-published');
    const targets = cards.map((c) => c.conversationId);
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets.length).toBe(demo.people.size);
    expect(await useCases.runDuePublications()).toBe(0);
    expect(await sentMails()).toHaveLength(1);

    // A delegate reports back once; the card then says so.
    const reported = await useCases.reportBack({ ...demo.as('Sara Nilsson'), meetingId: meeting.id });
    expect(reported.reportedAt).toEqual(clock.now());
    clock.set('2026-03-02T10:00:00Z');
    expect((await useCases.reportBack({ ...demo.as('Sara Nilsson'), meetingId: meeting.id })).reportedAt).toEqual(
      new Date('2026-03-01T10:01:00Z'),
    );
  });

  it("puts the year's meetings in every member's calendar once each; the agenda once the kallelse is out; moves and cancels follow", async () => {
    const syncAll = async () => {
      while ((await useCases.runDueCalendarSyncs()) > 0);
    };
    const events = async () => {
      const res = await fetch(`${standIn.url}/users/arbetsrum@trollhattan.example/events?$top=1000`, {
        headers: { Authorization: 'Bearer test' },
      });
      expect(res.status).toBe(200);
      return (
        (await res.json()) as {
          value: {
            subject: string;
            isCancelled: boolean;
            transactionId: string;
            body: { content: string };
            location: { displayName: string };
            attendees: unknown[];
          }[];
        }
      ).value;
    };
    await syncAll();
    const meetings = await demo.meetings();
    const first = await events();
    expect(first).toHaveLength(meetings.length);
    expect(new Set(first.map((e) => e.transactionId))).toEqual(new Set(meetings.map((m) => m.id)));
    expect(first.every((e) => e.attendees.length === demo.people.size)).toBe(true);
    // Nothing changed: nothing to do.
    expect(await useCases.runDueCalendarSyncs()).toBe(0);

    // The kallelse for March: its agenda goes into the event and into Dagordningar/2026.
    const march = meetings.find((m) => m.startsAt.toISOString().startsWith('2026-03-11'))!;
    const may = meetings.find((m) => m.startsAt.toISOString().startsWith('2026-05'))!;
    const september = meetings.find((m) => m.startsAt.toISOString().startsWith('2026-09'))!;
    await useCases.sendKallelse({ by: demo.as('Anna Lindqvist'), tenantId: demo.tenantId, meetingId: march.id });
    await useCases.editMeeting({ ...demo.as('Anna Lindqvist'), meetingId: may.id, place: 'Kommunhuset, sal 3' });
    await useCases.cancelMeeting({ ...demo.as('Anna Lindqvist'), meetingId: september.id });
    await syncAll();
    const after = await events();
    expect(after).toHaveLength(meetings.length);
    const byId = new Map(after.map((e) => [e.transactionId, e]));
    expect(byId.get(march.id)!.body.content).toContain(demo.seed.group.settings.standingItems[0]!.title);
    expect(byId.get(may.id)!.location.displayName).toBe('Kommunhuset, sal 3');
    expect(byId.get(september.id)!.isCancelled).toBe(true);
    expect(after.filter((e) => e.isCancelled)).toHaveLength(1);
    const agendas = await readdir(path.join(dataDir, 'sharepoint', m365(), 'Dagordningar', '2026'));
    expect(agendas).toEqual([`2026-03-11 ${march.title}.docx`]);
  });

  it('publishes a correction as a file of its own and a rättelse, in at most four Graph requests', async () => {
    const meeting = (await demo.meetings()).find((m) => m.startsAt.toISOString().startsWith('2026-02-11'))!;
    const chair = [...demo.people].find(([, id]) => id === meeting.chairPersonId)![0];
    const other = chair === 'Anna Lindqvist' ? 'Erik Johansson' : 'Anna Lindqvist';
    const started = await useCases.startMinutesCorrection({ ...demo.as(chair), meetingId: meeting.id });
    const saved = await useCases.saveMinutesDraft({
      ...demo.as(chair),
      meetingId: meeting.id,
      revision: started.revision,
      draft: {
        items: started.items.map((i) => ({ agendaItemId: i.agendaItemId, notes: i.notes, decision: i.decision })),
        attendance: [],
        actions: [],
      },
    });
    if (saved.kind !== 'saved') throw new Error(`not saved: ${saved.kind}`);
    const revision = saved.minutes.revision;
    await useCases.approveMinutes({ ...demo.as(chair), meetingId: meeting.id, revision });
    await useCases.approveMinutes({ ...demo.as(other), meetingId: meeting.id, revision });
    await useCases.publishMinutes({ ...demo.as(chair), meetingId: meeting.id, revision });
    const before = standIn.stats().requests;
    expect(await useCases.runDuePublications()).toBe(1);
    expect(standIn.stats().requests - before).toBeLessThanOrEqual(4);

    const folder = path.join(dataDir, 'sharepoint', m365(), 'Minnesanteckningar', '2026');
    expect((await readdir(folder)).filter((f) => f.endsWith('.docx')).sort()).toEqual([
      `2026-02-11 ${meeting.title} (version 2).docx`,
      `2026-02-11 ${meeting.title}.docx`,
    ]);
    const mails = await sentMails();
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject).filter((subject) => subject.startsWith('Rättelse'))).toHaveLength(1);
    const view = await useCases.getMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id });
    expect(view.publication).toMatchObject({ state: 'done', mailed: true, announced: true, documentStored: true });
  });
});
