/**
 * A meeting and the caller as a member of its group, for the Mötesplan's use cases. A meeting
 * that does not exist and one of another group get the same refusal, so ids cannot be probed.
 */
import type { Meeting } from '../domain/meeting';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor, type Member } from './find-member';
import type { Repositories } from './ports/repositories';

export async function meetingForMember(
  repos: Repositories,
  actor: Actor,
  meetingId: string,
): Promise<{ meeting: Meeting; member: Member }> {
  const meeting = await repos.meetings.find(actor.tenantId, meetingId);
  if (!meeting) throw notAMember();
  return { meeting, member: await findMember(repos, actor, meeting.groupId) };
}

/** As meetingForMember, for changes: only strategists change the plan. `doing` ends the reason. */
export async function meetingForStrategist(
  repos: Repositories,
  actor: Actor,
  meetingId: string,
  doing: string,
): Promise<{ meeting: Meeting; member: Member }> {
  const found = await meetingForMember(repos, actor, meetingId);
  if (!isStrategist(found.member)) throw new AppError('forbidden', `Only strategists ${doing}`);
  // Inside a unit of work: hold the row, and decide on what is stored now, not on the first read.
  await repos.meetings.lock(actor.tenantId, meetingId);
  const current = await repos.meetings.find(actor.tenantId, meetingId);
  return { ...found, meeting: current ?? found.meeting };
}

/** The group's strategists by person id: the order the chair rotation follows. */
export async function strategistIds(repos: Repositories, tenantId: string, groupId: string): Promise<string[]> {
  const memberships = await repos.memberships.listByGroup(tenantId, groupId);
  return memberships
    .filter((m) => m.role === 'strategist')
    .map((m) => m.personId)
    .sort();
}
