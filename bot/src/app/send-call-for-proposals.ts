/**
 * The call for proposals for a meeting: a 1:1 card to every delegate (and substitute) and a post
 * in the group's team channel, with the meeting and the last day to propose. Run it again and
 * only those not yet reached are tried. Strategists send it from the tab; the job runner will
 * send it on its own M days before the meeting.
 */
import { isOpenForProposals, lastDayToPropose } from '../domain/proposal';
import { describeMeeting } from './describe-meeting';
import { AppError } from './errors';
import { fanOut, type FanOutDeps, type FanOutReport, type Pacer, type Recipient } from './fan-out';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Logger } from './ports/logger';
import type { Roster } from './ports/roster';
import { reachTeamMembers } from './reach-team-members';

export const CALL_FOR_PROPOSALS = 'call-for-proposals';

export async function sendCallForProposals(
  deps: FanOutDeps & { roster: Roster; logger: Logger },
  pacer: Pacer,
  input: { by: Actor | 'scheduler'; tenantId: string; meetingId: string },
): Promise<FanOutReport> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) throw new AppError('forbidden', 'No such meeting for this caller');
  if (input.by !== 'scheduler') {
    const member = await findMember(repos, input.by, meeting.groupId);
    if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists send the call for proposals');
  }
  const group = await repos.groups.find(input.tenantId, meeting.groupId);
  if (!group) throw new AppError('not-found', 'No such group');
  if (!isOpenForProposals(meeting, group.settings, deps.clock.now()))
    throw new AppError('conflict', 'The meeting no longer takes proposals');

  const [memberships, people] = await Promise.all([
    repos.memberships.listByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const audience = memberships.filter((m) => m.role === 'delegate' || m.role === 'substitute');
  await reachTeamMembers(
    deps,
    group,
    people.filter((p) => audience.some((m) => m.personId === p.id)),
  );
  const recipients: Recipient[] = [];
  for (const membership of audience) {
    const person = peopleById.get(membership.personId);
    if (!person) continue;
    recipients.push({
      target: `person:${person.id}`,
      name: person.name,
      conversation: await repos.conversations.findPersonal(input.tenantId, person.id),
    });
  }
  const view = {
    groupId: group.id,
    groupName: group.name,
    meeting: describeMeeting(meeting, peopleById),
    lastDayToPropose: lastDayToPropose(meeting.startsAt, group.settings),
  };
  const job = { tenantId: input.tenantId, groupId: group.id, kind: CALL_FOR_PROPOSALS, subjectId: meeting.id };
  const toPeople = await fanOut(deps, pacer, { ...job, notice: { kind: 'call-for-proposals', audience: 'person', ...view }, recipients });
  const channel = await repos.conversations.findGroupChannel(input.tenantId, group.id);
  const toChannel = await fanOut(deps, pacer, {
    ...job,
    notice: { kind: 'call-for-proposals', audience: 'channel', ...view },
    recipients: [{ target: `channel:${group.id}`, name: group.name, conversation: channel }],
  });
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: group.id,
    actorPersonId: input.by === 'scheduler' ? null : input.by.personId,
    action: 'call-for-proposals.sent',
    subject: `meeting:${meeting.id}`,
    at: deps.clock.now(),
    detail: { sent: toPeople.sent + toChannel.sent, notReached: toPeople.notReached.length + toChannel.notReached.length },
  });
  return {
    sent: toPeople.sent + toChannel.sent,
    alreadySent: toPeople.alreadySent + toChannel.alreadySent,
    inProgress: toPeople.inProgress + toChannel.inProgress,
    notReached: [...toPeople.notReached, ...toChannel.notReached],
  };
}
