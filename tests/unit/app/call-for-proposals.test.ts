/**
 * The call for proposals on the demo group, with a fake messenger (answers scripted per
 * conversation) and a fake clock: each delegate exactly once, retries after 429 and 5xx, the
 * unreachable reported by name and reason, a second run sending nothing twice.
 */
import { createUseCases } from '../../../bot/src/app/use-cases';
import { MAX_ATTEMPTS } from '../../../bot/src/app/fan-out';
import type { MigratedStorage } from '../../support/database';
import { openDemoGroup } from '../../support/demo-group';
import { FakeMessenger, FakeRoster, FakeWaiter } from '../../support/fake-messenger';
import { silentLogger } from '../../support/silent-logger';
import { fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('call for proposals', () => {
  let migrated: MigratedStorage;
  const clock = fixedClock('2026-01-10T09:00:00Z');
  let messenger: FakeMessenger;
  let waiter: FakeWaiter;
  let roster: FakeRoster;
  let useCases: ReturnType<typeof createUseCases>;
  let tenantId = '';
  let groupId = '';
  const people = new Map<string, string>(); // name → id
  let anna = '';

  beforeAll(async () => {
    // Everyone but Johan Ek has opened the bot; the team channel knows the bot too.
    const demo = await openDemoGroup(clock, (name) => name !== 'Johan Ek');
    ({ migrated, tenantId, groupId } = demo);
    for (const [name, id] of demo.people) people.set(name, id);
    anna = people.get('Anna Lindqvist')!;
    await migrated.storage.repositories.conversations.save({
      tenantId,
      conversationId: '19:channel',
      kind: 'channel',
      personId: null,
      groupId,
      reference: { conversation: { id: '19:channel' } },
      updatedAt: clock.now(),
    });
  });
  afterAll(() => migrated.db.close());

  beforeEach(() => {
    messenger = new FakeMessenger(() => clock.now());
    waiter = new FakeWaiter(clock);
    roster = new FakeRoster();
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds(`uc-${Date.now()}`),
      messenger,
      waiter,
      roster,
      logger: silentLogger,
    });
  });

  async function meetingId(index: number): Promise<string> {
    return (await migrated.storage.repositories.meetings.listByGroup(tenantId, groupId))[index]!.id;
  }

  it('reaches every delegate with a chat once, posts in the channel, and names who was not reached', async () => {
    const meeting = await meetingId(1);
    messenger.script.set(`a:${people.get('Sara Nilsson')}`, [{ outcome: 'retry', retryAfterMs: 3000, detail: '429' }]);
    messenger.script.set(`a:${people.get('Karin Berg')}`, [{ outcome: 'unreachable', reason: 'blocked-or-uninstalled', detail: '403' }]);
    const report = await useCases.sendCallForProposals({ by: { tenantId, personId: anna }, tenantId, meetingId: meeting });

    const delegates = ['Sara Nilsson', 'Mohammed Haddad', 'Karin Berg', 'Johan Ek', 'Leila Karimi', 'Per Andersson'];
    const reached = messenger.sent
      .filter((s) => s.notice.kind === 'call-for-proposals' && s.notice.audience === 'person')
      .map((s) => s.conversationId);
    expect(new Set(reached)).toEqual(
      new Set(delegates.filter((d) => d !== 'Karin Berg' && d !== 'Johan Ek').map((d) => `a:${people.get(d)}`)),
    );
    expect(reached).toHaveLength(4); // once each, the 429 included
    expect(
      messenger.sent.filter((s) => s.notice.kind === 'call-for-proposals' && s.notice.audience === 'channel').map((s) => s.conversationId),
    ).toEqual(['19:channel']);
    expect(waiter.waits).toContain(3000);
    expect(report).toMatchObject({ sent: 5, alreadySent: 0 });
    expect(report.notReached).toEqual(
      expect.arrayContaining([
        { target: `person:${people.get('Johan Ek')}`, name: 'Johan Ek', reason: 'no-conversation' },
        { target: `person:${people.get('Karin Berg')}`, name: 'Karin Berg', reason: 'blocked-or-uninstalled' },
      ]),
    );
    const notice = messenger.sent[0]!.notice;
    expect(notice).toMatchObject({ kind: 'call-for-proposals', groupName: 'Ekologiska hållbarhetsgruppen', meeting: { id: meeting } });
    expect(notice.kind === 'call-for-proposals' && notice.lastDayToPropose.toISOString().slice(0, 10)).toBe('2026-03-04');

    const notReached = await useCases.listNotReached({ tenantId, personId: anna, groupId });
    expect(notReached.map((n) => [n.name, n.reason]).sort()).toEqual([
      ['Johan Ek', 'no-conversation'],
      ['Karin Berg', 'blocked-or-uninstalled'],
    ]);
  });

  it('sends nothing twice when run again, and tries again whom it missed', async () => {
    const meeting = await meetingId(1);
    const report = await useCases.sendCallForProposals({ by: { tenantId, personId: anna }, tenantId, meetingId: meeting });
    expect(report.alreadySent).toBe(5);
    // Karin is reachable now; Johan still has no chat.
    expect(messenger.sent.map((s) => s.conversationId)).toEqual([`a:${people.get('Karin Berg')}`]);
    expect(report.notReached.map((n) => n.name)).toEqual(['Johan Ek']);
  });

  it(`gives up after ${MAX_ATTEMPTS} transient errors, backing off in between`, async () => {
    const meeting = await meetingId(2);
    messenger.script.set(
      `a:${people.get('Leila Karimi')}`,
      Array.from({ length: MAX_ATTEMPTS }, () => ({ outcome: 'retry' as const, retryAfterMs: null, detail: '503' })),
    );
    const report = await useCases.sendCallForProposals({ by: { tenantId, personId: anna }, tenantId, meetingId: meeting });
    expect(report.notReached).toEqual(
      expect.arrayContaining([{ target: `person:${people.get('Leila Karimi')}`, name: 'Leila Karimi', reason: 'retries-exhausted' }]),
    );
    expect(waiter.waits.filter((w) => w > 0).length).toBeGreaterThanOrEqual(MAX_ATTEMPTS - 1);
    const failed = await migrated.storage.repositories.deliveries.listByGroup(tenantId, groupId, {
      states: ['failed'],
      kind: 'call-for-proposals',
    });
    expect(failed.find((d) => d.target === `person:${people.get('Leila Karimi')}` && d.deliveryKey.includes(meeting))?.attempts).toBe(
      MAX_ATTEMPTS,
    );
  });

  it('is for strategists only, and only while the meeting takes proposals', async () => {
    const meeting = await meetingId(3);
    await expect(
      useCases.sendCallForProposals({ by: { tenantId, personId: people.get('Sara Nilsson')! }, tenantId, meetingId: meeting }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    clock.set('2026-12-01T09:00:00Z');
    try {
      await expect(useCases.sendCallForProposals({ by: { tenantId, personId: anna }, tenantId, meetingId: meeting })).rejects.toMatchObject(
        { code: 'conflict' },
      );
    } finally {
      clock.set('2026-01-10T09:00:00Z');
    }
    expect(messenger.sent).toEqual([]);
  });

  it('records "nothing to propose" once, however often it is answered', async () => {
    const meeting = await meetingId(1);
    const sara = people.get('Sara Nilsson')!;
    await useCases.answerNothingToPropose({ tenantId, personId: sara, meetingId: meeting });
    await useCases.answerNothingToPropose({ tenantId, personId: sara, meetingId: meeting });
    expect(await migrated.storage.repositories.callResponses.listByMeeting(tenantId, meeting)).toEqual([
      expect.objectContaining({ personId: sara, answer: 'nothing-to-propose' }),
    ]);
  });

  it('reaches a member who never opened the bot through the team roster, matched by object id or mail', async () => {
    const meeting = await meetingId(4);
    const johan = (await migrated.storage.repositories.people.find(tenantId, people.get('Johan Ek')!))!;
    roster.teamMembers = [
      { teamsUserId: '29:johan', aadObjectId: null, email: johan.email.toUpperCase(), name: 'Johan Ek' },
      { teamsUserId: '29:guest', aadObjectId: '00000000-0000-4000-8000-0000000000ee', email: 'guest@elsewhere.example', name: 'Gäst' },
    ];
    const report = await useCases.sendCallForProposals({ by: { tenantId, personId: anna }, tenantId, meetingId: meeting });
    expect(roster.opened).toEqual(['29:johan']);
    expect(messenger.sent.map((s) => s.conversationId)).toContain('a:roster-29:johan');
    expect(report.notReached.map((n) => n.name)).not.toContain('Johan Ek');
    expect(await migrated.storage.repositories.conversations.findPersonal(tenantId, johan.id)).toMatchObject({
      conversationId: 'a:roster-29:johan',
    });
  });
});
