/**
 * A member's comment on one agenda item of the draft: what to fix before it is approved. Comments
 * belong to the version they were made on and are kept with it.
 */
import { MINUTES_LIMITS } from '../domain/minutes';
import { checkComment } from '../domain/minutes-review';
import { AppError } from './errors';
import type { Actor } from './find-member';
import { loadMeetingAgenda } from './load-meeting-agenda';
import { minutesAccess } from './minutes-access';
import { readMinutesView, type MinutesWriteDeps } from './read-minutes-view';
import type { MinutesView } from './minutes-view';

export async function commentOnMinutes(
  deps: MinutesWriteDeps,
  input: Actor & { meetingId: string; agendaItemId: string; text: string },
): Promise<MinutesView> {
  const access = await minutesAccess(deps.repositories, input, input.meetingId);
  const { meeting, member } = access;
  const text = checkComment(input.text);
  if (text === null) throw new AppError('invalid', `A comment needs between 1 and ${MINUTES_LIMITS.commentMax} characters`);
  // A comment never changes the agenda: the items a writer's reading stored are the ones to comment on.
  const agenda = (await loadMeetingAgenda(deps.repositories, deps.ids, member.group, meeting, { store: false })).items;
  const now = deps.clock.now();
  await deps.unitOfWork.transaction(async (tx) => {
    const latest = await tx.minutes.lockLatest(meeting.tenantId, meeting.id);
    if (!latest) throw new AppError('conflict', 'Nothing is written yet to comment on');
    if (latest.status === 'published') throw new AppError('conflict', 'These minutes are published: their review is closed');
    const known =
      agenda.some((item) => item.id === input.agendaItemId) || latest.body.items.some((i) => i.agendaItemId === input.agendaItemId);
    if (!known) throw new AppError('not-found', 'No such item in these minutes');
    const comments = await tx.minutesReview.listComments(meeting.tenantId, meeting.id, latest.version);
    if (comments.length >= MINUTES_LIMITS.commentsPerVersionMax) {
      throw new AppError('conflict', `This version has ${MINUTES_LIMITS.commentsPerVersionMax} comments, the most it can take`);
    }
    await tx.minutesReview.addComment({
      id: deps.ids(),
      tenantId: meeting.tenantId,
      groupId: meeting.groupId,
      meetingId: meeting.id,
      version: latest.version,
      agendaItemId: input.agendaItemId,
      personId: member.person.id,
      text,
      createdAt: now,
    });
  });
  return readMinutesView(deps, access);
}
