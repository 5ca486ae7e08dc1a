/**
 * Decisions and changes that meet: nothing is silently overwritten, a double click tells no one
 * twice, a deferral goes only to a meeting still to come, and a late proposal stays late.
 */
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../../support/group-seed-mother';

describe('proposal decisions', () => {
  let migrated: MigratedStorage;
  // Meetings of the seed: 2026-02-11, 05-13, 09-09, 11-11; proposals close 7 days before.
  const clock = fixedClock('2026-04-20T08:00:00Z');
  const ports = fakePorts(clock);
  let useCases: ReturnType<typeof createUseCases>;
  let groupId = '';
  let anna = '';
  let sara = '';
  let keys = 0;

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    groupId = (await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') }, aGroupSeed(), [2026]))
      .groupId;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
    });
    const people = await migrated.storage.repositories.people.listByGroup(TENANT, groupId);
    anna = people.find((p) => p.name === 'Anna Strateg')!.id;
    sara = people.find((p) => p.name === 'Sara Delegat')!.id;
    await migrated.storage.repositories.conversations.save({
      tenantId: TENANT,
      conversationId: 'a:sara',
      kind: 'personal',
      personId: sara,
      groupId: null,
      reference: {},
      updatedAt: clock.now(),
    });
  });
  afterAll(() => migrated.db.close());
  afterEach(() => clock.set('2026-04-20T08:00:00Z'));

  async function propose(meetingId: string | null = null) {
    const form = await useCases.openProposalForm({ tenantId: TENANT, personId: sara });
    const result = await useCases.submitProposal({
      tenantId: TENANT,
      personId: sara,
      groupId,
      proposalId: null,
      submissionKey: `k${(keys += 1)}`,
      draft: { ...form.values, title: `Förslag ${keys}`, kind: 'diskussion', meetingId: meetingId ?? form.values.meetingId },
    });
    if (result.kind !== 'stored') throw new Error('not stored');
    return result.proposal;
  }

  it('refuses a decision on a proposal the proposer changed meanwhile, and the other way round', async () => {
    const proposal = await propose();
    const [withdrawn, decided] = await Promise.allSettled([
      useCases.withdrawProposal({ tenantId: TENANT, personId: sara, proposalId: proposal.id }),
      useCases.decideProposal({ tenantId: TENANT, personId: anna, proposalId: proposal.id, decision: 'decline', reason: 'Inte nu' }),
    ]);
    const outcomes = [withdrawn.status, decided.status].sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const rejected = [withdrawn, decided].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: expect.stringMatching(/^(conflict|forbidden)$/) });
    const stored = await migrated.storage.repositories.proposals.find(TENANT, proposal.id);
    expect(stored?.status).toBe(withdrawn.status === 'fulfilled' ? 'withdrawn' : 'declined');
  });

  it('tells the proposer once, however often the same decision is clicked', async () => {
    const proposal = await propose();
    const before = ports.messenger.sent.length;
    await useCases.decideProposal({ tenantId: TENANT, personId: anna, proposalId: proposal.id, decision: 'accept' });
    await useCases.decideProposal({ tenantId: TENANT, personId: anna, proposalId: proposal.id, decision: 'accept' });
    expect(ports.messenger.sent.slice(before).map((s) => s.notice.kind)).toEqual(['proposal-decided']);
  });

  it('defers only to a meeting still to come', async () => {
    const proposal = await propose();
    const meetings = await migrated.storage.repositories.meetings.listByGroup(TENANT, groupId);
    await expect(
      useCases.decideProposal({ tenantId: TENANT, personId: anna, proposalId: proposal.id, decision: 'defer', meetingId: meetings[0]!.id }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      useCases.decideProposal({ tenantId: TENANT, personId: anna, proposalId: proposal.id, decision: 'defer', meetingId: meetings[2]!.id }),
    ).resolves.toMatchObject({ status: 'deferred', meeting: { id: meetings[2]!.id } });
  });

  it('keeps a late proposal late when the proposer edits it', async () => {
    const meetings = await migrated.storage.repositories.meetings.listByGroup(TENANT, groupId);
    clock.set('2026-05-08T08:00:00Z'); // after the last day for 13 May
    const late = await propose(meetings[1]!.id);
    expect(late.missedMeeting?.title).toBe(meetings[1]!.title);
    const form = await useCases.openProposalForm({ tenantId: TENANT, personId: sara, proposalId: late.id });
    const edited = await useCases.submitProposal({
      tenantId: TENANT,
      personId: sara,
      groupId,
      proposalId: late.id,
      submissionKey: form.submissionKey,
      draft: { ...form.values, title: 'Ändrad' },
    });
    expect(edited).toMatchObject({ kind: 'stored', proposal: { title: 'Ändrad', missedMeeting: { title: meetings[1]!.title } } });
    expect((await migrated.storage.repositories.proposals.find(TENANT, late.id))?.late).toBe(true);
  });
});
