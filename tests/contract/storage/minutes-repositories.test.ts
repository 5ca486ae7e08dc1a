/**
 * Minutes, their review, action items and presence against every database: autosave's revision
 * check, one draft at a time, and the public-records rule — a published version and its review
 * can be neither changed nor deleted, not even by hand.
 */
import { loadMigrations, migrate } from '../../../bot/src/adapters/storage/migrate';
import { SqlError } from '../../../bot/src/adapters/storage/sql-database';
import { createSqlRepositories } from '../../../bot/src/adapters/storage/sql-repositories';
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import type { AgendaItem } from '../../../bot/src/domain/agenda-item';
import type { ActionItem, Minutes } from '../../../bot/src/domain/minutes';
import { emptyMinutes, publishMinutes, startCorrection } from '../../../bot/src/domain/minutes-review';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, aPerson, anAttendance, id, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('minutes storage on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  const at = new Date('2026-03-11T15:00:00.000Z');

  async function seed(r: Repositories = repos) {
    const { tenant, group } = await seedTenantWithGroup(r);
    const meeting = aMeeting(tenant.id, group.id);
    await r.meetings.save(meeting);
    const people = [aPerson(tenant.id, { name: 'Anna' }), aPerson(tenant.id, { name: 'Bo' }), aPerson(tenant.id, { name: 'Cecilia' })];
    for (const person of people) await r.people.save(person);
    const agenda: AgendaItem[] = ['Mötet öppnas', 'Övriga frågor'].map((title, index) => ({
      id: id(),
      tenantId: tenant.id,
      groupId: group.id,
      meetingId: meeting.id,
      position: index + 1,
      title,
      durationMinutes: 5,
      presenterPersonId: null,
      proposalId: null,
      standing: true,
    }));
    await r.agendaItems.replaceForMeeting(tenant.id, meeting.id, agenda);
    return { tenant, group, meeting, people, agenda };
  }

  function aDraft(s: Awaited<ReturnType<typeof seed>>, overrides: Partial<Minutes> = {}): Minutes {
    return {
      ...emptyMinutes(s.meeting, at),
      revision: 1,
      body: { items: [{ agendaItemId: s.agenda[0]!.id, title: 'Mötet öppnas', notes: 'Anna öppnade mötet.', decision: '' }], record: null },
      updatedAt: at,
      updatedByPersonId: s.people[0]!.id,
      ...overrides,
    };
  }

  function anAction(s: Awaited<ReturnType<typeof seed>>, overrides: Partial<ActionItem> = {}): ActionItem {
    return {
      id: id(),
      tenantId: s.tenant.id,
      groupId: s.group.id,
      meetingId: s.meeting.id,
      agendaItemId: s.agenda[1]!.id,
      position: 1,
      title: 'Boka studiebesök',
      ownerPersonId: s.people[1]!.id,
      organisationId: null,
      dueDate: '2026-04-30',
      status: 'open',
      createdAt: at,
      updatedAt: at,
      ...overrides,
    };
  }

  async function publish(s: Awaited<ReturnType<typeof seed>>, draft: Minutes): Promise<Minutes> {
    const published = publishMinutes(draft, {
      agenda: s.agenda,
      record: { attendance: [], actions: [] },
      personId: s.people[0]!.id,
      now: new Date('2026-03-12T09:00:00.000Z'),
    });
    expect(await repos.minutes.saveIfUnchanged(published, draft.revision)).toBe(true);
    return published;
  }

  async function sqlErrorOf(promise: Promise<unknown>): Promise<SqlError> {
    const error: unknown = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SqlError);
    return error as SqlError;
  }

  it('round-trips a draft and saves it only from the revision it was read at', async () => {
    const s = await seed();
    const draft = aDraft(s);
    expect(await repos.minutes.insert(draft)).toBe(true);
    expect(await repos.minutes.listVersions(s.tenant.id, s.meeting.id)).toEqual([draft]);

    const next = { ...draft, revision: 2, body: { ...draft.body, items: [{ ...draft.body.items[0]!, notes: 'Ny text' }] } };
    expect(await repos.minutes.saveIfUnchanged(next, 1)).toBe(true);
    // Someone still at revision 1 is refused and writes nothing.
    const stale = { ...draft, revision: 2, body: { items: [], record: null } };
    expect(await repos.minutes.saveIfUnchanged(stale, 1)).toBe(false);
    expect(await repos.minutes.listVersions(s.tenant.id, s.meeting.id)).toEqual([next]);
  });

  it('stores one version once and one draft per meeting at a time', async () => {
    const s = await seed();
    const draft = aDraft(s);
    expect(await repos.minutes.insert(draft)).toBe(true);
    expect(await repos.minutes.insert({ ...draft, revision: 7 })).toBe(false);
    // A second draft (version 2) while version 1 is still a draft.
    expect(await repos.minutes.insert({ ...draft, version: 2 })).toBe(false);
    expect((await repos.minutes.listVersions(s.tenant.id, s.meeting.id)).map((m) => [m.version, m.revision])).toEqual([[1, 1]]);
  });

  it('locks the latest version in a unit of work and lists each meeting’s latest for the group', async () => {
    const s = await seed();
    const other = aMeeting(s.tenant.id, s.group.id, { startsAt: new Date('2026-05-13T11:00:00.000Z') });
    await repos.meetings.save(other);
    const published = await publish(s, await insertDraft(aDraft(s)));
    const correction = startCorrection(published, s.people[0]!.id, at);
    expect(await repos.minutes.insert(correction)).toBe(true);
    const latest = await opened.storage.unitOfWork.transaction((tx) => tx.minutes.lockLatest(s.tenant.id, s.meeting.id));
    expect(latest).toEqual(correction);
    expect(await opened.storage.unitOfWork.transaction((tx) => tx.minutes.lockLatest(s.tenant.id, other.id))).toBeNull();
    expect(await repos.minutes.listLatestByGroup(s.tenant.id, s.group.id)).toEqual([
      { meetingId: s.meeting.id, version: 2, status: 'draft', publishedAt: null },
    ]);
  });

  async function insertDraft(draft: Minutes): Promise<Minutes> {
    expect(await repos.minutes.insert(draft)).toBe(true);
    return draft;
  }

  it('locks a published version for good: no save, no update, no delete, and its meeting stays', async () => {
    const s = await seed();
    const published = await publish(s, await insertDraft(aDraft(s)));
    expect(
      await repos.minutes.saveIfUnchanged({ ...published, status: 'draft', publishedAt: null, body: { items: [], record: null } }, 1),
    ).toBe(false);
    const update = await sqlErrorOf(
      opened.db.query(`UPDATE minutes SET body = '{"items":[]}'::jsonb WHERE tenant_id = $1 AND meeting_id = $2`, [
        s.tenant.id,
        s.meeting.id,
      ]),
    );
    expect(update.code).toBe('23514');
    const remove = await sqlErrorOf(
      opened.db.query('DELETE FROM minutes WHERE tenant_id = $1 AND meeting_id = $2', [s.tenant.id, s.meeting.id]),
    );
    expect(remove.code).toBe('23514');
    const meeting = await sqlErrorOf(opened.db.query('DELETE FROM meeting WHERE tenant_id = $1 AND id = $2', [s.tenant.id, s.meeting.id]));
    expect(meeting.code).toBe('23503');
    expect(await repos.minutes.listVersions(s.tenant.id, s.meeting.id)).toEqual([published]);

    // A correction is a new version beside it; the published one is untouched.
    const correction = startCorrection(published, s.people[0]!.id, at);
    expect(await repos.minutes.insert(correction)).toBe(true);
    expect(await repos.minutes.saveIfUnchanged({ ...correction, revision: 2, body: { items: [], record: null } }, 1)).toBe(true);
    expect((await repos.minutes.listVersions(s.tenant.id, s.meeting.id))[0]).toEqual(published);
  });

  it('keeps approvals per version, one per person, and comments oldest first', async () => {
    const s = await seed();
    await insertDraft(aDraft(s));
    const [anna, bo] = s.people.map((p) => p.id) as [string, string, string];
    const base = { tenantId: s.tenant.id, groupId: s.group.id, meetingId: s.meeting.id, version: 1 };
    await repos.minutesReview.approve({ ...base, personId: anna, revision: 1, approvedAt: at });
    await repos.minutesReview.approve({ ...base, personId: anna, revision: 3, approvedAt: new Date('2026-03-11T16:00:00.000Z') });
    await repos.minutesReview.approve({ ...base, personId: bo, revision: 3, approvedAt: new Date('2026-03-11T17:00:00.000Z') });
    expect((await repos.minutesReview.listApprovals(s.tenant.id, s.meeting.id, 1)).map((a) => [a.personId, a.revision])).toEqual([
      [anna, 3],
      [bo, 3],
    ]);
    expect(await repos.minutesReview.listApprovals(s.tenant.id, s.meeting.id, 2)).toEqual([]);

    const first = { ...base, id: id(), agendaItemId: s.agenda[0]!.id, personId: bo, text: 'Stavfel i namnet', createdAt: at };
    const second = { ...first, id: id(), text: 'Lägg till datum', createdAt: new Date('2026-03-11T15:30:00.000Z') };
    await repos.minutesReview.addComment(second);
    await repos.minutesReview.addComment(first);
    expect(await repos.minutesReview.listComments(s.tenant.id, s.meeting.id, 1)).toEqual([first, second]);
  });

  it('closes the review of a published version: approvals and comments are neither added, changed nor removed', async () => {
    const s = await seed();
    const draft = await insertDraft(aDraft(s));
    const base = { tenantId: s.tenant.id, groupId: s.group.id, meetingId: s.meeting.id, version: 1 };
    const comment = { ...base, id: id(), agendaItemId: s.agenda[0]!.id, personId: s.people[1]!.id, text: 'OK', createdAt: at };
    await repos.minutesReview.approve({ ...base, personId: s.people[0]!.id, revision: 1, approvedAt: at });
    await repos.minutesReview.addComment(comment);
    await publish(s, draft);

    expect((await sqlErrorOf(repos.minutesReview.approve({ ...base, personId: s.people[2]!.id, revision: 1, approvedAt: at }))).code).toBe(
      '23514',
    );
    expect((await sqlErrorOf(repos.minutesReview.addComment({ ...comment, id: id() }))).code).toBe('23514');
    const removeApproval = opened.db.query('DELETE FROM minutes_approval WHERE tenant_id = $1', [s.tenant.id]);
    expect((await sqlErrorOf(removeApproval)).code).toBe('23514');
    const editComment = opened.db.query(`UPDATE minutes_comment SET body = 'ändrad' WHERE tenant_id = $1`, [s.tenant.id]);
    expect((await sqlErrorOf(editComment)).code).toBe('23514');
    expect(await repos.minutesReview.listComments(s.tenant.id, s.meeting.id, 1)).toEqual([comment]);
    expect(await repos.minutesReview.listApprovals(s.tenant.id, s.meeting.id, 1)).toHaveLength(1);
  });

  it('replaces a meeting’s actions: inserts, updates (moving updated_at only on a change) and removes', async () => {
    const s = await seed();
    const kept = anAction(s, { title: 'Behålls' });
    const changed = anAction(s, { title: 'Ändras', position: 2 });
    const removed = anAction(s, { title: 'Tas bort', position: 3 });
    expect(await repos.actionItems.replaceForMeeting(s.tenant.id, s.meeting.id, [kept, changed, removed])).toBe(true);
    expect(await repos.actionItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual([kept, changed, removed]);

    const later = new Date('2026-03-12T08:00:00.000Z');
    const added = anAction(s, { agendaItemId: null, title: 'Ny', dueDate: null, ownerPersonId: null, createdAt: later, updatedAt: later });
    await repos.actionItems.replaceForMeeting(s.tenant.id, s.meeting.id, [
      { ...kept, updatedAt: later },
      { ...changed, status: 'in_progress', updatedAt: later },
      added,
    ]);
    expect(await repos.actionItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual([
      kept,
      { ...changed, status: 'in_progress', updatedAt: later },
      added,
    ]);
  });

  it('refuses an action id another meeting uses, writing nothing, and refuses a title over 300 characters', async () => {
    const s = await seed();
    const other = aMeeting(s.tenant.id, s.group.id);
    await repos.meetings.save(other);
    const theirs = anAction(s, { meetingId: other.id, agendaItemId: null });
    await repos.actionItems.replaceForMeeting(s.tenant.id, other.id, [theirs]);
    const mine = anAction(s);
    await repos.actionItems.replaceForMeeting(s.tenant.id, s.meeting.id, [mine]);

    const hijack = { ...theirs, meetingId: s.meeting.id, title: 'Kapad' };
    expect(await repos.actionItems.replaceForMeeting(s.tenant.id, s.meeting.id, [hijack])).toBe(false);
    expect(await repos.actionItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual([mine]);
    expect(await repos.actionItems.listByMeeting(s.tenant.id, other.id)).toEqual([theirs]);

    const long = await sqlErrorOf(
      repos.actionItems.replaceForMeeting(s.tenant.id, s.meeting.id, [anAction(s, { title: 'x'.repeat(301) })]),
    );
    expect(long.constraint).toBe('action_item_title_length');
  });

  it('keeps an action with its meeting when its agenda item leaves the agenda', async () => {
    const s = await seed();
    const action = anAction(s, { agendaItemId: s.agenda[1]!.id });
    await repos.actionItems.replaceForMeeting(s.tenant.id, s.meeting.id, [action]);
    await repos.agendaItems.replaceForMeeting(s.tenant.id, s.meeting.id, [s.agenda[0]!]);
    expect(await repos.actionItems.listByMeeting(s.tenant.id, s.meeting.id)).toEqual([{ ...action, agendaItemId: null }]);
  });

  it('notes presence beside the answers to the kallelse, without touching them', async () => {
    const s = await seed();
    const [anna, bo, cecilia] = s.people.map((p) => p.id) as [string, string, string];
    const answer = anAttendance(s.tenant.id, s.group.id, s.meeting.id, anna, { rsvp: 'substitute', substituteName: 'Bertil Berg' });
    await repos.attendance.save(answer);

    await repos.presence.record(s.tenant.id, s.group.id, s.meeting.id, [
      { personId: anna, presence: 'absent', substituteForPersonId: null },
      { personId: bo, presence: 'substitute', substituteForPersonId: anna },
      { personId: cecilia, presence: null, substituteForPersonId: null },
    ]);
    const listed = await repos.presence.listByMeeting(s.tenant.id, s.meeting.id);
    expect(listed).toEqual(
      expect.arrayContaining([
        {
          meetingId: s.meeting.id,
          personId: anna,
          rsvp: 'substitute',
          substituteName: 'Bertil Berg',
          presence: 'absent',
          substituteForPersonId: null,
        },
        { meetingId: s.meeting.id, personId: bo, rsvp: null, substituteName: null, presence: 'substitute', substituteForPersonId: anna },
      ]),
    );
    // "Not noted" for someone with no row creates no row.
    expect(listed).toHaveLength(2);
    expect(await repos.attendance.find(s.tenant.id, s.meeting.id, anna)).toEqual(answer);

    await repos.presence.record(s.tenant.id, s.group.id, s.meeting.id, [
      { personId: bo, presence: 'present', substituteForPersonId: null },
      { personId: anna, presence: null, substituteForPersonId: null },
    ]);
    const after = await repos.presence.listByMeeting(s.tenant.id, s.meeting.id);
    expect(after.find((r) => r.personId === bo)).toMatchObject({ presence: 'present', substituteForPersonId: null });
    expect(after.find((r) => r.personId === anna)).toMatchObject({ presence: null, rsvp: 'substitute' });
  });

  it('keeps tenants apart', async () => {
    const mine = await seed();
    const theirs = await seed();
    await insertDraft(aDraft(mine));
    await repos.actionItems.replaceForMeeting(mine.tenant.id, mine.meeting.id, [anAction(mine)]);
    expect(await repos.minutes.listVersions(theirs.tenant.id, mine.meeting.id)).toEqual([]);
    expect(await repos.minutes.listLatestByGroup(theirs.tenant.id, mine.group.id)).toEqual([]);
    expect(await repos.actionItems.listByMeeting(theirs.tenant.id, mine.meeting.id)).toEqual([]);
    expect(await repos.presence.listByMeeting(theirs.tenant.id, mine.meeting.id)).toEqual([]);
    // Minutes cannot point at another tenant's meeting, nor an approval at another tenant's person.
    expect((await sqlErrorOf(repos.minutes.insert({ ...aDraft(mine), tenantId: theirs.tenant.id }))).code).toBe('23503');
    const approval = {
      tenantId: mine.tenant.id,
      groupId: mine.group.id,
      meetingId: mine.meeting.id,
      version: 1,
      personId: theirs.people[0]!.id,
      revision: 1,
      approvedAt: at,
    };
    expect((await sqlErrorOf(repos.minutesReview.approve(approval))).code).toBe('23503');
  });

  it('applies 010 over minutes and actions stored before it', async () => {
    const db = await target.open();
    try {
      const all = loadMigrations();
      await migrate(
        db,
        all.filter((m) => m.name < '010'),
      );
      const r = createSqlRepositories(db);
      const { tenant, group } = await seedTenantWithGroup(r);
      const meeting = aMeeting(tenant.id, group.id);
      await r.meetings.save(meeting);
      await db.query(`INSERT INTO minutes (tenant_id, group_id, meeting_id, version, body) VALUES ($1, $2, $3, 1, '{"items":[]}'::jsonb)`, [
        tenant.id,
        group.id,
        meeting.id,
      ]);
      await db.query(`INSERT INTO action_item (tenant_id, id, group_id, meeting_id, title) VALUES ($1, 'a1', $2, $3, 'Gammal åtgärd')`, [
        tenant.id,
        group.id,
        meeting.id,
      ]);
      expect(await migrate(db, all)).toContain('010_minutes_review.sql');
      expect((await r.minutes.listVersions(tenant.id, meeting.id)).map((m) => [m.version, m.revision, m.status])).toEqual([
        [1, 0, 'draft'],
      ]);
      expect(await r.actionItems.listByMeeting(tenant.id, meeting.id)).toEqual([
        expect.objectContaining({ id: 'a1', position: 1, title: 'Gammal åtgärd', status: 'open', dueDate: null }),
      ]);
      expect(await migrate(db, all)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
