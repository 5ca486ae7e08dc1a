/**
 * The kallelse on the demo group: the agenda (standing items and accepted proposals) with times and presenters,
 * a card to every member exactly once, the meeting marked as called, and the RSVP answers —
 * stored, changeable, refused with a reason when wrong, and summed up for the strategists.
 */
import { Pacer } from '../../../bot/src/app/fan-out';
import { refreshSentKallelse } from '../../../bot/src/app/refresh-sent-kallelse';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('kallelse and RSVP', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const ports = fakePorts(clock);
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let tenantId = '';
  let groupId = '';
  let meetingId = '';
  let people = new Map<string, string>();
  const as = (name: string) => ({ tenantId, personId: people.get(name)! });

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    ({ migrated, tenantId, groupId, people } = demo);
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
    });
    meetingId = (await demo.meetings())[1]!.id; // Möte 2, 11 March 13:00
    // Two proposals, accepted in the order Karin's, then Sara's; a third one stays submitted.
    for (const [name, title, minutes] of [
      ['Sara Nilsson', 'Skolmåltider och klimat', 20],
      ['Karin Berg', 'Upphandling av cyklar', 15],
      ['Johan Ek', 'Ej behandlad', 10],
    ] as const) {
      const form = await useCases.openProposalForm(as(name));
      const stored = await useCases.submitProposal({
        ...as(name),
        groupId,
        proposalId: null,
        submissionKey: `k-${name}`,
        draft: { ...form.values, title, kind: 'diskussion', minutesNeeded: minutes, meetingId },
      });
      if (stored.kind !== 'stored') throw new Error('proposal not stored');
      people.set(`proposal:${title}`, stored.proposal.id);
    }
    clock.set('2026-02-21T09:00:00Z');
    await useCases.decideProposal({
      ...as('Anna Lindqvist'),
      proposalId: people.get('proposal:Upphandling av cyklar')!,
      decision: 'accept',
    });
    clock.set('2026-02-22T09:00:00Z');
    await useCases.decideProposal({
      ...as('Anna Lindqvist'),
      proposalId: people.get('proposal:Skolmåltider och klimat')!,
      decision: 'accept',
    });
  });
  afterAll(() => migrated.db.close());

  it('goes to every member once, with the accepted items timed from the start, and marks the meeting called', async () => {
    const before = ports.messenger.sent.length;
    const report = await useCases.sendKallelse({ by: as('Anna Lindqvist'), tenantId, meetingId });
    expect(report).toMatchObject({ sent: 8, alreadySent: 0 });
    expect(report.notReached.map((n) => n.name)).toEqual(['Ekologiska hållbarhetsgruppen']); // no team channel stored
    const kallelser = ports.messenger.sent.slice(before).map((s) => s.notice);
    expect(kallelser).toHaveLength(8);
    const first = kallelser[0]!;
    // The group's standing items around the accepted proposals, each timed from the one before.
    expect(first.kind === 'kallelse' && first.agenda.map((i) => [i.title, i.minutes, i.presenterName, i.startsAt.toISOString()])).toEqual([
      ['Mötet öppnas', 5, null, '2026-03-11T12:00:00.000Z'],
      ['Fastställande av dagordning', 5, null, '2026-03-11T12:05:00.000Z'],
      ['Föregående mötes minnesanteckningar och åtgärdslista', 10, null, '2026-03-11T12:10:00.000Z'],
      ['Runda: aktuellt från förvaltningar och bolag', 20, null, '2026-03-11T12:20:00.000Z'],
      ['Upphandling av cyklar', 15, 'Karin Berg', '2026-03-11T12:40:00.000Z'],
      ['Skolmåltider och klimat', 20, 'Sara Nilsson', '2026-03-11T12:55:00.000Z'],
      ['Återrapportering till Utskottet för Agenda 2030 och SDL', 10, null, '2026-03-11T13:15:00.000Z'],
      ['Övriga frågor', 5, null, '2026-03-11T13:25:00.000Z'],
      ['Nästa möte', 5, null, '2026-03-11T13:30:00.000Z'],
      ['Mötet avslutas', 5, null, '2026-03-11T13:35:00.000Z'],
    ]);
    expect((await migrated.storage.repositories.meetings.find(tenantId, meetingId))?.status).toBe('called');
    const again = await useCases.sendKallelse({ by: as('Anna Lindqvist'), tenantId, meetingId });
    expect(again.alreadySent).toBe(8);
    expect(ports.messenger.sent).toHaveLength(before + 8);
  });

  it('updates every kallelse already sent, in place, when the agenda changes', async () => {
    const sentBefore = ports.messenger.sent.length;
    await useCases.decideProposal({ ...as('Erik Johansson'), proposalId: people.get('proposal:Ej behandlad')!, decision: 'accept' });
    const kallelseUpdates = ports.messenger.updated.filter((u) => u.notice.kind === 'kallelse');
    expect(kallelseUpdates).toHaveLength(8);
    const toKarin = kallelseUpdates.find((u) => u.conversationId === `a:${people.get('Karin Berg')}`)!.notice;
    // The newly accepted item lands after the others, before the closing standing items.
    expect(toKarin.kind === 'kallelse' && toKarin.agenda.map((i) => i.title).slice(4, 8)).toEqual([
      'Upphandling av cyklar',
      'Skolmåltider och klimat',
      'Ej behandlad',
      'Återrapportering till Utskottet för Agenda 2030 och SDL',
    ]);
    // The proposer hears of the decision; no member gets a second kallelse.
    expect(ports.messenger.sent.slice(sentBefore).map((s) => s.notice.kind)).toEqual(['proposal-decided']);
    // The same agenda again reaches no one twice.
    const deps = {
      repositories: migrated.storage.repositories,
      clock,
      ids: sequentialIds('again'),
      messenger: ports.messenger,
      waiter: ports.waiter,
    };
    expect(await refreshSentKallelse(deps, new Pacer(), { tenantId, meetingId })).toEqual({ updated: 0, failed: 0 });
    expect(ports.messenger.updated.filter((u) => u.notice.kind === 'kallelse')).toHaveLength(8);
  });

  it('is sent by strategists only', async () => {
    await expect(useCases.sendKallelse({ by: as('Sara Nilsson'), tenantId, meetingId })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('stores each answer, lets it change, and shows it back', async () => {
    const yes = await useCases.answerRsvp({ ...as('Sara Nilsson'), meetingId, answer: 'yes' });
    expect(yes.answer).toEqual({ rsvp: 'yes', substituteName: null });
    const substitute = await useCases.answerRsvp({
      ...as('Sara Nilsson'),
      meetingId,
      answer: 'substitute',
      substituteName: '  Lena   Ek ',
    });
    expect(substitute.answer).toEqual({ rsvp: 'substitute', substituteName: 'Lena Ek' });
    await useCases.answerRsvp({ ...as('Karin Berg'), meetingId, answer: 'no' });
    await useCases.answerRsvp({ ...as('Mohammed Haddad'), meetingId, answer: 'yes' });
    expect((await useCases.getKallelse({ ...as('Karin Berg'), meetingId }))?.answer).toEqual({ rsvp: 'no', substituteName: null });
  });

  it('refuses an answer it cannot use, and any answer once the meeting has begun', async () => {
    await expect(useCases.answerRsvp({ ...as('Johan Ek'), meetingId, answer: 'substitute', substituteName: ' ' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(useCases.answerRsvp({ ...as('Johan Ek'), meetingId, answer: 'maybe' })).rejects.toMatchObject({ code: 'invalid' });
    clock.set('2026-03-11T12:30:00Z');
    try {
      await expect(useCases.answerRsvp({ ...as('Johan Ek'), meetingId, answer: 'yes' })).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      clock.set('2026-02-22T09:00:00Z');
    }
    expect(await migrated.storage.repositories.attendance.find(tenantId, meetingId, people.get('Johan Ek')!)).toBeNull();
  });

  it('tells the strategists who comes and which förvaltningar will not be represented', async () => {
    const overview = await useCases.listAttendance({ ...as('Erik Johansson'), meetingId });
    const byName = Object.fromEntries(overview.answers.map((a) => [a.name, [a.rsvp, a.substituteName]]));
    expect(byName).toMatchObject({
      'Sara Nilsson': ['substitute', 'Lena Ek'],
      'Karin Berg': ['no', null],
      'Mohammed Haddad': ['yes', null],
      'Johan Ek': [null, null],
    });
    expect(overview.unrepresented.sort()).toEqual([
      'Arbetsmarknads- och socialförvaltningen',
      'Kommunstyrelsens förvaltning',
      'Kultur- och fritidsförvaltningen',
      'Omsorgsförvaltningen',
    ]);
    await expect(useCases.listAttendance({ ...as('Sara Nilsson'), meetingId })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
