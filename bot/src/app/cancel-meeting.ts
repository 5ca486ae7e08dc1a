/**
 * A strategist cancels a meeting still to come. It is never deleted: it stays in the plan as
 * cancelled, with its proposals and agenda, for the record. The answer says whether the kallelse
 * had gone out and how many proposals wait for another meeting, so the tab can say what to do.
 */
import { mayChangeMeeting } from '../domain/meeting-plan';
import { describeMeeting } from './describe-meeting';
import type { MeetingChangeResult } from './edit-meeting';
import { AppError } from './errors';
import type { Actor } from './find-member';
import { meetingForStrategist } from './meeting-access';
import type { FanOutDeps, Pacer } from './fan-out';
import type { UnitOfWork } from './ports/repositories';
import { refreshSentKallelse } from './refresh-sent-kallelse';

export interface CancelMeetingResult extends MeetingChangeResult {
  /** Proposals (submitted, accepted or deferred) still on the cancelled meeting: defer them elsewhere. */
  proposalsToMove: number;
}

export async function cancelMeeting(
  deps: FanOutDeps & { unitOfWork: UnitOfWork },
  pacer: Pacer,
  input: Actor & { meetingId: string },
): Promise<CancelMeetingResult> {
  // One change at a time per meeting: the row is held while it is read, checked and written.
  const result = await deps.unitOfWork.transaction((repositories) => cancel({ ...deps, repositories }, input));
  // Every kallelse already sent now says the meeting is cancelled, and offers no RSVP.
  if (result.kallelseAlreadySent) await refreshSentKallelse(deps, pacer, { tenantId: input.tenantId, meetingId: input.meetingId });
  return result;
}

async function cancel(deps: FanOutDeps, input: Actor & { meetingId: string }): Promise<CancelMeetingResult> {
  const repos = deps.repositories;
  const { meeting, member } = await meetingForStrategist(repos, input, input.meetingId, 'cancel meetings');
  const [people, proposals] = await Promise.all([
    repos.people.listByGroup(input.tenantId, member.group.id),
    repos.proposals.listByGroup(input.tenantId, member.group.id, {
      meetingId: meeting.id,
      statuses: ['submitted', 'accepted', 'deferred'],
    }),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  // Cancelled already (a double click, the other strategist): nothing more to do.
  if (meeting.status === 'cancelled') {
    return { meeting: describeMeeting(meeting, peopleById), kallelseAlreadySent: false, proposalsToMove: proposals.length };
  }
  if (!mayChangeMeeting(meeting, deps.clock.now()))
    throw new AppError('conflict', 'The meeting has started or been held: it can no longer be cancelled');
  const cancelled = { ...meeting, status: 'cancelled' as const };
  await repos.meetings.save(cancelled);
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: member.group.id,
    actorPersonId: input.personId,
    action: 'meeting.cancelled',
    subject: `meeting:${meeting.id}`,
    at: deps.clock.now(),
    detail: { previousStatus: meeting.status, proposalsToMove: proposals.length },
  });
  return {
    meeting: describeMeeting(cancelled, peopleById),
    kallelseAlreadySent: meeting.status === 'called',
    proposalsToMove: proposals.length,
  };
}
