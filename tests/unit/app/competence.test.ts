/**
 * Competence development on the demo group: members suggest and vote (one vote each, members of
 * the group only), strategists keep the ledger and plan suggestions; the year's plan reads it back.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../bot/src/app/errors';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { ActivityDraft } from '../../../bot/src/domain/competence';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../../support/group-seed-mother';

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
};

describe('competence development', () => {
  const clock = fixedClock('2026-03-10T09:00:00Z');
  let demo: DemoGroup;
  let useCases: ReturnType<typeof createUseCases>;
  let outsider = { tenantId: '', personId: '' };
  const as = (name: string) => demo.as(name);

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    const migrated = demo.migrated;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    const base = aGroupSeed({ tenant: { id: demo.tenantId, name: 'Trollhättans Stad (demo)' } });
    const other = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('other') },
      {
        ...base,
        group: { ...base.group, name: 'Sociala hållbarhetsgruppen', teamId: null },
        people: base.people.map((p) => ({ ...p, email: `other-${p.email}`, aadObjectId: null })),
        goals: [],
      },
      [],
    );
    const otherPeople = await migrated.storage.repositories.people.listByGroup(demo.tenantId, other.groupId);
    outsider = { tenantId: demo.tenantId, personId: otherPeople.find((p) => p.name === 'Anna Strateg')!.id };
  }, 60_000);
  afterAll(() => demo.migrated.db.close());

  async function suggest(name: string, title: string) {
    const result = await useCases.suggestCompetenceActivity({
      ...as(name),
      groupId: demo.groupId,
      submissionKey: randomUUID(),
      draft: { kind: 'study_visit', title, description: '', link: 'https://example.se/besok' },
    });
    if (result.kind !== 'stored') throw new Error('suggestion refused');
    return result.suggestion;
  }

  it('counts one vote per person: voting twice is one vote, and a vote can be withdrawn', async () => {
    const suggestion = await suggest('Sara Nilsson', 'Studiebesök på biogasanläggningen');
    // The suggester's vote counts from the start.
    expect(suggestion).toMatchObject({ votes: 1, myVote: true, suggestedBy: 'Sara Nilsson' });
    const vote = (name: string, voted: boolean) => useCases.voteCompetenceSuggestion({ ...as(name), suggestionId: suggestion.id, voted });
    await vote('Karin Berg', true);
    expect(await vote('Karin Berg', true)).toMatchObject({ votes: 2, myVote: true });
    expect(await vote('Sara Nilsson', false)).toMatchObject({ votes: 1, myVote: false });
    expect(await vote('Sara Nilsson', false)).toMatchObject({ votes: 1, myVote: false });
    expect(await vote('Anna Lindqvist', true)).toMatchObject({ votes: 2, myVote: true });
  });

  it('lets only members of the group vote, and answers "not a member" alike for another group and no suggestion', async () => {
    const suggestion = await suggest('Karin Berg', 'Filmvisning: Vattnets väg');
    expect(await codeOf(useCases.voteCompetenceSuggestion({ ...outsider, suggestionId: suggestion.id, voted: true }))).toBe('forbidden');
    expect(await codeOf(useCases.voteCompetenceSuggestion({ ...as('Karin Berg'), suggestionId: 'no-such', voted: true }))).toBe(
      'forbidden',
    );
    expect(
      await codeOf(
        useCases.suggestCompetenceActivity({
          ...outsider,
          groupId: demo.groupId,
          submissionKey: randomUUID(),
          draft: { kind: 'film', title: 'X', description: '', link: '' },
        }),
      ),
    ).toBe('forbidden');
    const view = await useCases.getCompetenceSuggestion({ ...as('Karin Berg'), suggestionId: suggestion.id });
    expect(view.votes).toBe(1);
  });

  it('lets strategists, not delegates, plan a suggestion; then voting closes and a second plan is refused', async () => {
    const suggestion = await suggest('Johan Ek', 'Extern gäst från Naturskyddsföreningen');
    const plan = (name: string) =>
      useCases.planCompetenceSuggestion({ ...as(name), groupId: demo.groupId, suggestionId: suggestion.id, date: '2026-10-14' });
    expect(await codeOf(plan('Sara Nilsson'))).toBe('forbidden');
    const activity = await plan('Anna Lindqvist');
    expect(activity).toMatchObject({
      status: 'planned',
      date: '2026-10-14',
      title: 'Extern gäst från Naturskyddsföreningen',
      kind: 'study_visit',
      suggestionId: suggestion.id,
      links: [{ url: 'https://example.se/besok', label: '' }],
    });
    expect(await codeOf(plan('Erik Johansson'))).toBe('conflict');
    expect(await codeOf(useCases.voteCompetenceSuggestion({ ...as('Karin Berg'), suggestionId: suggestion.id, voted: true }))).toBe(
      'conflict',
    );
    const year = await useCases.getCompetencePlan({ ...as('Sara Nilsson'), groupId: demo.groupId, year: 2026 });
    expect(year.months[9]).toContain(activity.id);
    expect(year.suggestions.find((s) => s.id === suggestion.id)).toMatchObject({ status: 'planned' });
    expect(year.mayPlan).toBe(false);
    expect(year.choices).toEqual({ organisations: [], actions: [] });
  });

  it('keeps the ledger for strategists only, with counts per organisation and actions of the group', async () => {
    const orgs = await demo.migrated.storage.repositories.organisations.listByGroup(demo.tenantId, demo.groupId);
    const utb = orgs.find((o) => o.name === 'Utbildningsförvaltningen')!.id;
    const ksf = orgs.find((o) => o.name === 'Kommunstyrelsens förvaltning')!.id;
    const feb = (await demo.meetings()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0]!;
    await demo.migrated.db.query(
      `INSERT INTO action_item (tenant_id, id, group_id, meeting_id, title, owner_person_id) VALUES ($1, 'act-1', $2, $3, 'Pröva återbrukade möbler', $4)`,
      [demo.tenantId, demo.groupId, feb.id, demo.people.get('Sara Nilsson')],
    );
    const draft: ActivityDraft = {
      kind: 'lecture',
      status: 'held',
      date: '2026-03-04',
      title: 'Föreläsning om cirkulär upphandling',
      description: '',
      organiserOrganisationId: ksf,
      organiser: '',
      participants: [
        { organisationId: utb, count: 6 },
        { organisationId: ksf, count: 4 },
      ],
      links: [{ url: 'https://example.se/bilder', label: 'Bilderna' }],
      learned: 'Återbruk går att kräva i upphandlingen.',
      actionIds: ['act-1'],
    };
    const save = (name: string, d: ActivityDraft, activityId: string | null = null, expectedRevision?: number) =>
      useCases.saveCompetenceActivity({
        ...as(name),
        groupId: demo.groupId,
        activityId,
        ...(expectedRevision ? { expectedRevision } : {}),
        draft: d,
      });

    expect(await codeOf(save('Sara Nilsson', draft))).toBe('forbidden');
    const saved = await save('Anna Lindqvist', draft);
    if (saved.kind !== 'saved') throw new Error(JSON.stringify(saved));
    expect(saved.activity).toMatchObject({
      participantsTotal: 10,
      organiserOrganisation: { name: 'Kommunstyrelsens förvaltning' },
      actions: [{ id: 'act-1', title: 'Pröva återbrukade möbler', owner: 'Sara Nilsson', status: 'open' }],
    });
    expect(await save('Anna Lindqvist', { ...draft, links: [{ url: 'http://example.se', label: '' }] })).toEqual({
      kind: 'invalid',
      errors: { links: 'not-https' },
    });

    // The other strategist changes it; a change from the first revision is then refused.
    const edited = await save('Erik Johansson', { ...draft, title: 'Cirkulär upphandling' }, saved.activity.id, 1);
    expect(edited).toMatchObject({ kind: 'saved', activity: { revision: 2 } });
    expect(await codeOf(save('Anna Lindqvist', { ...draft, title: 'Gammal' }, saved.activity.id, 1))).toBe('conflict');

    const plan = await useCases.getCompetencePlan({ ...as('Anna Lindqvist'), groupId: demo.groupId, year: 2026 });
    expect(plan.mayPlan).toBe(true);
    expect(plan.activities.find((a) => a.id === saved.activity.id)).toMatchObject({ title: 'Cirkulär upphandling', participantsTotal: 10 });
    expect(plan.choices.actions.map((a) => a.id)).toContain('act-1');
    // The period query the reports use.
    const held = await demo.migrated.storage.repositories.competence.listByGroupBetween(
      demo.tenantId,
      demo.groupId,
      '2026-03-01',
      '2026-04-01',
    );
    expect(held.filter((a) => a.status === 'held').map((a) => a.id)).toEqual([saved.activity.id]);
  });
});
