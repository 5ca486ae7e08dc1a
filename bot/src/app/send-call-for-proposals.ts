/**
 * The call for proposals for a meeting: a 1:1 card to every delegate (and substitute) and a post
 * in the group's team channel, with the meeting and the last day to propose. Run it again and
 * only those not yet reached are tried. Strategists send it from the tab; the job runner will
 * send it on its own M days before the meeting.
 */
import { isOpenForProposals, lastDayToPropose } from '../domain/proposal';
import { describeMeeting } from './describe-meeting';
import { AppError } from './errors';
import type { FanOutReport, Pacer } from './fan-out';
import { meetingToSendFor, sendToGroup, type GroupSendInput, type SendToGroupDeps } from './send-to-group';

export const CALL_FOR_PROPOSALS = 'call-for-proposals';

export async function sendCallForProposals(deps: SendToGroupDeps, pacer: Pacer, input: GroupSendInput): Promise<FanOutReport> {
  const repos = deps.repositories;
  const { meeting, group } = await meetingToSendFor(deps, input);
  if (!isOpenForProposals(meeting, group.settings, deps.clock.now()))
    throw new AppError('conflict', 'The meeting no longer takes proposals');
  const [memberships, people] = await Promise.all([
    repos.memberships.listByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
  ]);
  const audience = people.filter((p) => memberships.some((m) => m.personId === p.id && (m.role === 'delegate' || m.role === 'substitute')));
  const view = {
    kind: 'call-for-proposals' as const,
    groupId: group.id,
    groupName: group.name,
    meeting: describeMeeting(meeting, new Map(people.map((p) => [p.id, p]))),
    lastDayToPropose: lastDayToPropose(meeting.startsAt, group.settings),
  };
  return sendToGroup(deps, pacer, {
    by: input.by,
    group,
    kind: CALL_FOR_PROPOSALS,
    subjectId: meeting.id,
    people: audience,
    toPerson: { ...view, audience: 'person' },
    toChannel: { ...view, audience: 'channel' },
    audit: { action: 'call-for-proposals.sent' },
  });
}
