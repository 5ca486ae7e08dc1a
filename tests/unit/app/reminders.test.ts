/**
 * The reminders the job runner will send on time: before the proposal deadline to those who have
 * not answered the call, and the day before to every member with their own answer, plus the
 * chair's summary. Here they are called directly, as the scheduler will.
 */
import type { AttendanceSummaryNotice, KallelseNotice } from '../../../bot/src/app/ports/messenger';
import { createUseCases } from '../../../bot/src/app/use-cases';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup, type DemoGroup } from '../../support/demo-group';
import { fakePorts } from '../../support/fake-messenger';
import { fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('reminders', () => {
  const clock = fixedClock('2026-03-02T08:00:00Z'); // two days before the last day for Möte 2 (4 March)
  const ports = fakePorts(clock);
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let tenantId = '';
  let meetingId = '';
  let people = new Map<string, string>();
  const as = (name: string) => demo.as(name);

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
    meetingId = (await demo.meetings())[1]!.id;
  });
  afterAll(() => migrated.db.close());

  it('reminds only the delegates who have neither proposed nor said they have nothing to propose', async () => {
    const form = await useCases.openProposalForm(as('Sara Nilsson'));
    await useCases.submitProposal({
      ...as('Sara Nilsson'),
      groupId: form.groupId,
      proposalId: null,
      submissionKey: 'k1',
      draft: { ...form.values, title: 'Ett förslag', kind: 'information', meetingId },
    });
    await useCases.answerNothingToPropose({ ...as('Karin Berg'), meetingId });
    const before = ports.messenger.sent.length;
    const report = await useCases.remindProposalDeadline({ by: 'scheduler', tenantId, meetingId });
    const reminded = ports.messenger.sent.slice(before);
    expect(reminded.map((s) => s.conversationId).sort()).toEqual(
      ['Mohammed Haddad', 'Johan Ek', 'Leila Karimi', 'Per Andersson'].map((n) => `a:${people.get(n)}`).sort(),
    );
    expect(reminded.every((s) => s.notice.kind === 'call-for-proposals' && s.notice.reminder === true)).toBe(true);
    expect(report.notReached).toEqual([]); // no channel post for a reminder
    const again = await useCases.remindProposalDeadline({ by: 'scheduler', tenantId, meetingId });
    expect(again).toMatchObject({ sent: 0, alreadySent: 4 });
  });

  it('gives every member the kallelse again with their own answer, and the chair a summary', async () => {
    clock.set('2026-03-10T07:00:00Z');
    await useCases.answerRsvp({ ...as('Sara Nilsson'), meetingId, answer: 'yes' });
    await useCases.answerRsvp({ ...as('Mohammed Haddad'), meetingId, answer: 'substitute', substituteName: 'Ali Haddad' });
    await useCases.answerRsvp({ ...as('Karin Berg'), meetingId, answer: 'no' });
    const before = ports.messenger.sent.length;
    await useCases.remindDayBefore({ by: 'scheduler', tenantId, meetingId });
    const sent = ports.messenger.sent.slice(before);
    const toSara = sent.find((s) => s.conversationId === `a:${people.get('Sara Nilsson')}`)!.notice as KallelseNotice;
    expect(toSara).toMatchObject({ kind: 'kallelse', reminder: true, answer: { rsvp: 'yes' } });
    const toJohan = sent.find((s) => s.conversationId === `a:${people.get('Johan Ek')}` && s.notice.kind === 'kallelse')!
      .notice as KallelseNotice;
    expect(toJohan.answer).toBeNull();
    const summaries = sent.filter((s) => s.notice.kind === 'attendance-summary');
    expect(summaries).toHaveLength(1);
    const meeting = await migrated.storage.repositories.meetings.find(tenantId, meetingId);
    expect(summaries[0]!.conversationId).toBe(`a:${meeting!.chairPersonId}`);
    const summary = summaries[0]!.notice as AttendanceSummaryNotice;
    expect(summary.overview.unrepresented).toEqual(
      expect.arrayContaining(['Arbetsmarknads- och socialförvaltningen', 'Kultur- och fritidsförvaltningen']),
    );
    expect(summary.overview.unrepresented).not.toContain('Samhällsbyggnadsförvaltningen'); // Mohammed sends a substitute
  });
});
