/**
 * A member answers the call for proposals with "Inget att föreslå", so the reminder before the
 * deadline passes them by. Answering again changes nothing; proposing later is still possible.
 */
import { isOpenForProposals } from '../domain/proposal';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export async function answerNothingToPropose(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { meetingId: string },
): Promise<{ meetingTitle: string; meetingStartsAt: Date; groupId: string }> {
  const meeting = await deps.repositories.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) throw new AppError('forbidden', 'No such meeting for this caller');
  const member = await findMember(deps.repositories, input, meeting.groupId);
  if (!isOpenForProposals(meeting, member.group.settings, deps.clock.now()))
    throw new AppError('conflict', 'The meeting no longer takes proposals');
  await deps.repositories.callResponses.save({
    tenantId: input.tenantId,
    groupId: member.group.id,
    meetingId: meeting.id,
    personId: member.person.id,
    answer: 'nothing-to-propose',
    at: deps.clock.now(),
  });
  return { meetingTitle: meeting.title, meetingStartsAt: meeting.startsAt, groupId: member.group.id };
}
