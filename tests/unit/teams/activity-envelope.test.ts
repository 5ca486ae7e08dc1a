import { activityEnvelopeProblem } from '../../../bot/src/adapters/teams/activity-envelope';

/** What Teams sends for a click on a card in a personal chat (fields the bot reads, and some it does not). */
const invoke = {
  type: 'invoke',
  name: 'adaptiveCard/action',
  id: 'f:1234',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  locale: 'sv-SE',
  from: { id: '29:1abc', name: 'Sara Nilsson', aadObjectId: '00000000-0000-4000-8000-000000000003' },
  recipient: { id: '28:bot', name: 'Arbetsrum' },
  conversation: { id: 'a:1xyz', conversationType: 'personal', tenantId: 'tenant', isGroup: false },
  channelData: { tenant: { id: 'tenant' }, source: { name: 'message' } },
  entities: [{ type: 'clientInfo', locale: 'sv-SE' }],
  value: { action: { type: 'Action.Execute', verb: 'proposal.open', data: { groupId: 'g1' } } },
};

describe('the envelope of an activity', () => {
  it('lets what Teams sends through, with fields of its own', () => {
    expect(activityEnvelopeProblem(invoke)).toBeNull();
    expect(
      activityEnvelopeProblem({ ...invoke, type: 'conversationUpdate', value: undefined, membersAdded: [{ id: '28:bot' }] }),
    ).toBeNull();
  });

  it.each([
    ['not an object', 'message'],
    ['null', null],
    ['an array', [invoke]],
    ['no type', { ...invoke, type: undefined }],
    ['a type that is not text', { ...invoke, type: 42 }],
    ['no sender', { ...invoke, from: null }],
    ['a sender without an id', { ...invoke, from: { name: 'x' } }],
    ['no conversation', { ...invoke, conversation: undefined }],
    ['isGroup that is not true or false', { ...invoke, conversation: { ...invoke.conversation, isGroup: 'no' } }],
    ['a conversation name that is not text', { ...invoke, conversation: { ...invoke.conversation, name: ['x'] } }],
    ['an id that is not text', { ...invoke, id: 7 }],
    ['a very long sender name', { ...invoke, from: { ...invoke.from, name: 'x'.repeat(257) } }],
    ['a NUL in the sender name', { ...invoke, from: { ...invoke.from, name: 'Sara\u0000' } }],
    [
      'half a surrogate pair deep in the value',
      { ...invoke, value: { action: { type: 'Action.Execute', data: { a: [{ b: 'x\udc00' }] } } } },
    ],
    ['a NUL in a key', { ...invoke, channelData: { 'a\u0000': 1 } }],
  ])('refuses %s, saying where', (_name, body) => {
    expect(activityEnvelopeProblem(body)).toEqual(expect.any(String));
  });

  it('reads a large value without running out of stack', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`) as unknown;
    const wide = Array.from({ length: 200_000 }, () => 0);
    expect(activityEnvelopeProblem({ ...invoke, value: deep })).toBeNull();
    expect(activityEnvelopeProblem({ ...invoke, value: wide })).toBeNull();
  });
});
