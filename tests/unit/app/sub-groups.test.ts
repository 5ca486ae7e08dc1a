/**
 * Sub-groups on the use cases and the demo group's database: started from an agenda item, their
 * report-back lands once on the first meeting after the deadline and moves with a cancelled
 * meeting or a new deadline; the convenor's reminder is planned with the meeting's timed work and
 * reaches the convenor once, however often it is planned and run.
 */
import type { AppError } from '../../../bot/src/app/errors';
import type { JobScheduler, ScheduledRun } from '../../../bot/src/app/ports/job-scheduler';
import type { SubGroupReminderNotice } from '../../../bot/src/app/ports/messenger';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { Meeting } from '../../../bot/src/domain/meeting';
import { reportBackItemId } from '../../../bot/src/domain/sub-group';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { fixedClock, sequentialIds } from '../../support/group-seed-mother';

class RecordingScheduler implements JobScheduler {
  readonly waiting = new Map<string, ScheduledRun>();

  async schedule(run: ScheduledRun): Promise<void> {
    this.waiting.set(run.key, run);
  }

  async cancel(key: string): Promise<void> {
    this.waiting.delete(key);
  }
}

describe('sub-groups', () => {
  const clock = fixedClock('2026-01-22T08:00:00Z');
  const ports = fakePorts(clock);
  const scheduler = new RecordingScheduler();
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let meetings: Meeting[];
  let subGroupId = '';
  let originItemId = '';

  /** The convenors' reminders waiting to run (done ones stay done, cancelled ones are dropped). */
  const scheduledReminders = async () =>
    (
      await migrated.db.query<{ key: string }>(
        `SELECT key FROM timed_run WHERE tenant_id = $1 AND kind = 'sub-group-reminder' AND state = 'scheduled' ORDER BY key`,
        [demo.tenantId],
      )
    ).map((r) => r.key);
  const planAll = async () => {
    while ((await useCases.runDueTimedPlans()) > 0);
  };
  const reportBackTitles = async (meetingId: string, as = 'Anna Lindqvist') =>
    (await useCases.getMeetingAgenda({ ...demo.as(as), meetingId })).items.filter((i) => i.title.startsWith('Återrapportering: '));
  const remindersToKarin = () =>
    ports.messenger.sent.filter((s) => s.notice.kind === 'sub-group-reminder' && s.conversationId === `a:${demo.people.get('Karin Berg')}`);

  beforeAll(async () => {
    demo = await openDemoGroup(clock, (name) => name === 'Karin Berg');
    migrated = demo.migrated;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
      scheduler,
    });
    meetings = await demo.meetings();
    // The February meeting's agenda, stored by a strategist's read: the item to start from.
    const agenda = await useCases.getMeetingAgenda({ ...demo.as('Anna Lindqvist'), meetingId: meetings[0]!.id });
    originItemId = agenda.items.find((i) => i.title.startsWith('Runda'))!.id;
    await planAll();
  }, 60_000);
  afterAll(() => migrated.db.close());

  const start = (as: string, itemId: string, deadline: string) =>
    useCases.startSubGroup({
      ...demo.as(as),
      groupId: demo.groupId,
      agendaItemId: itemId,
      name: 'Matsvinn',
      mandate: 'Kartlägg matsvinnet i skolor och äldreboenden och föreslå gemensamma åtgärder.',
      deadline,
      memberPersonIds: [demo.people.get('Karin Berg')!, demo.people.get('Sara Nilsson')!],
      convenorPersonId: demo.people.get('Karin Berg')!,
    });

  it('refuses a delegate, and an item of no meeting of the group, alike', async () => {
    const byDelegate = await start('Sara Nilsson', originItemId, '2026-03-01').catch((e: unknown) => e);
    expect((byDelegate as AppError).code).toBe('forbidden');
    const unknown = await start('Anna Lindqvist', 'no-such-item', '2026-03-01').catch((e: unknown) => e);
    expect((unknown as AppError).code).toBe('forbidden');
  });

  it('starts one from an agenda item; every member sees its report-back at the first meeting after the deadline', async () => {
    // The day before the March meeting: it reports back in March.
    const started = await start('Anna Lindqvist', originItemId, '2026-03-10');
    subGroupId = started.id;
    expect(started.origin).toMatchObject({ meetingId: meetings[0]!.id, itemTitle: expect.stringMatching(/^Runda/) });
    const list = await useCases.listSubGroups({ ...demo.as('Sara Nilsson'), groupId: demo.groupId });
    expect(list.canManage).toBe(false);
    expect(list.people).toEqual([]);
    expect(list.subGroups).toEqual([
      expect.objectContaining({
        name: 'Matsvinn',
        convenor: { personId: demo.people.get('Karin Berg'), name: 'Karin Berg' },
        reportBack: expect.objectContaining({ meetingId: meetings[1]!.id }),
        warnings: [],
      }),
    ]);
    expect(list.subGroups[0]!.organisations.map((o) => o.name)).toEqual([
      'Arbetsmarknads- och socialförvaltningen',
      'Utbildningsförvaltningen',
    ]);
  });

  it('puts the report-back on that agenda once, with the convenor presenting, however often it is read', async () => {
    const march = meetings[1]!.id;
    for (let i = 0; i < 2; i += 1) {
      const items = await reportBackTitles(march);
      expect(items).toEqual([
        expect.objectContaining({
          title: 'Återrapportering: Matsvinn',
          presenter: { id: demo.people.get('Karin Berg'), name: 'Karin Berg' },
        }),
      ]);
    }
    const rows = await migrated.db.query('SELECT id FROM agenda_item WHERE tenant_id = $1 AND title LIKE $2', [
      demo.tenantId,
      'Återrapportering: %',
    ]);
    expect(rows).toEqual([{ id: reportBackItemId(subGroupId, march) }]);
    // A delegate's read shows it too.
    expect(await reportBackTitles(march, 'Sara Nilsson')).toHaveLength(1);
  });

  it('reminds the convenor once, five days before, however often the run is planned and run', async () => {
    await planAll();
    const key = `sub-group-reminder:${subGroupId}:2026-03-06`;
    expect(await scheduledReminders()).toEqual([key]);
    expect(scheduler.waiting.get(key)?.runAt.toISOString()).toBe('2026-03-06T08:00:00.000Z');
    clock.set('2026-03-06T08:00:00Z');
    await expect(useCases.runTimedWork({ tenantId: demo.tenantId, key })).resolves.toBe('done');
    expect(remindersToKarin()).toHaveLength(1);
    const notice = remindersToKarin()[0]!.notice as SubGroupReminderNotice;
    expect(notice).toMatchObject({ subGroup: { name: 'Matsvinn', deadline: '2026-03-10' }, meeting: { id: meetings[1]!.id } });
    // By hand, or after the meeting moved a day (a new run key, the same sub-group and meeting).
    const again = await useCases.remindSubGroupConvenor({ tenantId: demo.tenantId, subGroupId, meetingId: meetings[1]!.id });
    expect(again).toMatchObject({ sent: 0, alreadySent: 1 });
    const repos = migrated.storage.repositories;
    await repos.meetings.save({ ...meetings[1]!, startsAt: new Date(meetings[1]!.startsAt.getTime() + 86_400_000) });
    clock.set('2026-03-01T08:00:00Z');
    await planAll();
    const moved = `sub-group-reminder:${subGroupId}:2026-03-07`;
    expect(await scheduledReminders()).toEqual([moved]);
    clock.set('2026-03-07T08:00:00Z');
    await expect(useCases.runTimedWork({ tenantId: demo.tenantId, key: moved })).resolves.toBe('done');
    expect(remindersToKarin()).toHaveLength(1);
    await repos.meetings.save(meetings[1]!);
    clock.set('2026-03-01T08:00:00Z');
  });

  it('moves to the next meeting when the report-back meeting is cancelled, and reminds again for it', async () => {
    const [, march, april] = meetings as [Meeting, Meeting, Meeting];
    await migrated.storage.repositories.meetings.save({ ...march, status: 'cancelled' });
    await planAll();
    expect(await scheduledReminders()).toEqual([`sub-group-reminder:${subGroupId}:2026-04-03`]);
    expect(await reportBackTitles(march.id)).toEqual([]);
    expect(await reportBackTitles(april.id)).toEqual([expect.objectContaining({ id: reportBackItemId(subGroupId, april.id) })]);
    const list = await useCases.listSubGroups({ ...demo.as('Anna Lindqvist'), groupId: demo.groupId });
    expect(list.subGroups[0]!.reportBack?.meetingId).toBe(april.id);
    await migrated.storage.repositories.meetings.save(march);
  });

  it('follows a new deadline, shows none when no meeting is planned after it, and leaves the agenda once reported', async () => {
    const [, march, april] = meetings as [Meeting, Meeting, Meeting];
    const change = (c: Parameters<typeof useCases.changeSubGroup>[0]['change']) =>
      useCases.changeSubGroup({ ...demo.as('Anna Lindqvist'), groupId: demo.groupId, subGroupId, change: c });
    expect((await change({ deadline: '2026-03-20' })).reportBack?.meetingId).toBe(april.id);
    expect(await reportBackTitles(march.id)).toEqual([]);
    expect(await reportBackTitles(april.id)).toHaveLength(1);

    expect((await change({ deadline: '2027-06-30' })).reportBack).toBeNull();
    expect(await reportBackTitles(april.id)).toEqual([]);
    await planAll();
    expect(await scheduledReminders()).toEqual([]);

    await change({ deadline: '2026-03-20' });
    await planAll();
    expect(await scheduledReminders()).toEqual([`sub-group-reminder:${subGroupId}:2026-04-03`]);
    const reported = await change({ status: 'reported' });
    expect(reported.status).toBe('reported');
    expect(await reportBackTitles(april.id)).toEqual([]);
    await planAll();
    expect(await scheduledReminders()).toEqual([]);
  });

  it('refuses a convenor who is not a member and a member from outside the group, in Swedish', async () => {
    const change = (c: Parameters<typeof useCases.changeSubGroup>[0]['change']) =>
      useCases.changeSubGroup({ ...demo.as('Anna Lindqvist'), groupId: demo.groupId, subGroupId, change: c }).catch((e: unknown) => e);
    const notMember = (await change({ convenorPersonId: demo.people.get('Johan Ek')! })) as AppError;
    expect(notMember.code).toBe('invalid');
    expect(notMember.message).toContain('sammankallande');
    expect(((await change({ memberPersonIds: ['stranger'] })) as AppError).code).toBe('invalid');
    const byDelegate = await useCases
      .changeSubGroup({ ...demo.as('Sara Nilsson'), groupId: demo.groupId, subGroupId, change: { status: 'closed' } })
      .catch((e: unknown) => e);
    expect((byDelegate as AppError).code).toBe('forbidden');
  });
});
