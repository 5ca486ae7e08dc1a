/**
 * An action's owner answering the status card over real HTTP: `/api/messages` with the bot
 * endpoint of local mode, a real embedded database with the demo group, and a Bot Connector on
 * loopback that records what the bot sends. The answer (Action.Execute, and the Action.Submit
 * fallback) comes back as the refreshed card and is stored; someone else's answer, and a status
 * outside Klar / Pågår / Hinder, are refused with a card that says why, and nothing is stored.
 */
import { refuseAllAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { createBotEndpoint } from '../../bot/src/adapters/teams/bot-endpoint';
import { createUseCases } from '../../bot/src/app/use-cases';
import type { Meeting } from '../../bot/src/domain/meeting';
import type { ActionItem } from '../../bot/src/domain/minutes';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { fixedClock, sequentialIds } from '../support/group-seed-mother';
import { startRecordingConnector } from '../support/recording-connector';
import { silentLogger } from '../support/silent-logger';
import { unusedTabApi } from '../support/unused-use-cases';

// The demo group's people, as Teams names them (object ids from bot/seed/ekologiska-hallbarhetsgruppen.json).
const SARA = { id: '29:sara', aadObjectId: '00000000-0000-4000-8000-000000000003', name: 'Sara Nilsson' };
const MOHAMMED = { id: '29:mohammed', aadObjectId: '00000000-0000-4000-8000-000000000004', name: 'Mohammed Haddad' };
const ANNA = { id: '29:anna', aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Anna Lindqvist' };

type Card = {
  body: { type: string; id?: string; text?: string; value?: unknown }[];
  actions?: { verb?: string; data?: Record<string, unknown> }[];
};

describe('bot: an owner answers how an action is going, over HTTP', () => {
  // The demo group meets 11 February, 11 March, …, at 13:00; the minutes of February are published.
  const clock = fixedClock('2026-03-01T10:00:00Z'); // söndag 1 mars 2026
  let demo: DemoGroup;
  let server: ReturnType<typeof createHttpServer>;
  let connector: Awaited<ReturnType<typeof startRecordingConnector>>;
  let url = '';
  let february: Meeting;
  let march: Meeting;
  const actions: Record<'answered' | 'othersAnswer' | 'badStatus' | 'fallback', ActionItem> = {} as never;

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    const repos = demo.migrated.storage.repositories;
    const meetings = await demo.meetings();
    february = meetings[0]!;
    march = meetings[1]!;
    expect(february.startsAt.toISOString()).toBe('2026-02-11T12:00:00.000Z');
    expect(march!.startsAt.toISOString()).toBe('2026-03-11T12:00:00.000Z');
    await repos.meetings.save({ ...february, status: 'minutes_published' });
    const sara = await repos.people.find(demo.tenantId, demo.people.get(SARA.name)!);
    const action = (key: keyof typeof actions, position: number, title: string): ActionItem => ({
      id: `action-${key}`,
      tenantId: demo.tenantId,
      groupId: demo.groupId,
      meetingId: february.id,
      agendaItemId: null,
      position,
      title,
      ownerPersonId: sara!.id,
      organisationId: sara!.organisationId,
      dueDate: '2026-03-31',
      status: 'open',
      createdAt: new Date('2026-02-11T15:00:00Z'),
      updatedAt: new Date('2026-02-11T15:00:00Z'),
    });
    actions.answered = action('answered', 1, 'Kartlägga laddplatser vid förskolor');
    actions.othersAnswer = action('othersAnswer', 2, 'Ta fram en plan för solceller');
    actions.badStatus = action('badStatus', 3, 'Sammanställa resvaneenkäten');
    actions.fallback = action('fallback', 4, 'Boka studiebesök');
    expect(await repos.actionItems.replaceForMeeting(demo.tenantId, february.id, Object.values(actions))).toBe(true);

    const useCases = createUseCases({
      repositories: repos,
      unitOfWork: demo.migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    const bot = createBotEndpoint({ appId: '', appPassword: '', appType: '', appTenantId: '' }, useCases, silentLogger, 'sv');
    server = createHttpServer({
      mode: 'local',
      logger: silentLogger,
      handleBotRequest: bot.handle,
      health: async () => ({ database: 'up' }),
      tabDir: '/nonexistent',
      authenticator: refuseAllAuthenticator,
      tabApi: unusedTabApi,
    });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    connector = await startRecordingConnector({});
  });
  afterAll(async () => {
    await connector?.close();
    if (server) await close(server);
    await demo?.migrated.db.close();
  });

  const base = (who: typeof SARA) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    locale: 'sv-SE',
    from: who,
    recipient: { id: '28:arbetsrum', name: 'Arbetsrum' },
    conversation: { id: `a:${who.id}`, conversationType: 'personal', tenantId: demo.tenantId, isGroup: false, name: '' },
    channelData: { tenant: { id: demo.tenantId } },
  });
  let activityNumber = 0;
  const post = (activity: Record<string, unknown>) =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: `activity-in-${(activityNumber += 1)}`, ...activity }),
    });
  async function execute(who: typeof SARA, verb: string, data: Record<string, unknown>): Promise<Card> {
    const res = await post({
      ...base(who),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    expect(res.status).toBe(200);
    const response = (await res.json()) as { statusCode: number; type: string; value: Card };
    expect(response.statusCode).toBe(200);
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    return response.value;
  }
  const text = (card: unknown) => JSON.stringify(card);
  const input = (card: Card, id: string) => card.body.find((e) => e.id === id);
  const statusData = (action: ActionItem) => ({ actionId: action.id, meetingId: march.id, reason: 'request' });
  const stored = async (action: ActionItem) => ({
    status: (await demo.migrated.storage.repositories.actionItems.find(demo.tenantId, action.id))?.status,
    answers: (await demo.migrated.storage.repositories.actionStatus.listForMeeting(demo.tenantId, march.id)).filter(
      (a) => a.actionId === action.id,
    ),
  });

  it('stores the owner’s Hinder with its comment and answers with the refreshed card', async () => {
    const sentBefore = connector.sent.length;
    const card = await execute(SARA, 'action.status', {
      ...statusData(actions.answered),
      status: 'blocked',
      comment: '  Väntar på budgetbeslutet i april  ',
    });
    expect(text(card)).toContain('Du svarade hinder söndag 1 mars 2026. Du kan ändra svaret nedan.');
    expect(text(card)).toContain('Hur går det med Kartlägga laddplatser vid förskolor?');
    expect(text(card)).toContain('{"title":"Följs upp på","value":"Möte 2, onsdag 11 mars 2026"}');
    expect(input(card, 'status')?.value).toBe('blocked');
    expect(input(card, 'comment')?.value).toBe('Väntar på budgetbeslutet i april');
    expect(card.actions?.[0]).toMatchObject({ verb: 'action.status', data: statusData(actions.answered) });
    expect(await stored(actions.answered)).toEqual({
      status: 'blocked',
      answers: [
        {
          tenantId: demo.tenantId,
          actionId: actions.answered.id,
          forMeetingId: march.id,
          personId: demo.people.get(SARA.name),
          status: 'blocked',
          comment: 'Väntar på budgetbeslutet i april',
          answeredAt: new Date('2026-03-01T10:00:00Z'),
        },
      ],
    });
    // The invoke's own response carries the card: nothing is posted into the chat.
    expect(connector.sent.length).toBe(sentBefore);
  });

  it.each([
    ['another delegate', MOHAMMED],
    ['a strategist', ANNA],
  ])('refuses %s: only the owner answers, and nothing is stored', async (_name, who) => {
    const card = await execute(who, 'action.status', { ...statusData(actions.othersAnswer), status: 'done', comment: 'Klart!' });
    expect(card.body.map((e) => e.text)).toEqual(['Hur går det?', 'Det är den som äger åtgärden som svarar på hur det går.']);
    expect(card.actions).toBeUndefined();
    expect(await stored(actions.othersAnswer)).toEqual({ status: 'open', answers: [] });
  });

  it.each(['open', 'maybe', ''])('answers the status %j with "Välj Klar, Pågår eller Hinder." and stores nothing', async (status) => {
    const card = await execute(SARA, 'action.status', { ...statusData(actions.badStatus), status, comment: 'Halvvägs' });
    expect(card.body.map((e) => e.text)).toEqual(['Hur går det?', 'Välj Klar, Pågår eller Hinder.']);
    expect(await stored(actions.badStatus)).toEqual({ status: 'open', answers: [] });
  });

  it('replaces the card in place when a client falls back to Action.Submit', async () => {
    const sentBefore = connector.sent.length;
    const res = await post({
      ...base(SARA),
      type: 'message',
      replyToId: 'status-card-1',
      value: { ...statusData(actions.fallback), verb: 'action.status', status: 'done', comment: '' },
    });
    expect(res.status).toBeLessThan(300);
    expect(connector.sent.length).toBe(sentBefore);
    const update = connector.updated.find((u) => u.activityId === 'status-card-1');
    expect(update?.conversationId).toBe(`a:${SARA.id}`);
    expect(text(update?.body.attachments?.[0]?.content)).toContain('Du svarade klar söndag 1 mars 2026.');
    expect(await stored(actions.fallback)).toMatchObject({ status: 'done', answers: [{ status: 'done', comment: '' }] });
  });
});
