/**
 * The owner answers the status card: *Klar*, *Pågår* or *Hinder* and a comment. The answer sets
 * the action's status and stands in the follow-up of the meeting it was asked for (the group's
 * next meeting when the card named none). Only the action's owner answers; answering again
 * replaces the answer. Answers with the card as the owner should now see it.
 */
import { REPORTED_STATUSES, STATUS_COMMENT_MAX, type ReportedStatus } from '../domain/action-status';
import { actionStatusView } from './action-status-view';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { ActionStatusNotice } from './ports/messenger';
import type { Repositories, UnitOfWork } from './ports/repositories';

/** The refusal's message, so a door can tell it from "not a member" and say so in its words. */
export const ONLY_OWNER = 'Only the owner reports on an action';
export const COMMENT_TOO_LONG = `The comment is longer than ${STATUS_COMMENT_MAX} characters`;

export async function answerActionStatus(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock },
  input: Actor & {
    actionId: string;
    meetingId: string | null;
    status: ReportedStatus;
    comment: string;
    reason: ActionStatusNotice['reason'];
  },
): Promise<ActionStatusNotice> {
  if (!REPORTED_STATUSES.includes(input.status)) throw new AppError('invalid', 'Choose Klar, Pågår or Hinder');
  const comment = input.comment.trim();
  if (comment.length > STATUS_COMMENT_MAX) throw new AppError('invalid', COMMENT_TOO_LONG);
  const repos = deps.repositories;
  const action = await repos.actionItems.find(input.tenantId, input.actionId);
  if (!action) throw new AppError('forbidden', 'No such action for this caller');
  const member = await findMember(repos, input, action.groupId);
  if (action.ownerPersonId !== member.person.id) throw new AppError('forbidden', ONLY_OWNER);
  const now = deps.clock.now();
  const view = await actionStatusView(repos, action, input.reason, now, input.meetingId);
  if (input.meetingId && !view.forMeeting) throw new AppError('forbidden', 'No such meeting for this caller');
  await deps.unitOfWork.transaction(async (tx) => {
    if (view.forMeeting) {
      await tx.actionStatus.save({
        tenantId: input.tenantId,
        actionId: action.id,
        forMeetingId: view.forMeeting.id,
        personId: member.person.id,
        status: input.status,
        comment,
        answeredAt: now,
      });
    }
    await tx.actionItems.setStatus(input.tenantId, action.id, input.status, now);
  });
  return actionStatusView(repos, { ...action, status: input.status }, input.reason, now, view.forMeeting?.id ?? null);
}
