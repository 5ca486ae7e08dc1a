/**
 * The chair sends the kallelse: a 1:1 card to every member (with *Kommer* / *Kommer inte* /
 * *Ersättare kommer*) and a post in the group's channel, with time, place, chair and the agenda.
 * The meeting becomes "called". Run again, it reaches only those not yet reached.
 */
import { AppError } from './errors';
import { fanOut, type FanOutDeps, type FanOutReport, type Pacer, type Recipient } from './fan-out';
import { findMember, isStrategist, type Actor } from './find-member';
import { buildKallelseView } from './kallelse-view';
import type { Logger } from './ports/logger';
import type { Roster } from './ports/roster';
import { reachTeamMembers } from './reach-team-members';

export const KALLELSE = 'kallelse';

export async function sendKallelse(
  deps: FanOutDeps & { roster: Roster; logger: Logger },
  pacer: Pacer,
  input: { by: Actor | 'scheduler'; tenantId: string; meetingId: string },
): Promise<FanOutReport> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) throw new AppError('forbidden', 'No such meeting for this caller');
  if (input.by !== 'scheduler') {
    const member = await findMember(repos, input.by, meeting.groupId);
    if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists send the kallelse');
  }
  const group = await repos.groups.find(input.tenantId, meeting.groupId);
  if (!group) throw new AppError('not-found', 'No such group');
  const now = deps.clock.now();
  if (meeting.status === 'cancelled' || meeting.startsAt.getTime() <= now.getTime())
    throw new AppError('conflict', 'The meeting is cancelled or has begun');

  const [memberships, people] = await Promise.all([
    repos.memberships.listByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
  ]);
  const members = people.filter((p) => memberships.some((m) => m.personId === p.id));
  await reachTeamMembers(deps, group, members);
  const view = await buildKallelseView(repos, group, meeting, null);
  const recipients: Recipient[] = [];
  for (const person of members) {
    recipients.push({
      target: `person:${person.id}`,
      name: person.name,
      conversation: await repos.conversations.findPersonal(input.tenantId, person.id),
    });
  }
  const job = { tenantId: input.tenantId, groupId: group.id, kind: KALLELSE, subjectId: meeting.id };
  const toPeople = await fanOut(deps, pacer, { ...job, notice: { kind: 'kallelse', audience: 'person', ...view }, recipients });
  const toChannel = await fanOut(deps, pacer, {
    ...job,
    notice: { kind: 'kallelse', audience: 'channel', ...view },
    recipients: [
      {
        target: `channel:${group.id}`,
        name: group.name,
        conversation: await repos.conversations.findGroupChannel(input.tenantId, group.id),
      },
    ],
  });
  if (meeting.status === 'planned') await repos.meetings.save({ ...meeting, status: 'called' });
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: group.id,
    actorPersonId: input.by === 'scheduler' ? null : input.by.personId,
    action: 'kallelse.sent',
    subject: `meeting:${meeting.id}`,
    at: now,
    detail: {
      sent: toPeople.sent + toChannel.sent,
      notReached: toPeople.notReached.length + toChannel.notReached.length,
      items: view.agenda.length,
    },
  });
  return {
    sent: toPeople.sent + toChannel.sent,
    alreadySent: toPeople.alreadySent + toChannel.alreadySent,
    inProgress: toPeople.inProgress + toChannel.inProgress,
    notReached: [...toPeople.notReached, ...toChannel.notReached],
  };
}
