/**
 * Översikt's "Mitt läge": only the caller's own answer, proposals and open actions, newest
 * proposals first, soonest-due action first, and nothing for someone outside the group.
 */
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../../support/group-seed-mother';

describe('my status in a group', () => {
  let migrated: MigratedStorage;
  // Meetings of the seed: 2026-02-11, 05-13, 09-09, 11-11; proposals close 7 days before.
  const clock = fixedClock('2026-04-20T08:00:00Z');
  let useCases: ReturnType<typeof createUseCases>;
  let groupId = '';
  let anna = '';
  let sara = '';
  let mayMeeting = '';
  let febMeeting = '';

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    groupId = (await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') }, aGroupSeed(), [2026]))
      .groupId;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    const repos = migrated.storage.repositories;
    const people = await repos.people.listByGroup(TENANT, groupId);
    anna = people.find((p) => p.name === 'Anna Strateg')!.id;
    sara = people.find((p) => p.name === 'Sara Delegat')!.id;
    const meetings = await repos.meetings.listByGroup(TENANT, groupId);
    mayMeeting = meetings.find((m) => m.startsAt.toISOString().startsWith('2026-05'))!.id;
    febMeeting = meetings.find((m) => m.startsAt.toISOString().startsWith('2026-02'))!.id;

    for (const [title, key] of [
      ['Cykelparkering', 'k1'],
      ['Solceller på skolor', 'k2'],
    ] as const) {
      const stored = await useCases.submitProposal({
        tenantId: TENANT,
        personId: sara,
        groupId,
        proposalId: null,
        submissionKey: key,
        draft: { title, description: '', kind: 'diskussion', organisationId: null, goalIds: [], minutesNeeded: 10, meetingId: mayMeeting },
      });
      expect(stored.kind).toBe('stored');
    }
    await useCases.answerRsvp({ tenantId: TENANT, personId: sara, meetingId: mayMeeting, answer: 'yes' });
    const action = (id: string, title: string, owner: string, dueDate: string | null, status: 'open' | 'done') => ({
      id,
      tenantId: TENANT,
      groupId,
      meetingId: febMeeting,
      agendaItemId: null,
      position: Number(id.slice(-1)),
      title,
      ownerPersonId: owner,
      organisationId: null,
      dueDate,
      status,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    await migrated.storage.unitOfWork.transaction((tx) =>
      tx.actionItems.replaceForMeeting(TENANT, febMeeting, [
        action('act-1', 'Ta fram underlag', sara, '2026-06-01', 'open'),
        action('act-2', 'Boka lokal', sara, '2026-05-01', 'open'),
        action('act-3', 'Redan gjort', sara, '2026-03-01', 'done'),
        action('act-4', 'Annas uppgift', anna, '2026-05-01', 'open'),
      ]),
    );
  });
  afterAll(() => migrated.db.close());

  it('shows the caller their own answer, proposals and open actions', async () => {
    const mine = await useCases.getMyStatus({ tenantId: TENANT, personId: sara, groupId });
    expect(mine.nextMeeting).toEqual({ id: mayMeeting, rsvp: 'yes', substituteName: null });
    expect(mine.proposals.map((p) => [p.title, p.status])).toEqual([
      ['Solceller på skolor', 'submitted'],
      ['Cykelparkering', 'submitted'],
    ]);
    expect(mine.actions.map((a) => a.title)).toEqual(['Boka lokal', 'Ta fram underlag']);
    expect(mine.latestMinutes).toBeNull();
  });

  it('does not show one member another member’s things', async () => {
    const annas = await useCases.getMyStatus({ tenantId: TENANT, personId: anna, groupId });
    expect(annas.nextMeeting).toEqual({ id: mayMeeting, rsvp: null, substituteName: null });
    expect(annas.proposals).toEqual([]);
    expect(annas.actions.map((a) => a.title)).toEqual(['Annas uppgift']);
  });

  it('refuses someone who is not a member of the group', async () => {
    await expect(useCases.getMyStatus({ tenantId: TENANT, personId: 'nobody', groupId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(useCases.getMyStatus({ tenantId: 'other-tenant', personId: sara, groupId })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
