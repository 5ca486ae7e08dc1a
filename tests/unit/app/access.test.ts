/**
 * One group's data is never visible to another group or tenant: every use case that reads or
 * changes a group refuses a caller from outside it, the same way for a missing id and another's.
 */
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aGroupSeed, fixedClock, sequentialIds } from '../../support/group-seed-mother';
import { fakePorts } from '../../support/fake-messenger';

describe('access between groups and tenants', () => {
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  const clock = fixedClock('2026-03-01T10:00:00Z');
  const ids: Record<string, { groupId: string; strategist: string; delegate: string; proposalId: string }> = {};

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    const people = (suffix: string) =>
      aGroupSeed().people.map((p, i) => ({
        ...p,
        email: `${suffix}-${p.email}`,
        aadObjectId: `00000000-0000-4000-8000-${suffix}${String(i).padStart(11, '0')}`,
      }));
    const groups = [
      { key: 'a', tenant: 'tenant-1', name: 'Grupp A' },
      { key: 'b', tenant: 'tenant-1', name: 'Grupp B' },
      { key: 'c', tenant: 'tenant-2', name: 'Grupp A' },
    ];
    for (const g of groups) {
      const seed = aGroupSeed({
        tenant: { id: g.tenant, name: g.tenant },
        people: people(g.key === 'a' ? '1' : g.key === 'b' ? '2' : '3'),
      });
      const { groupId } = await seedDemoGroup(
        { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(g.key) },
        { ...seed, group: { ...seed.group, name: g.name, teamId: null } },
        [2026],
      );
      const all = await migrated.storage.repositories.people.listByGroup(g.tenant, groupId);
      const strategist = all.find((p) => p.name === 'Anna Strateg')!.id;
      const delegate = all.find((p) => p.name === 'Sara Delegat')!.id;
      const form = await useCases.openProposalForm({ tenantId: g.tenant, personId: delegate });
      const submitted = await useCases.submitProposal({
        tenantId: g.tenant,
        personId: delegate,
        groupId,
        proposalId: null,
        submissionKey: `key-${g.key}`,
        draft: { ...form.values, title: `Förslag ${g.key}`, kind: 'diskussion' },
      });
      if (submitted.kind !== 'stored') throw new Error('seeding a proposal failed');
      ids[g.key] = { groupId, strategist, delegate, proposalId: submitted.proposal.id };
    }
  });
  afterAll(() => migrated.db.close());

  const forbidden = expect.objectContaining({ code: 'forbidden' });

  it("refuses another group's overview and proposals in the same tenant", async () => {
    const a = ids.a!;
    const b = ids.b!;
    await expect(useCases.getGroupOverview({ tenantId: 'tenant-1', personId: a.strategist, groupId: b.groupId })).rejects.toEqual(
      forbidden,
    );
    await expect(useCases.listGroupProposals({ tenantId: 'tenant-1', personId: a.strategist, groupId: b.groupId })).rejects.toEqual(
      forbidden,
    );
    await expect(useCases.getProposal({ tenantId: 'tenant-1', personId: a.strategist, proposalId: b.proposalId })).rejects.toEqual(
      forbidden,
    );
    await expect(
      useCases.decideProposal({ tenantId: 'tenant-1', personId: a.strategist, proposalId: b.proposalId, decision: 'accept' }),
    ).rejects.toEqual(forbidden);
  });

  it('finds nothing of another tenant, even with its ids', async () => {
    const a = ids.a!;
    const c = ids.c!;
    await expect(useCases.getGroupOverview({ tenantId: 'tenant-1', personId: a.strategist, groupId: c.groupId })).rejects.toEqual(
      forbidden,
    );
    await expect(useCases.getProposal({ tenantId: 'tenant-1', personId: a.strategist, proposalId: c.proposalId })).rejects.toEqual(
      forbidden,
    );
    await expect(useCases.withdrawProposal({ tenantId: 'tenant-1', personId: a.delegate, proposalId: c.proposalId })).rejects.toEqual(
      forbidden,
    );
  });

  it('lets a delegate see their group but not decide, and not touch a fellow member’s proposal', async () => {
    const a = ids.a!;
    await expect(useCases.listGroupProposals({ tenantId: 'tenant-1', personId: a.delegate, groupId: a.groupId })).resolves.toHaveLength(1);
    await expect(
      useCases.decideProposal({ tenantId: 'tenant-1', personId: a.delegate, proposalId: a.proposalId, decision: 'accept' }),
    ).rejects.toEqual(forbidden);
    await expect(useCases.withdrawProposal({ tenantId: 'tenant-1', personId: a.strategist, proposalId: a.proposalId })).rejects.toEqual(
      forbidden,
    );
    expect((await migrated.storage.repositories.proposals.find('tenant-1', a.proposalId))?.status).toBe('submitted');
  });

  it("refuses the kallelse, its answers and its attendance of another group's meeting", async () => {
    const a = ids.a!;
    const b = ids.b!;
    const [bMeeting] = await migrated.storage.repositories.meetings.listByGroup('tenant-1', b.groupId);
    const meetingId = bMeeting!.id;
    await expect(useCases.getKallelse({ tenantId: 'tenant-1', personId: a.delegate, meetingId })).rejects.toEqual(forbidden);
    await expect(useCases.answerRsvp({ tenantId: 'tenant-1', personId: a.delegate, meetingId, answer: 'yes' })).rejects.toEqual(forbidden);
    await expect(useCases.listAttendance({ tenantId: 'tenant-1', personId: a.strategist, meetingId })).rejects.toEqual(forbidden);
    await expect(
      useCases.sendKallelse({ by: { tenantId: 'tenant-1', personId: a.strategist }, tenantId: 'tenant-1', meetingId }),
    ).rejects.toEqual(forbidden);
    await expect(
      useCases.sendCallForProposals({ by: { tenantId: 'tenant-1', personId: a.strategist }, tenantId: 'tenant-1', meetingId }),
    ).rejects.toEqual(forbidden);
    await expect(useCases.answerNothingToPropose({ tenantId: 'tenant-1', personId: a.delegate, meetingId })).rejects.toEqual(forbidden);
    expect(await migrated.storage.repositories.attendance.listByMeeting('tenant-1', meetingId)).toEqual([]);
  });
});
