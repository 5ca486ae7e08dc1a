/**
 * Keeps the personal chat of a known person up to date whenever they write to the bot, so
 * proactive messages (a decision on their proposal, a call for proposals) can reach them even
 * if the welcome was never stored.
 */
import type { Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

/** How long a stored chat counts as fresh: the same chat written within it is not written again. */
export const REMEMBERED_FOR_MS = 60 * 60 * 1000;
/** At most this many people are kept in mind; the one heard from longest ago goes first. */
const MOST_REMEMBERED = 10_000;

/**
 * The chats this process stored lately, per person. Without it every message a person sends wrote
 * the same row again (a write and a commit on every bot turn). A chat that changed (another
 * conversation, a new serviceUrl) is written at once, so "the most recent chat" stays true; an
 * unchanged one is written again once REMEMBERED_FOR_MS has passed. Each instance keeps its own.
 */
export class RecentChats {
  private readonly stored = new Map<string, { chat: string; at: number }>();

  constructor(private readonly size = MOST_REMEMBERED) {}

  /** Whether this chat was stored for the person lately; a person asked about is kept longest. */
  isFresh(person: string, chat: string, now: number): boolean {
    const seen = this.stored.get(person);
    if (seen === undefined) return false;
    this.stored.delete(person); // a Map keeps insertion order: re-inserted, the person is newest
    this.stored.set(person, seen);
    return seen.chat === chat && now - seen.at < REMEMBERED_FOR_MS;
  }

  note(person: string, chat: string, now: number): void {
    this.stored.delete(person);
    this.stored.set(person, { chat, at: now });
    for (const oldest of this.stored.keys()) {
      if (this.stored.size <= this.size) break;
      this.stored.delete(oldest);
    }
  }
}

export async function rememberPersonalChat(
  deps: { repositories: Repositories; clock: Clock; recentChats?: RecentChats },
  input: Actor & { conversationId: string; reference: unknown },
): Promise<void> {
  const now = deps.clock.now();
  const person = `${input.tenantId}\u0000${input.personId}`;
  const chat = JSON.stringify([input.conversationId, input.reference]);
  if (deps.recentChats?.isFresh(person, chat, now.getTime())) return;
  await deps.repositories.conversations.save({
    tenantId: input.tenantId,
    conversationId: input.conversationId,
    kind: 'personal',
    personId: input.personId,
    groupId: null,
    reference: input.reference,
    updatedAt: now,
  });
  deps.recentChats?.note(person, chat, now.getTime());
}
