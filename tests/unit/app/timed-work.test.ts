/**
 * Timed work end to end on the use cases, with a fake clock and a recording scheduler in place of
 * pg-boss (its own contract test covers it): what is planned from the demo year, how moving,
 * cancelling and new lead times re-plan it, and what each run sends when it comes due.
 */
import type { JobScheduler, ScheduledRun } from '../../../bot/src/app/ports/job-scheduler';
import type { ActionStatusNotice, MinutesPublishedNotice } from '../../../bot/src/app/ports/messenger';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { ActionItem } from '../../../bot/src/domain/minutes';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { fixedClock, sequentialIds } from '../../support/group-seed-mother';

class RecordingScheduler implements JobScheduler {
  readonly waiting = new Map<string, ScheduledRun>();
  readonly log: string[] = [];

  async schedule(run: ScheduledRun, options: { again?: boolean } = {}): Promise<void> {
    this.waiting.set(run.key, run);
    this.log.push(`${options.again ? 'again' : 'schedule'} ${run.key}`);
  }

  async cancel(key: string): Promise<void> {
    this.waiting.delete(key);
    this.log.push(`cancel ${key}`);
  }

  keysFor(meetingId: string): string[] {
    return [...this.waiting.keys()].filter((k) => k.includes(meetingId)).sort();
  }
}

describe('timed work', () => {
  const clock = fixedClock('2026-01-22T08:00:00Z');
  const ports = fakePorts(clock);
  const scheduler = new RecordingScheduler();
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let tenantId = '';
  let mote1 = '';
  let mote2 = '';
  let mote3 = '';

  const planAll = async () => {
    while ((await useCases.runDueTimedPlans()) > 0);
  };
  const run = (key: string) => useCases.runTimedWork({ tenantId, key });
  const stateOf = async (key: string) => (await migrated.storage.repositories.timedRuns.find(tenantId, key))?.state;

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    ({ migrated, tenantId } = demo);
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
      scheduler,
    });
    [mote1, mote2, mote3] = (await demo.meetings()).map((m) => m.id) as [string, string, string];
  });
  afterAll(() => migrated.db.close());

  it('plans every run of every meeting at 09:00 in Stockholm, on both sides of the change to summer time', async () => {
    await planAll();
    expect(scheduler.keysFor(mote2)).toEqual(
      [
        `action-status-request:${mote2}:2026-03-06`,
        `call-for-proposals:${mote2}:2026-02-18`,
        `day-before-reminder:${mote2}:2026-03-10`,
        `kallelse:${mote2}:2026-03-06`,
        `proposal-deadline-reminder:${mote2}:2026-03-02`,
      ].sort(),
    );
    // Winter time: 09:00 is 08:00 UTC. Summer time (from 29 March): 09:00 is 07:00 UTC.
    expect(scheduler.waiting.get(`call-for-proposals:${mote2}:2026-02-18`)?.runAt.toISOString()).toBe('2026-02-18T08:00:00.000Z');
    expect(scheduler.waiting.get(`call-for-proposals:${mote3}:2026-03-18`)?.runAt.toISOString()).toBe('2026-03-18T08:00:00.000Z');
    expect(scheduler.waiting.get(`day-before-reminder:${mote3}:2026-04-07`)?.runAt.toISOString()).toBe('2026-04-07T07:00:00.000Z');
    // Möte 1 (11 February) is under three weeks off: its call for proposals (21 January) is past and not planned.
    expect(scheduler.keysFor(mote1).some((k) => k.startsWith('call-for-proposals'))).toBe(false);
    // Planning every meeting again changes nothing.
    const before = scheduler.log.length;
    await migrated.db.query("UPDATE timed_plan SET wanted_at = wanted_at + interval '1 second', next_attempt_at = '-infinity'");
    expect(await useCases.runDueTimedPlans()).toBeGreaterThan(0);
    await planAll();
    expect(scheduler.log.length).toBe(before);
  });

  it('moves the runs of a moved meeting, and cancels those of a cancelled one', async () => {
    const repos = migrated.storage.repositories;
    const meeting = (await repos.meetings.find(tenantId, mote3))!;
    await repos.meetings.save({ ...meeting, startsAt: new Date('2026-04-15T11:00:00Z') });
    await planAll();
    expect(scheduler.log).toContain(`cancel day-before-reminder:${mote3}:2026-04-07`);
    expect(scheduler.waiting.get(`day-before-reminder:${mote3}:2026-04-14`)?.runAt.toISOString()).toBe('2026-04-14T07:00:00.000Z');
    expect(await stateOf(`day-before-reminder:${mote3}:2026-04-07`)).toBe('cancelled');
    // Moved back: the cancelled run is scheduled again.
    await repos.meetings.save(meeting);
    await planAll();
    expect(scheduler.log).toContain(`again day-before-reminder:${mote3}:2026-04-07`);
    expect(await stateOf(`day-before-reminder:${mote3}:2026-04-07`)).toBe('scheduled');

    const mote4 = (await demo.meetings())[3]!;
    await repos.meetings.save({ ...mote4, status: 'cancelled' });
    await planAll();
    expect(scheduler.keysFor(mote4.id)).toEqual([]);
    await expect(run(`day-before-reminder:${mote4.id}:2026-05-12`)).resolves.toBe('skipped');
  });

  it('follows new lead times and a new time of day for the whole group', async () => {
    const repos = migrated.storage.repositories;
    const group = (await repos.groups.find(tenantId, demo.groupId))!;
    await repos.groups.save({
      ...group,
      settings: { ...group.settings, callForProposalsDays: 28, remindersAt: '08:30', kallelseDays: null },
    });
    await planAll();
    expect(scheduler.waiting.has(`call-for-proposals:${mote2}:2026-02-18`)).toBe(false);
    expect(scheduler.waiting.get(`call-for-proposals:${mote2}:2026-02-11`)?.runAt.toISOString()).toBe('2026-02-11T07:30:00.000Z');
    expect(scheduler.keysFor(mote2).some((k) => k.startsWith('kallelse'))).toBe(false);
    await repos.groups.save(group);
    await planAll();
    expect(scheduler.waiting.get(`call-for-proposals:${mote2}:2026-02-18`)?.runAt.toISOString()).toBe('2026-02-18T08:00:00.000Z');
  });

  it('sends the call for proposals when its run comes due, once, and records how it went', async () => {
    const key = `call-for-proposals:${mote2}:2026-02-18`;
    clock.set('2026-02-18T08:00:00Z');
    const before = ports.messenger.sent.length;
    await expect(run(key)).resolves.toBe('done');
    const sent = ports.messenger.sent.slice(before);
    expect(sent.filter((s) => s.notice.kind === 'call-for-proposals').length).toBeGreaterThan(5);
    const stored = await migrated.storage.repositories.timedRuns.find(tenantId, key);
    expect(stored).toMatchObject({ state: 'done', attempts: 1, lastError: null });
    // Not reached: the team channel, as the demo group is not installed in a team.
    expect(stored!.outcome).toMatchObject({ sent: sent.length, notReached: 1, heldElsewhere: 0 });
    // The scheduler handing it out again (a retry after a lost answer) sends nothing more.
    await expect(run(key)).resolves.toBe('skipped');
    expect(ports.messenger.sent.length).toBe(before + sent.length);
    const listed = await useCases.listTimedWork({ ...demo.as('Anna Lindqvist'), groupId: demo.groupId });
    expect(listed.find((r) => r.key === key)).toMatchObject({ state: 'done', meeting: { id: mote2 } });
    await expect(useCases.listTimedWork({ ...demo.as('Sara Nilsson'), groupId: demo.groupId })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('sends no kallelse of its own when the chair has sent it, and the status request only to owners of open actions', async () => {
    const repos = migrated.storage.repositories;
    clock.set('2026-03-06T08:00:00Z');
    const meeting = (await repos.meetings.find(tenantId, mote2))!;
    await repos.meetings.save({ ...meeting, status: 'called' });
    const before = ports.messenger.sent.length;
    // The run comes due before the change is planned (the worker had no round yet): it finds the meeting called.
    await expect(run(`kallelse:${mote2}:2026-03-06`)).resolves.toBe('done');
    expect(ports.messenger.sent.length).toBe(before);
    expect((await repos.timedRuns.find(tenantId, `kallelse:${mote2}:2026-03-06`))!.outcome).toMatchObject({ sent: 0 });

    // Möte 1's minutes are published with two actions: one open for Sara, one done for Karin.
    const m1 = (await repos.meetings.find(tenantId, mote1))!;
    await repos.meetings.save({ ...m1, status: 'minutes_published' });
    const action = (id: string, owner: string, status: ActionItem['status'], dueDate: string): ActionItem => ({
      id,
      tenantId,
      groupId: demo.groupId,
      meetingId: mote1,
      agendaItemId: null,
      position: 1,
      title: `Åtgärd ${id}`,
      ownerPersonId: demo.people.get(owner)!,
      organisationId: null,
      dueDate,
      status,
      createdAt: m1.startsAt,
      updatedAt: m1.startsAt,
    });
    await repos.actionItems.replaceForMeeting(tenantId, mote1, [
      action('a-open', 'Sara Nilsson', 'open', '2026-03-20'),
      action('a-done', 'Karin Berg', 'done', '2026-03-20'),
    ]);
    await repos.timedRuns.save({
      tenantId,
      key: `action-status-request:${mote2}:2026-03-06`,
      groupId: demo.groupId,
      meetingId: mote2,
      kind: 'action-status-request',
      subjectId: mote2,
      runAt: clock.now(),
      state: 'scheduled',
      attempts: 0,
      outcome: null,
      lastError: null,
      updatedAt: clock.now(),
    });
    await expect(run(`action-status-request:${mote2}:2026-03-06`)).resolves.toBe('done');
    const asked = ports.messenger.sent.slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.conversationId).toBe(`a:${demo.people.get('Sara Nilsson')}`);
    expect(asked[0]!.notice).toMatchObject({
      kind: 'action-status',
      reason: 'request',
      action: { id: 'a-open' },
      forMeeting: { id: mote2 },
    });
  });

  it("takes the owner's answer into the meeting's follow-up, and stops the due reminders of a finished action", async () => {
    await planAll();
    expect(scheduler.waiting.has(`action-due-reminder:a-open:2026-03-17`)).toBe(true);
    expect(scheduler.waiting.has(`action-due-reminder:a-open:2026-03-20`)).toBe(true);
    expect(scheduler.keysFor('a-done')).toEqual([]);

    await expect(
      useCases.answerActionStatus({
        ...demo.as('Karin Berg'),
        actionId: 'a-open',
        meetingId: mote2,
        status: 'done',
        comment: '',
        reason: 'request',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const answered: ActionStatusNotice = await useCases.answerActionStatus({
      ...demo.as('Sara Nilsson'),
      actionId: 'a-open',
      meetingId: mote2,
      status: 'blocked',
      comment: '  Väntar på budgetbeslut  ',
      reason: 'request',
    });
    expect(answered.answer).toMatchObject({ status: 'blocked', comment: 'Väntar på budgetbeslut' });
    await planAll();
    expect(scheduler.waiting.has(`action-due-reminder:a-open:2026-03-17`)).toBe(true); // blocked is not done

    await useCases.answerActionStatus({
      ...demo.as('Sara Nilsson'),
      actionId: 'a-open',
      meetingId: mote2,
      status: 'done',
      comment: 'Klart',
      reason: 'request',
    });
    const followUp = await migrated.storage.repositories.actionStatus.listForMeeting(tenantId, mote2);
    expect(followUp).toEqual([expect.objectContaining({ actionId: 'a-open', status: 'done', comment: 'Klart' })]);
    await planAll();
    expect(scheduler.keysFor('a-open')).toEqual([]);
    expect(await stateOf(`action-due-reminder:a-open:2026-03-17`)).toBe('cancelled');
  });

  it("reminds an action's owner three days before it is due, and on the day", async () => {
    const repos = migrated.storage.repositories;
    await repos.actionItems.setStatus(tenantId, 'a-open', 'in_progress', clock.now());
    await planAll();
    clock.set('2026-03-17T08:00:00Z');
    const before = ports.messenger.sent.length;
    await expect(run(`action-due-reminder:a-open:2026-03-17`)).resolves.toBe('done');
    clock.set('2026-03-20T08:00:00Z');
    await expect(run(`action-due-reminder:a-open:2026-03-20`)).resolves.toBe('done');
    const reasons = ports.messenger.sent.slice(before).map((s) => (s.notice as ActionStatusNotice).reason);
    expect(reasons).toEqual(['due-soon', 'due-today']);
  });

  it('nudges only the delegates who have not reported back', async () => {
    const repos = migrated.storage.repositories;
    const m1 = (await repos.meetings.find(tenantId, mote1))!;
    // Without published minutes there is nothing to report back on: nothing is sent.
    expect(await useCases.nudgeReReporting({ tenantId, meetingId: m1.id })).toMatchObject({ sent: 0 });
    await repos.minutes.insert({
      tenantId,
      groupId: demo.groupId,
      meetingId: m1.id,
      version: 1,
      status: 'published',
      revision: 1,
      body: { items: [], record: null },
      publishedAt: clock.now(),
      publishedByPersonId: demo.people.get('Anna Lindqvist')!,
      createdAt: clock.now(),
      updatedAt: null,
      updatedByPersonId: null,
    });
    await repos.reReports.record(tenantId, demo.groupId, m1.id, demo.people.get('Sara Nilsson')!, clock.now());
    const before = ports.messenger.sent.length;
    const report = await useCases.nudgeReReporting({ tenantId, meetingId: m1.id });
    const nudged = ports.messenger.sent.slice(before);
    expect(report.sent).toBe(nudged.length);
    expect(nudged.length).toBeGreaterThan(3);
    const to = new Set(nudged.map((s) => s.conversationId));
    expect(to.has(`a:${demo.people.get('Sara Nilsson')}`)).toBe(false); // reported already
    expect(to.has(`a:${demo.people.get('Anna Lindqvist')}`)).toBe(false); // a strategist: nothing to report back
    expect(to.has(`a:${demo.people.get('Karin Berg')}`)).toBe(true);
    expect(
      nudged.every((s) => (s.notice as MinutesPublishedNotice).reminder === true && (s.notice as MinutesPublishedNotice).canReport),
    ).toBe(true);
    // The second run (a retry) reaches no one twice.
    expect(await useCases.nudgeReReporting({ tenantId, meetingId: m1.id })).toMatchObject({ sent: 0, alreadySent: nudged.length });
  });

  it('retries a failed run by hand, for strategists only', async () => {
    const repos = migrated.storage.repositories;
    const key = `day-before-reminder:${mote2}:2026-03-10`;
    const stored = (await repos.timedRuns.find(tenantId, key))!;
    await repos.timedRuns.save({ ...stored, state: 'failed', lastError: 'Teams was away' });
    await expect(useCases.retryTimedWork({ by: demo.as('Sara Nilsson'), groupId: demo.groupId, tenantId, key })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await useCases.retryTimedWork({ by: demo.as('Anna Lindqvist'), groupId: demo.groupId, tenantId, key });
    expect(scheduler.log.at(-1)).toBe(`again ${key}`);
    expect(await stateOf(key)).toBe('scheduled');
    await expect(useCases.retryTimedWork({ by: demo.as('Anna Lindqvist'), groupId: demo.groupId, tenantId, key })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
