/**
 * The tab's *Åtgärder* on the demo group, through the use cases: the group's actions across
 * meetings with filters and the overdue flag, one action's history, and changes — strategists
 * change everything, the owner only the status, and a done action's due reminders stop. Also the
 * issue's rule that the owners' status answers fill the next meeting's follow-up section.
 */
import { OWNER_CHANGES_STATUS_ONLY } from '../../../bot/src/app/change-action';
import type { JobScheduler, ScheduledRun } from '../../../bot/src/app/ports/job-scheduler';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { Meeting } from '../../../bot/src/domain/meeting';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { fixedClock, sequentialIds } from '../../support/group-seed-mother';
import { addActions } from '../../support/published-actions';

class RecordingScheduler implements JobScheduler {
  readonly waiting = new Map<string, ScheduledRun>();
  async schedule(run: ScheduledRun): Promise<void> {
    this.waiting.set(run.key, run);
  }
  async cancel(key: string): Promise<void> {
    this.waiting.delete(key);
  }
  keysFor(id: string): string[] {
    return [...this.waiting.keys()].filter((k) => k.includes(id)).sort();
  }
}

describe("the group's actions across meetings", () => {
  // 25 March 2026, 00:30 in Stockholm: still the 24th in UTC, the 25th for the overdue flags.
  const clock = fixedClock('2026-03-24T23:30:00Z');
  const scheduler = new RecordingScheduler();
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let meetings: Meeting[] = [];
  const as = (name: string) => demo.as(name);
  const id = (name: string) => demo.people.get(name)!;
  const list = (name: string, filter: object = {}) => useCases.listGroupActions({ ...as(name), groupId: demo.groupId, ...filter });
  const planAll = async () => {
    while ((await useCases.runDueTimedPlans()) > 0);
  };

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    migrated = demo.migrated;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
      scheduler,
    });
    meetings = (await demo.meetings()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const [feb, mar, apr] = meetings as [Meeting, Meeting, Meeting];
    await addActions(
      demo,
      feb,
      [
        { id: 'act-sara-late', owner: 'Sara Nilsson', status: 'open', dueDate: '2026-03-01' },
        { id: 'act-karin', owner: 'Karin Berg', status: 'in_progress', dueDate: '2026-04-30' },
        { id: 'act-sara-done', owner: 'Sara Nilsson', status: 'done', dueDate: '2026-02-20' },
      ],
      true,
    );
    await addActions(
      demo,
      mar,
      [
        { id: 'act-mohammed', owner: 'Mohammed Haddad', status: 'blocked', dueDate: '2026-03-24' },
        { id: 'act-today', owner: 'Johan Ek', status: 'open', dueDate: '2026-03-25' },
      ],
      true,
    );
    // April's minutes are still being written: their action is not on the list.
    await addActions(demo, apr, [{ id: 'act-draft', owner: 'Sara Nilsson', status: 'open', dueDate: '2026-05-01' }], false);
    const repos = migrated.storage.repositories;
    // Someone of the tenant who is no member of the group.
    await repos.people.save({
      id: 'outsider',
      tenantId: demo.tenantId,
      aadObjectId: null,
      name: 'Olle Utanför',
      email: 'olle@example.org',
      organisationId: null,
    });
  }, 60_000);
  afterAll(() => migrated?.db.close());

  it('lists every published action to every member, overdue first (by Stockholm date), then by due date', async () => {
    for (const name of ['Anna Lindqvist', 'Leila Karimi']) {
      const page = await list(name);
      expect(page.today).toBe('2026-03-25');
      expect(page.total).toBe(5);
      expect(page.actions.map((a) => [a.id, a.overdue])).toEqual([
        ['act-sara-late', true],
        ['act-mohammed', true],
        ['act-sara-done', false],
        ['act-today', false],
        ['act-karin', false],
      ]);
    }
    const [first] = (await list('Leila Karimi')).actions;
    expect(first).toEqual({
      id: 'act-sara-late',
      title: 'Åtgärd act-sara-late',
      owner: { id: id('Sara Nilsson'), name: 'Sara Nilsson', organisation: { id: expect.any(String), name: 'Utbildningsförvaltningen' } },
      organisation: { id: expect.any(String), name: 'Utbildningsförvaltningen' },
      dueDate: '2026-03-01',
      status: 'open',
      overdue: true,
      decidedAt: { id: meetings[0]!.id, title: meetings[0]!.title, startsAt: meetings[0]!.startsAt },
      latestAnswer: null,
      changeable: [],
    });
    const page = await list('Anna Lindqvist');
    expect(page.actions.every((a) => a.changeable.length === 3)).toBe(true);
    expect(page.choices.meetings.map((m) => m.id)).toEqual([meetings[0]!.id, meetings[1]!.id]);
    expect(page.choices.owners.map((o) => o.name)).toEqual(['Johan Ek', 'Karin Berg', 'Mohammed Haddad', 'Sara Nilsson']);
    expect(page.members).toHaveLength(8);
    // The owner may change the status of their own actions only.
    const saras = (await list('Sara Nilsson')).actions;
    expect(saras.filter((a) => a.changeable.length > 0).map((a) => [a.id, a.changeable])).toEqual([
      ['act-sara-late', ['status']],
      ['act-sara-done', ['status']],
    ]);
  });

  it('filters by status, not done, owner, organisation, meeting and overdue, and pages', async () => {
    const ids = async (filter: object) => (await list('Sara Nilsson', filter)).actions.map((a) => a.id);
    expect(await ids({ status: 'blocked' })).toEqual(['act-mohammed']);
    expect(await ids({ status: 'done' })).toEqual(['act-sara-done']);
    expect(await ids({ status: 'not_done' })).toEqual(['act-sara-late', 'act-mohammed', 'act-today', 'act-karin']);
    expect(await ids({ ownerPersonId: id('Sara Nilsson') })).toEqual(['act-sara-late', 'act-sara-done']);
    const karinsOrg = (await list('Sara Nilsson')).actions.find((a) => a.id === 'act-karin')!.organisation!.id;
    expect(await ids({ organisationId: karinsOrg })).toEqual(['act-karin']);
    expect(await ids({ meetingId: meetings[1]!.id })).toEqual(['act-mohammed', 'act-today']);
    expect(await ids({ overdueOnly: true })).toEqual(['act-sara-late', 'act-mohammed']);
    expect(await ids({ overdueOnly: true, ownerPersonId: id('Mohammed Haddad') })).toEqual(['act-mohammed']);
    const second = await list('Sara Nilsson', { limit: 2, offset: 2 });
    expect([second.total, second.actions.map((a) => a.id)]).toEqual([5, ['act-sara-done', 'act-today']]);
    await expect(list('Sara Nilsson', { limit: 0 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(list('Sara Nilsson', { status: 'later' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses someone outside the group, and an action it does not hold, alike', async () => {
    const outsider = { tenantId: demo.tenantId, personId: 'outsider' };
    await expect(useCases.listGroupActions({ ...outsider, groupId: demo.groupId })).rejects.toMatchObject({ code: 'forbidden' });
    const refusals = await Promise.all(
      [
        useCases.getActionHistory({ ...outsider, groupId: demo.groupId, actionId: 'act-karin' }),
        useCases.getActionHistory({ ...as('Anna Lindqvist'), groupId: demo.groupId, actionId: 'no-such-action' }),
        useCases.getActionHistory({ ...as('Anna Lindqvist'), groupId: demo.groupId, actionId: 'act-draft' }),
        useCases.changeAction({ ...as('Anna Lindqvist'), groupId: demo.groupId, actionId: 'act-draft', status: 'done' }),
        useCases.changeAction({ ...outsider, groupId: demo.groupId, actionId: 'act-karin', status: 'done' }),
      ].map((p) =>
        p.then(
          () => null,
          (e: Error & { code?: string }) => [e.code, e.message],
        ),
      ),
    );
    expect(new Set(refusals.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify(['forbidden', 'Not a member of this group'])]));
  });

  it('lets the owner change only the status, and strategists status, due date and owner; each change is in the history', async () => {
    const change = (name: string, actionId: string, changes: object) =>
      useCases.changeAction({ ...as(name), groupId: demo.groupId, actionId, ...changes });
    await expect(change('Sara Nilsson', 'act-sara-late', { dueDate: '2026-04-15' })).rejects.toMatchObject({
      code: 'forbidden',
      message: OWNER_CHANGES_STATUS_ONLY,
    });
    await expect(change('Sara Nilsson', 'act-sara-late', { status: 'in_progress', ownerPersonId: id('Karin Berg') })).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
    await expect(change('Karin Berg', 'act-sara-late', { status: 'done' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change('Anna Lindqvist', 'act-sara-late', { ownerPersonId: 'outsider' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(change('Anna Lindqvist', 'act-sara-late', { dueDate: '2026-02-30' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(change('Anna Lindqvist', 'act-sara-late', {})).rejects.toMatchObject({ code: 'invalid' });

    clock.set('2026-03-25T08:00:00Z');
    const bySara = await change('Sara Nilsson', 'act-sara-late', { status: 'in_progress' });
    expect(bySara.action).toMatchObject({ status: 'in_progress', overdue: true });
    clock.set('2026-03-25T09:00:00Z');
    const byAnna = await change('Anna Lindqvist', 'act-sara-late', { dueDate: '2026-04-15', ownerPersonId: id('Johan Ek') });
    expect(byAnna.action).toMatchObject({
      dueDate: '2026-04-15',
      overdue: false,
      owner: { id: id('Johan Ek'), name: 'Johan Ek', organisation: { name: 'Kultur- och fritidsförvaltningen' } },
      // Followed up in the new owner's organisation.
      organisation: { name: 'Kultur- och fritidsförvaltningen' },
    });
    // The same values again change nothing and add nothing to the history.
    const again = await change('Anna Lindqvist', 'act-sara-late', { dueDate: '2026-04-15' });
    expect(again.history).toEqual(byAnna.history);

    const { history } = await useCases.getActionHistory({ ...as('Leila Karimi'), groupId: demo.groupId, actionId: 'act-sara-late' });
    expect(history).toEqual([
      {
        kind: 'decided',
        at: meetings[0]!.startsAt,
        meeting: { id: meetings[0]!.id, title: meetings[0]!.title, startsAt: meetings[0]!.startsAt },
      },
      {
        kind: 'changed',
        at: new Date('2026-03-25T08:00:00Z'),
        by: expect.objectContaining({ id: id('Sara Nilsson'), name: 'Sara Nilsson' }),
        status: { from: 'open', to: 'in_progress' },
      },
      {
        kind: 'changed',
        at: new Date('2026-03-25T09:00:00Z'),
        by: expect.objectContaining({ name: 'Anna Lindqvist' }),
        dueDate: { from: '2026-03-01', to: '2026-04-15' },
        owner: { from: expect.objectContaining({ name: 'Sara Nilsson' }), to: expect.objectContaining({ name: 'Johan Ek' }) },
      },
    ]);
    const events = await migrated.storage.repositories.audit.listByGroup(demo.tenantId, demo.groupId, 5);
    expect(events.filter((e) => e.subject === 'action:act-sara-late').map((e) => e.action)).toEqual(['action.changed', 'action.changed']);
  });

  it("stops a done action's due reminders", async () => {
    await planAll();
    expect(scheduler.keysFor('act-karin')).toEqual([
      'action-due-reminder:act-karin:2026-04-27',
      'action-due-reminder:act-karin:2026-04-30',
    ]);
    await useCases.changeAction({ ...as('Karin Berg'), groupId: demo.groupId, actionId: 'act-karin', status: 'done' });
    await planAll();
    expect(scheduler.keysFor('act-karin')).toEqual([]);
    // Open again: reminded again.
    await useCases.changeAction({ ...as('Erik Johansson'), groupId: demo.groupId, actionId: 'act-karin', status: 'open' });
    await planAll();
    expect(scheduler.keysFor('act-karin')).toHaveLength(2);
  });

  it("puts the owner's status answer in the next meeting's follow-up, and in the action's list entry and history", async () => {
    const [, mar, apr] = meetings as [Meeting, Meeting, Meeting];
    clock.set('2026-04-03T08:00:00Z');
    // The status request before April's meeting, answered on its card.
    await useCases.answerActionStatus({
      ...as('Mohammed Haddad'),
      actionId: 'act-mohammed',
      meetingId: apr.id,
      status: 'blocked',
      comment: 'Väntar på budgetbeslut',
      reason: 'request',
    });
    const followUp = await useCases.getActionFollowUp({ ...as('Leila Karimi'), meetingId: apr.id });
    expect(followUp.find((a) => a.id === 'act-mohammed')).toMatchObject({
      status: 'blocked',
      decidedAt: { id: mar.id },
      answer: { status: 'blocked', comment: 'Väntar på budgetbeslut', answeredAt: new Date('2026-04-03T08:00:00Z') },
    });
    // Only the meeting it was asked for takes it up.
    expect(
      (await useCases.getActionFollowUp({ ...as('Leila Karimi'), meetingId: meetings[3]!.id })).find((a) => a.id === 'act-mohammed')!
        .answer,
    ).toBeNull();

    const entry = (await list('Leila Karimi', { status: 'blocked' })).actions[0]!;
    expect(entry.latestAnswer).toEqual({
      status: 'blocked',
      comment: 'Väntar på budgetbeslut',
      answeredAt: new Date('2026-04-03T08:00:00Z'),
      forMeeting: { id: apr.id, title: apr.title, startsAt: apr.startsAt },
    });
    const { history } = await useCases.getActionHistory({ ...as('Leila Karimi'), groupId: demo.groupId, actionId: 'act-mohammed' });
    expect(history.map((h) => h.kind)).toEqual(['decided', 'answered']);
    expect(history[1]).toMatchObject({ by: { name: 'Mohammed Haddad' }, comment: 'Väntar på budgetbeslut', forMeeting: { id: apr.id } });
  });
});
