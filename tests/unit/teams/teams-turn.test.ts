import type { Activity } from 'botbuilder';
import { conversationIdOf, conversationReferenceOf } from '../../../bot/src/adapters/teams/teams-turn';

describe('conversations read from Teams activities', () => {
  const inThread = {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.invalid/',
    id: '1712345678901',
    from: { id: '29:u' },
    recipient: { id: '28:b' },
    conversation: { id: '19:abc@thread.tacv2;messageid=1712345678000', conversationType: 'channel' },
  } as unknown as Activity;

  it('keeps the channel, not the thread a mention came from', () => {
    expect(conversationIdOf(inThread)).toBe('19:abc@thread.tacv2');
    expect(conversationReferenceOf(inThread)).toMatchObject({ conversation: { id: '19:abc@thread.tacv2' }, activityId: undefined });
  });

  it('leaves personal chats as they are', () => {
    const personal = { ...inThread, conversation: { id: 'a:1;messageid=5', conversationType: 'personal' } } as unknown as Activity;
    expect(conversationIdOf(personal)).toBe('a:1;messageid=5');
  });

  it('keeps no incoming message id in a reference, so the same chat reads the same every time', () => {
    const personal = { ...inThread, conversation: { id: 'a:1', conversationType: 'personal' } } as unknown as Activity;
    const later = { ...personal, id: '1712345679999' } as unknown as Activity;
    expect(conversationReferenceOf(personal)).toMatchObject({ conversation: { id: 'a:1' }, activityId: undefined });
    expect(JSON.stringify(conversationReferenceOf(later))).toBe(JSON.stringify(conversationReferenceOf(personal)));
  });
});
