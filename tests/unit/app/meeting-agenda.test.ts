/**
 * The agenda builder's use cases on the demo group: a meeting's agenda starts from the group's
 * standing items, takes in accepted proposals and lets go of the others; strategists edit and save
 * it against the revision they started from; every refusal leaves the database as it was; a sent
 * kallelse follows the saved agenda.
 */
import { randomUUID } from 'node:crypto';
import type { MeetingAgendaView } from '../../../bot/src/app/meeting-agenda-view';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { UnitOfWork } from '../../../bot/src/app/ports/repositories';
import { AGENDA_LIMITS, agendaRevision, type AgendaItemDraft } from '../../../bot/src/domain/agenda-item';
import type { Meeting } from '../../../bot/src/domain/meeting';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../../support/group-seed-mother';

const OPENING = [
  'Mötet öppnas',
  'Fastställande av dagordning',
  'Föregående mötes minnesanteckningar och åtgärdslista',
  'Runda: aktuellt från förvaltningar och bolag',
];
const CLOSING = ['Återrapportering till Utskottet för Agenda 2030 och SDL', 'Övriga frågor', 'Nästa möte', 'Mötet avslutas'];

describe('the meeting agenda (agenda builder)', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const ports = fakePorts(clock);
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let tenantId = '';
  let meetings: Meeting[] = [];
  /** A strategist of another group in the same tenant, and a member of that group only. */
  let outsider = '';
  let otherGroupMember = '';
  const as = (name: string) => demo.as(name);
  const proposals = new Map<string, string>();
  let keys = 0;

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    ({ migrated, tenantId } = demo);
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
    });
    // Möte 1 11 Feb (past), 2 11 Mar, 3 8 Apr, 4 13 May, 5 10 Jun, 6 9 Sep, 7 14 Oct, 8 11 Nov.
    meetings = (await demo.meetings()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(meetings).toHaveLength(8);

    const base = aGroupSeed({ tenant: { id: tenantId, name: 'Trollhättans Stad (demo)' } });
    const other = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('other') },
      {
        ...base,
        group: { ...base.group, name: 'Sociala hållbarhetsgruppen', teamId: null },
        people: base.people.map((p) => ({ ...p, email: `other-${p.email}`, aadObjectId: null })),
        goals: [],
      },
      [2026],
    );
    const otherPeople = await migrated.storage.repositories.people.listByGroup(tenantId, other.groupId);
    outsider = otherPeople.find((p) => p.name === 'Anna Strateg')!.id;
    otherGroupMember = otherPeople.find((p) => p.name === 'Sara Delegat')!.id;
  }, 60_000); // a fresh database with the demo seed is slow on a busy machine
  afterAll(() => migrated.db.close());

  const meetingId = (n: number) => meetings[n - 1]!.id;

  async function propose(name: string, title: string, minutes: number, meeting: string): Promise<string> {
    const form = await useCases.openProposalForm(as(name));
    const stored = await useCases.submitProposal({
      ...as(name),
      groupId: demo.groupId,
      proposalId: null,
      submissionKey: `k-${(keys += 1)}`,
      draft: { ...form.values, title, kind: 'diskussion', minutesNeeded: minutes, meetingId: meeting },
    });
    if (stored.kind !== 'stored') throw new Error(`proposal not stored: ${JSON.stringify(stored)}`);
    proposals.set(title, stored.proposal.id);
    return stored.proposal.id;
  }

  async function accept(title: string, at: string): Promise<void> {
    clock.set(at);
    await useCases.decideProposal({ ...as('Anna Lindqvist'), proposalId: proposals.get(title)!, decision: 'accept' });
  }

  /** Every agenda row of the tenant and every save in the audit log: what a refusal must not touch. */
  async function snapshot() {
    const rows = await migrated.db.query(`SELECT * FROM agenda_item WHERE tenant_id = $1 ORDER BY meeting_id, position`, [tenantId]);
    const saves = await migrated.db.query(`SELECT id FROM audit_event WHERE tenant_id = $1 AND action = 'agenda.saved'`, [tenantId]);
    return { rows, saves: saves.length };
  }

  const stored = (meeting: string) => migrated.storage.repositories.agendaItems.listByMeeting(tenantId, meeting);

  const drafts = (view: MeetingAgendaView): AgendaItemDraft[] =>
    view.items.map((i) => ({
      id: i.id,
      title: i.title,
      durationMinutes: i.durationMinutes,
      presenterPersonId: i.presenter?.id ?? null,
      proposalId: i.proposalId,
      standing: i.standing,
    }));

  const titles = (view: { items: { title: string }[] }) => view.items.map((i) => i.title);

  it("starts a meeting with nothing stored from the group's standing items, stored on a strategist's read with stable ids", async () => {
    expect(await stored(meetingId(2))).toEqual([]);
    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    // The seed's own wording ("Utskottet för Agenda 2030"), not the default template.
    expect(view.items.map((i) => [i.position, i.title, i.durationMinutes, i.standing, i.proposalId, i.presenter])).toEqual([
      [1, OPENING[0], 5, true, null, null],
      [2, OPENING[1], 5, true, null, null],
      [3, OPENING[2], 10, true, null, null],
      [4, OPENING[3], 20, true, null, null],
      [5, CLOSING[0], 10, true, null, null],
      [6, CLOSING[1], 5, true, null, null],
      [7, CLOSING[2], 5, true, null, null],
      [8, CLOSING[3], 5, true, null, null],
    ]);
    // Timed from 13:00 Stockholm, each item after the one before.
    expect(view.items.map((i) => i.startsAt.toISOString().slice(11, 16))).toEqual([
      '12:00',
      '12:05',
      '12:10',
      '12:20',
      '12:40',
      '12:50',
      '12:55',
      '13:00',
    ]);
    expect(view).toMatchObject({
      groupId: demo.groupId,
      canEdit: true,
      totalMinutes: 65,
      limits: AGENDA_LIMITS,
      missingStandingItems: [],
      meeting: { id: meetingId(2), status: 'planned' },
    });
    expect(view.presenters.map((p) => p.name)).toEqual([
      'Anna Lindqvist',
      'Erik Johansson',
      'Johan Ek',
      'Karin Berg',
      'Leila Karimi',
      'Mohammed Haddad',
      'Per Andersson',
      'Sara Nilsson',
    ]);
    const rows = await stored(meetingId(2));
    expect(rows.map((r) => [r.id, r.position])).toEqual(view.items.map((i) => [i.id, i.position]));
    expect(view.revision).toBe(agendaRevision(rows));

    const again = await useCases.getMeetingAgenda({ ...as('Erik Johansson'), meetingId: meetingId(2) });
    expect(again.items.map((i) => i.id)).toEqual(view.items.map((i) => i.id));
    expect(again.revision).toBe(view.revision);
  });

  it('shows a delegate the agenda without storing it, with no backlog, no meetings to defer to and no editing', async () => {
    await propose('Johan Ek', 'Fjärrvärme i skolor', 15, meetingId(3));
    const before = await snapshot();
    const view = await useCases.getMeetingAgenda({ ...as('Sara Nilsson'), meetingId: meetingId(3) });
    expect(titles(view)).toEqual([...OPENING, ...CLOSING]);
    expect(view.canEdit).toBe(false);
    expect(view.backlog).toEqual([]);
    expect(view.deferTargets).toEqual([]);
    expect(await stored(meetingId(3))).toEqual([]);
    expect(await snapshot()).toEqual(before);

    // The same meeting for a strategist: the waiting proposal, the meetings still to come.
    const forStrategist = await useCases.getMeetingAgenda({ ...as('Erik Johansson'), meetingId: meetingId(3) });
    expect(forStrategist.canEdit).toBe(true);
    expect(forStrategist.backlog.map((p) => [p.title, p.status])).toEqual([['Fjärrvärme i skolor', 'submitted']]);
    expect(forStrategist.deferTargets.map((m) => m.id)).toEqual(meetings.slice(1).map((m) => m.id));
    expect((await stored(meetingId(3))).map((r) => r.id)).toEqual(forStrategist.items.map((i) => i.id));
  });

  it('adds accepted proposals before the closing standing items, oldest decision first, presented by their proposer', async () => {
    const first = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    await propose('Sara Nilsson', 'Skolmåltider och klimat', 20, meetingId(2));
    await propose('Karin Berg', 'Upphandling av cyklar', 15, meetingId(2));
    await propose('Johan Ek', 'Ej behandlad', 10, meetingId(2));
    await accept('Upphandling av cyklar', '2026-02-21T09:00:00Z');
    await accept('Skolmåltider och klimat', '2026-02-22T09:00:00Z');

    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    expect(view.items.map((i) => [i.title, i.durationMinutes, i.presenter?.name ?? null, i.standing])).toEqual([
      ...OPENING.slice(0, 4).map((t, n) => [t, [5, 5, 10, 20][n], null, true]),
      ['Upphandling av cyklar', 15, 'Karin Berg', false],
      ['Skolmåltider och klimat', 20, 'Sara Nilsson', false],
      ...CLOSING.map((t, n) => [t, [10, 5, 5, 5][n], null, true]),
    ]);
    expect(view.items[4]!.proposalId).toBe(proposals.get('Upphandling av cyklar'));
    expect(view.items[5]!.proposalId).toBe(proposals.get('Skolmåltider och klimat'));
    // The standing items kept the ids they were stored with.
    const standingIds = view.items.filter((i) => i.standing).map((i) => i.id);
    expect(standingIds).toEqual(first.items.map((i) => i.id));
    expect(view.totalMinutes).toBe(100);
    expect(view.backlog.map((p) => p.title)).toEqual(['Ej behandlad']);
    expect((await stored(meetingId(2))).map((r) => r.id)).toEqual(view.items.map((i) => i.id));
  });

  it("saves a strategist's edit: order, lengths, titles, presenters, a new item, a standing item taken off", async () => {
    const before = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    const [open, fix, previous, round, bikes, meals, ...closing] = drafts(before);
    const mohammed = demo.people.get('Mohammed Haddad')!;
    const per = demo.people.get('Per Andersson')!;
    const edit: AgendaItemDraft[] = [
      open!,
      fix!,
      { ...meals!, durationMinutes: 25, presenterPersonId: mohammed },
      { ...bikes!, title: 'Upphandling av cyklar – beslut' },
      {
        id: null,
        title: '  Gäst från Trollhättan Energi  ',
        durationMinutes: 30,
        presenterPersonId: per,
        proposalId: null,
        standing: false,
      },
      { ...round!, durationMinutes: 15 },
      ...closing,
    ];
    void previous; // taken off the agenda
    const saved = await useCases.saveMeetingAgenda({
      ...as('Anna Lindqvist'),
      meetingId: meetingId(2),
      expectedRevision: before.revision,
      items: edit,
    });

    expect(saved.items.map((i) => [i.position, i.title, i.durationMinutes, i.presenter?.name ?? null])).toEqual([
      [1, OPENING[0], 5, null],
      [2, OPENING[1], 5, null],
      [3, 'Skolmåltider och klimat', 25, 'Mohammed Haddad'],
      [4, 'Upphandling av cyklar – beslut', 15, 'Karin Berg'],
      [5, 'Gäst från Trollhättan Energi', 30, 'Per Andersson'],
      [6, OPENING[3], 15, null],
      ...CLOSING.map((t, n) => [7 + n, t, [10, 5, 5, 5][n], null]),
    ]);
    // Existing items keep their ids; the new one gets a fresh id.
    expect(saved.items.map((i, n) => (n === 4 ? null : i.id))).toEqual(edit.map((d) => d.id));
    expect(before.items.map((i) => i.id)).not.toContain(saved.items[4]!.id);
    expect(saved.totalMinutes).toBe(120);
    expect(saved.missingStandingItems.map((t) => t.title)).toEqual([OPENING[2]]);
    expect(saved.revision).not.toBe(before.revision);

    const rows = await stored(meetingId(2));
    expect(rows.map((r) => [r.id, r.position, r.title, r.durationMinutes, r.presenterPersonId, r.proposalId, r.standing])).toEqual(
      saved.items.map((i) => [i.id, i.position, i.title, i.durationMinutes, i.presenter?.id ?? null, i.proposalId, i.standing]),
    );
    expect(agendaRevision(rows)).toBe(saved.revision);
    const audit = await migrated.storage.repositories.audit.listByGroup(tenantId, demo.groupId, 5);
    expect(audit[0]).toMatchObject({
      action: 'agenda.saved',
      subject: `meeting:${meetingId(2)}`,
      actorPersonId: as('Anna Lindqvist').personId,
    });

    // Read again: the same items, the same revision, nothing stored anew.
    const reread = await useCases.getMeetingAgenda({ ...as('Erik Johansson'), meetingId: meetingId(2) });
    expect(reread.revision).toBe(saved.revision);
    expect(reread.items).toEqual(saved.items);
  });

  it('writes nothing for a save that changes nothing', async () => {
    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    const before = await snapshot();
    const saved = await useCases.saveMeetingAgenda({
      ...as('Anna Lindqvist'),
      meetingId: meetingId(2),
      expectedRevision: view.revision,
      items: drafts(view),
    });
    expect(saved.revision).toBe(view.revision);
    expect(await snapshot()).toEqual(before);
  });

  it('puts a proposal accepted later before the closing items, keeping the saved order', async () => {
    const before = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    await accept('Ej behandlad', '2026-02-23T09:00:00Z');
    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    expect(titles(view)).toEqual([...titles(before).slice(0, 6), 'Ej behandlad', ...CLOSING]);
    expect(view.items.slice(0, 6).map((i) => i.id)).toEqual(before.items.slice(0, 6).map((i) => i.id));
    expect(view.items[6]).toMatchObject({
      durationMinutes: 10,
      presenter: { name: 'Johan Ek' },
      proposalId: proposals.get('Ej behandlad'),
    });
  });

  it('refuses an edit started from an older revision and writes nothing', async () => {
    const anna = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    const erik = await useCases.getMeetingAgenda({ ...as('Erik Johansson'), meetingId: meetingId(2) });
    expect(erik.revision).toBe(anna.revision);
    const annaEdit = drafts(anna).map((d, n) => (n === 0 ? { ...d, durationMinutes: 3 } : d));
    const saved = await useCases.saveMeetingAgenda({
      ...as('Anna Lindqvist'),
      meetingId: meetingId(2),
      expectedRevision: anna.revision,
      items: annaEdit,
    });
    const before = await snapshot();

    const erikEdit = drafts(erik).map((d, n) => (n === 1 ? { ...d, durationMinutes: 9 } : d));
    await expect(
      useCases.saveMeetingAgenda({ ...as('Erik Johansson'), meetingId: meetingId(2), expectedRevision: erik.revision, items: erikEdit }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // A revision that never existed is as stale as an old one.
    await expect(
      useCases.saveMeetingAgenda({ ...as('Erik Johansson'), meetingId: meetingId(2), expectedRevision: '12-00000000', items: erikEdit }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshot()).toEqual(before);
    expect((await useCases.getMeetingAgenda({ ...as('Erik Johansson'), meetingId: meetingId(2) })).revision).toBe(saved.revision);
  });

  it('refuses an edit started before a decision on a proposal changed the agenda, writing nothing', async () => {
    await propose('Leila Karimi', 'Äldreboenden och värmeböljor', 20, meetingId(2));
    const opened = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    await accept('Äldreboenden och värmeböljor', '2026-02-24T09:00:00Z');
    const before = await snapshot();
    await expect(
      useCases.saveMeetingAgenda({
        ...as('Anna Lindqvist'),
        meetingId: meetingId(2),
        expectedRevision: opened.revision,
        items: drafts(opened),
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Not even the completed agenda (with the new decision) was stored by the refused save.
    expect(await snapshot()).toEqual(before);
  });

  it('keeps every accepted proposal on the agenda exactly once: removing or doubling one is refused, nothing written', async () => {
    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    const before = await snapshot();
    const meals = proposals.get('Skolmåltider och klimat')!;
    const withoutMeals = drafts(view).filter((d) => d.proposalId !== meals);
    const doubled = [
      ...drafts(view),
      { id: null, title: 'Igen', durationMinutes: 5, presenterPersonId: null, proposalId: meals, standing: false },
    ];
    const submitted = await propose('Per Andersson', 'Inte beslutat', 10, meetingId(2));
    const notAccepted = [
      ...drafts(view),
      { id: null, title: 'Smyger in', durationMinutes: 5, presenterPersonId: null, proposalId: submitted, standing: false },
    ];
    for (const items of [withoutMeals, doubled, notAccepted]) {
      await expect(
        useCases.saveMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2), expectedRevision: view.revision, items }),
      ).rejects.toMatchObject({ code: 'invalid' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another meeting's items, presenters who are not members, bad titles and lengths, writing nothing", async () => {
    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    const elsewhere = (await stored(meetingId(3)))[0]!.id;
    const before = await snapshot();
    const change = (patch: Partial<AgendaItemDraft>) => drafts(view).map((d, n) => (n === 1 ? { ...d, ...patch } : d));
    const bad: [string, AgendaItemDraft[]][] = [
      ["another meeting's item", change({ id: elsewhere })],
      ['an id never stored', change({ id: 'no-such-item' })],
      ['an item twice', [...drafts(view), drafts(view)[0]!]],
      ['a member of another group presenting', change({ presenterPersonId: otherGroupMember })],
      ['nobody presenting', change({ presenterPersonId: 'no-such-person' })],
      ['an empty title', change({ title: '   ' })],
      ['a title too long', change({ title: 'x'.repeat(201) })],
      ['no minutes', change({ durationMinutes: 0 })],
      ['too many minutes', change({ durationMinutes: 481 })],
      ['part of a minute', change({ durationMinutes: 7.5 })],
      ['too many items', [...drafts(view), ...Array.from({ length: 41 - view.items.length }, () => ({ ...drafts(view)[0]!, id: null }))]],
    ];
    for (const [name, items] of bad) {
      const outcome = await useCases
        .saveMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2), expectedRevision: view.revision, items })
        .then(
          () => 'saved',
          (error: { code?: string }) => error.code,
        );
      expect([name, outcome]).toEqual([name, 'invalid']);
    }
    expect(await snapshot()).toEqual(before);
    expect((await stored(meetingId(3)))[0]!.meetingId).toBe(meetingId(3));
  });

  it('lets only strategists of the group save: delegates and other groups are refused, nothing written', async () => {
    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    const before = await snapshot();
    const edit = drafts(view).reverse();
    const attempt = (who: { tenantId: string; personId: string }, meeting = meetingId(2)) =>
      useCases.saveMeetingAgenda({ ...who, meetingId: meeting, expectedRevision: view.revision, items: edit });
    await expect(attempt(as('Sara Nilsson'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(attempt({ tenantId, personId: outsider })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(attempt({ tenantId, personId: otherGroupMember })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(attempt(as('Anna Lindqvist'), 'no-such-meeting')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(attempt({ tenantId: 'another-tenant', personId: as('Anna Lindqvist').personId })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(useCases.getMeetingAgenda({ tenantId, personId: outsider, meetingId: meetingId(2) })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: 'no-such-meeting' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('drops items whose proposal was deferred, declined or withdrawn; a deferred one waits in the other meeting’s backlog', async () => {
    for (const [name, title] of [
      ['Karin Berg', 'Ska skjutas upp'],
      ['Leila Karimi', 'Ska avslås'],
      ['Per Andersson', 'Ska dras tillbaka'],
      ['Mohammed Haddad', 'Blir kvar'],
    ] as const) {
      await propose(name, title, 10, meetingId(3));
      await accept(title, '2026-02-25T09:00:00Z');
    }
    const full = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(3) });
    expect(titles(full)).toEqual([...OPENING, 'Ska skjutas upp', 'Ska avslås', 'Ska dras tillbaka', 'Blir kvar', ...CLOSING]);

    const anna = as('Anna Lindqvist');
    await useCases.decideProposal({ ...anna, proposalId: proposals.get('Ska skjutas upp')!, decision: 'defer', meetingId: meetingId(6) });
    await useCases.decideProposal({
      ...anna,
      proposalId: proposals.get('Ska avslås')!,
      decision: 'decline',
      reason: 'Hör hemma i annan grupp',
    });
    // No door withdraws an accepted proposal today; the agenda must follow the status all the same.
    const repos = migrated.storage.repositories;
    const withdrawing = (await repos.proposals.find(tenantId, proposals.get('Ska dras tillbaka')!))!;
    await repos.proposals.save({ ...withdrawing, status: 'withdrawn', updatedAt: new Date('2026-02-25T10:00:00Z') });

    // A delegate's read already shows the agenda without them (and stores nothing).
    const forDelegate = await useCases.getMeetingAgenda({ ...as('Sara Nilsson'), meetingId: meetingId(3) });
    expect(titles(forDelegate)).toEqual([...OPENING, 'Blir kvar', ...CLOSING]);
    expect((await stored(meetingId(3))).map((r) => r.title)).toEqual(titles(full));

    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(3) });
    expect(titles(view)).toEqual([...OPENING, 'Blir kvar', ...CLOSING]);
    expect(view.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await stored(meetingId(3))).map((r) => r.title)).toEqual(titles(view));

    const target = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(6) });
    expect(titles(target)).toEqual([...OPENING, ...CLOSING]);
    expect(target.backlog.map((p) => [p.title, p.status])).toEqual([['Ska skjutas upp', 'deferred']]);
  });

  it('closes the agenda of a meeting that has begun, been held or been cancelled (409), writing nothing', async () => {
    // Möte 1 began before "now": a strategist may read it, but it is not completed and stored.
    const past = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(1) });
    expect(past.canEdit).toBe(false);
    expect(await stored(meetingId(1))).toEqual([]);

    const repos = migrated.storage.repositories;
    await repos.meetings.save({ ...meetings[3]!, status: 'held' });
    await useCases.cancelMeeting({ ...as('Anna Lindqvist'), meetingId: meetingId(5) });
    const held = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(4) });
    const cancelled = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(5) });
    expect([held.canEdit, cancelled.canEdit]).toEqual([false, false]);
    expect([await stored(meetingId(4)), await stored(meetingId(5))]).toEqual([[], []]);

    const before = await snapshot();
    for (const [n, view] of [
      [1, past],
      [4, held],
      [5, cancelled],
    ] as const) {
      await expect(
        useCases.saveMeetingAgenda({
          ...as('Anna Lindqvist'),
          meetingId: meetingId(n),
          expectedRevision: view.revision,
          items: drafts(view),
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
    }
    // A meeting still planned, but under way by now.
    const current = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(2) });
    const now = clock.now().toISOString();
    clock.set('2026-03-11T12:30:00Z');
    try {
      await expect(
        useCases.saveMeetingAgenda({
          ...as('Anna Lindqvist'),
          meetingId: meetingId(2),
          expectedRevision: current.revision,
          items: drafts(current),
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      clock.set(now);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('updates every sent kallelse in place with the saved order, lengths and presenters', async () => {
    clock.set('2026-02-26T09:00:00Z');
    const report = await useCases.sendKallelse({ by: as('Anna Lindqvist'), tenantId, meetingId: meetingId(2) });
    expect(report.sent).toBe(8);
    const sentBefore = ports.messenger.sent.length;
    const updatesBefore = ports.messenger.updated.length;

    const view = await useCases.getMeetingAgenda({ ...as('Erik Johansson'), meetingId: meetingId(2) });
    expect(view.meeting.status).toBe('called');
    const karin = demo.people.get('Karin Berg')!;
    // The last item first, the round table shorter, Karin presenting the opening.
    const edit = drafts(view);
    const last = edit.pop()!;
    const reordered = [last, ...edit].map((d) =>
      d.title === OPENING[3] ? { ...d, durationMinutes: 5 } : d.title === OPENING[0] ? { ...d, presenterPersonId: karin } : d,
    );
    const saved = await useCases.saveMeetingAgenda({
      ...as('Erik Johansson'),
      meetingId: meetingId(2),
      expectedRevision: view.revision,
      items: reordered,
    });

    const expected = saved.items.map((i) => [i.title, i.durationMinutes, i.presenter?.name ?? null, i.startsAt.toISOString()]);
    expect(expected[0]).toEqual([CLOSING[3], 5, null, '2026-03-11T12:00:00.000Z']);
    expect(expected[1]).toEqual([OPENING[0], 3, 'Karin Berg', '2026-03-11T12:05:00.000Z']); // 3 minutes since Anna's edit
    const updates = ports.messenger.updated.slice(updatesBefore).filter((u) => u.notice.kind === 'kallelse');
    expect(updates).toHaveLength(8);
    for (const { notice } of updates) {
      if (notice.kind !== 'kallelse') throw new Error('not a kallelse');
      expect(notice.agenda.map((i) => [i.title, i.minutes, i.presenterName, i.startsAt.toISOString()])).toEqual(expected);
    }
    expect(ports.messenger.sent.length).toBe(sentBefore);
    const kallelse = await useCases.getKallelse({ ...as('Sara Nilsson'), meetingId: meetingId(2) });
    expect(kallelse?.agenda.map((i) => [i.title, i.minutes, i.presenterName, i.startsAt.toISOString()])).toEqual(expected);

    // Saving the same agenda again reaches no one.
    await useCases.saveMeetingAgenda({
      ...as('Erik Johansson'),
      meetingId: meetingId(2),
      expectedRevision: saved.revision,
      items: drafts(saved),
    });
    expect(ports.messenger.updated.length).toBe(updatesBefore + 8);
    expect(ports.messenger.sent.length).toBe(sentBefore);
  });

  it('lets an item with an action in draft minutes leave the agenda, by an edit or a decision; the action stays with the meeting', async () => {
    const meeting = meetingId(8);
    await propose('Sara Nilsson', 'Klimatbudget', 20, meeting);
    await accept('Klimatbudget', '2026-02-27T09:00:00Z');
    const opened = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meeting });
    const free = await useCases.saveMeetingAgenda({
      ...as('Anna Lindqvist'),
      meetingId: meeting,
      expectedRevision: opened.revision,
      items: [
        ...drafts(opened),
        { id: null, title: 'Studiebesök', durationMinutes: 15, presenterPersonId: null, proposalId: null, standing: false },
      ],
    });
    const studyVisit = free.items.find((i) => i.title === 'Studiebesök')!.id;
    const budget = free.items.find((i) => i.title === 'Klimatbudget')!.id;
    const minutes = await useCases.saveMinutesDraft({
      ...as('Anna Lindqvist'),
      meetingId: meeting,
      revision: 0,
      draft: {
        items: [],
        attendance: [],
        actions: [
          { id: 'action-visit', agendaItemId: studyVisit, title: 'Boka buss', ownerPersonId: null, dueDate: null, status: 'open' },
          { id: 'action-budget', agendaItemId: budget, title: 'Ta fram underlag', ownerPersonId: null, dueDate: null, status: 'open' },
        ],
      },
    });
    expect(minutes.kind).toBe('saved');

    // Taking the item with an action off the agenda: saved; the action stays with the meeting, off the item.
    const removed = await useCases.saveMeetingAgenda({
      ...as('Anna Lindqvist'),
      meetingId: meeting,
      expectedRevision: free.revision,
      items: drafts(free).filter((d) => d.id !== studyVisit),
    });
    expect(titles(removed)).not.toContain('Studiebesök');
    const actionsOf = async () =>
      Object.fromEntries(
        (await migrated.storage.repositories.actionItems.listByMeeting(tenantId, meeting)).map((a) => [a.id, a.agendaItemId]),
      );
    expect(await actionsOf()).toEqual({ 'action-visit': null, 'action-budget': budget });

    // The proposal declined: its item (with an action) leaves the agenda on the next read, which still works.
    await useCases.decideProposal({
      ...as('Anna Lindqvist'),
      proposalId: proposals.get('Klimatbudget')!,
      decision: 'decline',
      reason: 'Tas i budgetgruppen',
    });
    const after = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meeting });
    expect(titles(after)).toEqual([...OPENING, ...CLOSING]);
    expect(await actionsOf()).toEqual({ 'action-visit': null, 'action-budget': null });
  });

  it('refuses an empty agenda (it would read back as the template), and stores nothing', async () => {
    const view = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(7) });
    await expect(
      useCases.saveMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(7), expectedRevision: view.revision, items: [] }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const reread = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: meetingId(7) });
    expect({ revision: reread.revision, items: titles(reread) }).toEqual({ revision: view.revision, items: titles(view) });
  });
});

/**
 * Two strategists at once, on every database: the revision must hold when the saves really run
 * side by side (PostgreSQL runs the two transactions concurrently; PGlite one after the other).
 */
describe.each(databaseTargets())('the agenda with two strategists at once, on $name', (target) => {
  const clock = fixedClock('2026-04-20T08:00:00Z');
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let anna: { tenantId: string; personId: string };
  let erik: { tenantId: string; personId: string };
  let meetings: Meeting[] = [];

  beforeAll(async () => {
    migrated = await openMigratedStorage(target);
    const { groupId } = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') },
      aGroupSeed(),
      [2026],
    );
    // Each transaction waits, right after reading the stored agenda, until the other one has read
    // it too (or 500 ms have passed): the race is run every time instead of now and then. A fix
    // that serialises the two (a lock taken before the read) passes through on the timeout.
    const storage = migrated.storage;
    const unitOfWork: UnitOfWork = {
      transaction: (work) =>
        storage.unitOfWork.transaction((repos) =>
          work({
            ...repos,
            agendaItems: {
              listByMeeting: async (tenantId, meetingId) => {
                const rows = await repos.agendaItems.listByMeeting(tenantId, meetingId);
                await gate?.();
                return rows;
              },
              replaceForMeeting: (tenantId, meetingId, items) => repos.agendaItems.replaceForMeeting(tenantId, meetingId, items),
            },
          }),
        ),
    };
    useCases = createUseCases({ repositories: storage.repositories, unitOfWork, clock, ids: randomUUID, ...fakePorts(clock) });
    const people = await migrated.storage.repositories.people.listByGroup(TENANT, groupId);
    anna = { tenantId: TENANT, personId: people.find((p) => p.name === 'Anna Strateg')!.id };
    erik = { tenantId: TENANT, personId: people.find((p) => p.name === 'Erik Strateg')!.id };
    // 13 May, 9 Sep and 11 Nov are still to come.
    meetings = (await migrated.storage.repositories.meetings.listByGroup(TENANT, groupId))
      .filter((m) => m.startsAt.getTime() > clock.now().getTime())
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  });
  afterAll(() => migrated.db.close());
  afterEach(() => (gate = null));

  let gate: (() => Promise<void>) | null = null;
  /** Lets the readers through once two have arrived, or after `timeoutMs`; open from then on. */
  function twoAtOnce(timeoutMs = 500): () => Promise<void> {
    let arrived = 0;
    let open: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return async () => {
      arrived += 1;
      if (arrived >= 2) open();
      const timer = setTimeout(open, timeoutMs);
      await opened;
      clearTimeout(timer);
    };
  }

  const draftsOf = (view: MeetingAgendaView): AgendaItemDraft[] =>
    view.items.map((i) => ({
      id: i.id,
      title: i.title,
      durationMinutes: i.durationMinutes,
      presenterPersonId: i.presenter?.id ?? null,
      proposalId: i.proposalId,
      standing: i.standing,
    }));

  it('gives two strategists opening a new meeting at once the same stored agenda', async () => {
    const meetingId = meetings[0]!.id;
    gate = twoAtOnce();
    const [first, second] = await Promise.allSettled([
      useCases.getMeetingAgenda({ ...anna, meetingId }),
      useCases.getMeetingAgenda({ ...erik, meetingId }),
    ]);
    expect([first.status, second.status]).toEqual(['fulfilled', 'fulfilled']);
    const [a, b] = [first, second].map((r) => (r as PromiseFulfilledResult<MeetingAgendaView>).value);
    const rows = await migrated.storage.repositories.agendaItems.listByMeeting(TENANT, meetingId);
    expect(rows.map((r) => r.id)).toEqual(a!.items.map((i) => i.id));
    expect(b!.items.map((i) => i.id)).toEqual(a!.items.map((i) => i.id));
  });

  it('lets only one of two saves from the same revision through; the other is told to reload (409)', async () => {
    const meetingId = meetings[1]!.id;
    const opened = await useCases.getMeetingAgenda({ ...anna, meetingId });
    const annaEdit = draftsOf(opened).map((d, n) => (n === 0 ? { ...d, durationMinutes: 7 } : d));
    const erikEdit = draftsOf(opened).reverse();
    gate = twoAtOnce();
    const outcomes = await Promise.allSettled([
      useCases.saveMeetingAgenda({ ...anna, meetingId, expectedRevision: opened.revision, items: annaEdit }),
      useCases.saveMeetingAgenda({ ...erik, meetingId, expectedRevision: opened.revision, items: erikEdit }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'conflict' });
    const won = (outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<MeetingAgendaView>).value;
    const rows = await migrated.storage.repositories.agendaItems.listByMeeting(TENANT, meetingId);
    expect(agendaRevision(rows)).toBe(won.revision);
  });
});
