/**
 * When the agenda of a meeting changes after its kallelse went out (a proposal accepted, deferred
 * or declined), every kallelse already sent is updated in place — each with its reader's own
 * answer — instead of sending everyone a new message. Each agenda version reaches each reader
 * once: the update is a delivery of its own, keyed on the agenda's fingerprint, so a rerun or a
 * second decision with the same result sends nothing twice; a copy Teams gave no id for gets the
 * new version as a new message.
 */
import { agendaFingerprint } from '../domain/agenda';
import { deliveryKey } from '../domain/delivery';
import { LEASE_MS, type FanOutDeps, type Pacer } from './fan-out';
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
  if (!meeting || !group || meeting.status !== 'called' || meeting.startsAt.getTime() <= deps.clock.now().getTime())
    return { updated: 0, failed: 0 };
  const version = agendaFingerprint((await buildKallelseView(repos, group, meeting, null)).agenda);
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
    const key = deliveryKey(KALLELSE_UPDATE, `${meeting.id}:${version}`, copy.target);
    const claimed = await repos.deliveries.claim({
      id: deps.ids(),
      tenantId: input.tenantId,
      groupId: group.id,
      kind: KALLELSE_UPDATE,
      target: copy.target,
      deliveryKey: key,
      updatedAt: deps.clock.now(),
    });
    if (claimed.state === 'sent') continue;
    const now = deps.clock.now();
    const leased = await repos.deliveries.lease(input.tenantId, key, now, new Date(now.getTime() + LEASE_MS));
    if (!leased) continue;
    const notice: Notice = {
      kind: 'kallelse',
      audience: personId ? 'person' : 'channel',
      ...(await buildKallelseView(repos, group, meeting, personId)),
    };
    const delay = pacer.delayFor(input.tenantId, conversation.conversationId, deps.clock.now().getTime());
    if (delay > 0) await deps.waiter.wait(delay);
    pacer.record(input.tenantId, conversation.conversationId, deps.clock.now().getTime());
    const result = await (
      copy.messageId ? deps.messenger.update(conversation, copy.messageId, notice) : deps.messenger.send(conversation, notice)
    ).catch((error: unknown) => ({
      outcome: 'retry' as const,
      retryAfterMs: null,
      detail: error instanceof Error ? error.message : String(error),
    }));
    const done = deps.clock.now();
    const ok = result.outcome === 'sent';
    await repos.deliveries.save({
      ...leased,
      state: ok ? 'sent' : 'failed',
      attempts: leased.attempts + 1,
      lastError: ok ? null : result.detail,
      sentAt: ok ? done : null,
      messageId: ok ? (result.messageId ?? copy.messageId) : null,
      updatedAt: done,
    });
    if (ok) updated += 1;
    else failed += 1;
  }
  return { updated, failed };
}
