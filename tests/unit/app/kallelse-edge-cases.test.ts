/**
 * Edge cases around the kallelse: a person in two groups, a chair who is not a strategist or
 * missing, mail standing in for Teams on the not-reached list, a cancelled meeting's reminder.
 */
import type { AttendanceSummaryNotice } from '../../../bot/src/app/ports/messenger';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup } from '../../support/demo-group';
import { fakePorts, FakeMailer } from '../../support/fake-messenger';
import { fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('kallelse edge cases', () => {
  let migrated: MigratedStorage;
  const clock = fixedClock('2026-03-01T08:00:00Z');
  const ports = fakePorts(clock);
  const mailer = new FakeMailer();
  let useCases: ReturnType<typeof createUseCases>;
  let tenantId = '';
  let groupId = '';
  let otherGroupId = '';
  const people = new Map<string, string>();
  const as = (name: string) => ({ tenantId, personId: people.get(name)! });

  beforeAll(async () => {
    const demo = await openDemoGroup(clock); // meets 11 March
    ({ migrated, tenantId, groupId } = demo);
    for (const [name, id] of demo.people) people.set(name, id);
    // A second group with the same people, meeting on the first Monday: 2 March, the nearer one.
    const { seed } = demo;
    otherGroupId = (
      await seedDemoGroup(
        { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('other') },
        {
          ...seed,
          group: { ...seed.group, name: 'Avfallsgruppen', teamId: null },
          meetings: { ...seed.meetings, pattern: { ...seed.meetings.pattern, weekday: 1, occurrence: 1 } },
        },
        [2026],
      )
    ).groupId;
    await demo.openChat(people.get('Sara Nilsson')!, 'a:sara');
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
      mailer,
    });
  });
  afterAll(() => migrated.db.close());

  it("shows a member of two groups the nearer of their groups' next meetings", async () => {
    const kallelse = await useCases.getKallelse(as('Sara Nilsson'));
    expect(kallelse).toMatchObject({ groupId: otherGroupId, meeting: { startsAt: new Date('2026-03-02T12:00:00Z') } });
  });

  it('sends the day-before summary to a chair who is not a strategist, and to the strategists when there is no chair', async () => {
    const meetings = await migrated.storage.repositories.meetings.listByGroup(tenantId, groupId);
    const march = meetings[1]!;
    await migrated.storage.repositories.meetings.save({ ...march, chairPersonId: people.get('Sara Nilsson')! });
    clock.set('2026-03-10T07:00:00Z');
    await useCases.remindDayBefore({ by: 'scheduler', tenantId, meetingId: march.id });
    expect(ports.messenger.sent.filter((s) => s.notice.kind === 'attendance-summary').map((s) => s.conversationId)).toEqual(['a:sara']);

    const april = meetings[2]!;
    await migrated.storage.repositories.meetings.save({ ...april, chairPersonId: null });
    clock.set('2026-04-07T07:00:00Z');
    const mailedBefore = mailer.mailed.length;
    await useCases.remindDayBefore({ by: 'scheduler', tenantId, meetingId: april.id });
    const summaries = mailer.mailed.slice(mailedBefore).filter((m) => m.notice.kind === 'attendance-summary');
    expect(summaries.map((m) => m.email).sort()).toEqual(['anna.lindqvist@trollhattan.example', 'erik.johansson@trollhattan.example']);
    expect((summaries[0]!.notice as AttendanceSummaryNotice).overview.answers).toHaveLength(8);
    clock.set('2026-03-01T08:00:00Z');
  });

  it('reminds about nothing, without an error, for a cancelled meeting', async () => {
    const may = (await migrated.storage.repositories.meetings.listByGroup(tenantId, groupId))[3]!;
    await migrated.storage.repositories.meetings.save({ ...may, status: 'cancelled' });
    await expect(useCases.remindDayBefore({ by: 'scheduler', tenantId, meetingId: may.id })).resolves.toMatchObject({
      sent: 0,
      notReached: [],
    });
  });

  it('keeps off the not-reached list whoever got the notice by mail, and names a failed mail', async () => {
    mailer.script.set('karin.berg@trollhattan.example', { outcome: 'failed', detail: '400' });
    const june = (await migrated.storage.repositories.meetings.listByGroup(tenantId, groupId))[4]!;
    const report = await useCases.sendCallForProposals({ by: as('Anna Lindqvist'), tenantId, meetingId: june.id });
    expect(report.sent).toBe(1); // Sara, in her chat
    expect(report.mailed.map((m) => m.name).sort()).toEqual(['Johan Ek', 'Leila Karimi', 'Mohammed Haddad', 'Per Andersson']);
    const notReached = await useCases.listNotReached({ ...as('Anna Lindqvist'), groupId });
    const forJune = notReached.filter((n) => n.kind === 'call-for-proposals');
    expect(forJune.map((n) => [n.name, n.reason]).sort()).toEqual([
      ['Ekologiska hållbarhetsgruppen', 'no-conversation'],
      ['Karin Berg', 'mail-failed'],
      ['Karin Berg', 'no-conversation'],
    ]);
    // Each names what it was about: the meeting (the tab lists them under that meeting).
    expect(forJune.map((n) => n.subject)).toEqual([june.id, june.id, june.id]);
  });
});
