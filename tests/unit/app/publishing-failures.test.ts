/**
 * How publishing and the calendar behave when a part fails, with fakes for Graph: an event once
 * created is never forgotten when the agenda document fails after it, so a cancellation still
 * reaches everyone; a group whose Microsoft 365 group is not known yet still gets its mail and
 * cards, and the document waits; two runners at once send nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { DocumentStore, GroupCalendar, MinutesMail, MinutesMailer } from '../../../bot/src/app/ports/publishing';
import { createUseCases } from '../../../bot/src/app/use-cases';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { fixedClock } from '../../support/group-seed-mother';

class FakeCalendar implements GroupCalendar {
  readonly puts: (string | null)[] = [];
  readonly cancelled: string[] = [];
  async put(eventId: string | null): Promise<string> {
    this.puts.push(eventId);
    return eventId ?? `event-${this.puts.length}`;
  }
  async cancel(eventId: string): Promise<void> {
    this.cancelled.push(eventId);
  }
}

class FakeDocuments implements DocumentStore {
  failing = false;
  readonly stored: string[] = [];
  async put(_group: string, path: string) {
    if (this.failing) throw new Error('503 serviceNotAvailable');
    this.stored.push(path);
    return { webUrl: `https://kommun.sharepoint.com/${encodeURI(path)}` };
  }
}

class FakeMinutesMailer implements MinutesMailer {
  readonly sent: MinutesMail[] = [];
  async sendMinutes(mail: MinutesMail): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 5)); // long enough for a second runner to try
    this.sent.push(mail);
  }
  async wasSent(marker: string): Promise<boolean> {
    return this.sent.some((m) => m.marker === marker);
  }
}

describe('publishing when parts fail', () => {
  const clock = fixedClock('2026-03-01T10:00:00Z');
  let demo: DemoGroup;
  const calendar = new FakeCalendar();
  const documents = new FakeDocuments();
  const mailer = new FakeMinutesMailer();
  let useCases: ReturnType<typeof createUseCases>;
  let second: ReturnType<typeof createUseCases>;

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    const deps = {
      repositories: demo.migrated.storage.repositories,
      unitOfWork: demo.migrated.storage.unitOfWork,
      clock,
      ids: randomUUID,
      ...fakePorts(clock),
      publishing: {
        documents,
        renderer: { minutes: async () => new Uint8Array([1]), kallelse: async () => new Uint8Array([2]) },
        minutesMailer: mailer,
        calendar,
      },
    };
    useCases = createUseCases(deps);
    second = createUseCases(deps); // another instance on the same database
    while ((await useCases.runDueCalendarSyncs()) > 0);
  });
  afterAll(() => demo.migrated.db.close());
  const repos = () => demo.migrated.storage.repositories;

  it('keeps the event id when the agenda document fails after the event was made, and cancels that event later', async () => {
    const meeting = (await demo.meetings()).find((m) => m.startsAt.toISOString().startsWith('2026-05'))!;
    const before = (await repos().meetingCalendar.find(demo.tenantId, meeting.id))!;
    expect(before.eventId).not.toBeNull();
    documents.failing = true;
    await repos().meetings.save({ ...meeting, status: 'called', place: 'Kommunhuset' });
    expect(await useCases.runDueCalendarSyncs()).toBe(1);
    const failed = (await repos().meetingCalendar.find(demo.tenantId, meeting.id))!;
    expect(failed).toMatchObject({ eventId: before.eventId, attempts: 1, lastError: expect.stringContaining('503') });
    documents.failing = false;

    await repos().meetings.save({ ...meeting, status: 'cancelled' });
    clock.set('2026-03-01T11:00:00Z');
    while ((await useCases.runDueCalendarSyncs()) > 0);
    expect(calendar.cancelled).toEqual([before.eventId]);
    // Held and minutes_published change nothing Outlook shows: no update is asked for.
    const april = (await demo.meetings()).find((m) => m.startsAt.toISOString().startsWith('2026-04'))!;
    await repos().meetings.save({ ...april, status: 'called' });
    expect(await useCases.runDueCalendarSyncs()).toBe(1);
    await repos().meetings.save({ ...april, status: 'held' });
    await repos().meetings.save({ ...april, status: 'minutes_published' });
    expect(await useCases.runDueCalendarSyncs()).toBe(0);
  });

  it('mails and announces without the Microsoft 365 group, stores the document once it is known, and sends nothing twice with two runners', async () => {
    const group = (await repos().groups.find(demo.tenantId, demo.groupId))!;
    await repos().groups.save({ ...group, m365GroupId: null });
    const meeting = (await demo.meetings()).find((m) => m.startsAt.toISOString().startsWith('2026-02'))!;
    const chair = [...demo.people].find(([, id]) => id === meeting.chairPersonId)![0];
    const other = chair === 'Anna Lindqvist' ? 'Erik Johansson' : 'Anna Lindqvist';
    const view = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    const saved = await useCases.saveMinutesDraft({
      ...demo.as(chair),
      meetingId: meeting.id,
      revision: 0,
      draft: { items: [{ agendaItemId: view.items[0]!.agendaItemId, notes: 'Välkomna.', decision: '' }], attendance: [], actions: [] },
    });
    if (saved.kind !== 'saved') throw new Error('not saved');
    await useCases.approveMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: 1 });
    await useCases.approveMinutes({ ...demo.as(other), meetingId: meeting.id, revision: 1 });
    await useCases.publishMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: 1 });

    // Two instances at once: one takes the publication, the other finds nothing to do.
    const ran = await Promise.all([useCases.runDuePublications(), second.runDuePublications()]);
    expect(ran.sort()).toEqual([0, 1]);
    expect(mailer.sent).toHaveLength(1);
    const waiting = (await repos().publications.find(demo.tenantId, meeting.id, 1))!;
    expect(waiting).toMatchObject({ documentStoredAt: null, completedAt: null, attempts: 1 });
    expect(waiting.mailedAt).not.toBeNull();
    expect(waiting.announcedAt).not.toBeNull();
    expect(waiting.lastError).toContain('Microsoft 365 group');

    // The group becomes known: the next attempt stores the document and mails no one again.
    await repos().groups.save({ ...group, m365GroupId: '5e0c1a7d-2b4f-4c8e-9d3a-7f1b6e2c4a90' });
    clock.set('2026-03-01T12:00:00Z');
    expect(await useCases.runDuePublications()).toBe(1);
    expect(documents.stored).toContain(`Minnesanteckningar/2026/2026-02-11 ${meeting.title}.docx`);
    expect(mailer.sent).toHaveLength(1);
    expect((await repos().publications.find(demo.tenantId, meeting.id, 1))!.completedAt).not.toBeNull();
  });
});
