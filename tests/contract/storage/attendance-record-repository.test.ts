/** Attendance read as a record of who came (answers and presence together), against every database. */
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, aPerson, anAttendance, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('attendance records on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  async function seed() {
    const { tenant, group } = await seedTenantWithGroup(repos);
    const meetings = [aMeeting(tenant.id, group.id), aMeeting(tenant.id, group.id), aMeeting(tenant.id, group.id)];
    for (const meeting of meetings) await repos.meetings.save(meeting);
    // Ids in an order that byte order and language collations disagree on.
    const people = ['b', 'A', 'c'].map((prefix) => aPerson(tenant.id, { id: `${prefix}-${tenant.id}` }));
    for (const person of people) await repos.people.save(person);
    return { tenant, group, meetings, people };
  }

  /** Presence and whom someone stood in for, as the minutes note them (no repository writes them yet). */
  const notePresence = (
    tenantId: string,
    groupId: string,
    meetingId: string,
    personId: string,
    present: boolean,
    substituteFor: string | null,
  ) =>
    opened.db.query(
      `INSERT INTO attendance (tenant_id, group_id, meeting_id, person_id, present, substitute_for_person_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, meeting_id, person_id) DO UPDATE SET present = excluded.present,
         substitute_for_person_id = excluded.substitute_for_person_id`,
      [tenantId, groupId, meetingId, personId, present, substituteFor],
    );

  it('lists answers and presence of the meetings asked for, rows without an answer too', async () => {
    const { tenant, group, meetings, people } = await seed();
    const [m1, m2, m3] = meetings.map((m) => m.id) as [string, string, string];
    const [b, a, c] = people.map((p) => p.id) as [string, string, string];
    await repos.attendance.save(anAttendance(tenant.id, group.id, m1, b, { rsvp: 'no' }));
    await notePresence(tenant.id, group.id, m1, b, true, null);
    await notePresence(tenant.id, group.id, m1, a, true, c);
    await repos.attendance.save(anAttendance(tenant.id, group.id, m2, c, { rsvp: 'substitute', substituteName: 'Vera Vikarie' }));
    await repos.attendance.save(anAttendance(tenant.id, group.id, m3, c, { rsvp: 'yes' }));

    const listed = await repos.attendanceRecords.listByMeetings(tenant.id, [m1, m2]);
    const byMeeting = (meetingId: string) => listed.filter((r) => r.meetingId === meetingId);
    expect(byMeeting(m1)).toEqual([
      { meetingId: m1, personId: a, rsvp: null, present: true, substituteForPersonId: c },
      { meetingId: m1, personId: b, rsvp: 'no', present: true, substituteForPersonId: null },
    ]);
    expect(byMeeting(m2)).toEqual([{ meetingId: m2, personId: c, rsvp: 'substitute', present: null, substituteForPersonId: null }]);
    expect(listed).toHaveLength(3); // nothing of m3
  });

  it("never shows another tenant's rows, and answers an empty list with none", async () => {
    const mine = await seed();
    const theirs = await seed();
    const meetingId = mine.meetings[0]!.id;
    await repos.attendance.save(anAttendance(mine.tenant.id, mine.group.id, meetingId, mine.people[0]!.id));
    expect(await repos.attendanceRecords.listByMeetings(theirs.tenant.id, [meetingId])).toEqual([]);
    expect(await repos.attendanceRecords.listByMeetings(mine.tenant.id, [])).toEqual([]);
    expect(await repos.attendanceRecords.listByMeetings(mine.tenant.id, [meetingId])).toHaveLength(1);
  });
});
