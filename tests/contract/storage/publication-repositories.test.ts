/**
 * The outboxes behind publishing, on every database: a publication and its mail batches are
 * stored together and kept for good; due work is leased to one taker at a time and comes back
 * when the lease runs out; every change to a meeting asks for its calendar event to follow.
 */
import { SqlError } from '../../../bot/src/adapters/storage/sql-database';
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import { emptyMinutes, publishMinutes } from '../../../bot/src/domain/minutes-review';
import { mailBatches, type Publication } from '../../../bot/src/domain/publication';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, aPerson, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('publication outboxes on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  const at = new Date('2026-03-12T09:00:00.000Z');

  async function aPublishedMeeting() {
    const { tenant, group } = await seedTenantWithGroup(repos);
    const meeting = aMeeting(tenant.id, group.id);
    await repos.meetings.save(meeting);
    const person = aPerson(tenant.id);
    await repos.people.save(person);
    const draft = { ...emptyMinutes(meeting, at), revision: 1 };
    expect(await repos.minutes.insert(draft)).toBe(true);
    const published = publishMinutes(draft, { agenda: [], record: { attendance: [], actions: [] }, personId: person.id, now: at });
    expect(await repos.minutes.saveIfUnchanged(published, 1)).toBe(true);
    const recipients = [{ personId: person.id, name: person.name, email: person.email }];
    const publication: Publication = {
      tenantId: tenant.id,
      groupId: group.id,
      meetingId: meeting.id,
      version: 1,
      publishedByPersonId: person.id,
      createdAt: at,
      recipients,
      documentPath: 'Minnesanteckningar/2026/2026-03-12 Möte.docx',
      documentUrl: null,
      documentStoredAt: null,
      mailedAt: null,
      announcedAt: null,
      completedAt: null,
      attempts: 0,
      lastError: null,
      nextAttemptAt: at,
    };
    await repos.publications.create(publication, mailBatches(recipients, `${meeting.id}/v1`));
    return { tenant, group, meeting, person, publication };
  }

  it('stores a publication with its batches and leases it to one taker until the lease runs out', async () => {
    const { publication } = await aPublishedMeeting();
    const key = [publication.tenantId, publication.meetingId, 1] as const;
    expect(await repos.publications.find(...key)).toEqual(publication);
    expect(await repos.publications.listMailBatches(...key)).toEqual([
      {
        batch: 1,
        recipients: publication.recipients,
        marker: `${publication.meetingId}/v1:1`,
        state: 'pending',
        sendingAt: null,
        sentAt: null,
      },
    ]);

    const now = new Date(at.getTime() + 1_000);
    const leaseUntil = new Date(now.getTime() + 60_000);
    const first = await repos.publications.leaseDue(now, leaseUntil, 100);
    expect(first.map((p) => p.meetingId)).toContain(publication.meetingId);
    // Leased: a second taker (another instance) gets nothing of it until the lease has run out.
    expect((await repos.publications.leaseDue(now, leaseUntil, 100)).map((p) => p.meetingId)).not.toContain(publication.meetingId);
    const later = new Date(leaseUntil.getTime() + 1);
    const secondLease = new Date(later.getTime() + 60_000);
    expect((await repos.publications.leaseDue(later, secondLease, 100)).map((p) => p.meetingId)).toContain(publication.meetingId);

    // The first taker's lease was taken over: whatever it writes now is refused.
    const batch = (await repos.publications.listMailBatches(...key))[0]!;
    expect(await repos.publications.saveMailBatch(...key, { ...batch, state: 'sending', sendingAt: now }, leaseUntil)).toBe(false);
    expect(await repos.publications.save({ ...publication, attempts: 9 }, { held: leaseUntil, renewTo: null })).toBe(false);
    expect(await repos.publications.find(...key)).toEqual(publication);
    expect((await repos.publications.listMailBatches(...key))[0]).toMatchObject({ state: 'pending', sendingAt: null });

    // Progress and completion by the holder; a completed publication is never due again.
    expect(await repos.publications.saveMailBatch(...key, { ...batch, state: 'sent', sendingAt: later, sentAt: later }, secondLease)).toBe(
      true,
    );
    const done = {
      ...publication,
      documentUrl: 'https://example.sharepoint.com/x.docx',
      documentStoredAt: later,
      mailedAt: later,
      announcedAt: later,
      completedAt: later,
    };
    expect(await repos.publications.save(done, { held: secondLease, renewTo: null })).toBe(true);
    expect(await repos.publications.find(...key)).toEqual(done);
    const much = new Date(later.getTime() + 3_600_000);
    expect((await repos.publications.leaseDue(much, much, 100)).map((p) => p.meetingId)).not.toContain(publication.meetingId);
    expect((await repos.publications.listMailBatches(...key))[0]).toMatchObject({ state: 'sent', sentAt: later });
  });

  it('keeps publications for good and refuses a batch marked sent without a time', async () => {
    const { publication } = await aPublishedMeeting();
    const deleting = opened.db.query('DELETE FROM publication WHERE meeting_id = $1', [publication.meetingId]);
    await expect(deleting).rejects.toBeInstanceOf(SqlError);
    await expect(
      opened.db.query("UPDATE publication_mail SET state = 'sent' WHERE meeting_id = $1", [publication.meetingId]),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await repos.publications.find(publication.tenantId, publication.meetingId, 1)).not.toBeNull();
  });

  it('asks for a calendar update on every stored change of a meeting, and leases it once', async () => {
    const { tenant, group } = await seedTenantWithGroup(repos);
    const meeting = aMeeting(tenant.id, group.id);
    await repos.meetings.save(meeting);
    const created = await repos.meetingCalendar.find(tenant.id, meeting.id);
    expect(created).toMatchObject({ eventId: null, syncedAt: null, attempts: 0 });

    const now = new Date();
    const [leased] = (await repos.meetingCalendar.leaseDue(now, new Date(now.getTime() + 60_000), 1000)).filter(
      (r) => r.meetingId === meeting.id,
    );
    expect(leased).toBeDefined();
    expect((await repos.meetingCalendar.leaseDue(now, now, 1000)).some((r) => r.meetingId === meeting.id)).toBe(false);
    await repos.meetingCalendar.save({ ...leased!, eventId: 'event-1', syncedAt: leased!.wantedAt });
    expect((await repos.meetingCalendar.leaseDue(now, now, 1000)).some((r) => r.meetingId === meeting.id)).toBe(false);

    // Saving the same meeting again changes nothing; moving it asks again.
    await repos.meetings.save(meeting);
    expect((await repos.meetingCalendar.find(tenant.id, meeting.id))!.wantedAt).toEqual(leased!.wantedAt);
    await repos.meetings.save({ ...meeting, place: 'Kommunhuset' });
    const moved = await repos.meetingCalendar.find(tenant.id, meeting.id);
    expect(moved!.wantedAt.getTime()).toBeGreaterThan(leased!.wantedAt.getTime());
    expect(moved!.eventId).toBe('event-1');
    expect((await repos.meetingCalendar.leaseDue(now, now, 1000)).some((r) => r.meetingId === meeting.id)).toBe(true);
  });

  it('records a re-report once: a second press keeps the first time', async () => {
    const { tenant, group, meeting, person } = await aPublishedMeeting();
    expect(await repos.reReports.find(tenant.id, meeting.id, person.id)).toBeNull();
    expect(await repos.reReports.record(tenant.id, group.id, meeting.id, person.id, at)).toEqual(at);
    expect(await repos.reReports.record(tenant.id, group.id, meeting.id, person.id, new Date(at.getTime() + 5000))).toEqual(at);
    expect(await repos.reReports.listByMeeting(tenant.id, meeting.id)).toEqual([{ personId: person.id, reportedAt: at }]);
  });
});
