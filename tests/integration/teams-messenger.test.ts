/**
 * Proactive sending through the real Bot Framework client to a connector on loopback: the card
 * arrives, and Teams' refusals come back as what the fan-out acts on (retry with Retry-After,
 * unreachable). The Bot Framework client itself retries 429 (after Retry-After) and 5xx three
 * times before it gives up; the fan-out's own attempts come on top of that.
 */
const CLIENT_TRIES = 4;
import { createCloudAdapter } from '../../bot/src/adapters/teams/bot-endpoint';
import { TeamsMessenger } from '../../bot/src/adapters/teams/teams-messenger';
import type { CallForProposalsNotice } from '../../bot/src/app/ports/messenger';
import type { ConversationRecord } from '../../bot/src/domain/conversation';
import { startRecordingConnector } from '../support/recording-connector';
import { silentLogger } from '../support/silent-logger';

const notice: CallForProposalsNotice = {
  kind: 'call-for-proposals',
  audience: 'person',
  groupId: 'g1',
  groupName: 'Ekologiska hållbarhetsgruppen',
  meeting: {
    id: 'm2',
    title: 'Möte 2',
    startsAt: new Date('2026-03-11T12:00:00Z'),
    durationMinutes: 120,
    place: 'Stadshuset',
    onlineUrl: null,
    status: 'planned',
    chair: { id: 'p1', name: 'Anna Lindqvist' },
  },
  lastDayToPropose: new Date('2026-03-04T11:00:00Z'),
};

describe('Teams messenger', () => {
  let connector: Awaited<ReturnType<typeof startRecordingConnector>>;
  let messenger: TeamsMessenger;
  beforeAll(async () => {
    connector = await startRecordingConnector({});
    messenger = new TeamsMessenger(
      createCloudAdapter({ appId: '', appPassword: '', appType: '', appTenantId: '' }, silentLogger),
      '',
      'sv',
    );
  });
  afterAll(() => connector.close());

  const conversation = (id: string): ConversationRecord => ({
    tenantId: 't1',
    conversationId: id,
    kind: 'personal',
    personId: 'p',
    groupId: null,
    reference: { serviceUrl: connector.url, channelId: 'msteams', conversation: { id }, bot: { id: '28:bot' }, user: { id: '29:user' } },
    updatedAt: new Date(),
  });

  it('sends the call-for-proposals card into the stored conversation, and can update it in place', async () => {
    const result = await messenger.send(conversation('a:sara'), notice);
    expect(result).toEqual({ outcome: 'sent', messageId: expect.stringMatching(/^activity-\d+$/) });
    const messageId = result.outcome === 'sent' ? result.messageId! : '';
    expect(await messenger.update(conversation('a:sara'), messageId, { ...notice, reminder: true })).toEqual({
      outcome: 'sent',
      messageId,
    });
    expect(connector.updated).toEqual([expect.objectContaining({ conversationId: 'a:sara', activityId: messageId })]);
    expect(JSON.stringify(connector.updated[0]!.body.attachments)).toContain('Påminnelse');
    const sent = connector.sent.find((s) => s.conversationId === 'a:sara');
    const card = JSON.stringify(sent?.body.attachments?.[0]?.content);
    expect(card).toContain('Dags att föreslå punkter till Möte 2');
    expect(card).toContain('Sista dag att föreslå: **onsdag 4 mars 2026**');
    expect(card).toContain('"verb":"proposal.open"');
  });

  it('lets a passing 429 through after Retry-After', async () => {
    connector.failures.set('a:once', [{ status: 429, headers: { 'Retry-After': '0' } }]);
    expect(await messenger.send(conversation('a:once'), notice)).toMatchObject({ outcome: 'sent' });
    expect(connector.sent.filter((s) => s.conversationId === 'a:once')).toHaveLength(1);
  });

  it.each([
    [429, { 'Retry-After': '1' }, { outcome: 'retry', retryAfterMs: 1000 }, CLIENT_TRIES],
    [503, {}, { outcome: 'retry', retryAfterMs: null }, CLIENT_TRIES],
    [403, {}, { outcome: 'unreachable', reason: 'blocked-or-uninstalled' }, 1],
    [404, {}, { outcome: 'unreachable', reason: 'conversation-gone' }, 1],
  ])('turns a lasting %i into what the fan-out acts on', async (status, headers, expected, requests) => {
    const id = `a:failing-${status}`;
    connector.failures.set(
      id,
      Array.from({ length: 20 }, () => ({ status, headers })),
    );
    const before = connector.requests();
    expect(await messenger.send(conversation(id), notice)).toMatchObject(expected);
    expect(connector.requests() - before).toBe(requests);
    expect(connector.sent.filter((s) => s.conversationId === id)).toEqual([]);
  });
});
