/**
 * Who may do what with a meeting's minutes: every member of the meeting's group reads, approves
 * and comments; strategists and the meeting's chair write, publish and correct. Anyone else —
 * and anyone naming a meeting that does not exist — gets the same refusal, so ids cannot be probed.
 */
import type { Meeting } from '../domain/meeting';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor, type Member } from './find-member';
import type { Repositories } from './ports/repositories';

export interface MinutesAccess {
  member: Member;
  meeting: Meeting;
  /** Strategists and the meeting's chair. */
  canWrite: boolean;
}

export async function minutesAccess(repos: Repositories, actor: Actor, meetingId: string): Promise<MinutesAccess> {
  const meeting = await repos.meetings.find(actor.tenantId, meetingId);
  if (!meeting) throw notAMember();
  const member = await findMember(repos, actor, meeting.groupId);
  return { member, meeting, canWrite: isStrategist(member) || meeting.chairPersonId === member.person.id };
}

export function requireMinutesWriter(access: MinutesAccess, what: string): void {
  if (!access.canWrite) throw new AppError('forbidden', `Only strategists and the meeting's chair ${what}`);
}
