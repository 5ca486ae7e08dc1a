/**
 * Goal tags against every database: what the group's proposals, agenda items, decisions and
 * actions carry (inherited or chosen), what is left out, the period, and the local goals' upkeep.
 */
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import type { AgendaItem } from '../../../bot/src/domain/agenda-item';
import { periodOfDays, type TaggedEntry } from '../../../bot/src/domain/goal-tags';
import type { ActionItem } from '../../../bot/src/domain/minutes';
import { emptyMinutes, publishMinutes } from '../../../bot/src/domain/minutes-review';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aGoal, aMeeting, aPerson, aProposal, id, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('goal tags on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  const at = new Date('2026-03-11T15:00:00.000Z');

  async function seed() {
    const { tenant, group } = await seedTenantWithGroup(repos);
    const t = tenant.id;
    const sdg7 = aGoal(t, { framework: 'sdg', number: 7, name: 'Hållbar energi för alla' });
    const mm1 = aGoal(t, { framework: 'miljomal', number: 1, name: 'Begränsad klimatpåverkan' });
    const local1 = aGoal(t, { groupId: group.id, framework: 'local', number: 1, name: 'Minskad klimatpåverkan och ren luft' });
    for (const g of [sdg7, mm1, local1]) await repos.goals.save(g);
    const person = aPerson(t);
    await repos.people.save(person);
    const held = aMeeting(t, group.id, { startsAt: new Date('2026-03-11T12:00:00Z'), status: 'minutes_published' });
    const cancelled = aMeeting(t, group.id, { startsAt: new Date('2026-04-08T11:00:00Z'), status: 'cancelled' });
    const draftOnly = aMeeting(t, group.id, { startsAt: new Date('2026-05-13T11:00:00Z'), status: 'held' });
    for (const m of [held, cancelled, draftOnly]) await repos.meetings.save(m);
    const proposal = aProposal(t, group.id, person.id, {
      title: 'Solceller',
      meetingId: held.id,
      status: 'accepted',
      goalIds: [sdg7.id, mm1.id],
    });
    const withdrawn = aProposal(t, group.id, person.id, { title: 'Dragits tillbaka', status: 'withdrawn', goalIds: [sdg7.id] });
    for (const p of [proposal, withdrawn]) await repos.proposals.save(p);

    const item = (meetingId: string, position: number, title: string, proposalId: string | null): AgendaItem => ({
      id: id(),
      tenantId: t,
      groupId: group.id,
      meetingId,
      position,
      title,
      durationMinutes: 10,
      presenterPersonId: null,
      proposalId,
      standing: proposalId === null,
    });
    const fromProposal = item(held.id, 1, 'Solceller', proposal.id);
    const standing = item(held.id, 2, 'Övriga frågor', null);
    await repos.agendaItems.replaceForMeeting(t, held.id, [fromProposal, standing]);
    const cancelledItem = item(cancelled.id, 1, 'Inställt', null);
    await repos.agendaItems.replaceForMeeting(t, cancelled.id, [cancelledItem]);
    const draftItem = item(draftOnly.id, 1, 'Maj', null);
    await repos.agendaItems.replaceForMeeting(t, draftOnly.id, [draftItem]);

    const action = (meetingId: string, agendaItemId: string | null, title: string): ActionItem => ({
      id: id(),
      tenantId: t,
      groupId: group.id,
      meetingId,
      agendaItemId,
      position: 1,
      title,
      ownerPersonId: null,
      organisationId: null,
      dueDate: null,
      status: 'open',
      createdAt: at,
      updatedAt: at,
    });
    const follows = action(held.id, fromProposal.id, 'Räkna på taken');
    const underStanding = action(held.id, standing.id, 'Boka studiebesök');
    expect(await repos.actionItems.replaceForMeeting(t, held.id, [follows, underStanding])).toBe(true);
    const unpublished = action(draftOnly.id, draftItem.id, 'Ej publicerad');
    expect(await repos.actionItems.replaceForMeeting(t, draftOnly.id, [unpublished])).toBe(true);

    const draft = {
      ...emptyMinutes(held, at),
      revision: 1,
      body: {
        items: [
          { agendaItemId: fromProposal.id, title: 'Solceller', notes: '', decision: 'Vi går vidare med taken.' },
          { agendaItemId: standing.id, title: 'Övriga frågor', notes: 'Inget beslut.', decision: '' },
        ],
        record: null,
      },
      updatedAt: at,
      updatedByPersonId: person.id,
    };
    expect(await repos.minutes.insert(draft)).toBe(true);
    const published = publishMinutes(draft, {
      agenda: [fromProposal, standing],
      record: { attendance: [], actions: [] },
      personId: person.id,
      now: at,
    });
    expect(await repos.minutes.saveIfUnchanged(published, 1)).toBe(true);
    // Minutes of the May meeting exist only as a draft: its decision does not count.
    expect(
      await repos.minutes.insert({
        ...emptyMinutes(draftOnly, at),
        revision: 1,
        body: { items: [{ agendaItemId: draftItem.id, title: 'Maj', notes: '', decision: 'Utkast' }], record: null },
        updatedAt: at,
        updatedByPersonId: person.id,
      }),
    ).toBe(true);
    return {
      t,
      group,
      sdg7,
      mm1,
      local1,
      held,
      proposal,
      withdrawn,
      fromProposal,
      standing,
      cancelledItem,
      draftItem,
      follows,
      underStanding,
      unpublished,
    };
  }

  const key = (entries: TaggedEntry[]) => entries.map((e) => `${e.kind}:${e.id}:${e.goalIds.join('+')}`).sort();

  it('lists what the group did with the goals each thing carries, following proposal → item → decision and action', async () => {
    const s = await seed();
    const goals = [s.mm1.id, s.sdg7.id].sort().join('+');
    expect(key(await repos.goalTags.listTaggedForPeriod(s.t, s.group.id, null))).toEqual(
      [
        `proposal:${s.proposal.id}:${goals}`,
        `agendaItem:${s.fromProposal.id}:${goals}`,
        `agendaItem:${s.standing.id}:`,
        // The May meeting is not cancelled: its item is on a planned agenda.
        `agendaItem:${s.draftItem.id}:`,
        `decision:${s.fromProposal.id}:${goals}`,
        `action:${s.follows.id}:${goals}`,
        `action:${s.underStanding.id}:`,
      ].sort(),
    );
    const decision = (await repos.goalTags.listTaggedForPeriod(s.t, s.group.id, null)).find((e) => e.kind === 'decision');
    expect(decision).toMatchObject({ title: 'Solceller', text: 'Vi går vidare med taken.', meetingId: s.held.id, date: s.held.startsAt });
  });

  it('a chosen list wins and reaches the decision and the following action; none chosen is none; null follows again', async () => {
    const s = await seed();
    await repos.goalTags.choose(s.t, 'agendaItem', s.fromProposal.id, [s.local1.id], at);
    let entries = await repos.goalTags.listTaggedForPeriod(s.t, s.group.id, null);
    const goalsOf = (kind: string, thingId: string) => entries.find((e) => e.kind === kind && e.id === thingId)?.goalIds;
    expect(goalsOf('agendaItem', s.fromProposal.id)).toEqual([s.local1.id]);
    expect(goalsOf('decision', s.fromProposal.id)).toEqual([s.local1.id]);
    expect(goalsOf('action', s.follows.id)).toEqual([s.local1.id]);

    await repos.goalTags.choose(s.t, 'action', s.follows.id, [s.sdg7.id], at);
    await repos.goalTags.choose(s.t, 'agendaItem', s.fromProposal.id, [], at);
    entries = await repos.goalTags.listTaggedForPeriod(s.t, s.group.id, null);
    expect(goalsOf('agendaItem', s.fromProposal.id)).toEqual([]);
    expect(goalsOf('decision', s.fromProposal.id)).toEqual([]);
    expect(goalsOf('action', s.follows.id)).toEqual([s.sdg7.id]);

    await repos.goalTags.choose(s.t, 'agendaItem', s.fromProposal.id, null, at);
    entries = await repos.goalTags.listTaggedForPeriod(s.t, s.group.id, null);
    expect(goalsOf('agendaItem', s.fromProposal.id)).toEqual([s.mm1.id, s.sdg7.id].sort());
    expect(await repos.goalTags.findTarget(s.t, 'agendaItem', s.fromProposal.id)).toMatchObject({
      groupId: s.group.id,
      meetingId: s.held.id,
      chosenGoalIds: null,
      goalIds: [s.mm1.id, s.sdg7.id].sort(),
    });
    expect(await repos.goalTags.findTarget(s.t, 'action', s.follows.id)).toMatchObject({
      chosenGoalIds: [s.sdg7.id],
      goalIds: [s.sdg7.id],
    });
    expect(await repos.goalTags.findTarget(s.t, 'action', s.underStanding.id)).toMatchObject({ chosenGoalIds: null, goalIds: [] });
  });

  it('another tenant sees nothing, and an item leaving the agenda takes its choice along', async () => {
    const s = await seed();
    const other = await seedTenantWithGroup(repos);
    expect(await repos.goalTags.findTarget(other.tenant.id, 'agendaItem', s.fromProposal.id)).toBeNull();
    expect(await repos.goalTags.listTaggedForPeriod(other.tenant.id, s.group.id, null)).toEqual([]);

    await repos.goalTags.choose(s.t, 'agendaItem', s.standing.id, [s.local1.id], at);
    await repos.goalTags.choose(s.t, 'action', s.underStanding.id, [s.mm1.id], at);
    await repos.agendaItems.replaceForMeeting(s.t, s.held.id, [s.fromProposal]);
    expect(await repos.goalTags.findTarget(s.t, 'agendaItem', s.standing.id)).toBeNull();
    // The action stays with the meeting and keeps its own choice.
    expect(await repos.goalTags.findTarget(s.t, 'action', s.underStanding.id)).toMatchObject({ chosenGoalIds: [s.mm1.id] });
  });

  it('a period keeps only what falls in it', async () => {
    const s = await seed();
    const april = await repos.goalTags.listTaggedForPeriod(s.t, s.group.id, periodOfDays('2026-04-01', '2026-04-30'));
    expect(april).toEqual([]);
    const feb = await repos.goalTags.listTaggedForPeriod(s.t, s.group.id, periodOfDays('2026-02-01', '2026-02-28'));
    // aProposal is submitted on 2 February; the withdrawn one does not count.
    expect(feb.map((e) => `${e.kind}:${e.id}`)).toEqual([`proposal:${s.proposal.id}`]);
  });

  it('refuses a tag that points at no goal', async () => {
    const s = await seed();
    await expect(repos.goalTags.choose(s.t, 'agendaItem', s.standing.id, ['no-such-goal'], at)).rejects.toMatchObject({ code: '23503' });
    // Nothing half-written: the failed choice left no empty choice behind.
    expect(await repos.goalTags.findTarget(s.t, 'agendaItem', s.standing.id)).toMatchObject({ chosenGoalIds: null });
  });

  it('adds local goals after the last, renames, retires (left out of choices, kept in the overview) and restores', async () => {
    const s = await seed();
    const added = await repos.goals.addLocal({ id: id(), tenantId: s.t, groupId: s.group.id, name: 'Hållbar mat' });
    expect(added).toMatchObject({ framework: 'local', number: 2, groupId: s.group.id, name: 'Hållbar mat' });
    await repos.goals.update(s.t, added.id, { retiredAt: at });
    expect((await repos.goals.listForGroup(s.t, s.group.id)).map((g) => g.id)).not.toContain(added.id);
    expect((await repos.goals.listWithRetired(s.t, s.group.id)).find((g) => g.id === added.id)).toMatchObject({ retired: true });
    // A retired goal keeps its number: the next one is 3.
    expect(await repos.goals.addLocal({ id: id(), tenantId: s.t, groupId: s.group.id, name: 'Skog' })).toMatchObject({ number: 3 });
    await repos.goals.update(s.t, added.id, { name: 'Hållbar och lokal mat', retiredAt: null });
    expect(await repos.goals.find(s.t, added.id)).toMatchObject({ name: 'Hållbar och lokal mat', retired: false });
    await repos.goals.update(s.t, added.id, { name: 'Bara namnet' });
    expect(await repos.goals.find(s.t, added.id)).toMatchObject({ name: 'Bara namnet', retired: false });
    // Only local goals retire.
    await expect(repos.goals.update(s.t, s.sdg7.id, { retiredAt: at })).rejects.toMatchObject({ code: '23514' });
  });
});
