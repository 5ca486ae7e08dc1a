/**
 * When the agenda of a meeting changes after its kallelse went out (a proposal accepted, deferred
 * or declined), every kallelse already sent is updated in place — each with its reader's own
 * answer — instead of sending everyone a new message.
 */
import type { FanOutDeps, Pacer } from './fan-out';
import { buildKallelseView, KALLELSE } from './kallelse-view';
import type { Notice } from './ports/messenger';

export async function refreshSentKallelse(
  deps: FanOutDeps,
  pacer: Pacer,
  input: { tenantId: string; meetingId: string },
): Promise<{ updated: number; failed: number }> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  const group = meeting ? await repos.groups.find(input.tenantId, meeting.groupId) : null;
  if (!meeting || !group || meeting.status !== 'called') return { updated: 0, failed: 0 };
  const sent = await repos.deliveries.listByGroup(input.tenantId, group.id, {
    kind: KALLELSE,
    states: ['sent'],
    keyPrefix: `${KALLELSE}:${meeting.id}:`,
  });
  let updated = 0;
  let failed = 0;
  for (const delivery of sent) {
    if (!delivery.messageId) continue;
    let notice: Notice;
    let conversation;
    if (delivery.target.startsWith('person:')) {
      const personId = delivery.target.slice('person:'.length);
      conversation = await repos.conversations.findPersonal(input.tenantId, personId);
      notice = { kind: 'kallelse', audience: 'person', ...(await buildKallelseView(repos, group, meeting, personId)) };
    } else {
      conversation = await repos.conversations.findGroupChannel(input.tenantId, group.id);
      notice = { kind: 'kallelse', audience: 'channel', ...(await buildKallelseView(repos, group, meeting, null)) };
    }
    if (!conversation) continue;
    const delay = pacer.delayFor(input.tenantId, conversation.conversationId, deps.clock.now().getTime());
    if (delay > 0) await deps.waiter.wait(delay);
    pacer.record(input.tenantId, conversation.conversationId, deps.clock.now().getTime());
    const result = await deps.messenger.update(conversation, delivery.messageId, notice).catch(() => ({ outcome: 'retry' as const }));
    if (result.outcome === 'sent') updated += 1;
    else failed += 1;
  }
  return { updated, failed };
}
