/**
 * The follow-up section of a meeting (*Uppföljning av åtgärder*): the group's actions still open
 * from earlier published minutes, and those whose owner answered the status request for this
 * meeting, each with its owner's answer (Klar / Pågår / Hinder and a comment). Every member of
 * the group may read it; the agenda and the minutes take it up.
 */
import type { ReportedStatus } from '../domain/action-status';
import type { ActionStatus } from '../domain/minutes';
import type { Actor } from './find-member';
import { meetingForMember } from './meeting-access';
import type { Repositories } from './ports/repositories';

export interface FollowUpAction {
  id: string;
  title: string;
  owner: { id: string; name: string; organisationName: string | null } | null;
  dueDate: string | null;
  status: ActionStatus;
  decidedAt: { id: string; title: string; startsAt: Date };
  answer: { status: ReportedStatus; comment: string; answeredAt: Date } | null;
}

export async function getActionFollowUp(repos: Repositories, input: Actor & { meetingId: string }): Promise<FollowUpAction[]> {
  const { meeting, member } = await meetingForMember(repos, input, input.meetingId);
  const [open, answers, meetings, people, organisations] = await Promise.all([
    repos.actionItems.listOpenByGroup(input.tenantId, member.group.id),
    repos.actionStatus.listForMeeting(input.tenantId, meeting.id),
    repos.meetings.listByGroup(input.tenantId, member.group.id),
    repos.people.listByGroup(input.tenantId, member.group.id),
    repos.organisations.listByGroup(input.tenantId, member.group.id),
  ]);
  const answered = await Promise.all(
    answers.filter((a) => !open.some((o) => o.id === a.actionId)).map((a) => repos.actionItems.find(input.tenantId, a.actionId)),
  );
  const meetingsById = new Map(meetings.map((m) => [m.id, m]));
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const earlier = [...open, ...answered.filter((a) => a !== null)].flatMap((action) => {
    const decidedAt = meetingsById.get(action.meetingId);
    return decidedAt && decidedAt.startsAt.getTime() < meeting.startsAt.getTime() ? [{ action, decidedAt }] : [];
  });
  return earlier.map(({ action, decidedAt }) => {
    const owner = action.ownerPersonId ? peopleById.get(action.ownerPersonId) : undefined;
    const answer = answers.find((a) => a.actionId === action.id);
    return {
      id: action.id,
      title: action.title,
      owner: owner
        ? { id: owner.id, name: owner.name, organisationName: owner.organisationId ? (orgName.get(owner.organisationId) ?? null) : null }
        : null,
      dueDate: action.dueDate,
      status: action.status,
      decidedAt: { id: decidedAt.id, title: decidedAt.title, startsAt: decidedAt.startsAt },
      answer: answer ? { status: answer.status, comment: answer.comment, answeredAt: answer.answeredAt } : null,
    };
  });
}
