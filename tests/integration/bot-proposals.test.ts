/**
 * Proposing an item from the chat, through botbuilder's TestAdapter and a real embedded database:
 * the form, the submit (Action.Execute and the Action.Submit fallback), the receipt, a double
 * click, invalid and hostile input, a late proposal, withdrawal, and a strategist's decision
 * showing on refresh.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import { ArbetsrumBot } from '../../bot/src/adapters/teams/arbetsrum-bot';
import { emptyMinutes, publishMinutes } from '../../bot/src/domain/minutes-review';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../support/database';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../support/group-seed-mother';
import { invokeResponseOf, RecordingAdapter } from '../support/recording-adapter';
import { silentLogger } from '../support/silent-logger';
import { fakePorts } from '../support/fake-messenger';

const ANNA = { id: '29:anna', aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Anna Strateg' };
const ERIK = { id: '29:erik', aadObjectId: '00000000-0000-4000-8000-000000000002', name: 'Erik Strateg' };

describe('bot: proposing an agenda item', () => {
  let migrated: MigratedStorage;
  let bot: ArbetsrumBot;
  let groupId = '';
  // Meetings of the seed: 2026-02-11, 05-13, 09-09, 11-11 at 13:00; proposals close 7 days before.
  const clock = fixedClock('2026-04-20T08:00:00Z');
  let useCases: ReturnType<typeof createUseCases>;
  const ports = fakePorts(clock);

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    const seeded = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') },
      aGroupSeed(),
      [2026],
    );
    groupId = seeded.groupId;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
    });
    bot = new ArbetsrumBot(useCases, silentLogger, 'sv');
  });
  afterAll(() => migrated.db.close());
  afterEach(() => clock.set('2026-04-20T08:00:00Z'));

  const base = (who: typeof ANNA): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.invalid/',
    from: who,
    recipient: { id: '28:bot', name: 'Arbetsrum' },
    conversation: { id: `a:${who.id}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
  });

  async function run(activity: Partial<Activity>) {
    const adapter = new RecordingAdapter();
    await adapter.processActivity(activity, (context) => bot.run(context));
    return { sent: [...adapter.activeQueue], updated: adapter.updated };
  }
  const say = (who: typeof ANNA, text: string) => run({ ...base(who), type: ActivityTypes.Message, text });
  async function execute(who: typeof ANNA, verb: string, data: Record<string, unknown>) {
    const { sent } = await run({
      ...base(who),
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    const response = invokeResponseOf(sent);
    expect(response?.status).toBe(200);
    expect(response?.body.type).toBe('application/vnd.microsoft.card.adaptive');
    return response!.body.value;
  }
  const text = (card: unknown) => JSON.stringify(card);
  const proposalsInDb = () => migrated.storage.repositories.proposals.listByGroup(TENANT, groupId);

  async function openForm(who = ANNA) {
    const { sent } = await say(who, 'föreslå');
    const card = sent[0]?.attachments?.[0]?.content as {
      actions: { verb: string; data: Record<string, string> }[];
      body: { id?: string; value?: unknown; choices?: { title: string; value: string }[] }[];
    };
    expect(card.actions[0]!.verb).toBe('proposal.submit');
    return card;
  }

  type FormElement = Awaited<ReturnType<typeof openForm>>['body'][number];
  const inputs = (card: Awaited<ReturnType<typeof openForm>>): Record<string, FormElement> =>
    Object.fromEntries(card.body.filter((e) => e.id).map((e) => [e.id, e]));

  it('opens the form with the organisation and the next open meeting pre-filled', async () => {
    const card = await openForm();
    const fields = inputs(card);
    expect(Object.keys(fields)).toEqual(['title', 'description', 'kind', 'organisationId', 'goalIds', 'minutesNeeded', 'meetingId']);
    expect(fields.meetingId!.choices!.map((c) => c.title)).toEqual([
      'Möte 2, 2026-05-13 (förslag senast 2026-05-06)',
      'Möte 3, 2026-09-09 (förslag senast 2026-09-02)',
      'Möte 4, 2026-11-11 (förslag senast 2026-11-04)',
    ]);
    expect(fields.meetingId!.value).toBe(fields.meetingId!.choices![0]!.value);
    const orgs = await migrated.storage.repositories.organisations.listByGroup(TENANT, groupId);
    expect(fields.organisationId!.value).toBe(orgs.find((o) => o.name === 'Kommunstyrelsens förvaltning')!.id);
    expect(fields.goalIds!.choices!.map((c) => c.title)).toContain('Globala målen 13: Bekämpa klimatförändringarna');
  });

  it('stores a submitted proposal once, even when the card is clicked twice, and answers with the receipt', async () => {
    const card = await openForm();
    const fields = inputs(card);
    const data = {
      ...card.actions[0]!.data,
      title: 'Laddinfrastruktur vid förskolor',
      description: 'Hur gör vi med laddplatser?',
      kind: 'diskussion',
      organisationId: fields.organisationId!.value,
      goalIds: fields
        .goalIds!.choices!.slice(0, 2)
        .map((c) => c.value)
        .join(','),
      minutesNeeded: '20',
      meetingId: fields.meetingId!.value,
    };
    const before = (await proposalsInDb()).length;
    const receipt = await execute(ANNA, 'proposal.submit', data);
    const again = await execute(ANNA, 'proposal.submit', data);
    expect(text(receipt)).toContain('Tack! Ditt förslag är inskickat');
    expect(text(receipt)).toContain('Möte 2, onsdag 13 maj 2026');
    expect(text(receipt)).toContain('Du kan ändra eller dra tillbaka förslaget till och med onsdag 6 maj 2026.');
    expect(receipt.refresh).toMatchObject({ userIds: [ANNA.id], action: { verb: 'proposal.refresh' } });
    expect(text(again)).toBe(text(receipt));
    const stored = await proposalsInDb();
    expect(stored).toHaveLength(before + 1);
    expect(stored.at(-1)).toMatchObject({
      title: 'Laddinfrastruktur vid förskolor',
      kind: 'diskussion',
      minutesNeeded: 20,
      meetingId: data.meetingId,
      late: false,
      status: 'submitted',
    });
    expect(stored.at(-1)!.goalIds).toHaveLength(2);
  });

  it('brings the form back with the values kept and the errors at their fields, storing nothing', async () => {
    const card = await openForm();
    const before = (await proposalsInDb()).length;
    const answer = await execute(ANNA, 'proposal.submit', {
      ...card.actions[0]!.data,
      title: '   ',
      description: 'Min text',
      kind: 'diskussion',
      minutesNeeded: '90',
      meetingId: inputs(card).meetingId!.value,
    });
    const fields = Object.fromEntries((answer.body as { id?: string; value?: unknown }[]).filter((e) => e.id).map((e) => [e.id, e.value]));
    expect(fields).toMatchObject({ description: 'Min text', kind: 'diskussion', minutesNeeded: 90 });
    expect(text(answer)).toContain('Förslaget är inte skickat.');
    expect(text(answer)).toContain('Fyll i det här fältet.');
    expect(text(answer)).toContain('Ange ett heltal mellan 5 och 60.');
    expect(await proposalsInDb()).toHaveLength(before);
  });

  it('puts a proposal that missed its deadline in the next meeting and says so', async () => {
    const card = await openForm();
    const may = inputs(card).meetingId!.value as string;
    clock.set('2026-05-08T08:00:00Z'); // after the last day (6 May) for Möte 2
    const receipt = await execute(ANNA, 'proposal.submit', {
      ...card.actions[0]!.data,
      title: 'Sent förslag',
      kind: 'information',
      minutesNeeded: 10,
      meetingId: may,
    });
    expect(text(receipt)).toContain(
      'Förslaget kom efter sista dag för Möte 2 (onsdag 13 maj 2026). Det ligger nu i kön till Möte 3 (onsdag 9 september 2026).',
    );
    const stored = (await proposalsInDb()).find((p) => p.title === 'Sent förslag');
    expect(stored).toMatchObject({ late: true, requestedMeetingId: may });
    expect(stored!.meetingId).not.toBe(may);
  });

  it('lets the proposer withdraw it, and no one else', async () => {
    const card = await openForm();
    const receipt = await execute(ANNA, 'proposal.submit', {
      ...card.actions[0]!.data,
      title: 'Att dra tillbaka',
      kind: 'beslut',
      minutesNeeded: 5,
    });
    const proposalId = (receipt.actions as { data: { proposalId: string } }[])[0]!.data.proposalId;
    const refused = await execute(ERIK, 'proposal.withdraw', { proposalId });
    expect(text(refused)).toContain('Det här förslaget är inte ditt');
    expect((await migrated.storage.repositories.proposals.find(TENANT, proposalId))?.status).toBe('submitted');
    const withdrawn = await execute(ANNA, 'proposal.withdraw', { proposalId });
    expect(text(withdrawn)).toContain('Du har dragit tillbaka förslaget');
    expect(withdrawn.actions).toBeUndefined();
    expect((await migrated.storage.repositories.proposals.find(TENANT, proposalId))?.status).toBe('withdrawn');
  });

  it("shows the strategists' decision when the receipt refreshes", async () => {
    const card = await openForm();
    clock.set('2026-04-20T09:00:00Z'); // an hour after the others: the newest proposal
    const receipt = await execute(ANNA, 'proposal.submit', {
      ...card.actions[0]!.data,
      title: 'Till beslut',
      kind: 'beslut',
      minutesNeeded: 15,
    });
    const proposalId = (receipt.actions as { data: { proposalId: string } }[])[0]!.data.proposalId;
    const erik = await useCases.identify({ tenantId: TENANT, aadObjectId: ERIK.aadObjectId });
    await useCases.decideProposal({ ...erik!, proposalId, decision: 'accept' });
    // The proposer hears of it in the chat she proposed from.
    const told = ports.messenger.sent.filter((s) => s.notice.kind === 'proposal-decided');
    expect(told.map((s) => s.conversationId)).toEqual([`a:${ANNA.id}`]);
    expect(told[0]!.notice).toMatchObject({ proposal: { id: proposalId, status: 'accepted' } });
    const refreshed = await execute(ANNA, 'proposal.refresh', { proposalId });
    expect(text(refreshed)).toContain('Ditt förslag är antaget');
    expect(refreshed.actions).toBeUndefined();
  });

  it('replaces the card in place when a client falls back to Action.Submit', async () => {
    const card = await openForm();
    const { updated, sent } = await run({
      ...base(ANNA),
      type: ActivityTypes.Message,
      replyToId: 'card-activity-1',
      value: { ...card.actions[0]!.data, verb: 'proposal.submit', title: 'Från mobilen', kind: 'information', minutesNeeded: '10' },
    });
    expect(sent).toHaveLength(0);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.id).toBe('card-activity-1');
    expect(text(updated[0]!.attachments?.[0]?.content)).toContain('Tack! Ditt förslag är inskickat');
  });

  it.each([
    ['an unknown verb', 'proposal.delete', { proposalId: 'x' }],
    ['wrong types', 'proposal.submit', { submissionKey: 1, groupId: ['g'], title: { a: 1 } }],
    ['a huge description', 'proposal.submit', { submissionKey: 'k-huge', groupId: 'g', description: 'x'.repeat(50_000) }],
  ])('answers %s with a clear card and changes nothing', async (_name, verb, data) => {
    const before = (await proposalsInDb()).length;
    const answer = await execute(ANNA, verb, data);
    expect(text(answer)).toContain('Kortet skickade något jag inte kan läsa, så inget har sparats.');
    expect(await proposalsInDb()).toHaveLength(before);
  });

  it("refuses a submit into another group's id as not a member", async () => {
    const card = await openForm();
    const answer = await execute(ANNA, 'proposal.submit', {
      ...card.actions[0]!.data,
      groupId: 'someone-elses-group',
      title: 'X',
      kind: 'beslut',
      minutesNeeded: 5,
    });
    expect(text(answer)).toContain('Du finns inte med i någon arbetsgrupp här');
  });

  it('lists my proposals, newest first', async () => {
    clock.set('2026-04-20T10:00:00Z');
    const { sent } = await say(ANNA, 'Mina förslag');
    const listed = text(sent[0]?.attachments?.[0]?.content);
    expect(listed).toContain('Mina förslag');
    expect(listed.indexOf('Till beslut')).toBeLessThan(listed.indexOf('Laddinfrastruktur vid förskolor'));
  });

  it("shows the kallelse in a channel without anyone's answer or buttons, and takes answers only in a personal chat", async () => {
    const channel = { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: TENANT, isGroup: true, name: 'Allmänt' };
    const { sent } = await run({ ...base(ANNA), type: ActivityTypes.Message, text: 'dagordning', conversation: channel });
    const card = sent[0]?.attachments?.[0]?.content as { actions?: unknown[]; body: unknown[] };
    expect(JSON.stringify(card.body)).toContain('Kallelse:');
    expect(card.actions).toBeUndefined();
    const meetingId = (await migrated.storage.repositories.meetings.listByGroup(TENANT, groupId)).at(-1)!.id;
    const { sent: answered } = await run({
      ...base(ANNA),
      conversation: channel,
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'rsvp.answer', data: { meetingId, answer: 'yes' } } },
    });
    expect(text(invokeResponseOf(answered)?.body.value)).toContain('Svara om du kommer i din egen chatt');
    expect(await migrated.storage.repositories.attendance.listByMeeting(TENANT, meetingId)).toEqual([]);
  });

  it('lists my open action items from the minutes on `mina åtgärder`, and only mine', async () => {
    const repos = migrated.storage.repositories;
    const meeting = (await repos.meetings.listByGroup(TENANT, groupId))[0]!;
    const people = await repos.people.listByGroup(TENANT, groupId);
    const anna = people.find((p) => p.name === 'Anna Strateg')!;
    const other = people.find((p) => p.id !== anna.id)!;
    const action = (id: string, title: string, owner: string, status: 'open' | 'done', dueDate: string | null) => ({
      id,
      tenantId: TENANT,
      groupId,
      meetingId: meeting.id,
      agendaItemId: null,
      position: Number(id.slice(-1)),
      title,
      ownerPersonId: owner,
      organisationId: null,
      dueDate,
      status,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    await migrated.storage.unitOfWork.transaction((tx) =>
      tx.actionItems.replaceForMeeting(TENANT, meeting.id, [
        action('bot-act-1', 'Sammanställ enkäten', anna.id, 'open', '2026-05-30'),
        action('bot-act-2', 'Boka studiebesök', anna.id, 'open', '2026-05-02'),
        action('bot-act-3', 'Redan klart', anna.id, 'done', null),
        action('bot-act-4', 'Någon annans', other.id, 'open', null),
      ]),
    );
    const { sent } = await say(ANNA, 'mina åtgärder');
    const card = text(sent[0]?.attachments?.[0]?.content);
    expect(card).toContain('Mina åtgärder');
    expect(card.indexOf('Boka studiebesök')).toBeGreaterThan(-1);
    expect(card.indexOf('Boka studiebesök')).toBeLessThan(card.indexOf('Sammanställ enkäten'));
    expect(card).toContain('klart senast 2026-05-02');
    expect(card).not.toContain('Redan klart');
    expect(card).not.toContain('Någon annans');
  });

  it('records *Jag har återrapporterat* from the published-minutes card once, for delegates and published minutes only', async () => {
    const repos = migrated.storage.repositories;
    const meeting = (await repos.meetings.listByGroup(TENANT, groupId))[0]!;
    const people = await repos.people.listByGroup(TENANT, groupId);
    const anna = people.find((p) => p.name === 'Anna Strateg')!;
    // The seeded delegate, given a Teams identity so she can press the button.
    const delegate = people.find((p) => p.name === 'Sara Delegat')!;
    const SARA = { id: '29:sara', aadObjectId: '00000000-0000-4000-8000-000000000003', name: 'Sara Delegat' };
    await repos.people.save({ ...delegate, aadObjectId: SARA.aadObjectId });

    // Not published yet: a clear card, nothing stored.
    expect(text(await execute(SARA, 'minutes.report', { meetingId: meeting.id }))).toContain('inte publicerade');
    expect(await repos.reReports.find(TENANT, meeting.id, delegate.id)).toBeNull();

    const draft = { ...emptyMinutes(meeting, clock.now()), revision: 1 };
    await repos.minutes.insert(draft);
    await repos.minutes.saveIfUnchanged(
      publishMinutes(draft, { agenda: [], record: { attendance: [], actions: [] }, personId: anna.id, now: clock.now() }),
      1,
    );
    const card = text(await execute(SARA, 'minutes.report', { meetingId: meeting.id }));
    expect(card).toContain('Du återrapporterade');
    expect(card).not.toContain('minutes.report');
    expect(await repos.reReports.find(TENANT, meeting.id, delegate.id)).toEqual(clock.now());
    // A strategist has no förvaltning to report to; a forged id names no meeting.
    expect(text(await execute(ANNA, 'minutes.report', { meetingId: meeting.id }))).toContain('delegaterna som återrapporterar');
    expect(await repos.reReports.find(TENANT, meeting.id, anna.id)).toBeNull();
    expect(text(await execute(SARA, 'minutes.report', { meetingId: 'no-such-meeting' }))).toContain('Jag har återrapporterat');
  });
});
