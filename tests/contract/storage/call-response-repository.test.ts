/** Answers to a call for proposals ("nothing to propose") against every database. */
import { SqlError } from '../../../bot/src/adapters/storage/sql-database';
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import type { CallResponse } from '../../../bot/src/domain/call-response';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aCallResponse, aGroup, aMeeting, aPerson, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('call responses on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  /** A tenant, a group, a meeting and three members. */
  async function seed() {
    const { tenant, group } = await seedTenantWithGroup(repos);
    const meeting = aMeeting(tenant.id, group.id);
    await repos.meetings.save(meeting);
    const people = [aPerson(tenant.id), aPerson(tenant.id), aPerson(tenant.id)];
    for (const person of people) await repos.people.save(person);
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

  it('round-trips an answer with its time', async () => {
    const { tenant, group, meeting, people } = await seed();
    const response = aCallResponse(tenant.id, group.id, meeting.id, people[0]!.id, { at: new Date('2026-02-12T09:30:15.321Z') });
    await repos.callResponses.save(response);
    const [found] = await repos.callResponses.listByMeeting(tenant.id, meeting.id);
    expect(found).toEqual(response);
    expect(found?.at).toBeInstanceOf(Date);
    expect(found?.at.getTime()).toBe(Date.UTC(2026, 1, 12, 9, 30, 15, 321));
  });

  it('replaces an answer by (tenant, meeting, person) and lists oldest first', async () => {
    const { tenant, group, meeting, people } = await seed();
    const [anna, bo, cecilia] = people.map((p) => p.id) as [string, string, string];
    const at = (hour: number) => new Date(Date.UTC(2026, 1, 12, hour));
    await repos.callResponses.save(aCallResponse(tenant.id, group.id, meeting.id, anna, { at: at(9) }));
    await repos.callResponses.save(aCallResponse(tenant.id, group.id, meeting.id, bo, { at: at(8) }));
    await repos.callResponses.save(aCallResponse(tenant.id, group.id, meeting.id, cecilia, { at: at(10) }));
    // Bo answers again later: one row, the new time.
    const boAgain = aCallResponse(tenant.id, group.id, meeting.id, bo, { at: at(11) });
    await repos.callResponses.save(boAgain);

    const listed = await repos.callResponses.listByMeeting(tenant.id, meeting.id);
    expect(listed.map((r) => r.personId)).toEqual([anna, cecilia, bo]);
    expect(listed[2]).toEqual(boAgain);
    const [row] = await opened.db.query<{ count: number }>('SELECT count(*) AS count FROM call_response WHERE tenant_id = $1', [tenant.id]);
    expect(row?.count).toBe(3);
  });

  it('lists only the meeting’s answers in the tenant asked for', async () => {
    const { tenant, group, meeting, people } = await seed();
    const later = aMeeting(tenant.id, group.id, { startsAt: new Date('2026-05-13T11:00:00.000Z') });
    await repos.meetings.save(later);
    const other = await seed();
    const mine: CallResponse = aCallResponse(tenant.id, group.id, meeting.id, people[0]!.id);
    await repos.callResponses.save(mine);
    await repos.callResponses.save(aCallResponse(tenant.id, group.id, later.id, people[1]!.id));
    await repos.callResponses.save(aCallResponse(other.tenant.id, other.group.id, other.meeting.id, other.people[0]!.id));

    expect(await repos.callResponses.listByMeeting(tenant.id, meeting.id)).toEqual([mine]);
    expect(await repos.callResponses.listByMeeting(other.tenant.id, meeting.id)).toEqual([]);
    expect(await repos.callResponses.listByMeeting(tenant.id, 'no-such-meeting')).toEqual([]);
  });

  it('refuses an answer that points into another tenant or group, or another answer', async () => {
    const { tenant, group, meeting, people } = await seed();
    const other = await seed();
    const person = people[0]!.id;
    // A person of another tenant.
    expect((await errorOf(repos.callResponses.save(aCallResponse(tenant.id, group.id, meeting.id, other.people[0]!.id)))).code).toBe(
      '23503',
    );
    // A meeting of another tenant.
    expect((await errorOf(repos.callResponses.save(aCallResponse(tenant.id, group.id, other.meeting.id, person)))).code).toBe('23503');
    // A group of the same tenant that is not the meeting's.
    const strayGroup = aGroup(tenant.id, { name: 'Sociala hållbarhetsgruppen' });
    await repos.groups.save(strayGroup);
    expect((await errorOf(repos.callResponses.save(aCallResponse(tenant.id, strayGroup.id, meeting.id, person)))).code).toBe('23503');
    // An answer the schema does not know.
    const unknown = { ...aCallResponse(tenant.id, group.id, meeting.id, person), answer: 'maybe' } as unknown as CallResponse;
    expect((await errorOf(repos.callResponses.save(unknown))).code).toBe('23514');
    expect(await repos.callResponses.listByMeeting(tenant.id, meeting.id)).toEqual([]);
  });
});
