/**
 * Keeps the personal chat of a known person up to date whenever they write to the bot, so
 * proactive messages (a decision on their proposal, a call for proposals) can reach them even
 * if the welcome was never stored.
 */
import type { Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export async function rememberPersonalChat(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { conversationId: string; reference: unknown },
): Promise<void> {
  await deps.repositories.conversations.save({
    tenantId: input.tenantId,
    conversationId: input.conversationId,
    kind: 'personal',
    personId: input.personId,
    groupId: null,
    reference: input.reference,
    updatedAt: deps.clock.now(),
  });
}
