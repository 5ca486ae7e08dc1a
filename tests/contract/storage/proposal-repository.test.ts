/** Proposals and their goal tags against every database. */
import { loadMigrations, migrate } from '../../../bot/src/adapters/storage/migrate';
import { SqlProposalRepository } from '../../../bot/src/adapters/storage/sql-proposal-repository';
import type { Repositories, Tenant } from '../../../bot/src/app/ports/repositories';
import type { Group } from '../../../bot/src/domain/group';
import type { Person } from '../../../bot/src/domain/person';
import type { Proposal } from '../../../bot/src/domain/proposal';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aGoal, aGroup, aMeeting, anOrganisation, aPerson, aProposal, id, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('proposals on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  /** A tenant, a group and a member who proposes. */
  async function seed(): Promise<{ tenant: Tenant; group: Group; proposer: Person }> {
    const { tenant, group } = await seedTenantWithGroup(repos);
    const proposer = aPerson(tenant.id);
    await repos.people.save(proposer);
    return { tenant, group, proposer };
  }

  async function goalTagCount(tenantId: string, proposalId: string): Promise<number> {
    const [row] = await opened.db.query<{ count: number }>(
      'SELECT count(*) AS count FROM proposal_goal WHERE tenant_id = $1 AND proposal_id = $2',
      [tenantId, proposalId],
    );
    return row?.count ?? -1;
  }

  const ids = (proposals: Proposal[]) => proposals.map((p) => p.id);

  it('round-trips every field: goal tags sorted, timestamps as the same instants', async () => {
    const { tenant, group, proposer } = await seed();
    const organisation = anOrganisation(tenant.id, group.id);
    await repos.organisations.save(organisation);
    const asked = aMeeting(tenant.id, group.id, { startsAt: new Date('2026-03-11T12:00:00Z') });
    const next = aMeeting(tenant.id, group.id, { startsAt: new Date('2026-05-13T11:00:00Z') });
    await repos.meetings.save(asked);
    await repos.meetings.save(next);
    const goals = [
      aGoal(tenant.id, { number: 13 }),
      aGoal(tenant.id, { number: 7, name: 'Hållbar energi' }),
      aGoal(tenant.id, { number: 11 }),
    ];
    for (const goal of goals) await repos.goals.save(goal);
    const goalIds = goals.map((g) => g.id);

    const proposal = aProposal(tenant.id, group.id, proposer.id, {
      title: 'Solceller på kommunens tak – vad har vi lärt oss?',
      description: 'Erfarenheter från tre förvaltningar.\nFrågor: kostnad, underhåll, "avtal".',
      kind: 'beslut',
      organisationId: organisation.id,
      meetingId: next.id,
      requestedMeetingId: asked.id,
      late: true,
      minutesNeeded: 45,
      goalIds,
      status: 'deferred',
      decisionNote: 'Flyttas till maj: för många punkter i mars.',
      submissionKey: id(),
      createdAt: new Date('2026-03-02T22:59:59.123Z'),
      updatedAt: new Date('2026-03-05T07:00:00.456Z'),
    });
    await repos.proposals.save(proposal);

    const found = await repos.proposals.find(tenant.id, proposal.id);
    expect(found).toEqual({ ...proposal, goalIds: [...goalIds].sort() });
    expect(found?.goalIds).toBeInstanceOf(Array);
    expect(found?.createdAt).toBeInstanceOf(Date);
    expect(found?.updatedAt).toBeInstanceOf(Date);
    expect(found?.createdAt.getTime()).toBe(Date.UTC(2026, 2, 2, 22, 59, 59, 123));
    expect(found?.updatedAt.getTime()).toBe(Date.UTC(2026, 2, 5, 7, 0, 0, 456));

    const bare = aProposal(tenant.id, group.id, proposer.id);
    await repos.proposals.save(bare);
    expect(await repos.proposals.find(tenant.id, bare.id)).toEqual(bare);
    expect(await repos.proposals.find(tenant.id, id())).toBeNull();
  });

  it('updates in place and replaces the goal tags; created_at stays the first one stored', async () => {
    const { tenant, group, proposer } = await seed();
    const [a, b, c] = [aGoal(tenant.id, { number: 1 }), aGoal(tenant.id, { number: 2 }), aGoal(tenant.id, { number: 3 })] as const;
    for (const goal of [a, b, c]) await repos.goals.save(goal);
    const proposal = aProposal(tenant.id, group.id, proposer.id, { goalIds: [a.id, b.id] });
    await repos.proposals.save(proposal);

    const edited: Proposal = {
      ...proposal,
      title: 'Ny rubrik',
      goalIds: [c.id, b.id],
      status: 'declined',
      decisionNote: 'Hör hemma i en annan grupp.',
      createdAt: new Date('2030-01-01T00:00:00Z'),
      updatedAt: new Date('2026-02-03T09:00:00.000Z'),
    };
    await repos.proposals.save(edited);
    expect(await repos.proposals.find(tenant.id, proposal.id)).toEqual({
      ...edited,
      goalIds: [b.id, c.id].sort(),
      createdAt: proposal.createdAt,
    });
    expect(await goalTagCount(tenant.id, proposal.id)).toBe(2);

    await repos.proposals.save({ ...edited, goalIds: [] });
    expect((await repos.proposals.find(tenant.id, proposal.id))?.goalIds).toEqual([]);
    expect(await goalTagCount(tenant.id, proposal.id)).toBe(0);
  });

  it('stores nothing when the goal tags are refused: proposal and tags are one transaction', async () => {
    const { tenant, group, proposer } = await seed();
    const goal = aGoal(tenant.id);
    await repos.goals.save(goal);

    const fresh = aProposal(tenant.id, group.id, proposer.id, { goalIds: [goal.id, id()] });
    await expect(repos.proposals.save(fresh)).rejects.toMatchObject({ code: '23503' });
    expect(await repos.proposals.find(tenant.id, fresh.id)).toBeNull();

    const stored = aProposal(tenant.id, group.id, proposer.id, { goalIds: [goal.id] });
    await repos.proposals.save(stored);
    await expect(repos.proposals.save({ ...stored, title: 'Ändrad', goalIds: [id()] })).rejects.toMatchObject({ code: '23503' });
    expect(await repos.proposals.find(tenant.id, stored.id)).toEqual(stored);
  });

  it('joins a unit of work: rolled back with it', async () => {
    const { tenant, group, proposer } = await seed();
    const goal = aGoal(tenant.id);
    await repos.goals.save(goal);
    const proposal = aProposal(tenant.id, group.id, proposer.id, { goalIds: [goal.id] });
    await expect(
      opened.storage.unitOfWork.transaction(async (tx) => {
        await tx.proposals.save(proposal);
        expect(await tx.proposals.find(tenant.id, proposal.id)).toEqual(proposal);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await repos.proposals.find(tenant.id, proposal.id)).toBeNull();
    expect(await goalTagCount(tenant.id, proposal.id)).toBe(0);
  });

  it('finds a proposal by its submission key, within the tenant only', async () => {
    const { tenant, group, proposer } = await seed();
    const other = await seed();
    const key = id();
    const proposal = aProposal(tenant.id, group.id, proposer.id, { submissionKey: key });
    await repos.proposals.save(proposal);
    await repos.proposals.save(aProposal(tenant.id, group.id, proposer.id, { submissionKey: null }));

    expect(await repos.proposals.findBySubmissionKey(tenant.id, key)).toEqual(proposal);
    expect(await repos.proposals.findBySubmissionKey(other.tenant.id, key)).toBeNull();
    expect(await repos.proposals.findBySubmissionKey(tenant.id, id())).toBeNull();

    // The same key in another tenant is another form: it is stored, and each tenant finds its own.
    const theirs = aProposal(other.tenant.id, other.group.id, other.proposer.id, { submissionKey: key });
    await repos.proposals.save(theirs);
    expect(await repos.proposals.findBySubmissionKey(other.tenant.id, key)).toEqual(theirs);
    expect(await repos.proposals.findBySubmissionKey(tenant.id, key)).toEqual(proposal);
  });

  it('refuses a second proposal with the same submission key (23505), also when both race', async () => {
    const { tenant, group, proposer } = await seed();
    const goal = aGoal(tenant.id);
    await repos.goals.save(goal);
    const key = id();
    const first = aProposal(tenant.id, group.id, proposer.id, { submissionKey: key, goalIds: [goal.id] });
    await repos.proposals.save(first);
    const second = aProposal(tenant.id, group.id, proposer.id, { submissionKey: key, goalIds: [goal.id] });
    await expect(repos.proposals.save(second)).rejects.toMatchObject({
      name: 'SqlError',
      code: '23505',
      constraint: 'proposal_submission_key',
    });
    expect(await repos.proposals.find(tenant.id, second.id)).toBeNull();
    expect(await goalTagCount(tenant.id, second.id)).toBe(0);
    // Saving the first again (a retry) is an update, not a second proposal.
    await repos.proposals.save(first);

    // A double click: two saves at once. On PostgreSQL they run on two connections and the
    // second waits on the unique index until the first commits.
    const raceKey = id();
    const racers = [0, 1].map(() => aProposal(tenant.id, group.id, proposer.id, { submissionKey: raceKey, goalIds: [goal.id] }));
    const results = await Promise.allSettled(racers.map((p) => repos.proposals.save(p)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toMatchObject({ code: '23505' });
    const stored = await repos.proposals.findBySubmissionKey(tenant.id, raceKey);
    expect(racers.map((p) => p.id)).toContain(stored?.id);
  });

  it('lists a proposer’s proposals newest first (then by id), in the tenant only', async () => {
    const { tenant, group, proposer } = await seed();
    const colleague = aPerson(tenant.id);
    await repos.people.save(colleague);
    const at = (iso: string, overrides: Partial<Proposal> = {}) =>
      aProposal(tenant.id, group.id, proposer.id, { createdAt: new Date(iso), updatedAt: new Date(iso), ...overrides });
    const jan = at('2026-01-10T09:00:00Z');
    const mar = at('2026-03-01T09:00:00Z', { status: 'withdrawn' });
    const febB = at('2026-02-01T09:00:00Z', { id: `b-${id()}` });
    const febA = at('2026-02-01T09:00:00Z', { id: `a-${id()}` });
    for (const p of [jan, mar, febB, febA]) await repos.proposals.save(p);
    await repos.proposals.save(aProposal(tenant.id, group.id, colleague.id, { createdAt: new Date('2026-02-15T00:00:00Z') }));

    expect(ids(await repos.proposals.listByProposer(tenant.id, proposer.id))).toEqual([mar.id, febB.id, febA.id, jan.id]);
    expect(await repos.proposals.listByProposer(tenant.id, id())).toEqual([]);
    const other = await seed();
    expect(await repos.proposals.listByProposer(other.tenant.id, proposer.id)).toEqual([]);
  });

  it('lists a group’s proposals oldest first, filtered by meeting and/or statuses', async () => {
    const { tenant, group, proposer } = await seed();
    const march = aMeeting(tenant.id, group.id, { startsAt: new Date('2026-03-11T12:00:00Z') });
    const may = aMeeting(tenant.id, group.id, { startsAt: new Date('2026-05-13T11:00:00Z') });
    await repos.meetings.save(march);
    await repos.meetings.save(may);
    const at = (iso: string, overrides: Partial<Proposal>) =>
      aProposal(tenant.id, group.id, proposer.id, { createdAt: new Date(iso), updatedAt: new Date(iso), ...overrides });
    const p1 = at('2026-01-05T10:00:00Z', { meetingId: march.id, status: 'accepted' });
    const p2 = at('2026-01-06T10:00:00Z', { meetingId: may.id, status: 'submitted' });
    const p3 = at('2026-01-07T10:00:00Z', { meetingId: march.id, status: 'submitted' });
    const p4 = at('2026-01-08T10:00:00Z', { meetingId: null, status: 'declined' });
    const p5 = at('2026-01-09T10:00:00Z', { meetingId: march.id, status: 'deferred' });
    for (const p of [p5, p3, p1, p4, p2]) await repos.proposals.save(p);
    const list = (filter?: Parameters<Repositories['proposals']['listByGroup']>[2]) =>
      repos.proposals.listByGroup(tenant.id, group.id, filter);

    expect(await list()).toEqual([p1, p2, p3, p4, p5]);
    expect(ids(await list({}))).toEqual(ids([p1, p2, p3, p4, p5]));
    expect(ids(await list({ meetingId: march.id }))).toEqual(ids([p1, p3, p5]));
    expect(ids(await list({ statuses: ['submitted'] }))).toEqual(ids([p2, p3]));
    expect(ids(await list({ statuses: ['accepted', 'deferred', 'declined'] }))).toEqual(ids([p1, p4, p5]));
    expect(ids(await list({ meetingId: march.id, statuses: ['submitted', 'deferred'] }))).toEqual(ids([p3, p5]));
    expect(await list({ statuses: [] })).toEqual([]);
    expect(await list({ meetingId: id() })).toEqual([]);
    // Values are parameters, never SQL.
    expect(await list({ statuses: ["submitted') OR true --" as 'submitted'] })).toEqual([]);

    // The agenda builder's backlog for March: submitted or deferred to March, and submitted to no meeting yet.
    const unplaced = at('2026-01-10T10:00:00Z', { meetingId: null, status: 'submitted' });
    const unplacedDeferred = at('2026-01-11T10:00:00Z', { meetingId: null, status: 'deferred' });
    for (const p of [unplacedDeferred, unplaced]) await repos.proposals.save(p);
    expect(await repos.proposals.listBacklog(tenant.id, group.id, march.id)).toEqual([p3, p5, unplaced]);
    expect(ids(await repos.proposals.listBacklog(tenant.id, group.id, may.id))).toEqual(ids([p2, unplaced]));
    expect(await repos.proposals.listBacklog(tenant.id, id(), march.id)).toEqual([]);
  });

  it('keeps tenants apart: another tenant sees nothing, even with the right ids', async () => {
    const { tenant, group, proposer } = await seed();
    const other = await seed();
    const proposal = aProposal(tenant.id, group.id, proposer.id, { submissionKey: id() });
    await repos.proposals.save(proposal);
    await repos.proposals.save(aProposal(other.tenant.id, other.group.id, other.proposer.id));

    expect(await repos.proposals.find(other.tenant.id, proposal.id)).toBeNull();
    expect(await repos.proposals.listByGroup(other.tenant.id, group.id)).toEqual([]);
    expect(await repos.proposals.listByProposer(other.tenant.id, proposer.id)).toEqual([]);
    expect(ids(await repos.proposals.listByGroup(tenant.id, group.id))).toEqual([proposal.id]);
    // A row cannot point at another tenant's group, person or goal either.
    await expect(repos.proposals.save(aProposal(other.tenant.id, group.id, other.proposer.id))).rejects.toMatchObject({ code: '23503' });
    const theirGoal = aGoal(other.tenant.id);
    await repos.goals.save(theirGoal);
    await expect(repos.proposals.save({ ...proposal, goalIds: [theirGoal.id] })).rejects.toMatchObject({ code: '23503' });
  });

  it('refuses values outside the domain limits (CHECK 23514) and a meeting of another group (23503)', async () => {
    const { tenant, group, proposer } = await seed();
    const make = (overrides: Partial<Proposal>) => aProposal(tenant.id, group.id, proposer.id, overrides);
    await expect(repos.proposals.save(make({ title: 'x'.repeat(121) }))).rejects.toMatchObject({ code: '23514' });
    await expect(repos.proposals.save(make({ title: '   ' }))).rejects.toMatchObject({ code: '23514' });
    await expect(repos.proposals.save(make({ minutesNeeded: 61 }))).rejects.toMatchObject({ code: '23514' });
    await expect(repos.proposals.save(make({ minutesNeeded: 4 }))).rejects.toMatchObject({ code: '23514' });
    await expect(repos.proposals.save(make({ decisionNote: 'n'.repeat(1001) }))).rejects.toMatchObject({
      code: '23514',
      constraint: 'proposal_decision_note_length',
    });
    await expect(repos.proposals.save(make({ status: 'postponed' as Proposal['status'] }))).rejects.toMatchObject({ code: '23514' });

    // The limits count characters, not bytes: 120 "ö" and 1000 "å" fit.
    const full = make({ title: 'ö'.repeat(120), decisionNote: 'å'.repeat(1000), minutesNeeded: 60 });
    await repos.proposals.save(full);
    expect(await repos.proposals.find(tenant.id, full.id)).toEqual(full);

    // A meeting of another group in the same tenant: the foreign keys carry the group too.
    const secondGroup = aGroup(tenant.id, { name: 'Andra gruppen' });
    await repos.groups.save(secondGroup);
    const sameTenantOtherGroup = aMeeting(tenant.id, secondGroup.id);
    await repos.meetings.save(sameTenantOtherGroup);
    await expect(repos.proposals.save(make({ requestedMeetingId: sameTenantOtherGroup.id }))).rejects.toMatchObject({
      code: '23503',
      constraint: 'proposal_requested_meeting_fkey',
    });
    await expect(repos.proposals.save(make({ meetingId: sameTenantOtherGroup.id }))).rejects.toMatchObject({ code: '23503' });
  });
});

describe.each(databaseTargets())('migration 002 on $name', (target) => {
  it('applies once on a database that already has 001 and its proposals, and is idempotent', async () => {
    const db = await target.open();
    try {
      const [initial, ...later] = loadMigrations();
      expect(initial?.name).toBe('001_initial.sql');
      expect(later.map((m) => m.name)).toContain('002_proposals.sql');
      expect(await migrate(db, [initial!])).toEqual(['001_initial.sql']);

      // A proposal stored before 002 existed.
      await db.query("INSERT INTO tenant (id, name) VALUES ('t1', 'Kommunen')");
      await db.query("INSERT INTO work_group (tenant_id, id, name) VALUES ('t1', 'g1', 'Gruppen')");
      await db.query("INSERT INTO person (tenant_id, id, name, email) VALUES ('t1', 'p1', 'Anna', 'anna@example.se')");
      await db.query(
        `INSERT INTO proposal (tenant_id, id, group_id, title, kind, proposer_person_id, minutes_needed, created_at, updated_at)
         VALUES ('t1', 'old', 'g1', 'Från förr', 'information', 'p1', 10, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      );

      expect(await migrate(db)).toEqual(later.map((m) => m.name));
      expect(await migrate(db)).toEqual([]);
      expect(await new SqlProposalRepository(db).find('t1', 'old')).toEqual({
        id: 'old',
        tenantId: 't1',
        groupId: 'g1',
        title: 'Från förr',
        description: '',
        kind: 'information',
        organisationId: null,
        proposerPersonId: 'p1',
        meetingId: null,
        requestedMeetingId: null,
        late: false,
        minutesNeeded: 10,
        goalIds: [],
        status: 'submitted',
        decisionNote: null,
        submissionKey: null,
        createdAt: new Date('2026-01-01T00:00:00Z'),
        updatedAt: new Date('2026-01-01T00:00:00Z'),
      });
      const indexes = await db.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'proposal' ORDER BY indexname",
      );
      expect(indexes.map((i) => i.indexname)).toEqual(
        expect.arrayContaining(['proposal_meeting_idx', 'proposal_proposer_idx', 'proposal_submission_key']),
      );
    } finally {
      await db.close();
    }
  });
});
