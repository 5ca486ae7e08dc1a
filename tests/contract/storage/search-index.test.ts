/**
 * The search index against every database: Swedish stemming and stop words (the `swedish`
 * configuration, on PGlite as on PostgreSQL), compounds found by their first part, ranking (a
 * title before a description), highlights as markers, only each meeting's latest minutes, and
 * nothing from a group or a tenant it was not asked about — not even from a group of another
 * tenant that has the very same id.
 */
import type { Repositories, Tenant } from '../../../bot/src/app/ports/repositories';
import type { SearchHit, SearchRequest } from '../../../bot/src/app/ports/search-index';
import type { AgendaItem } from '../../../bot/src/domain/agenda-item';
import type { Group } from '../../../bot/src/domain/group';
import type { Meeting } from '../../../bot/src/domain/meeting';
import type { ActionItem, Minutes, MinutesItemEntry } from '../../../bot/src/domain/minutes';
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, SEARCH_KINDS, type SearchKind } from '../../../bot/src/domain/search';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, aPerson, aProposal, id, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('search index on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  const at = new Date('2026-03-11T15:00:00.000Z');

  /** One group's searchable things: a proposal, an agenda item, minutes (published, then a draft) and an action. */
  async function seedGroup(tenant: Tenant, group: Group, words: { item: string; decision: string; notes: string; action: string }) {
    const person = aPerson(tenant.id);
    await repos.people.save(person);
    const meeting: Meeting = aMeeting(tenant.id, group.id, { title: 'Gruppmöte mars' });
    await repos.meetings.save(meeting);
    const item: AgendaItem = {
      id: id(),
      tenantId: tenant.id,
      groupId: group.id,
      meetingId: meeting.id,
      position: 1,
      title: words.item,
      durationMinutes: 20,
      presenterPersonId: null,
      proposalId: null,
      standing: false,
    };
    await repos.agendaItems.replaceForMeeting(tenant.id, meeting.id, [item]);
    const action: ActionItem = {
      id: id(),
      tenantId: tenant.id,
      groupId: group.id,
      meetingId: meeting.id,
      agendaItemId: item.id,
      position: 1,
      title: words.action,
      ownerPersonId: person.id,
      organisationId: null,
      dueDate: '2026-04-30',
      status: 'open',
      createdAt: at,
      updatedAt: at,
    };
    expect(await repos.actionItems.replaceForMeeting(tenant.id, meeting.id, [action])).toBe(true);
    return { person, meeting, item, action };
  }

  function minutes(
    tenantId: string,
    groupId: string,
    meetingId: string,
    version: number,
    items: MinutesItemEntry[],
    published: boolean,
  ): Minutes {
    return {
      tenantId,
      groupId,
      meetingId,
      version,
      status: published ? 'published' : 'draft',
      revision: 1,
      body: { items, record: published ? { attendance: [], actions: [] } : null },
      publishedAt: published ? at : null,
      publishedByPersonId: null,
      createdAt: at,
      updatedAt: at,
      updatedByPersonId: null,
    };
  }

  let tenant: Tenant;
  let g1: Group;
  let g2: Group;
  let other: { tenant: Tenant; group: Group };
  let seeded: Awaited<ReturnType<typeof seedGroup>>;
  let titleProposalId = '';
  let descriptionProposalId = '';

  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
    ({ tenant, group: g1 } = await seedTenantWithGroup(repos));
    g2 = { ...g1, id: id(), name: 'Sociala hållbarhetsgruppen' };
    await repos.groups.save(g2);
    // Another municipality whose group has the very same id as g1.
    other = await seedTenantWithGroup(repos, { id: g1.id });

    seeded = await seedGroup(tenant, g1, {
      item: 'Klimatanpassningen i Trollhättan',
      decision: '',
      notes: '',
      action: 'Kartlägg klimatanpassningsbehov på skolgårdar',
    });
    const proposer = seeded.person.id;
    const byTitle = aProposal(tenant.id, g1.id, proposer, {
      title: 'Klimatanpassning av skolgårdar',
      description: 'Träd och mindre asfalt.',
    });
    const byDescription = aProposal(tenant.id, g1.id, proposer, {
      title: 'Grönare förskolor',
      description: 'Om <b>klimatanpassningar</b> på förskolor, och mer.',
      // Newer than the title match: the rank, not the date, puts the title match first.
      createdAt: new Date('2026-02-03T08:15:00.000Z'),
    });
    await repos.proposals.save(byTitle);
    await repos.proposals.save(byDescription);
    titleProposalId = byTitle.id;
    descriptionProposalId = byDescription.id;

    // Minutes: version 1 published, version 2 a correction still in draft — only v2 is searched.
    const entry = (decision: string, notes: string): MinutesItemEntry => ({
      agendaItemId: seeded.item.id,
      title: seeded.item.title,
      notes,
      decision,
    });
    expect(
      await repos.minutes.insert(
        minutes(tenant.id, g1.id, seeded.meeting.id, 1, [entry('Ursprungligt beslut om dagvatten.', 'Ursprungliga anteckningar.')], true),
      ),
    ).toBe(true);
    expect(
      await repos.minutes.insert(
        minutes(
          tenant.id,
          g1.id,
          seeded.meeting.id,
          2,
          [entry('Gruppen beslutade att ta fram en plan för dagvatten.', `Vi pratade om dagvatten och ${S}skyfall${E} i centrum.`)],
          false,
        ),
      ),
    ).toBe(true);

    // The same words in g2 (same tenant) and in the other tenant's group with g1's id.
    for (const [t, g] of [
      [tenant, g2],
      [other.tenant, other.group],
    ] as const) {
      const s = await seedGroup(t, g, {
        item: 'Klimatanpassningen i Vänersborg',
        decision: '',
        notes: '',
        action: 'Kartlägg klimatanpassningsbehov i parker',
      });
      await repos.proposals.save(aProposal(t.id, g.id, s.person.id, { title: 'Klimatanpassning av parker' }));
      const entry2: MinutesItemEntry = {
        agendaItemId: s.item.id,
        title: s.item.title,
        notes: 'Hemligt utkast om dagvatten.',
        decision: 'Beslut om dagvatten.',
      };
      expect(await repos.minutes.insert(minutes(t.id, g.id, s.meeting.id, 1, [entry2], false))).toBe(true);
    }
  }, 60_000);
  afterAll(() => opened.db.close());

  const find = (query: string, overrides: Partial<SearchRequest> = {}): Promise<SearchHit[]> =>
    repos.search.search({ tenantId: tenant.id, groupIds: [g1.id], kinds: SEARCH_KINDS, query, perKind: 20, ...overrides });
  const kindsOf = (hits: SearchHit[]) => hits.map((h) => h.kind);

  it('stems Swedish: "klimatanpassning" finds "klimatanpassningar" and "Klimatanpassningen"', async () => {
    const hits = await find('klimatanpassning');
    expect(hits.filter((h) => h.kind === 'proposal').map((h) => h.id)).toEqual([titleProposalId, descriptionProposalId]);
    expect(hits.find((h) => h.kind === 'item')).toMatchObject({ id: seeded.item.id, title: 'Klimatanpassningen i Trollhättan' });
    // "klimatanpassningarna" is found only through its stem: as a prefix it matches nothing stored.
    const definite = await find('klimatanpassningarna');
    expect(definite.filter((h) => h.kind === 'item').map((h) => h.id)).toEqual([seeded.item.id]);
    expect(definite.filter((h) => h.kind === 'proposal').map((h) => h.id)).toEqual([titleProposalId, descriptionProposalId]);
  });

  it('finds a compound by its first part and leaves Swedish stop words out', async () => {
    expect((await find('klimat')).filter((h) => h.kind === 'action').map((h) => h.id)).toEqual([seeded.action.id]);
    // "och" is in every text above, and a Swedish stop word.
    expect(await find('och')).toEqual([]);
  });

  it('ranks a match in the title above one in the description, and highlights with markers only', async () => {
    const [first, second] = (await find('klimatanpassning', { kinds: ['proposal'] })) as [SearchHit, SearchHit];
    expect(first.rank).toBeGreaterThan(second.rank);
    expect(first.markedTitle).toBe(`${S}Klimatanpassning${E} av skolgårdar`);
    expect(second.markedTitle).toBe('Grönare förskolor');
    // The excerpt marks the term; the headline function drops the tag-like text around it.
    expect(second.markedSnippet).toContain(`${S}klimatanpassningar${E}`);
    expect(second.markedSnippet).not.toContain('<b>');
    expect(second.meeting).toBeNull();
  });

  it('searches each meeting’s latest minutes only, with the item as title and the meeting as where', async () => {
    const hits = await find('dagvatten');
    expect(kindsOf(hits).sort()).toEqual(['decision', 'minutes']);
    for (const hit of hits) {
      expect(hit).toMatchObject({
        id: seeded.item.id,
        groupId: g1.id,
        title: 'Klimatanpassningen i Trollhättan',
        minutesStatus: 'draft',
        meeting: { id: seeded.meeting.id, title: 'Gruppmöte mars', startsAt: seeded.meeting.startsAt },
      });
    }
    // A marker character written into the text is taken out: each marker in the excerpt is the index's.
    const notes = hits.find((h) => h.kind === 'minutes')!.markedSnippet;
    expect(notes).toContain(`${S}dagvatten${E}`);
    expect(notes.split(S)).toHaveLength(2);
    expect(notes.split(E)).toHaveLength(2);
    expect(notes).toContain('skyfall');
    // Words only in the superseded published version are not found.
    expect(await find('ursprungligt')).toEqual([]);
  });

  it('returns nothing from another group or tenant — not even one whose group has the same id', async () => {
    const own = await find('klimatanpassning');
    expect(new Set(own.map((h) => h.groupId))).toEqual(new Set([g1.id]));
    expect(own.some((h) => /parker|Vänersborg/.test(h.title))).toBe(false);
    expect((await find('dagvatten')).some((h) => h.markedSnippet.includes('Hemligt'))).toBe(false);

    const both = await find('parker', { groupIds: [g1.id, g2.id] });
    expect(new Set(both.map((h) => h.groupId))).toEqual(new Set([g2.id]));
    expect(kindsOf(both).sort()).toEqual(['action', 'proposal']);

    const theirs = await find('Vänersborg', { tenantId: other.tenant.id });
    expect(theirs.map((h) => h.groupId)).toEqual([g1.id]);
    expect((await find('Vänersborg')).length).toBe(0);
    expect(await find('klimatanpassning', { groupIds: [] })).toEqual([]);
  });

  it('keeps to the kinds asked for and to the limit per kind', async () => {
    const kinds: SearchKind[] = ['action', 'item'];
    expect(kindsOf(await find('klimatanpassning', { kinds })).sort()).toEqual(['action', 'item']);
    expect(kindsOf(await find('klimatanpassning', { kinds: ['proposal'], perKind: 1 }))).toEqual(['proposal']);
  });

  it('never fails on what was typed', async () => {
    const odd = [
      '"',
      "'",
      '-',
      '!',
      '(((',
      ':*',
      '\\',
      'a & b | !c <-> d',
      'x:A',
      '\u0001\u0002\u0003',
      '🙂🙂',
      'or or',
      '"klimat',
      'å'.repeat(200),
    ];
    for (const query of odd) await expect(find(query)).resolves.toEqual(expect.any(Array));
  });
});
