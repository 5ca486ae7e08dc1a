/**
 * A correction to published minutes is a new version, never an edit: it starts as a copy of the
 * last published text and goes through the same review before it is published in its turn. The
 * published versions stay as they are. Asking again while a correction is under way opens it.
 */
import { startCorrection } from '../domain/minutes-review';
import { AppError } from './errors';
import type { Actor } from './find-member';
import { minutesAccess, requireMinutesWriter } from './minutes-access';
import { readMinutesView, type MinutesWriteDeps } from './read-minutes-view';
import type { MinutesView } from './minutes-view';

export async function startMinutesCorrection(deps: MinutesWriteDeps, input: Actor & { meetingId: string }): Promise<MinutesView> {
  const access = await minutesAccess(deps.repositories, input, input.meetingId);
  requireMinutesWriter(access, 'correct the minutes');
  const { meeting, member } = access;
  const now = deps.clock.now();
  await deps.unitOfWork.transaction(async (tx) => {
    const latest = await tx.minutes.lockLatest(meeting.tenantId, meeting.id);
    if (!latest || (latest.status === 'draft' && latest.version === 1)) {
      throw new AppError('conflict', 'These minutes are not published yet: edit the draft instead');
    }
    if (latest.status === 'draft') return;
    const correction = startCorrection(latest, member.person.id, now);
    if (!(await tx.minutes.insert(correction))) throw new AppError('conflict', 'Someone else started a correction at the same time');
    await tx.audit.record({
      tenantId: meeting.tenantId,
      groupId: meeting.groupId,
      actorPersonId: member.person.id,
      action: 'minutes.correction-started',
      subject: `minutes:${meeting.id}`,
      at: now,
      detail: { meetingId: meeting.id, version: correction.version, corrects: latest.version },
    });
  });
  return readMinutesView(deps, access);
}
