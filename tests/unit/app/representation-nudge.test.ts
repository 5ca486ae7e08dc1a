/**
 * The representation nudge through the timed work, on the demo group in PGlite with a recording
 * scheduler for pg-boss: publishing a meeting's minutes plans the check for the next day; the run
 * messages each delegate of a förvaltning missing from the last two meetings — not strategists,
 * not a förvaltning that missed one or sent an ersättare — and a second run, or a restarted
 * process, sends nothing more. The tab's grid reads the same records.
 */
import type { JobScheduler, ScheduledRun } from '../../../bot/src/app/ports/job-scheduler';
import type { RepresentationNudgeNotice } from '../../../bot/src/app/ports/messenger';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { PresenceMark } from '../../../bot/src/domain/minutes';
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

describe('the representation nudge in the timed work', () => {
  const clock = fixedClock('2026-03-12T13:00:00Z');
  const ports = fakePorts(clock);
  const scheduler = new RecordingScheduler();
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let tenantId = '';
  let mote1 = '';
  let mote2 = '';
  let mote3 = '';
  const person = (name: string) => demo.people.get(name)!;
  const chatOf = (name: string) => `a:${person(name)}`;
  const makeUseCases = () =>
    createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds(`uc-${Math.random()}`),
      ...ports,
      scheduler,
    });
  let useCases: ReturnType<typeof createUseCases>;
  const planAll = async () => {
    while ((await useCases.runDueTimedPlans()) > 0);
  };
  /** Everyone there but those named; `stoodIn` notes someone there for another. */
  const notePresence = async (meetingId: string, missing: string[], stoodIn: [string, string][] = []) => {
    const marks: PresenceMark[] = [...demo.people].map(([name, id]) => {
      const forWhom = stoodIn.find(([who]) => who === name)?.[1];
      if (forWhom) return { personId: id, presence: 'substitute', substituteForPersonId: person(forWhom) };
      return { personId: id, presence: missing.includes(name) ? 'absent' : 'present', substituteForPersonId: null };
    });
    await migrated.storage.repositories.presence.record(tenantId, demo.groupId, meetingId, marks);
  };

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    ({ migrated, tenantId } = demo);
    useCases = makeUseCases();
    [mote1, mote2, mote3] = (await demo.meetings()).map((m) => m.id) as [string, string, string];
    // Möte 1 (11 February): Mohammed (sbf) and Johan (kof) away; KS förvaltning (two strategists, Per) away too.
    await notePresence(mote1, ['Mohammed Haddad', 'Johan Ek', 'Anna Lindqvist', 'Erik Johansson', 'Per Andersson']);
  }, 60_000);
  afterAll(() => migrated.db.close());

  it('nudges no one while the second meeting has nothing recorded', async () => {
    expect(await useCases.nudgeRepresentation({ tenantId, meetingId: mote2 })).toMatchObject({ sent: 0, alreadySent: 0 });
    expect(ports.messenger.sent).toEqual([]);
  });

  it('is planned the day after the minutes are published, and nudges each delegate of a förvaltning missing twice, once', async () => {
    // Möte 2 (11 March): Mohammed and KS away again; Karin (asf) away the first time;
    // Johan away again but Leila… no: Sara stood in for Johan (kof is represented by an ersättare).
    await notePresence(
      mote2,
      ['Mohammed Haddad', 'Karin Berg', 'Anna Lindqvist', 'Erik Johansson', 'Per Andersson', 'Johan Ek'],
      [['Sara Nilsson', 'Johan Ek']],
    );
    const repos = migrated.storage.repositories;
    const meeting = (await repos.meetings.find(tenantId, mote2))!;
    await repos.minutes.insert({
      tenantId,
      groupId: demo.groupId,
      meetingId: mote2,
      version: 1,
      status: 'published',
      revision: 1,
      body: { items: [], record: null },
      publishedAt: clock.now(),
      publishedByPersonId: person('Anna Lindqvist'),
      createdAt: clock.now(),
      updatedAt: null,
      updatedByPersonId: null,
    });
    await repos.meetings.save({ ...meeting, status: 'minutes_published' });
    await planAll();
    const key = `representation-nudge:${mote2}:2026-03-13`;
    expect(scheduler.waiting.get(key)?.runAt.toISOString()).toBe('2026-03-13T08:00:00.000Z'); // 09:00 in Stockholm

    clock.set('2026-03-13T08:00:00Z');
    await expect(useCases.runTimedWork({ tenantId, key })).resolves.toBe('done');
    const sent = ports.messenger.sent.filter((s) => s.notice.kind === 'representation-nudge');
    expect(sent.map((s) => s.conversationId).sort()).toEqual([chatOf('Mohammed Haddad'), chatOf('Per Andersson')].sort());
    const toMohammed = sent.find((s) => s.conversationId === chatOf('Mohammed Haddad'))!.notice as RepresentationNudgeNotice;
    expect(toMohammed).toMatchObject({
      organisationName: 'Samhällsbyggnadsförvaltningen',
      groupName: 'Ekologiska hållbarhetsgruppen',
      nextMeeting: { id: mote3 },
      answer: null,
    });
    expect(toMohammed.missed.map((m) => m.startsAt.toISOString())).toEqual(['2026-03-11T12:00:00.000Z', '2026-02-11T12:00:00.000Z']);
    expect((await repos.timedRuns.find(tenantId, key))!.outcome).toMatchObject({ sent: 2, notReached: 0 });

    // The same check again, by hand and after a restart (a new process on the same database): nobody twice.
    expect(await useCases.nudgeRepresentation({ tenantId, meetingId: mote2 })).toMatchObject({ sent: 0, alreadySent: 2 });
    useCases = makeUseCases();
    expect(await useCases.nudgeRepresentation({ tenantId, meetingId: mote2 })).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(ports.messenger.sent.filter((s) => s.notice.kind === 'representation-nudge')).toHaveLength(2);
    const logged = await repos.audit.listByGroup(tenantId, demo.groupId, 5);
    expect(logged.filter((e) => e.action === 'representation.nudged').map((e) => e.detail)).toEqual([
      { sent: 2, mailed: 0, notReached: 0, organisations: 2 },
    ]);
  });

  it('shows the same records in the grid, to members only', async () => {
    const grid = await useCases.getRepresentation({ ...demo.as('Karin Berg'), groupId: demo.groupId, year: 2026 });
    expect(grid.meetings.map((m) => m.id)).toEqual([mote1, mote2]);
    const column = (name: string) => grid.organisations.findIndex((o) => o.name === name);
    const marks = (name: string) => grid.meetings.map((m) => m.cells[column(name)]!.mark);
    expect(marks('Samhällsbyggnadsförvaltningen')).toEqual(['absent', 'absent']);
    expect(marks('Kultur- och fritidsförvaltningen')).toEqual(['absent', 'substitute']);
    expect(marks('Arbetsmarknads- och socialförvaltningen')).toEqual(['delegate', 'absent']);
    expect(grid.totals[column('Utbildningsförvaltningen')]).toMatchObject({ represented: 2, bySubstitute: 0 });
    expect(grid.ownOrganisationId).toBe(grid.organisations[column('Arbetsmarknads- och socialförvaltningen')]!.id);
    await expect(useCases.getRepresentation({ tenantId, personId: 'no-such-person', groupId: demo.groupId })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
