/**
 * What an action's owner sees on the status card: the action, the meeting that decided it, the
 * meeting whose follow-up the answer goes to (the group's next meeting), and their answer so far.
 */
import type { ActionItem } from '../domain/minutes';
import { nextMeeting } from '../domain/meeting';
import type { ActionStatusNotice } from './ports/messenger';
import type { Repositories } from './ports/repositories';

export async function actionStatusView(
  repos: Repositories,
  action: ActionItem,
  reason: ActionStatusNotice['reason'],
  now: Date,
  forMeetingId: string | null = null,
): Promise<ActionStatusNotice> {
  const [group, decidedAt, meetings] = await Promise.all([
    repos.groups.find(action.tenantId, action.groupId),
    repos.meetings.find(action.tenantId, action.meetingId),
    repos.meetings.listByGroup(action.tenantId, action.groupId),
  ]);
  const forMeeting = forMeetingId ? (meetings.find((m) => m.id === forMeetingId) ?? null) : nextMeeting(meetings, now);
  const answers = forMeeting ? await repos.actionStatus.listForMeeting(action.tenantId, forMeeting.id) : [];
  const answer = answers.find((a) => a.actionId === action.id) ?? null;
  return {
    kind: 'action-status',
    reason,
    groupName: group?.name ?? '',
    action: { id: action.id, title: action.title, dueDate: action.dueDate, status: action.status },
    decidedAt: { title: decidedAt?.title ?? '', startsAt: decidedAt?.startsAt ?? action.createdAt },
    forMeeting: forMeeting ? { id: forMeeting.id, title: forMeeting.title, startsAt: forMeeting.startsAt } : null,
    answer: answer ? { status: answer.status, comment: answer.comment, answeredAt: answer.answeredAt } : null,
  };
}
