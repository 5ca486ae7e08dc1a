/**
 * A kallelse already sent follows its meeting: moved to another time, every copy shows the new
 * time (once per reader, however often the same change is saved); cancelled, every copy says so
 * and offers no RSVP. A meeting never called sends nothing.
 */
import { kallelseCard } from '../../../bot/src/adapters/teams/cards/kallelse-card';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('a sent kallelse follows its meeting', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const ports = fakePorts(clock);
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let tenantId = '';
  let people = new Map<string, string>();
  let called = '';
  let notCalled = '';
  const as = (name: string) => ({ tenantId, personId: people.get(name)! });
  const kallelseUpdates = () => ports.messenger.updated.filter((u) => u.notice.kind === 'kallelse');

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    ({ migrated, tenantId, people } = demo);
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
    });
    const meetings = await demo.meetings();
    called = meetings[1]!.id; // Möte 2, 11 March 13:00
    notCalled = meetings[2]!.id;
    const report = await useCases.sendKallelse({ by: as('Anna Lindqvist'), tenantId, meetingId: called });
    expect(report.sent).toBe(8);
  });
  afterAll(() => migrated.db.close());

  it('shows every reader the new time once, however often the same move is saved', async () => {
    const before = kallelseUpdates().length;
    const moved = await useCases.editMeeting({ ...as('Anna Lindqvist'), meetingId: called, time: '09:30' });
    expect(moved.kallelseAlreadySent).toBe(true);
    const updates = kallelseUpdates().slice(before);
    expect(updates).toHaveLength(8);
    for (const update of updates) {
      expect(update.notice.kind === 'kallelse' && update.notice.meeting.startsAt.toISOString()).toBe('2026-03-11T08:30:00.000Z');
      // The agenda's times move with the meeting.
      expect(update.notice.kind === 'kallelse' && update.notice.agenda[0]?.startsAt.toISOString()).toBe('2026-03-11T08:30:00.000Z');
    }
    await useCases.editMeeting({ ...as('Anna Lindqvist'), meetingId: called, time: '09:30' });
    expect(kallelseUpdates()).toHaveLength(before + 8);
    // No member got a second kallelse as a new message.
    expect(ports.messenger.sent.filter((s) => s.notice.kind === 'kallelse')).toHaveLength(8);
  });

  it('tells every reader the meeting is cancelled, on a card without RSVP buttons', async () => {
    const before = kallelseUpdates().length;
    const result = await useCases.cancelMeeting({ ...as('Anna Lindqvist'), meetingId: called });
    expect(result.kallelseAlreadySent).toBe(true);
    const updates = kallelseUpdates().slice(before);
    expect(updates).toHaveLength(8);
    const notice = updates[0]!.notice;
    if (notice.kind !== 'kallelse') throw new Error('not a kallelse');
    expect(notice.meeting.status).toBe('cancelled');
    const card = kallelseCard(notice, 'sv', 'person');
    expect(JSON.stringify(card.body)).toContain('Inställt: Möte 2');
    expect(card.actions).toBeUndefined();
  });

  it('refuses to move, cancel or re-chair a meeting that has started, and changes nothing', async () => {
    const past = (await demo.meetings())[0]!; // Möte 1, 11 February: before the clock's 20 February
    const erik = people.get('Erik Johansson')!;
    for (const attempt of [
      useCases.editMeeting({ ...as('Anna Lindqvist'), meetingId: past.id, place: 'Folkets hus' }),
      useCases.cancelMeeting({ ...as('Anna Lindqvist'), meetingId: past.id }),
      useCases.changeMeetingChair({ ...as('Anna Lindqvist'), meetingId: past.id, chairPersonId: erik }),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    }
    expect(await migrated.storage.repositories.meetings.find(tenantId, past.id)).toEqual(past);
  });

  it('sends nothing when a meeting that was never called moves', async () => {
    const before = { updated: ports.messenger.updated.length, sent: ports.messenger.sent.length };
    const moved = await useCases.editMeeting({ ...as('Anna Lindqvist'), meetingId: notCalled, place: 'Folkets hus' });
    expect(moved.kallelseAlreadySent).toBe(false);
    expect({ updated: ports.messenger.updated.length, sent: ports.messenger.sent.length }).toEqual(before);
  });
});
