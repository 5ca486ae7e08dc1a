/**
 * *Medlemmar*: every member reads the group's people, organisations and roles, with the warnings
 * about förvaltningar that lack a delegate or were missing from the last two meetings held.
 */
import { listMembers } from '../../../bot/src/app/list-members';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../../support/group-seed-mother';

describe('listing the members of a group', () => {
  let migrated: MigratedStorage;
  let repos: Repositories;
  // The seed's meetings: 2026-02-11, 05-13, 09-09, 11-11, 13:00 for two hours.
  const clock = fixedClock('2026-10-01T08:00:00Z');
  let groupId = '';
  let otherGroupId = '';
  const person: Record<string, string> = {};
  const meeting: Record<string, string> = {};

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    repos = migrated.storage.repositories;
    const seed = aGroupSeed();
    groupId = (
      await seedDemoGroup(
        { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') },
        {
          ...seed,
          organisations: [...seed.organisations, { key: 'tep', name: 'Trollhättan Energi AB', kind: 'bolag' }],
          people: [
            ...seed.people,
            { name: 'Bo Bolag', email: 'bo@test.example', aadObjectId: null, organisation: 'tep', role: 'delegate' },
            { name: 'Gun Gäst', email: 'gun@test.example', aadObjectId: null, organisation: null, role: 'guest' },
          ],
        },
        [2026],
      )
    ).groupId;
    otherGroupId = (
      await seedDemoGroup(
        { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('other') },
        {
          ...seed,
          group: { ...seed.group, name: 'Annan grupp', teamId: null },
          people: [{ name: 'Olle Annan', email: 'olle@test.example', aadObjectId: null, organisation: 'utb', role: 'delegate' }],
        },
        [], // no meetings: a group without two strategists cannot plan a year
      )
    ).groupId;
    for (const p of await repos.people.listByGroup(TENANT, groupId)) person[p.name] = p.id;
    for (const p of await repos.people.listByGroup(TENANT, otherGroupId)) person[p.name] = p.id;
    for (const m of await repos.meetings.listByGroup(TENANT, groupId)) meeting[m.startsAt.toISOString().slice(0, 7)] = m.id;
  });
  afterAll(() => migrated.db.close());

  const as = (name: string) => ({ tenantId: TENANT, personId: person[name]! });
  const list = (name: string, group = groupId) => listMembers({ repositories: repos, clock }, { ...as(name), groupId: group });
  /** Presence as the minutes note it. */
  const note = (meetingId: string, name: string, presence: 'present' | 'absent' | 'substitute', forName?: string) =>
    repos.presence.record(TENANT, groupId, meetingId, [
      { personId: person[name]!, presence, substituteForPersonId: forName ? person[forName]! : null },
    ]);
  const answer = (meetingId: string, name: string, rsvp: 'yes' | 'no') =>
    repos.attendance.save({
      tenantId: TENANT,
      groupId,
      meetingId,
      personId: person[name]!,
      rsvp,
      substituteName: null,
      updatedAt: clock.now(),
    });

  it('shows any member the people by name, with mail, organisation and role, and the organisations förvaltningar first', async () => {
    const overview = await list('Sara Delegat');
    expect(overview.group).toEqual({ id: groupId, name: 'Hållbarhetsgruppen' });
    expect(overview.people.map((p) => [p.name, p.email, p.organisationName, p.role])).toEqual([
      ['Anna Strateg', 'anna@test.example', 'Kommunstyrelsens förvaltning', 'strategist'],
      ['Bo Bolag', 'bo@test.example', 'Trollhättan Energi AB', 'delegate'],
      ['Erik Strateg', 'erik@test.example', 'Kommunstyrelsens förvaltning', 'strategist'],
      ['Gun Gäst', 'gun@test.example', null, 'guest'],
      ['Sara Delegat', 'sara@test.example', 'Utbildningsförvaltningen', 'delegate'],
    ]);
    expect(overview.organisations.map((o) => [o.name, o.kind])).toEqual([
      ['Kommunstyrelsens förvaltning', 'forvaltning'],
      ['Utbildningsförvaltningen', 'forvaltning'],
      ['Trollhättan Energi AB', 'bolag'],
    ]);
    // The strategists' förvaltning has no delegate; the bolag's delegate is there, and nothing is recorded yet.
    expect(overview.warnings).toEqual([
      { kind: 'no-delegate', organisationId: overview.organisations[0]!.id, organisationName: 'Kommunstyrelsens förvaltning' },
    ]);
  });

  it('warns of a förvaltning missing from the last two meetings, by presence where noted and by answers otherwise', async () => {
    // May: presence noted — the strategists came, Sara did not. September: only answers — Sara said no.
    await note(meeting['2026-05']!, 'Anna Strateg', 'present');
    await note(meeting['2026-05']!, 'Sara Delegat', 'absent');
    await answer(meeting['2026-09']!, 'Erik Strateg', 'yes');
    await answer(meeting['2026-09']!, 'Sara Delegat', 'no');
    // February does not count any more: Sara was there, but it is not one of the last two.
    await note(meeting['2026-02']!, 'Sara Delegat', 'present');

    const { warnings } = await list('Anna Strateg');
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'no-delegate', organisationName: 'Kommunstyrelsens förvaltning' }),
      {
        kind: 'unrepresented',
        organisationId: expect.any(String),
        organisationName: 'Utbildningsförvaltningen',
        meetings: [
          { id: meeting['2026-09'], title: expect.any(String), startsAt: new Date('2026-09-09T11:00:00Z') },
          { id: meeting['2026-05'], title: expect.any(String), startsAt: new Date('2026-05-13T11:00:00Z') },
        ],
      },
    ]);

    // Sara's "kommer" in September ends the warning.
    await answer(meeting['2026-09']!, 'Sara Delegat', 'yes');
    expect((await list('Anna Strateg')).warnings.map((w) => w.kind)).toEqual(['no-delegate']);

    // So does someone noted in May as there in Sara's place.
    await answer(meeting['2026-09']!, 'Sara Delegat', 'no');
    expect((await list('Anna Strateg')).warnings.map((w) => w.kind)).toEqual(['no-delegate', 'unrepresented']);
    await note(meeting['2026-05']!, 'Gun Gäst', 'substitute', 'Sara Delegat');
    expect((await list('Anna Strateg')).warnings.map((w) => w.kind)).toEqual(['no-delegate']);
  });

  it('refuses a member of another group, and a group that does not exist, the same way', async () => {
    await expect(list('Olle Annan')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(list('Sara Delegat', otherGroupId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(list('Sara Delegat', 'no-such-group')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      listMembers({ repositories: repos, clock }, { tenantId: 'other-tenant', personId: person['Sara Delegat']!, groupId }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
