/**
 * *Mötesplan*: strategists plan a year from a pattern, move, cancel and re-chair meetings; every
 * member reads the plan and the incoming chair's handover; delegates change nothing.
 */
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { Meeting } from '../../../bot/src/domain/meeting';
import { aProposal } from '../../contract/storage/storage-fixtures';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../../support/group-seed-mother';

describe('the meeting plan', () => {
  let migrated: MigratedStorage;
  let repos: Repositories;
  // The seed's meetings: 2026-02-11, 05-13, 09-09, 11-11, second Wednesday 13:00, two hours.
  const clock = fixedClock('2026-04-20T08:00:00Z');
  let useCases: ReturnType<typeof createUseCases>;
  let groupId = '';
  let otherGroupId = '';
  let anna = '';
  let erik = '';
  let sara = '';
  let olle = '';
  let pia = '';

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    repos = migrated.storage.repositories;
    const deps = { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') };
    groupId = (await seedDemoGroup(deps, aGroupSeed(), [2026])).groupId;
    const seed = aGroupSeed();
    otherGroupId = (
      await seedDemoGroup(
        { ...deps, ids: sequentialIds('other') },
        {
          ...seed,
          group: { ...seed.group, name: 'Annan grupp', teamId: null },
          people: [
            { name: 'Olle Annan', email: 'olle@test.example', aadObjectId: null, organisation: 'utb', role: 'strategist' },
            { name: 'Pia Annan', email: 'pia@test.example', aadObjectId: null, organisation: 'utb', role: 'strategist' },
          ],
        },
        [2026],
      )
    ).groupId;
    useCases = createUseCases({
      repositories: repos,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    const people = [...(await repos.people.listByGroup(TENANT, groupId)), ...(await repos.people.listByGroup(TENANT, otherGroupId))];
    const idOf = (name: string) => people.find((p) => p.name === name)!.id;
    [anna, erik, sara, olle, pia] = ['Anna Strateg', 'Erik Strateg', 'Sara Delegat', 'Olle Annan', 'Pia Annan'].map(idOf) as [
      string,
      string,
      string,
      string,
      string,
    ];
  });
  afterAll(() => migrated.db.close());
  afterEach(() => clock.set('2026-04-20T08:00:00Z'));

  const as = (personId: string) => ({ tenantId: TENANT, personId });
  const pattern = (year: number) => ({
    groupId,
    year,
    count: 8,
    weekday: 3,
    occurrence: 2,
    startTime: '13:00',
    durationMinutes: 120,
    place: 'Stadshuset, sal 2',
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    addToExisting: false,
    preview: false,
  });
  const meetingsIn = async (year: number) =>
    (await repos.meetings.listByGroup(TENANT, groupId)).filter((m) => m.startsAt.toISOString().startsWith(String(year)));
  const auditActions = async () => (await repos.audit.listByGroup(TENANT, groupId, 200)).map((e) => e.action);
  async function aFreshMeeting(overrides: Partial<Meeting> = {}): Promise<Meeting> {
    const meeting: Meeting = {
      id: `m-${Math.random().toString(36).slice(2)}`,
      tenantId: TENANT,
      groupId,
      title: 'Extramöte',
      startsAt: new Date('2026-06-17T11:00:00Z'),
      durationMinutes: 90,
      place: 'Stadshuset',
      onlineUrl: null,
      chairPersonId: anna,
      status: 'planned',
      ...overrides,
    };
    await repos.meetings.save(meeting);
    return meeting;
  }

  it('previews a year without storing it, then plans it with alternating chairs that carry on from the year before', async () => {
    const lastOf2026 = (await meetingsIn(2026)).at(-1)!;
    const preview = await useCases.planMeetings({ ...as(anna), ...pattern(2027), preview: true });
    expect(preview).toMatchObject({ stored: false, existing: 0, skipped: [] });
    expect(preview.meetings).toHaveLength(8);
    expect(await meetingsIn(2027)).toEqual([]);

    const planned = await useCases.planMeetings({ ...as(anna), ...pattern(2027) });
    expect(planned.stored).toBe(true);
    const stored = await meetingsIn(2027);
    expect(stored.map((m) => m.startsAt.toISOString())).toEqual(preview.meetings.map((m) => m.startsAt.toISOString()));
    // Spread over the year without July; second Wednesday 13:00 in Stockholm: 12:00Z in winter, 11:00Z in summer.
    expect(stored.map((m) => m.startsAt.toISOString().slice(5, 7))).toEqual(['01', '03', '04', '05', '08', '09', '10', '12']);
    expect(stored[0]!.startsAt.toISOString()).toBe('2027-01-13T12:00:00.000Z');
    expect(stored[3]!.startsAt.toISOString()).toBe('2027-05-12T11:00:00.000Z');
    expect(stored.map((m) => m.title)).toEqual(['Möte 1', 'Möte 2', 'Möte 3', 'Möte 4', 'Möte 5', 'Möte 6', 'Möte 7', 'Möte 8']);
    expect(stored.every((m) => m.place === 'Stadshuset, sal 2' && m.durationMinutes === 120 && m.status === 'planned')).toBe(true);
    expect(stored[0]!.chairPersonId).not.toBe(lastOf2026.chairPersonId);
    stored.slice(1).forEach((m, i) => expect(m.chairPersonId).not.toBe(stored[i]!.chairPersonId));
    expect(new Set(stored.map((m) => m.chairPersonId))).toEqual(new Set([anna, erik]));
    expect(await auditActions()).toContain('meetings.planned');
  });

  it('refuses a year that has meetings unless told to add, and then adds no meeting twice, however often it is asked', async () => {
    await expect(useCases.planMeetings({ ...as(anna), ...pattern(2026) })).rejects.toMatchObject({ code: 'conflict' });
    const before = await meetingsIn(2026);
    const preview = await useCases.planMeetings({ ...as(anna), ...pattern(2026), preview: true });
    expect(preview.existing).toBe(4);

    // Two clicks at once: every date of the pattern exists once.
    const add = { ...as(erik), ...pattern(2026), addToExisting: true };
    const results = await Promise.all([useCases.planMeetings(add), useCases.planMeetings(add)]);
    const after = await meetingsIn(2026);
    const days = after.map((m) => m.startsAt.toISOString().slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    // Only dates still to come were added; May's second Wednesday (13th) was there already.
    expect(
      results
        .flatMap((r) => r.skipped)
        .filter((s) => s.reason === 'exists')
        .map((s) => s.date),
    ).toContain('2026-05-13');
    expect(results.flatMap((r) => r.skipped).map((s) => s.reason)).toContain('past');
    expect(after.every((m) => before.some((b) => b.id === m.id) || m.startsAt.getTime() > clock.now().getTime())).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
    expect(results.map((r) => r.meetings.length).sort()).toEqual([0, after.length - before.length]);
  });

  it('checks the pattern and the fields: an http link, too many meetings, a time that does not exist', async () => {
    await expect(useCases.planMeetings({ ...as(anna), ...pattern(2029), onlineUrl: 'http://example.se' })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^onlineUrl:/),
    });
    await expect(useCases.planMeetings({ ...as(anna), ...pattern(2029), count: 13 })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^count:/),
    });
    await expect(useCases.planMeetings({ ...as(anna), ...pattern(2029), startTime: '25:00' })).rejects.toMatchObject({
      code: 'year-plan.invalid-time',
    });
    expect(await meetingsIn(2029)).toEqual([]);
  });

  it('lets a delegate read the plan and the handover but change nothing, and no one act on another group', async () => {
    const meeting = await aFreshMeeting();
    const plan = await useCases.getMeetingPlan({ ...as(sara), groupId, year: 2026 });
    expect(plan.canChange).toBe(false);
    expect(plan.meetings.map((m) => m.id)).toContain(meeting.id);
    expect(plan.strategists.map((s) => s.name)).toEqual(['Anna Strateg', 'Erik Strateg']);
    expect((await useCases.getChairHandover({ ...as(sara), meetingId: meeting.id })).canChange).toBe(false);

    const refused = [
      useCases.planMeetings({ ...as(sara), ...pattern(2030) }),
      useCases.editMeeting({ ...as(sara), meetingId: meeting.id, place: 'Hemma' }),
      useCases.cancelMeeting({ ...as(sara), meetingId: meeting.id }),
      useCases.changeMeetingChair({ ...as(sara), meetingId: meeting.id, chairPersonId: erik }),
      // A strategist of another group.
      useCases.editMeeting({ ...as(olle), meetingId: meeting.id, place: 'Hemma' }),
      useCases.getChairHandover({ ...as(olle), meetingId: meeting.id }),
      useCases.getMeetingPlan({ ...as(olle), groupId }),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect(await repos.meetings.find(TENANT, meeting.id)).toEqual(meeting);
    expect(await meetingsIn(2030)).toEqual([]);
  });

  it('moves a meeting in Stockholm time and changes its details, and refuses what cannot be', async () => {
    const meeting = await aFreshMeeting();
    const moved = await useCases.editMeeting({
      ...as(erik),
      meetingId: meeting.id,
      date: '2026-10-28',
      time: '09:30',
      durationMinutes: 150,
      place: '  Kulturhuset,   lilla salen ',
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/xyz',
      title: 'Extramöte om klimat',
    });
    // After the autumn change: UTC+1.
    expect(moved.meeting.startsAt.toISOString()).toBe('2026-10-28T08:30:00.000Z');
    expect(moved).toMatchObject({ kallelseAlreadySent: false, meeting: { place: 'Kulturhuset, lilla salen', durationMinutes: 150 } });
    expect(await repos.meetings.find(TENANT, meeting.id)).toMatchObject({
      title: 'Extramöte om klimat',
      onlineUrl: expect.stringContaining('xyz'),
    });

    // Only the time: the date stays.
    const later = await useCases.editMeeting({ ...as(erik), meetingId: meeting.id, time: '13:15' });
    expect(later.meeting.startsAt.toISOString()).toBe('2026-10-28T12:15:00.000Z');

    for (const [change, field] of [
      [{ onlineUrl: 'http://example.se' }, 'onlineUrl'],
      [{ date: '2026-02-30' }, 'date'],
      [{ date: '2026-03-01' }, 'date'], // passed
      [{ title: '   ' }, 'title'],
      [{ durationMinutes: 5 }, 'durationMinutes'],
      [{ place: 'x'.repeat(201) }, 'place'],
    ] as const) {
      await expect(useCases.editMeeting({ ...as(erik), meetingId: meeting.id, ...change })).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringMatching(new RegExp(`^${field}:`)),
      });
    }
    // The link can be removed.
    expect((await useCases.editMeeting({ ...as(erik), meetingId: meeting.id, onlineUrl: '' })).meeting.onlineUrl).toBeNull();
    const changes = (await repos.audit.listByGroup(TENANT, groupId, 200)).filter((e) => e.subject === `meeting:${meeting.id}`);
    expect(changes.map((e) => e.action)).toEqual(['meeting.changed', 'meeting.changed', 'meeting.changed']);
  });

  it('says when a moved meeting had its kallelse sent already, and writes nothing for no change', async () => {
    const meeting = await aFreshMeeting({ status: 'called' });
    const same = await useCases.editMeeting({ ...as(anna), meetingId: meeting.id, place: meeting.place, time: '13:00' });
    expect(same.kallelseAlreadySent).toBe(false);
    expect((await repos.audit.listByGroup(TENANT, groupId, 200)).some((e) => e.subject === `meeting:${meeting.id}`)).toBe(false);
    const moved = await useCases.editMeeting({ ...as(anna), meetingId: meeting.id, date: '2026-06-18' });
    expect(moved).toMatchObject({ kallelseAlreadySent: true, meeting: { status: 'called' } });
  });

  it('cancels a meeting without deleting it, once, and never one that has been held', async () => {
    const meeting = await aFreshMeeting({ status: 'called' });
    await repos.proposals.save(aProposal(TENANT, groupId, sara, { meetingId: meeting.id, status: 'accepted' }));
    const cancelled = await useCases.cancelMeeting({ ...as(anna), meetingId: meeting.id });
    expect(cancelled).toMatchObject({ kallelseAlreadySent: true, proposalsToMove: 1, meeting: { status: 'cancelled' } });
    const again = await useCases.cancelMeeting({ ...as(erik), meetingId: meeting.id });
    expect(again.meeting.status).toBe('cancelled');
    expect((await repos.audit.listByGroup(TENANT, groupId, 200)).filter((e) => e.subject === `meeting:${meeting.id}`)).toHaveLength(1);
    expect((await useCases.getMeetingPlan({ ...as(sara), groupId, year: 2026 })).meetings.find((m) => m.id === meeting.id)?.status).toBe(
      'cancelled',
    );
    await expect(useCases.editMeeting({ ...as(anna), meetingId: meeting.id, place: 'Ny' })).rejects.toMatchObject({ code: 'conflict' });

    const held = await aFreshMeeting({ status: 'held', startsAt: new Date('2026-04-01T11:00:00Z') });
    await expect(useCases.cancelMeeting({ ...as(anna), meetingId: held.id })).rejects.toMatchObject({ code: 'conflict' });
    expect((await repos.meetings.find(TENANT, held.id))?.status).toBe('held');
  });

  it('swaps the chair to the other strategist, or to the strategist named, and to no one else', async () => {
    const meeting = await aFreshMeeting({ chairPersonId: anna });
    expect((await useCases.changeMeetingChair({ ...as(anna), meetingId: meeting.id })).meeting.chair?.id).toBe(erik);
    // Named: a repeated click changes nothing more.
    expect((await useCases.changeMeetingChair({ ...as(anna), meetingId: meeting.id, chairPersonId: erik })).meeting.chair?.id).toBe(erik);
    expect((await useCases.changeMeetingChair({ ...as(erik), meetingId: meeting.id, chairPersonId: anna })).meeting.chair?.id).toBe(anna);
    for (const chairPersonId of [sara, olle, 'nobody']) {
      await expect(useCases.changeMeetingChair({ ...as(anna), meetingId: meeting.id, chairPersonId })).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringMatching(/^chairPersonId:/),
      });
    }
    const events = (await repos.audit.listByGroup(TENANT, groupId, 200)).filter((e) => e.subject === `meeting:${meeting.id}`);
    expect(events.map((e) => [e.action, e.detail])).toEqual([
      ['meeting.chair-changed', { from: erik, to: anna }],
      ['meeting.chair-changed', { from: anna, to: erik }],
    ]);
  });

  it("gives the incoming chair the late and undecided proposals, the open actions and the last minutes' status", async () => {
    // The other group: no test above has changed its meetings.
    const day = (iso: string) => async () =>
      (await repos.meetings.listByGroup(TENANT, otherGroupId)).find((m) => m.startsAt.toISOString().startsWith(iso))!;
    const [february, may, september] = await Promise.all([day('2026-02-11')(), day('2026-05-13')(), day('2026-09-09')()]);
    const proposal = (title: string, overrides: Parameters<typeof aProposal>[3]) =>
      repos.proposals.save(aProposal(TENANT, otherGroupId, pia, { title, ...overrides }));
    await proposal('Sen', { meetingId: september.id, requestedMeetingId: may.id, late: true });
    await proposal('Utan möte', { meetingId: null });
    await proposal('Obeslutad', { meetingId: september.id });
    await proposal('Uppskjuten hit', { meetingId: september.id, status: 'deferred' });
    await proposal('Klar', { meetingId: september.id, status: 'accepted' });
    await proposal('Annat möte', { meetingId: may.id });
    await proposal('Återtagen', { meetingId: null, status: 'withdrawn' });
    const action = (id: string, meetingId: string, status: string, due: string | null) =>
      migrated.db.query(
        `INSERT INTO action_item (tenant_id, id, group_id, meeting_id, title, owner_person_id, due_date, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [TENANT, id, otherGroupId, meetingId, `Åtgärd ${id}`, pia, due, status],
      );
    await action('a-open', february.id, 'open', '2026-06-01');
    await action('a-late', february.id, 'in_progress', '2026-03-01');
    await action('a-done', february.id, 'done', '2026-03-01');
    await action('a-later', september.id, 'open', null);
    // The minutes of May (the meeting before September) are published.
    await migrated.db.query(
      `INSERT INTO minutes (tenant_id, group_id, meeting_id, version, status, published_at) VALUES ($1, $2, $3, 1, 'published', $4)`,
      [TENANT, otherGroupId, may.id, new Date('2026-05-20T08:00:00Z')],
    );

    const handover = await useCases.getChairHandover({ ...as(olle), meetingId: september.id });
    expect(handover.canChange).toBe(true);
    expect(handover.meeting.id).toBe(september.id);
    expect(handover.lateProposals.map((p) => p.title).sort()).toEqual(['Sen', 'Utan möte']);
    expect(handover.undecidedProposals.map((p) => p.title).sort()).toEqual(['Obeslutad', 'Uppskjuten hit']);
    expect(handover.openActions.map((a) => [a.id, a.overdue, a.ownerName])).toEqual([
      ['a-late', true, 'Pia Annan'],
      ['a-open', true, 'Pia Annan'],
    ]);
    expect(handover.openActions[0]!.organisationName).toBe('Utbildningsförvaltningen');
    expect(handover.previousMeeting).toMatchObject({ id: may.id, minutes: 'published' });

    const forMay = await useCases.getChairHandover({ ...as(olle), meetingId: may.id });
    expect(forMay.previousMeeting).toMatchObject({ id: february.id, minutes: 'none' });
    expect(forMay.openActions.map((a) => [a.id, a.overdue])).toEqual([
      ['a-late', true],
      ['a-open', false],
    ]);
  });
});
