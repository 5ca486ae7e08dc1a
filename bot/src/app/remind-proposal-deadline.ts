/**
 * Two days before the deadline (the job runner's timing): a reminder to every delegate and
 * substitute who has neither proposed anything for the meeting nor answered *Inget att föreslå*.
 */
import { isOpenForProposals, lastDayToPropose } from '../domain/proposal';
import { describeMeeting } from './describe-meeting';
import { AppError } from './errors';
import type { FanOutReport, Pacer } from './fan-out';
import { meetingToSendFor, sendToGroup, type GroupSendInput, type SendToGroupDeps } from './send-to-group';

export const PROPOSAL_REMINDER = 'proposal-reminder';

export async function remindProposalDeadline(deps: SendToGroupDeps, pacer: Pacer, input: GroupSendInput): Promise<FanOutReport> {
  const repos = deps.repositories;
  const { meeting, group } = await meetingToSendFor(deps, input);
  if (!isOpenForProposals(meeting, group.settings, deps.clock.now()))
    throw new AppError('conflict', 'The meeting no longer takes proposals');
  const [memberships, people, proposals, answers] = await Promise.all([
    repos.memberships.listByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
    repos.proposals.listByGroup(input.tenantId, group.id, { meetingId: meeting.id }),
    repos.callResponses.listByMeeting(input.tenantId, meeting.id),
  ]);
  const answered = new Set([
    ...proposals.filter((p) => p.status !== 'withdrawn').map((p) => p.proposerPersonId),
    ...answers.map((a) => a.personId),
  ]);
  const audience = people.filter(
    (p) => !answered.has(p.id) && memberships.some((m) => m.personId === p.id && (m.role === 'delegate' || m.role === 'substitute')),
  );
  return sendToGroup(deps, pacer, {
    by: input.by,
    group,
    kind: PROPOSAL_REMINDER,
    subjectId: meeting.id,
    people: audience,
    toPerson: {
      kind: 'call-for-proposals',
      audience: 'person',
      reminder: true,
      groupId: group.id,
      groupName: group.name,
      meeting: describeMeeting(meeting, new Map(people.map((p) => [p.id, p]))),
      lastDayToPropose: lastDayToPropose(meeting.startsAt, group.settings),
    },
    toChannel: null,
    audit: { action: 'proposal-reminder.sent' },
  });
}
