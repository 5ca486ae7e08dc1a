/**
 * The competence ledger, suggestions and votes against every database: activities round-trip
 * with participants and action links, a stale revision writes nothing, the period query bounds
 * by date, one vote per person, a suggestion is planned once, and a person's suggestions and
 * votes are exported and their votes erased.
 */
import type { Repositories, Tenant } from '../../../bot/src/app/ports/repositories';
import type { CompetenceActivity, CompetenceSuggestion } from '../../../bot/src/domain/competence';
import type { Group } from '../../../bot/src/domain/group';
import type { Organisation } from '../../../bot/src/domain/organisation';
import type { Person } from '../../../bot/src/domain/person';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, anOrganisation, aPerson, id, seedTenantWithGroup } from './storage-fixtures';

const at = new Date('2026-03-01T10:00:00.000Z');

function anActivity(tenantId: string, groupId: string, overrides: Partial<CompetenceActivity> = {}): CompetenceActivity {
  return {
    id: id(),
    tenantId,
    groupId,
    kind: 'lecture',
    status: 'planned',
    date: '2026-04-15',
    title: 'Föreläsning om klimatanpassning',
    description: '',
    organiserOrganisationId: null,
    organiser: 'SMHI',
    participants: [],
    links: [],
    learned: '',
    actionIds: [],
    suggestionId: null,
    revision: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function aSuggestion(
  tenantId: string,
  groupId: string,
  personId: string,
  overrides: Partial<CompetenceSuggestion> = {},
): CompetenceSuggestion {
  return {
    id: id(),
    tenantId,
    groupId,
    kind: 'study_visit',
    title: 'Studiebesök på återbrukscentralen',
    description: 'De har en ny modell för möbler.',
    link: 'https://example.se/aterbruk',
    suggestedByPersonId: personId,
    status: 'open',
    submissionKey: id(),
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe.each(databaseTargets())('competence development on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  let tenant: Tenant;
  let group: Group;
  let ks: Organisation;
  let utb: Organisation;
  let anna: Person;
  let sara: Person;

  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
    ({ tenant, group } = await seedTenantWithGroup(repos));
    ks = anOrganisation(tenant.id, group.id, { name: 'Kommunstyrelsens förvaltning' });
    utb = anOrganisation(tenant.id, group.id, { name: 'Utbildningsförvaltningen' });
    await repos.organisations.save(ks);
    await repos.organisations.save(utb);
    anna = aPerson(tenant.id, { name: 'Anna' });
    sara = aPerson(tenant.id, { name: 'Sara' });
    await repos.people.save(anna);
    await repos.people.save(sara);
  });
  afterAll(() => opened.db.close());

  it('round-trips an activity with its participants, links and actions, and replaces them on save', async () => {
    const meeting = aMeeting(tenant.id, group.id);
    await repos.meetings.save(meeting);
    const actionId = id();
    await opened.db.query(
      `INSERT INTO action_item (tenant_id, id, group_id, meeting_id, title) VALUES ($1, $2, $3, $4, 'Sätt upp solceller')`,
      [tenant.id, actionId, group.id, meeting.id],
    );
    const activity = anActivity(tenant.id, group.id, {
      status: 'held',
      date: '2026-02-20',
      organiserOrganisationId: ks.id,
      participants: [
        { organisationId: ks.id, count: 4 },
        { organisationId: utb.id, count: 12 },
      ].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1)),
      links: [{ url: 'https://example.se/bilder', label: 'Bilderna' }],
      learned: 'Skuggning sänker temperaturen på skolgårdar med flera grader.',
      actionIds: [actionId],
    });
    await opened.storage.unitOfWork.transaction((tx) => tx.competence.insertActivity(activity));
    expect(await repos.competence.findActivity(tenant.id, activity.id)).toEqual(activity);

    const changed = { ...activity, participants: [{ organisationId: utb.id, count: 13 }], actionIds: [], revision: 2 };
    expect(await repos.competence.saveActivityIfUnchanged(changed, 1)).toBe(true);
    expect(await repos.competence.findActivity(tenant.id, activity.id)).toEqual(changed);
    // A second writer who read revision 1 writes nothing.
    expect(await repos.competence.saveActivityIfUnchanged({ ...activity, title: 'Gammal', revision: 2 }, 1)).toBe(false);
    expect((await repos.competence.findActivity(tenant.id, activity.id))!.title).toBe(activity.title);

    // An action removed from its minutes takes its link along.
    await repos.competence.saveActivityIfUnchanged({ ...changed, actionIds: [actionId], revision: 3 }, 2);
    await opened.db.query('DELETE FROM action_item WHERE tenant_id = $1 AND id = $2', [tenant.id, actionId]);
    expect((await repos.competence.findActivity(tenant.id, activity.id))!.actionIds).toEqual([]);
  });

  it('refuses counts outside 1–1000 and non-https links in the database too', async () => {
    const bad = anActivity(tenant.id, group.id, {
      status: 'held',
      date: '2026-01-10',
      participants: [{ organisationId: ks.id, count: 0 }],
    });
    await expect(opened.storage.unitOfWork.transaction((tx) => tx.competence.insertActivity(bad))).rejects.toMatchObject({ code: '23514' });
    expect(await repos.competence.findActivity(tenant.id, bad.id)).toBeNull();
    await expect(
      repos.competence.insertSuggestion(aSuggestion(tenant.id, group.id, sara.id, { link: 'http://example.se/' })),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('lists a period by date, from inclusive to exclusive, only the group’s', async () => {
    const { tenant: t2, group: g2 } = await seedTenantWithGroup(repos, { name: 'Annan grupp' });
    const ours = await seedTenantWithGroup(repos, { name: 'Periodgruppen' });
    const dates = ['2026-12-31', '2027-01-01', '2027-06-30', '2027-07-01'];
    for (const date of dates) await repos.competence.insertActivity(anActivity(ours.tenant.id, ours.group.id, { date, title: date }));
    await repos.competence.insertActivity(anActivity(t2.id, g2.id, { date: '2027-03-01' }));
    const firstHalf = await repos.competence.listByGroupBetween(ours.tenant.id, ours.group.id, '2027-01-01', '2027-07-01');
    expect(firstHalf.map((a) => a.date)).toEqual(['2027-01-01', '2027-06-30']);
  });

  it('keeps one vote per person, withdraws it, and tallies per suggestion', async () => {
    const suggestion = aSuggestion(tenant.id, group.id, sara.id);
    expect(await repos.competence.insertSuggestion(suggestion)).toBe(true);
    // The same form again stores nothing.
    expect(await repos.competence.insertSuggestion({ ...suggestion, id: id() })).toBe(false);
    expect(await repos.competence.findSuggestionBySubmissionKey(tenant.id, suggestion.submissionKey)).toEqual(suggestion);

    expect(await repos.competence.addVote(tenant.id, suggestion.id, sara.id, at)).toBe(true);
    expect(await repos.competence.addVote(tenant.id, suggestion.id, sara.id, at)).toBe(false);
    expect(await repos.competence.addVote(tenant.id, suggestion.id, anna.id, at)).toBe(true);
    const other = aSuggestion(tenant.id, group.id, anna.id);
    await repos.competence.insertSuggestion(other);
    let tallies = await repos.competence.voteTallies(tenant.id, [suggestion.id, other.id], sara.id);
    expect(tallies.get(suggestion.id)).toEqual({ votes: 2, mine: true });
    expect(tallies.get(other.id)).toEqual({ votes: 0, mine: false });

    expect(await repos.competence.removeVote(tenant.id, suggestion.id, sara.id)).toBe(true);
    expect(await repos.competence.removeVote(tenant.id, suggestion.id, sara.id)).toBe(false);
    tallies = await repos.competence.voteTallies(tenant.id, [suggestion.id], sara.id);
    expect(tallies.get(suggestion.id)).toEqual({ votes: 1, mine: false });
  });

  it('plans a suggestion once and lets it become one activity', async () => {
    const suggestion = aSuggestion(tenant.id, group.id, sara.id);
    await repos.competence.insertSuggestion(suggestion);
    expect(await repos.competence.markSuggestionPlanned(tenant.id, suggestion.id, at)).toBe(true);
    expect(await repos.competence.markSuggestionPlanned(tenant.id, suggestion.id, at)).toBe(false);
    await repos.competence.insertActivity(anActivity(tenant.id, group.id, { suggestionId: suggestion.id }));
    await expect(repos.competence.insertActivity(anActivity(tenant.id, group.id, { suggestionId: suggestion.id }))).rejects.toMatchObject({
      code: '23505',
    });
    const listed = await repos.competence.listSuggestions(tenant.id, group.id, 100);
    // Open ones first.
    expect(listed.findIndex((s) => s.status === 'planned')).toBeGreaterThan(listed.findLastIndex((s) => s.status === 'open'));
  });

  it("exports a person's suggestions and votes, and erasure removes the votes but keeps the suggestions", async () => {
    const karin = aPerson(tenant.id, { name: 'Karin' });
    await repos.people.save(karin);
    const hers = aSuggestion(tenant.id, group.id, karin.id, { title: 'Karins filmtips' });
    const saras = aSuggestion(tenant.id, group.id, sara.id, { title: 'Saras föreläsningstips' });
    await repos.competence.insertSuggestion(hers);
    await repos.competence.insertSuggestion(saras);
    await repos.competence.addVote(tenant.id, saras.id, karin.id, at);
    await repos.competence.addVote(tenant.id, hers.id, sara.id, at);

    const exported = await repos.personalData.collect(tenant.id, karin.id);
    expect(exported.competenceSuggestions!.map((s) => s.title)).toEqual(['Karins filmtips']);
    expect(exported.competenceVotes!.map((v) => v.suggestion)).toEqual(['Saras föreläsningstips']);

    const counts = await opened.storage.unitOfWork.transaction((tx) => tx.personalData.erase(tenant.id, karin.id, 'Raderad person'));
    expect(counts.competenceVotes).toBe(1);
    expect((await repos.competence.voteTallies(tenant.id, [saras.id, hers.id], karin.id)).get(saras.id)).toEqual({ votes: 0, mine: false });
    // Her suggestion stays with Sara's vote on it.
    expect(await repos.competence.findSuggestion(tenant.id, hers.id)).toMatchObject({ title: 'Karins filmtips' });
    expect((await repos.competence.voteTallies(tenant.id, [hers.id], sara.id)).get(hers.id)).toEqual({ votes: 1, mine: true });
  });
});
