/**
 * A member approves the minutes' current text (the light check before publishing). The approval
 * names the revision the member read: if the text changed since, the approval is refused, so
 * nobody approves words they have not seen.
 */
import { AppError } from './errors';
import type { Actor } from './find-member';
import { minutesAccess } from './minutes-access';
import { readMinutesView, type MinutesWriteDeps } from './read-minutes-view';
import type { MinutesView } from './minutes-view';

export async function approveMinutes(deps: MinutesWriteDeps, input: Actor & { meetingId: string; revision: number }): Promise<MinutesView> {
  const access = await minutesAccess(deps.repositories, input, input.meetingId);
  const { meeting, member } = access;
  const now = deps.clock.now();
  await deps.unitOfWork.transaction(async (tx) => {
    const latest = await tx.minutes.lockLatest(meeting.tenantId, meeting.id);
    if (!latest) throw new AppError('conflict', 'Nothing is written yet to approve');
    if (latest.status === 'published') throw new AppError('conflict', 'These minutes are already published');
    if (latest.revision !== input.revision)
      throw new AppError('conflict', 'The minutes changed since you read them: read them again, then approve');
    await tx.minutesReview.approve({
      tenantId: meeting.tenantId,
      groupId: meeting.groupId,
      meetingId: meeting.id,
      version: latest.version,
      personId: member.person.id,
      revision: latest.revision,
      approvedAt: now,
    });
    await tx.audit.record({
      tenantId: meeting.tenantId,
      groupId: meeting.groupId,
      actorPersonId: member.person.id,
      action: 'minutes.approved',
      subject: `minutes:${meeting.id}`,
      at: now,
      detail: { meetingId: meeting.id, version: latest.version, revision: latest.revision },
    });
  });
  return readMinutesView(deps, access);
}
