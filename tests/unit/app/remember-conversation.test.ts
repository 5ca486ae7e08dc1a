/**
 * A person's chat is stored when they write, but not again on every message: only when the chat
 * changed, or once an hour has passed.
 */
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import { RecentChats, REMEMBERED_FOR_MS, rememberPersonalChat } from '../../../bot/src/app/remember-conversation';
import type { ConversationRecord } from '../../../bot/src/domain/conversation';
import { fixedClock } from '../../support/group-seed-mother';

function setup() {
  const saved: ConversationRecord[] = [];
  const repositories = {
    conversations: { save: async (record: ConversationRecord) => void saved.push(record) },
  } as unknown as Repositories;
  const clock = fixedClock('2026-03-02T08:00:00Z');
  const deps = { repositories, clock, recentChats: new RecentChats(2) };
  const chat = (personId: string, conversationId = `a:${personId}`, serviceUrl = 'https://smba.trafficmanager.net/emea/') => ({
    tenantId: 't1',
    personId,
    conversationId,
    reference: { serviceUrl, conversation: { id: conversationId } },
  });
  return { saved, clock, deps, chat };
}

describe('remembering a personal chat', () => {
  it('stores it once, and again only when it changed', async () => {
    const { saved, deps, chat } = setup();
    await rememberPersonalChat(deps, chat('p1'));
    await rememberPersonalChat(deps, chat('p1'));
    expect(saved).toHaveLength(1);
    await rememberPersonalChat(deps, chat('p1', 'a:p1', 'https://smba.trafficmanager.net/se/'));
    await rememberPersonalChat(deps, chat('p1', 'a:p1-other'));
    expect(saved.map((s) => s.conversationId)).toEqual(['a:p1', 'a:p1', 'a:p1-other']);
    // Back to the first chat: it is the most recent again, so it is written.
    await rememberPersonalChat(deps, chat('p1'));
    expect(saved).toHaveLength(4);
  });

  it('writes an unchanged chat again once an hour has passed', async () => {
    const { saved, clock, deps, chat } = setup();
    await rememberPersonalChat(deps, chat('p1'));
    clock.set(new Date(clock.now().getTime() + REMEMBERED_FOR_MS - 1).toISOString());
    await rememberPersonalChat(deps, chat('p1'));
    expect(saved).toHaveLength(1);
    clock.set(new Date(clock.now().getTime() + 1).toISOString());
    await rememberPersonalChat(deps, chat('p1'));
    expect(saved).toHaveLength(2);
    expect(saved[1]?.updatedAt).toEqual(clock.now());
  });

  it('keeps only so many people in mind, forgetting the one heard from longest ago', async () => {
    const { saved, deps, chat } = setup(); // room for two
    await rememberPersonalChat(deps, chat('p1'));
    await rememberPersonalChat(deps, chat('p2'));
    await rememberPersonalChat(deps, chat('p1')); // fresh: p1 is now the newest
    await rememberPersonalChat(deps, chat('p3')); // p2 is forgotten
    await rememberPersonalChat(deps, chat('p1'));
    expect(saved.map((s) => s.personId)).toEqual(['p1', 'p2', 'p3']);
    await rememberPersonalChat(deps, chat('p2'));
    expect(saved.map((s) => s.personId)).toEqual(['p1', 'p2', 'p3', 'p2']);
  });

  it('tells people in different tenants apart', async () => {
    const { saved, deps, chat } = setup();
    await rememberPersonalChat(deps, chat('p1'));
    await rememberPersonalChat(deps, { ...chat('p1'), tenantId: 't2' });
    expect(saved.map((s) => s.tenantId)).toEqual(['t1', 't2']);
  });

  it('keeps nothing in mind when the write fails, so the next message tries again', async () => {
    const { deps, chat } = setup();
    let fail = true;
    const saved: string[] = [];
    const repositories = {
      conversations: {
        save: async (record: ConversationRecord) => {
          if (fail) throw new Error('database down');
          saved.push(record.conversationId);
        },
      },
    } as unknown as Repositories;
    await expect(rememberPersonalChat({ ...deps, repositories }, chat('p1'))).rejects.toThrow('database down');
    fail = false;
    await rememberPersonalChat({ ...deps, repositories }, chat('p1'));
    expect(saved).toEqual(['a:p1']);
  });
});
