/**
 * When a meeting changes after its kallelse went out — its agenda (a proposal decided, the
 * agenda rebuilt), its time or place, or it is cancelled — every kallelse already sent is updated
 * in place, each with its reader's own answer, instead of sending everyone a new message. Each
 * version reaches each reader once: the update is a delivery of its own, keyed on the kallelse's
 * fingerprint (domain/agenda.ts), so a rerun or a
 * second decision with the same result sends nothing twice; a copy Teams gave no id for gets the
 * new version as a new message.
 */
import { kallelseFingerprint } from '../domain/agenda';
import { deliverOnce } from './deliver-once';
import type { FanOutDeps, Pacer } from './fan-out';
import { buildKallelseView, KALLELSE } from './kallelse-view';
import type { Notice } from './ports/messenger';

export const KALLELSE_UPDATE = 'kallelse-update';

export async function refreshSentKallelse(
  deps: FanOutDeps,
  pacer: Pacer,
  input: { tenantId: string; meetingId: string },
): Promise<{ updated: number; failed: number }> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  const group = meeting ? await repos.groups.find(input.tenantId, meeting.groupId) : null;
  // A called meeting, or one cancelled after its kallelse went out (then no copy was sent unless it was called).
  const live = meeting?.status === 'called' || meeting?.status === 'cancelled';
  if (!meeting || !group || !live || meeting.startsAt.getTime() <= deps.clock.now().getTime()) return { updated: 0, failed: 0 };
  const version = kallelseFingerprint(meeting, (await buildKallelseView(repos, group, meeting, null)).agenda);
  const sent = await repos.deliveries.listByGroup(input.tenantId, group.id, {
    kind: KALLELSE,
    states: ['sent'],
    keyPrefix: `${KALLELSE}:${meeting.id}:`,
  });
  let updated = 0;
  let failed = 0;
  for (const copy of sent) {
    const personId = copy.target.startsWith('person:') ? copy.target.slice('person:'.length) : null;
    const conversation = personId
      ? await repos.conversations.findPersonal(input.tenantId, personId)
      : await repos.conversations.findGroupChannel(input.tenantId, group.id);
    if (!conversation) continue;
    const outcome = await deliverOnce(
      deps,
      { tenantId: input.tenantId, groupId: group.id, kind: KALLELSE_UPDATE, subjectId: `${meeting.id}:${version}`, target: copy.target },
      async () => {
        const notice: Notice = {
          kind: 'kallelse',
          audience: personId ? 'person' : 'channel',
          ...(await buildKallelseView(repos, group, meeting, personId)),
        };
        const delay = pacer.delayFor(input.tenantId, conversation.conversationId, deps.clock.now().getTime());
        if (delay > 0) await deps.waiter.wait(delay);
        pacer.record(input.tenantId, conversation.conversationId, deps.clock.now().getTime());
        const result = await (copy.messageId
          ? deps.messenger.update(conversation, copy.messageId, notice)
          : deps.messenger.send(conversation, notice));
        return result.outcome === 'sent'
          ? { ok: true, messageId: result.messageId ?? copy.messageId }
          : { ok: false, error: result.detail };
      },
    );
    if (outcome === 'sent') updated += 1;
    if (outcome === 'failed') failed += 1;
  }
  return { updated, failed };
}
