/**
 * The minutes' use cases on the demo group: who may read, write, approve and publish; autosave
 * with its revision check, all or nothing; the review; publishing; corrections.
 */
import { randomUUID } from 'node:crypto';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { MinutesView } from '../../../bot/src/app/minutes-view';
import type { Meeting } from '../../../bot/src/domain/meeting';
import type { MinutesDraft } from '../../../bot/src/domain/minutes';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('minutes', () => {
  // The seed's first meeting (11 February 2026) has been; the next (11 March) has not.
  const clock = fixedClock('2026-03-01T10:00:00Z');
  let demo: DemoGroup;
  let useCases: ReturnType<typeof createUseCases>;
  let meetings: Meeting[];
  let outsider = '';

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    const { storage } = demo.migrated;
    useCases = createUseCases({
      repositories: storage.repositories,
      unitOfWork: storage.unitOfWork,
      clock,
      ids: randomUUID,
      ...fakePorts(clock),
    });
    meetings = await demo.meetings();
    // Another group in the same tenant, with a person of its own.
    const other = aGroupSeed({
      tenant: demo.seed.tenant,
      people: [
        { name: 'Olle Annan', email: 'olle@annan.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
        { name: 'Lena Annan', email: 'lena@annan.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
      ],
    });
    const { groupId } = await seedDemoGroup(
      { unitOfWork: storage.unitOfWork, clock, ids: sequentialIds('other') },
      { ...other, group: { ...other.group, name: 'Annan grupp', teamId: null } },
      [2026],
    );
    outsider = (await storage.repositories.people.listByGroup(demo.tenantId, groupId))[0]!.id;
  });
  afterAll(() => demo.migrated.db.close());
  afterEach(() => clock.set('2026-03-01T10:00:00Z'));

  const repos = () => demo.migrated.storage.repositories;
  const nameOf = (personId: string | null) => [...demo.people].find(([, id]) => id === personId)?.[0] ?? '';

  /** A past meeting of its own per test, so tests do not share minutes. */
  let nextMeeting = 0;
  async function aHeldMeeting(): Promise<{ meeting: Meeting; chair: string; other: string }> {
    const template = meetings[0]!;
    const meeting: Meeting = { ...template, id: randomUUID(), title: `Möte ${(nextMeeting += 1)}`, status: 'held' };
    await repos().meetings.save(meeting);
    const chair = nameOf(meeting.chairPersonId);
    const other = chair === 'Anna Lindqvist' ? 'Erik Johansson' : 'Anna Lindqvist';
    return { meeting, chair, other };
  }

  function draftFor(view: MinutesView, overrides: Partial<MinutesDraft> = {}): MinutesDraft {
    const first = view.items[0]!.agendaItemId;
    return {
      items: [{ agendaItemId: first, notes: 'Anna hälsade välkommen.', decision: 'Dagordningen fastställdes.' }],
      attendance: [
        { personId: demo.people.get('Anna Lindqvist')!, presence: 'present', substituteForPersonId: null },
        { personId: demo.people.get('Sara Nilsson')!, presence: 'absent', substituteForPersonId: null },
        { personId: demo.people.get('Per Andersson')!, presence: 'substitute', substituteForPersonId: demo.people.get('Sara Nilsson')! },
      ],
      actions: [
        {
          id: randomUUID(),
          agendaItemId: first,
          title: 'Skicka ut presentationen',
          ownerPersonId: demo.people.get('Sara Nilsson')!,
          dueDate: '2026-03-31',
          status: 'open',
        },
      ],
      ...overrides,
    };
  }

  async function saved(name: string, meetingId: string, revision: number, draft: MinutesDraft): Promise<MinutesView> {
    const result = await useCases.saveMinutesDraft({ ...demo.as(name), meetingId, revision, draft });
    if (result.kind !== 'saved') throw new Error('expected the save to go through');
    return result.minutes;
  }

  async function auditActions(): Promise<string[]> {
    return (await repos().audit.listByGroup(demo.tenantId, demo.groupId, 500)).map((e) => e.action);
  }

  it('shows a member the agenda to write under, attendance by organisation, and what they may do', async () => {
    const { meeting, chair } = await aHeldMeeting();
    const sara = await useCases.getMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id });
    expect(sara).toMatchObject({ version: 1, status: 'draft', stored: false, revision: 0 });
    expect(sara.items.map((i) => i.title)).toEqual(demo.seed.group.settings.standingItems.map((s) => s.title));
    expect(sara.items.every((i) => i.notes === '' && i.onAgenda)).toBe(true);
    // Förvaltningar first, then bolag; every member once.
    const kinds = sara.attendance.map((g) => g.organisation?.kind);
    expect(kinds.indexOf('bolag') === -1 || kinds.lastIndexOf('forvaltning') < kinds.indexOf('bolag')).toBe(true);
    expect(kinds[0]).toBe('forvaltning');
    expect(sara.attendance.find((g) => g.organisation?.name === 'Utbildningsförvaltningen')?.people.map((p) => p.name)).toEqual([
      'Sara Nilsson',
    ]);
    expect(sara.attendance.flatMap((g) => g.people)).toHaveLength(demo.people.size);
    expect(sara.permissions).toMatchObject({ edit: false, approve: false, comment: false, publish: false, publishBlocker: 'not-allowed' });
    const chairView = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    expect(chairView.permissions).toMatchObject({ edit: true, publishBlocker: 'not-saved' });
    // A writer's read stores the agenda, so its item ids stay the same from then on, for everyone;
    // a reader's look stores nothing.
    const again = await useCases.getMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id });
    expect(again.items.map((i) => i.agendaItemId)).toEqual(chairView.items.map((i) => i.agendaItemId));
  });

  it('refuses a member of another group and a meeting that does not exist, the same way', async () => {
    const { meeting } = await aHeldMeeting();
    const outside = { tenantId: demo.tenantId, personId: outsider };
    await expect(useCases.getMinutes({ ...outside, meetingId: meeting.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(useCases.getMinutes({ ...demo.as('Sara Nilsson'), meetingId: 'no-such-meeting' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(useCases.approveMinutes({ ...outside, meetingId: meeting.id, revision: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(useCases.listMeetingMinutes({ ...outside, groupId: demo.groupId })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('saves notes, attendance and actions together, and a save that changes nothing keeps the revision', async () => {
    const { meeting, chair } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    const draft = draftFor(start);
    const first = await saved(chair, meeting.id, 0, draft);
    expect(first).toMatchObject({ stored: true, revision: 1, updatedBy: { name: chair } });
    expect(first.items[0]).toMatchObject({ notes: 'Anna hälsade välkommen.', decision: 'Dagordningen fastställdes.' });
    expect(first.items[0]!.actions).toEqual([
      expect.objectContaining({ title: 'Skicka ut presentationen', owner: { id: demo.people.get('Sara Nilsson'), name: 'Sara Nilsson' } }),
    ]);
    expect(first.items[0]!.actions[0]!.organisationName).toBe('Utbildningsförvaltningen');
    const people = first.attendance.flatMap((g) => g.people);
    expect(people.find((p) => p.name === 'Per Andersson')).toMatchObject({ presence: 'substitute', substituteForName: 'Sara Nilsson' });
    expect(people.find((p) => p.name === 'Sara Nilsson')).toMatchObject({ presence: 'absent' });

    expect((await saved(chair, meeting.id, 1, draft)).revision).toBe(1);
    const second = await saved(chair, meeting.id, 1, { ...draft, actions: [] });
    expect(second.revision).toBe(2);
    expect(second.items[0]!.actions).toEqual([]);
    expect(await repos().actionItems.listByMeeting(demo.tenantId, meeting.id)).toEqual([]);
  });

  it('records one audit event per editing session, not one per autosave', async () => {
    const { meeting, chair, other } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    const before = (await auditActions()).filter((a) => a === 'minutes.edited').length;
    let view = await saved(chair, meeting.id, 0, draftFor(start));
    for (const text of ['a', 'ab', 'abc']) {
      clock.set(new Date(clock.now().getTime() + 5_000).toISOString());
      view = await saved(
        chair,
        meeting.id,
        view.revision,
        draftFor(start, { items: [{ agendaItemId: start.items[1]!.agendaItemId, notes: text, decision: '' }] }),
      );
    }
    expect((await auditActions()).filter((a) => a === 'minutes.edited').length - before).toBe(1);
    // Someone else saving starts a session of their own.
    await saved(other, meeting.id, view.revision, draftFor(start));
    expect((await auditActions()).filter((a) => a === 'minutes.edited').length - before).toBe(2);
  });

  it('refuses a save from a stale revision, overwriting nothing, and hands back the current minutes', async () => {
    const { meeting, chair, other } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    await saved(chair, meeting.id, 0, draftFor(start));
    const result = await useCases.saveMinutesDraft({
      ...demo.as(other),
      meetingId: meeting.id,
      revision: 0,
      draft: draftFor(start, { items: [{ agendaItemId: start.items[0]!.agendaItemId, notes: 'Skriver över', decision: '' }], actions: [] }),
    });
    expect(result.kind).toBe('stale');
    if (result.kind !== 'stale') return;
    expect(result.current).toMatchObject({ revision: 1 });
    expect(result.current.items[0]!.notes).toBe('Anna hälsade välkommen.');
    expect(result.current.items[0]!.actions).toHaveLength(1);
  });

  it('lets only strategists and the meeting’s chair write; a delegate chairing may', async () => {
    const { meeting } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id });
    await expect(
      useCases.saveMinutesDraft({ ...demo.as('Sara Nilsson'), meetingId: meeting.id, revision: 0, draft: draftFor(start) }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await repos().minutes.listVersions(demo.tenantId, meeting.id)).toEqual([]);

    await repos().meetings.save({ ...meeting, chairPersonId: demo.people.get('Sara Nilsson')! });
    // As the chair she writes under the agenda her own read stored.
    const asChair = await useCases.getMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id });
    expect((await saved('Sara Nilsson', meeting.id, 0, draftFor(asChair))).revision).toBe(1);
  });

  it('stores nothing of a save that fails part-way', async () => {
    const { meeting, chair } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    const before = await saved(chair, meeting.id, 0, draftFor(start));
    // An action id that another meeting's action already has: refused after the text was written.
    const { meeting: elsewhere } = await aHeldMeeting();
    const taken = randomUUID();
    await repos().actionItems.replaceForMeeting(demo.tenantId, elsewhere.id, [
      {
        id: taken,
        tenantId: demo.tenantId,
        groupId: demo.groupId,
        meetingId: elsewhere.id,
        agendaItemId: null,
        position: 1,
        title: 'Annan',
        ownerPersonId: null,
        organisationId: null,
        dueDate: null,
        status: 'open',
        createdAt: clock.now(),
        updatedAt: clock.now(),
      },
    ]);
    const draft = draftFor(start, {
      items: [{ agendaItemId: start.items[0]!.agendaItemId, notes: 'Ändrad text', decision: '' }],
      attendance: [{ personId: demo.people.get('Karin Berg')!, presence: 'present', substituteForPersonId: null }],
      actions: [{ ...draftFor(start).actions[0]!, id: taken }],
    });
    await expect(useCases.saveMinutesDraft({ ...demo.as(chair), meetingId: meeting.id, revision: 1, draft })).rejects.toMatchObject({
      code: 'invalid',
    });
    const after = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    expect(after.revision).toBe(1);
    expect(after.items).toEqual(before.items);
    expect(after.attendance).toEqual(before.attendance);

    // A draft the domain refuses never reaches the database either.
    const badOwner = draftFor(start, { actions: [{ ...draftFor(start).actions[0]!, ownerPersonId: outsider }] });
    await expect(
      useCases.saveMinutesDraft({ ...demo.as(chair), meetingId: meeting.id, revision: 1, draft: badOwner }),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  it('publishes after the chair and one more member approve the current text, and locks it', async () => {
    const { meeting, chair } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    let view = await saved(chair, meeting.id, 0, draftFor(start));
    await expect(useCases.publishMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: view.revision })).rejects.toMatchObject({
      code: 'conflict',
    });

    view = await useCases.approveMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: view.revision });
    expect(view.permissions).toMatchObject({ approved: true, publishBlocker: 'needs-other' });
    view = await useCases.approveMinutes({ ...demo.as('Karin Berg'), meetingId: meeting.id, revision: view.revision });
    expect(view.review).toMatchObject({ chairApproved: true, otherApproved: true, publishable: true });

    // The chair changes a word: both approvals are of an earlier text now.
    const changed = draftFor(start, { items: [{ agendaItemId: start.items[0]!.agendaItemId, notes: 'Rättat ord.', decision: '' }] });
    view = await saved(chair, meeting.id, view.revision, changed);
    expect(view.review).toMatchObject({ publishable: false, missing: ['chair', 'other'] });
    expect(view.review.approvals.every((a) => !a.current)).toBe(true);
    await expect(
      useCases.approveMinutes({ ...demo.as('Karin Berg'), meetingId: meeting.id, revision: view.revision - 1 }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await useCases.approveMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: view.revision });
    view = await useCases.approveMinutes({ ...demo.as('Karin Berg'), meetingId: meeting.id, revision: view.revision });

    await expect(
      useCases.publishMinutes({ ...demo.as('Karin Berg'), meetingId: meeting.id, revision: view.revision }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    clock.set('2026-03-02T08:00:00Z');
    const published = await useCases.publishMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: view.revision });
    expect(published).toMatchObject({ status: 'published', version: 1, publishedBy: { name: chair } });
    expect(published.publishedAt).toEqual(new Date('2026-03-02T08:00:00Z'));
    expect(published.meeting.status).toBe('minutes_published');
    expect((await repos().meetings.find(demo.tenantId, meeting.id))?.status).toBe('minutes_published');
    expect(published.permissions).toMatchObject({
      edit: false,
      approve: false,
      comment: false,
      correct: true,
      publishBlocker: 'published',
    });
    expect(published.items).toHaveLength(start.items.length);
    expect(published.items[0]!.actions).toEqual([expect.objectContaining({ title: 'Skicka ut presentationen' })]);
    const events = await repos().audit.listByGroup(demo.tenantId, demo.groupId, 50);
    expect(events.find((e) => e.action === 'minutes.published')).toMatchObject({
      subject: `minutes:${meeting.id}`,
      detail: { meetingId: meeting.id, version: 1, correctionOf: null },
    });

    // Locked: no save, approval or comment any more; an action followed up later does not change the record.
    await expect(
      useCases.saveMinutesDraft({ ...demo.as(chair), meetingId: meeting.id, revision: published.revision, draft: changed }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      useCases.commentOnMinutes({
        ...demo.as('Karin Berg'),
        meetingId: meeting.id,
        agendaItemId: start.items[0]!.agendaItemId,
        text: 'Sent',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const [action] = await repos().actionItems.listByMeeting(demo.tenantId, meeting.id);
    await repos().actionItems.replaceForMeeting(demo.tenantId, meeting.id, [{ ...action!, status: 'done' }]);
    const reread = await useCases.getMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id });
    expect(reread.items).toEqual(published.items);
    expect(reread.attendance).toEqual(published.attendance);
  });

  it('refuses to publish before the meeting has taken place', async () => {
    const future = meetings.find((m) => m.startsAt.getTime() > clock.now().getTime())!;
    const chair = nameOf(future.chairPersonId);
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: future.id });
    const view = await saved(chair, future.id, 0, draftFor(start));
    expect(view.permissions.publishBlocker).toBe('meeting-not-held');
    await expect(useCases.publishMinutes({ ...demo.as(chair), meetingId: future.id, revision: view.revision })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('takes comments per item from any member, on the draft only', async () => {
    const { meeting, chair } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    const item = start.items[2]!.agendaItemId;
    await expect(
      useCases.commentOnMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id, agendaItemId: item, text: 'Hm' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await saved(chair, meeting.id, 0, draftFor(start));
    const view = await useCases.commentOnMinutes({
      ...demo.as('Sara Nilsson'),
      meetingId: meeting.id,
      agendaItemId: item,
      text: '  Stämmer årtalet?  ',
    });
    expect(view.items[2]!.comments).toEqual([
      expect.objectContaining({ text: 'Stämmer årtalet?', author: { id: demo.people.get('Sara Nilsson'), name: 'Sara Nilsson' } }),
    ]);
    await expect(
      useCases.commentOnMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id, agendaItemId: 'nope', text: 'x' }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(
      useCases.commentOnMinutes({ ...demo.as('Sara Nilsson'), meetingId: meeting.id, agendaItemId: item, text: '   ' }),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
    // Comments do not change the text, so approvals stand.
    expect(view.revision).toBe(1);
  });

  it('corrects published minutes with a new version that starts from the published text and is reviewed again', async () => {
    const { meeting, chair, other } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    let view = await saved(chair, meeting.id, 0, draftFor(start));
    await useCases.approveMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: view.revision });
    await useCases.approveMinutes({ ...demo.as(other), meetingId: meeting.id, revision: view.revision });
    const first = await useCases.publishMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: view.revision });
    await expect(useCases.startMinutesCorrection({ ...demo.as('Sara Nilsson'), meetingId: meeting.id })).rejects.toMatchObject({
      code: 'forbidden',
    });

    view = await useCases.startMinutesCorrection({ ...demo.as(other), meetingId: meeting.id });
    expect(view).toMatchObject({ version: 2, status: 'draft', revision: 1, stored: true });
    expect(view.items[0]!.notes).toBe('Anna hälsade välkommen.');
    expect(view.review.publishable).toBe(false);
    expect(view.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    // Asking again opens the same correction.
    expect((await useCases.startMinutesCorrection({ ...demo.as(chair), meetingId: meeting.id })).version).toBe(2);

    const fixed = draftFor(start, {
      items: [{ agendaItemId: start.items[0]!.agendaItemId, notes: 'Erik hälsade välkommen.', decision: '' }],
    });
    view = await saved(chair, meeting.id, view.revision, fixed);
    await useCases.approveMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: view.revision });
    await useCases.approveMinutes({ ...demo.as('Johan Ek'), meetingId: meeting.id, revision: view.revision });
    const second = await useCases.publishMinutes({ ...demo.as(chair), meetingId: meeting.id, revision: view.revision });
    expect(second).toMatchObject({ version: 2, status: 'published' });
    expect(second.items[0]!.notes).toBe('Erik hälsade välkommen.');

    const versions = await repos().minutes.listVersions(demo.tenantId, meeting.id);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'published'],
    ]);
    expect(versions[0]!.body.items[0]!.notes).toBe(first.items[0]!.notes);
    const events = await repos().audit.listByGroup(demo.tenantId, demo.groupId, 100);
    expect(events.find((e) => e.action === 'minutes.correction-started' && e.subject === `minutes:${meeting.id}`)?.detail).toEqual({
      meetingId: meeting.id,
      version: 2,
      corrects: 1,
    });
  });

  it('lists the group’s meetings with where their minutes stand', async () => {
    const { meeting, chair } = await aHeldMeeting();
    const start = await useCases.getMinutes({ ...demo.as(chair), meetingId: meeting.id });
    await saved(chair, meeting.id, 0, draftFor(start));
    const { meetings: listed } = await useCases.listMeetingMinutes({ ...demo.as('Sara Nilsson'), groupId: demo.groupId });
    expect(listed.find((m) => m.id === meeting.id)?.minutes).toEqual({ version: 1, status: 'draft', publishedAt: null });
    expect(listed.find((m) => m.id === meetings.at(-1)!.id)?.minutes).toBeNull();
  });
});
