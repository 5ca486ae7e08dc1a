/** Answers to a kallelse (Kommer / Kommer inte / Ersättare kommer) against every database. */
import { loadMigrations, migrate } from '../../../bot/src/adapters/storage/migrate';
import { SqlError } from '../../../bot/src/adapters/storage/sql-database';
import { createSqlRepositories } from '../../../bot/src/adapters/storage/sql-repositories';
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import { SUBSTITUTE_NAME_MAX, type Attendance } from '../../../bot/src/domain/attendance';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, aPerson, anAttendance, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('attendance on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  /** A tenant, a group, a meeting and three members. */
  async function seed(r: Repositories = repos) {
    const { tenant, group } = await seedTenantWithGroup(r);
    const meeting = aMeeting(tenant.id, group.id);
    await r.meetings.save(meeting);
    const people = [aPerson(tenant.id), aPerson(tenant.id), aPerson(tenant.id)];
    for (const person of people) await r.people.save(person);
    return { tenant, group, meeting, people };
  }

  async function errorOf(promise: Promise<unknown>): Promise<SqlError> {
    const error: unknown = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SqlError);
    return error as SqlError;
  }

  it.each<[string, Pick<Attendance, 'rsvp' | 'substituteName'>]>([
    ['Kommer', { rsvp: 'yes', substituteName: null }],
    ['Kommer inte', { rsvp: 'no', substituteName: null }],
    ['Ersättare kommer', { rsvp: 'substitute', substituteName: 'Bertil Berg' }],
  ])('round-trips "%s" with its time', async (_label, answer) => {
    const { tenant, group, meeting, people } = await seed();
    const attendance = anAttendance(tenant.id, group.id, meeting.id, people[0]!.id, {
      ...answer,
      updatedAt: new Date('2026-03-02T10:15:30.123Z'),
    });
    await repos.attendance.save(attendance);

    const found = await repos.attendance.find(tenant.id, meeting.id, people[0]!.id);
    expect(found).toEqual(attendance);
    expect(found?.updatedAt).toBeInstanceOf(Date);
    expect(found?.updatedAt.getTime()).toBe(Date.UTC(2026, 2, 2, 10, 15, 30, 123));
    expect(await repos.attendance.listByMeeting(tenant.id, meeting.id)).toEqual([attendance]);
    expect(await repos.attendance.find(tenant.id, meeting.id, people[1]!.id)).toBeNull();
  });

  it('replaces an answer by (tenant, meeting, person), keeping what was recorded at the meeting', async () => {
    const { tenant, group, meeting, people } = await seed();
    const [anna, bo] = people.map((p) => p.id) as [string, string, string];
    await repos.attendance.save(anAttendance(tenant.id, group.id, meeting.id, anna, { rsvp: 'no' }));
    // Presence and whom Anna stood in for are written elsewhere; an answer must not touch them.
    await opened.db.query('UPDATE attendance SET present = true, substitute_for_person_id = $3 WHERE tenant_id = $1 AND person_id = $2', [
      tenant.id,
      anna,
      bo,
    ]);

    const withSubstitute = anAttendance(tenant.id, group.id, meeting.id, anna, {
      rsvp: 'substitute',
      substituteName: 'Cecilia Ceder',
      updatedAt: new Date('2026-03-03T08:00:00.000Z'),
    });
    await repos.attendance.save(withSubstitute);
    expect(await repos.attendance.find(tenant.id, meeting.id, anna)).toEqual(withSubstitute);

    // Back to "Kommer": the substitute's name goes with the old answer.
    const coming = anAttendance(tenant.id, group.id, meeting.id, anna, { rsvp: 'yes', updatedAt: new Date('2026-03-04T08:00:00.000Z') });
    await repos.attendance.save(coming);
    expect(await repos.attendance.listByMeeting(tenant.id, meeting.id)).toEqual([coming]);

    const rows = await opened.db.query<{ present: boolean | null; substitute_for_person_id: string | null }>(
      'SELECT present, substitute_for_person_id FROM attendance WHERE tenant_id = $1',
      [tenant.id],
    );
    expect(rows).toEqual([{ present: true, substitute_for_person_id: bo }]);
  });

  it('lists oldest answer first, then by person id in byte order', async () => {
    const { tenant, group, meeting } = await seed();
    // "B…" sorts before "a…" in byte order but after it in most language collations.
    const upper = aPerson(tenant.id, { id: `B-${tenant.id}` });
    const lower = aPerson(tenant.id, { id: `a-${tenant.id}` });
    const early = aPerson(tenant.id, { id: `z-${tenant.id}` });
    for (const person of [upper, lower, early]) await repos.people.save(person);
    const at = (hour: number) => new Date(Date.UTC(2026, 2, 2, hour));
    await repos.attendance.save(anAttendance(tenant.id, group.id, meeting.id, lower.id, { updatedAt: at(10) }));
    await repos.attendance.save(anAttendance(tenant.id, group.id, meeting.id, upper.id, { updatedAt: at(10) }));
    await repos.attendance.save(anAttendance(tenant.id, group.id, meeting.id, early.id, { updatedAt: at(9) }));

    const listed = await repos.attendance.listByMeeting(tenant.id, meeting.id);
    expect(listed.map((a) => a.personId)).toEqual([early.id, upper.id, lower.id]);
  });

  it('refuses a substitute without a name, a name without a substitute, and unknown answers', async () => {
    const { tenant, group, meeting, people } = await seed();
    const person = people[0]!.id;
    const refused = async (overrides: Partial<Attendance>) =>
      errorOf(repos.attendance.save({ ...anAttendance(tenant.id, group.id, meeting.id, person), ...overrides }));

    const noName = await refused({ rsvp: 'substitute', substituteName: null });
    expect(noName.code).toBe('23514');
    expect(noName.constraint).toBe('attendance_substitute_name_when_substitute');
    const nameOnYes = await refused({ rsvp: 'yes', substituteName: 'Bertil Berg' });
    expect(nameOnYes.code).toBe('23514');
    expect(nameOnYes.constraint).toBe('attendance_substitute_name_when_substitute');
    expect((await refused({ rsvp: 'no', substituteName: 'Bertil Berg' })).code).toBe('23514');
    expect((await refused({ rsvp: 'substitute', substituteName: '' })).constraint).toBe('attendance_substitute_name_length');
    const maybe = await refused({ rsvp: 'maybe' } as unknown as Partial<Attendance>);
    expect(maybe.code).toBe('23514');
    expect(maybe.constraint).toBe('attendance_rsvp_check');
    // A row without an answer cannot carry a name either.
    const nullAnswer = await errorOf(
      opened.db.query(
        `INSERT INTO attendance (tenant_id, group_id, meeting_id, person_id, rsvp, substitute_name) VALUES ($1, $2, $3, $4, NULL, 'Bertil')`,
        [tenant.id, group.id, meeting.id, person],
      ),
    );
    expect(nullAnswer.constraint).toBe('attendance_substitute_name_when_substitute');
    expect(await repos.attendance.listByMeeting(tenant.id, meeting.id)).toEqual([]);
  });

  it(`takes a substitute name of ${SUBSTITUTE_NAME_MAX} characters, not ${SUBSTITUTE_NAME_MAX + 1}`, async () => {
    const { tenant, group, meeting, people } = await seed();
    const substitute = (personId: string, substituteName: string) =>
      anAttendance(tenant.id, group.id, meeting.id, personId, { rsvp: 'substitute', substituteName });
    // Characters, not bytes: "å" is two bytes and "😀" four in UTF-8; the domain counts code points too.
    const longest = substitute(people[0]!.id, 'å'.repeat(SUBSTITUTE_NAME_MAX));
    const longestEmoji = substitute(people[1]!.id, '😀'.repeat(SUBSTITUTE_NAME_MAX));
    await repos.attendance.save(longest);
    await repos.attendance.save(longestEmoji);
    expect(await repos.attendance.find(tenant.id, meeting.id, people[0]!.id)).toEqual(longest);
    expect(await repos.attendance.find(tenant.id, meeting.id, people[1]!.id)).toEqual(longestEmoji);

    const tooLong = await errorOf(repos.attendance.save(substitute(people[2]!.id, 'a'.repeat(SUBSTITUTE_NAME_MAX + 1))));
    expect(tooLong.code).toBe('23514');
    expect(tooLong.constraint).toBe('attendance_substitute_name_length');
    expect(await repos.attendance.find(tenant.id, meeting.id, people[2]!.id)).toBeNull();
  });

  it('keeps tenants apart: reads name the tenant, and rows cannot point into another tenant', async () => {
    const mine = await seed();
    const other = await seed();
    const person = mine.people[0]!.id;
    const answer = anAttendance(mine.tenant.id, mine.group.id, mine.meeting.id, person);
    await repos.attendance.save(answer);
    await repos.attendance.save(anAttendance(other.tenant.id, other.group.id, other.meeting.id, other.people[0]!.id, { rsvp: 'no' }));

    expect(await repos.attendance.find(other.tenant.id, mine.meeting.id, person)).toBeNull();
    expect(await repos.attendance.listByMeeting(other.tenant.id, mine.meeting.id)).toEqual([]);
    expect(await repos.attendance.listByMeeting(mine.tenant.id, mine.meeting.id)).toEqual([answer]);
    expect(await repos.attendance.listByMeeting(mine.tenant.id, other.meeting.id)).toEqual([]);

    // A person or a meeting of another tenant.
    const foreignPerson = anAttendance(mine.tenant.id, mine.group.id, mine.meeting.id, other.people[1]!.id);
    expect((await errorOf(repos.attendance.save(foreignPerson))).code).toBe('23503');
    const foreignMeeting = anAttendance(mine.tenant.id, mine.group.id, other.meeting.id, person);
    expect((await errorOf(repos.attendance.save(foreignMeeting))).code).toBe('23503');
    // Saving under the other tenant with the same meeting and person ids does not replace mine.
    expect((await errorOf(repos.attendance.save({ ...answer, tenantId: other.tenant.id, rsvp: 'no' }))).code).toBe('23503');
    expect(await repos.attendance.find(mine.tenant.id, mine.meeting.id, person)).toEqual(answer);
  });

  it('migrates again without applying anything or losing answers', async () => {
    const { tenant, group, meeting, people } = await seed();
    const answer = anAttendance(tenant.id, group.id, meeting.id, people[0]!.id, { rsvp: 'substitute', substituteName: 'Bertil Berg' });
    await repos.attendance.save(answer);
    expect(await migrate(opened.db)).toEqual([]);
    expect(await repos.attendance.find(tenant.id, meeting.id, people[0]!.id)).toEqual(answer);
  });

  it('turns an old "maybe" into no answer when 004 is applied', async () => {
    const db = await target.open();
    try {
      const all = loadMigrations();
      expect(
        await migrate(
          db,
          all.filter((m) => m.name < '004'),
        ),
      ).not.toContain('004_rsvp.sql');
      const r = createSqlRepositories(db);
      const { tenant, group, meeting, people } = await seed(r);
      const [anna, bo] = people.map((p) => p.id) as [string, string, string];
      await db.query(
        `INSERT INTO attendance (tenant_id, group_id, meeting_id, person_id, rsvp, present)
         VALUES ($1, $2, $3, $4, 'maybe', true), ($1, $2, $3, $5, 'yes', NULL)`,
        [tenant.id, group.id, meeting.id, anna, bo],
      );

      expect(await migrate(db, all)).toContain('004_rsvp.sql');
      const rows = await db.query<{ person_id: string; rsvp: string | null; present: boolean | null; substitute_name: string | null }>(
        'SELECT person_id, rsvp, present, substitute_name FROM attendance WHERE tenant_id = $1 ORDER BY rsvp NULLS FIRST',
        [tenant.id],
      );
      expect(rows).toEqual([
        { person_id: anna, rsvp: null, present: true, substitute_name: null },
        { person_id: bo, rsvp: 'yes', present: null, substitute_name: null },
      ]);
      // A row without an answer is not an answer.
      expect(await r.attendance.find(tenant.id, meeting.id, anna)).toBeNull();
      expect((await r.attendance.listByMeeting(tenant.id, meeting.id)).map((a) => a.personId)).toEqual([bo]);
      expect(await migrate(db, all)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
