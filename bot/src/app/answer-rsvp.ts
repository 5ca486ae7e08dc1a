/**
 * A member answers the kallelse: coming, not coming, or a named substitute comes. The answer
 * can change until the meeting begins; the kallelse shown back carries it.
 */
import { checkRsvp } from '../domain/attendance';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import { buildKallelseView, type KallelseView } from './kallelse-view';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export async function answerRsvp(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { meetingId: string; answer: string; substituteName?: string | null },
): Promise<KallelseView> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) throw new AppError('forbidden', 'No such meeting for this caller');
  const member = await findMember(repos, input, meeting.groupId);
  const now = deps.clock.now();
  if (meeting.status === 'cancelled' || meeting.startsAt.getTime() <= now.getTime())
    throw new AppError('conflict', 'The meeting is cancelled or has begun');
  const checked = checkRsvp(input.answer, input.substituteName);
  if (!checked.ok) throw new AppError('invalid', `RSVP refused: ${checked.error}`);
  await repos.attendance.save({
    tenantId: input.tenantId,
    groupId: member.group.id,
    meetingId: meeting.id,
    personId: member.person.id,
    rsvp: checked.rsvp,
    substituteName: checked.substituteName,
    updatedAt: now,
  });
  return buildKallelseView(repos, member.group, meeting, member.person.id);
}
