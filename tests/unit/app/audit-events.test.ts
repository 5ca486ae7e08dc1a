/**
 * The change log (*Ändringslogg*) on the demo group: strategists read who changed meetings,
 * agendas and proposals, newest first, a page at a time, with names resolved and only a
 * whitelisted part of each event's detail; delegates and other groups are refused.
 */
import { randomUUID } from 'node:crypto';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { AuditEntry } from '../../../bot/src/app/list-audit-events';
import type { Meeting } from '../../../bot/src/domain/meeting';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('the change log', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let meetings: Meeting[] = [];
  let outsider = '';
  let proposalId = '';
  const as = (name: string) => demo.as(name);
  const log = (name: string, page: { limit?: number; before?: string | null } = {}) =>
    useCases.listAuditEvents({ ...as(name), groupId: demo.groupId, ...page });
  const tick = (iso: string) => clock.set(iso);

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    migrated = demo.migrated;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    meetings = (await demo.meetings()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const base = aGroupSeed({ tenant: { id: demo.tenantId, name: 'Trollhättans Stad (demo)' } });
    const other = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('other') },
      {
        ...base,
        group: { ...base.group, name: 'Sociala hållbarhetsgruppen', teamId: null },
        people: base.people.map((p) => ({ ...p, email: `other-${p.email}`, aadObjectId: null })),
        goals: [],
      },
      [],
    );
    outsider = (await migrated.storage.repositories.people.listByGroup(demo.tenantId, other.groupId)).find(
      (p) => p.name === 'Anna Strateg',
    )!.id;

    // What the strategists and a delegate do, a minute apart.
    const march = meetings[1]!;
    tick('2026-02-20T09:01:00Z');
    const agenda = await useCases.getMeetingAgenda({ ...as('Anna Lindqvist'), meetingId: march.id });
    tick('2026-02-20T09:02:00Z');
    await useCases.saveMeetingAgenda({
      ...as('Anna Lindqvist'),
      meetingId: march.id,
      expectedRevision: agenda.revision,
      items: agenda.items.slice(0, 6).map((i) => ({
        id: i.id,
        title: i.title,
        durationMinutes: i.durationMinutes,
        presenterPersonId: i.presenter?.id ?? null,
        proposalId: i.proposalId,
        standing: i.standing,
      })),
    });
    tick('2026-02-20T09:03:00Z');
    await useCases.editMeeting({
      ...as('Erik Johansson'),
      meetingId: meetings[2]!.id,
      place: 'Kulturhuset Gamla Posten',
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_secret%40thread.v2/0?context=token',
    });
    tick('2026-02-20T09:04:00Z');
    await useCases.changeMeetingChair({
      ...as('Anna Lindqvist'),
      meetingId: meetings[3]!.id,
      chairPersonId: as('Anna Lindqvist').personId,
    });
    tick('2026-02-20T09:05:00Z');
    const form = await useCases.openProposalForm(as('Karin Berg'));
    const stored = await useCases.submitProposal({
      ...as('Karin Berg'),
      groupId: demo.groupId,
      proposalId: null,
      submissionKey: `k-${randomUUID()}`,
      draft: { ...form.values, title: 'Upphandling av cyklar', kind: 'diskussion', minutesNeeded: 15, meetingId: march.id },
    });
    if (stored.kind !== 'stored') throw new Error('proposal not stored');
    proposalId = stored.proposal.id;
    tick('2026-02-20T09:06:00Z');
    await useCases.decideProposal({ ...as('Erik Johansson'), proposalId, decision: 'accept' });
    // What no use case writes: someone the group does not know, and detail that must never leave.
    tick('2026-02-20T09:07:00Z');
    await migrated.storage.repositories.audit.record({
      tenantId: demo.tenantId,
      groupId: demo.groupId,
      actorPersonId: 'not-a-person',
      action: 'kallelse.sent',
      subject: `meeting:${march.id}`,
      at: clock.now(),
      detail: { sent: 7, mailed: 1, notReached: 0, email: 'karin.berg@trollhattan.example', token: 'eyJ.secret', url: 'https://x' },
    });
  }, 60_000);
  afterAll(() => migrated.db.close());

  const describeEntry = (e: AuditEntry) => [e.actor?.name ?? (e.actor ? 'unknown' : 'Arbetsrum'), e.action];

  it('shows a strategist what happened, newest first, with names, meetings and proposals resolved', async () => {
    const page = await log('Erik Johansson');
    expect(page.events.map(describeEntry)).toEqual([
      ['unknown', 'kallelse.sent'],
      ['Erik Johansson', 'proposal.accepted'],
      ['Karin Berg', 'proposal.submitted'],
      ['Anna Lindqvist', 'meeting.chair-changed'],
      ['Erik Johansson', 'meeting.changed'],
      ['Anna Lindqvist', 'agenda.saved'],
      // The seed plans the year, then notes itself, at one instant: newest-recorded first.
      ['Arbetsrum', 'group.seeded'],
      ['Arbetsrum', 'meetings.planned'],
    ]);
    expect(page.nextBefore).toBeNull();
    const [kallelse, accepted, submitted, chair, changed, saved, seeded, planned] = page.events;
    const march = meetings[1]!;
    expect(saved).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: new Date('2026-02-20T09:02:00Z'),
      actor: { personId: as('Anna Lindqvist').personId, name: 'Anna Lindqvist' },
      action: 'agenda.saved',
      meeting: { id: march.id, title: march.title, startsAt: march.startsAt },
      proposal: null,
      year: null,
      detail: { items: 6 },
    });
    expect(accepted).toMatchObject({
      proposal: { id: proposalId, title: 'Upphandling av cyklar' },
      meeting: { id: march.id },
      detail: {},
    });
    expect(submitted).toMatchObject({ proposal: { id: proposalId }, meeting: { id: march.id }, detail: { late: false } });
    expect(chair!.detail).toEqual({ chair: { from: expect.any(String), to: 'Anna Lindqvist' } });
    expect(planned).toMatchObject({ year: 2026, meeting: null, detail: { count: 8 } });
    expect(seeded).toMatchObject({ actor: null, detail: { people: 8, organisations: 9 } });
    expect(kallelse).toMatchObject({ actor: { personId: 'not-a-person', name: null }, meeting: { id: march.id } });
    // Only the whitelisted parts: which fields changed, never their values; counts, never mail or tokens.
    expect(changed!.detail).toEqual({ fields: ['place', 'onlineUrl'] });
    expect(kallelse!.detail).toEqual({ sent: 7, mailed: 1, notReached: 0 });
    const json = JSON.stringify(page);
    for (const secret of ['@', 'secret', 'Kulturhuset', 'https://']) expect(json).not.toContain(secret);
  });

  it('pages older events with `before`, each event once', async () => {
    const all = (await log('Anna Lindqvist', { limit: 200 })).events.map((e) => e.id);
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page = await log('Anna Lindqvist', { limit: 3, before });
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events.map((e) => e.id));
      before = page.nextBefore;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    // A page that ends exactly at the oldest event says there is nothing older.
    expect((await log('Anna Lindqvist', { limit: all.length })).nextBefore).toBeNull();
    expect((await log('Anna Lindqvist', { limit: all.length - 1 })).nextBefore).toBe(all.at(-2));
  });

  it('refuses delegates, strategists of another group and bad paging with the same codes as elsewhere', async () => {
    await expect(log('Karin Berg')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(useCases.listAuditEvents({ tenantId: demo.tenantId, personId: outsider, groupId: demo.groupId })).rejects.toMatchObject({
      code: 'forbidden',
    });
    for (const limit of [0, 201, 1.5, Number.NaN]) {
      await expect(log('Anna Lindqvist', { limit })).rejects.toMatchObject({ code: 'invalid' });
    }
    for (const before of ['', 'abc', '0', '-1', '1'.repeat(19)]) {
      await expect(log('Anna Lindqvist', { before })).rejects.toMatchObject({ code: 'invalid' });
    }
    // Another group's event is no place to start: nothing, not its neighbours.
    const [foreign] = await migrated.db.query<{ id: string }>(
      `SELECT id::text AS id FROM audit_event WHERE tenant_id = $1 AND group_id <> $2 LIMIT 1`,
      [demo.tenantId, demo.groupId],
    );
    expect(await log('Anna Lindqvist', { before: foreign!.id })).toEqual({ events: [], nextBefore: null });
  });
});
