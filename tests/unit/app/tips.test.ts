/**
 * Omvärldsbevakning through the use cases on an embedded database: a tip stored once per form,
 * listed newest first with its sender, made into a proposal (both or neither) by any member, and
 * set aside by strategists only; another group's tip answers as "not a member".
 */
import { AppError } from '../../../bot/src/app/errors';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../../support/group-seed-mother';

describe('omvärldsbevakning (tips)', () => {
  let migrated: MigratedStorage;
  const clock = fixedClock('2026-04-20T08:00:00Z');
  let useCases: ReturnType<typeof createUseCases>;
  let groupId = '';
  let otherGroupId = '';
  let anna = { tenantId: TENANT, personId: '' };
  let sara = { tenantId: TENANT, personId: '' };
  let keys = 0;
  const key = () => `tip-key-${++keys}`;

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    const seedDeps = { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') };
    groupId = (await seedDemoGroup(seedDeps, aGroupSeed(), [2026])).groupId;
    const base = aGroupSeed();
    otherGroupId = (
      await seedDemoGroup(
        seedDeps,
        {
          ...base,
          group: { ...base.group, name: 'Andra gruppen', teamId: null },
          people: base.people.map((p) => ({ ...p, email: `other-${p.email}`, aadObjectId: null })),
          goals: [],
        },
        [2026],
      )
    ).groupId;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    const people = await migrated.storage.repositories.people.listByGroup(TENANT, groupId);
    anna = { tenantId: TENANT, personId: people.find((p) => p.name === 'Anna Strateg')!.id };
    sara = { tenantId: TENANT, personId: people.find((p) => p.name === 'Sara Delegat')!.id };
  });
  afterAll(() => migrated.db.close());

  const add = (
    who = sara,
    over: Partial<{ url: string; comment: string; quote: string | null; groupId: string; submissionKey: string }> = {},
  ) =>
    useCases.addTip({
      ...who,
      groupId: over.groupId ?? groupId,
      submissionKey: over.submissionKey ?? key(),
      source: 'tab',
      draft: { url: over.url ?? 'https://www.smhi.se/klimat', comment: over.comment ?? 'Nya klimatscenarier', quote: over.quote ?? null },
    });
  const stored = async (result: Awaited<ReturnType<typeof add>>) => {
    if (result.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(result)}`);
    return result.tip;
  };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof AppError ? error.code : error),
    );
  const proposalCount = async () => (await migrated.storage.repositories.proposals.listByGroup(TENANT, groupId)).length;

  it('stores a tip once per form, even sent twice, and refuses an http link with the field named', async () => {
    const submissionKey = key();
    const first = await add(sara, { submissionKey });
    const again = await add(sara, { submissionKey });
    expect(first).toMatchObject({ kind: 'stored', created: true, groupName: 'Hållbarhetsgruppen' });
    expect(again).toMatchObject({ kind: 'stored', created: false, tip: { id: (await stored(first)).id } });
    expect(await add(sara, { url: 'http://example.org' })).toEqual({ kind: 'invalid', errors: { url: 'not-https' } });
    // Someone else's key, or another group: "not a member", nothing told about the tip.
    expect(await refusal(add(anna, { submissionKey }))).toBe('forbidden');
    expect(await refusal(add(sara, { groupId: 'no-such-group' }))).toBe('forbidden');
  });

  it('lists the group’s tips newest first, with who sent them; only strategists may dismiss', async () => {
    clock.set('2026-04-21T08:00:00Z');
    await stored(await add(anna, { comment: 'Nyast' }));
    const forSara = await useCases.listTips({ ...sara, groupId });
    expect(forSara.mayDismiss).toBe(false);
    expect(forSara.tips[0]).toMatchObject({ comment: 'Nyast', sender: { name: 'Anna Strateg' }, status: 'new', source: 'tab' });
    const times = forSara.tips.map((t) => t.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await useCases.listTips({ ...anna, groupId })).mayDismiss).toBe(true);
    expect(await refusal(useCases.listTips({ ...sara, groupId: otherGroupId }))).toBe('forbidden');
  });

  it('makes a proposal of a tip for any member, once, and marks the tip', async () => {
    const tip = await stored(await add(anna, { comment: 'Rapport om dagvatten' }));
    const before = await proposalCount();
    const input = {
      ...sara,
      groupId,
      tipId: tip.id,
      submissionKey: key(),
      draft: { title: 'Dagvatten i planeringen', description: 'Från tipset', minutesNeeded: 15 },
    };
    const made = await useCases.turnTipIntoProposal(input);
    expect(made).toMatchObject({
      kind: 'stored',
      created: true,
      proposal: { title: 'Dagvatten i planeringen', kind: 'omvarldsbevakning' },
    });
    if (made.kind !== 'stored') throw new Error('not stored');
    expect(made.proposal.proposerName).toBe('Sara Delegat');
    // The same form again answers the same proposal; another form is too late.
    expect(await useCases.turnTipIntoProposal(input)).toMatchObject({ kind: 'stored', created: false, proposal: { id: made.proposal.id } });
    expect(await refusal(useCases.turnTipIntoProposal({ ...input, ...anna, submissionKey: key() }))).toBe('conflict');
    expect(await proposalCount()).toBe(before + 1);
    const listed = (await useCases.listTips({ ...anna, groupId })).tips.find((t) => t.id === tip.id);
    expect(listed).toMatchObject({ status: 'proposed', proposal: { id: made.proposal.id, title: 'Dagvatten i planeringen' } });
    // A strategist cannot dismiss it any more.
    expect(await refusal(useCases.dismissTip({ ...anna, groupId, tipId: tip.id }))).toBe('conflict');
  });

  it('answers a proposal that breaks a rule with the errors, and stores nothing', async () => {
    const tip = await stored(await add());
    const before = await proposalCount();
    const result = await useCases.turnTipIntoProposal({
      ...sara,
      groupId,
      tipId: tip.id,
      submissionKey: key(),
      draft: { title: '  ', description: '', minutesNeeded: 500 },
    });
    expect(result).toEqual({ kind: 'invalid', errors: { title: 'required', minutesNeeded: 'out-of-range' } });
    expect(await proposalCount()).toBe(before);
    expect((await useCases.listTips({ ...sara, groupId })).tips.find((t) => t.id === tip.id)?.status).toBe('new');
  });

  it('lets strategists dismiss a new tip, not delegates; a dismissed tip becomes no proposal, and none is left behind', async () => {
    const tip = await stored(await add());
    expect(await refusal(useCases.dismissTip({ ...sara, groupId, tipId: tip.id }))).toBe('forbidden');
    expect(await useCases.dismissTip({ ...anna, groupId, tipId: tip.id })).toMatchObject({ id: tip.id, status: 'dismissed' });
    expect(await refusal(useCases.dismissTip({ ...anna, groupId, tipId: tip.id }))).toBe('conflict');
    const before = await proposalCount();
    const late = useCases.turnTipIntoProposal({
      ...sara,
      groupId,
      tipId: tip.id,
      submissionKey: key(),
      draft: { title: 'För sent', description: '', minutesNeeded: 15 },
    });
    expect(await refusal(late)).toBe('conflict');
    // The proposal stored inside the same unit of work was rolled back with the refusal.
    expect(await proposalCount()).toBe(before);
  });

  it("answers another group's tip, and a made-up one, as not a member", async () => {
    const theirs = await stored(
      await add(
        { tenantId: TENANT, personId: (await migrated.storage.repositories.people.listByGroup(TENANT, otherGroupId))[0]!.id },
        { groupId: otherGroupId },
      ),
    );
    for (const tipId of [theirs.id, 'made-up-tip']) {
      expect(await refusal(useCases.dismissTip({ ...anna, groupId, tipId }))).toBe('forbidden');
      const proposal = useCases.turnTipIntoProposal({
        ...sara,
        groupId,
        tipId,
        submissionKey: key(),
        draft: { title: 'Kapat', description: '', minutesNeeded: 15 },
      });
      expect(await refusal(proposal)).toBe('forbidden');
    }
  });
});
