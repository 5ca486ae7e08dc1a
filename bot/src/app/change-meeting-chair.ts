/**
 * A strategist gives a meeting another chair: by default the other strategist (the two swap a
 * turn), or any strategist named. Naming the chair makes a repeated request harmless; without a
 * name, a group of more than two strategists must say which one.
 */
import { mayChangeMeeting } from '../domain/meeting-plan';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { AppError } from './errors';
import type { Actor } from './find-member';
import { meetingForStrategist, strategistIds } from './meeting-access';
import type { Clock } from './ports/clock';
import type { Repositories, UnitOfWork } from './ports/repositories';

export async function changeMeetingChair(
  deps: { unitOfWork: UnitOfWork; clock: Clock },
  input: Actor & { meetingId: string; chairPersonId?: string | undefined },
): Promise<{ meeting: MeetingView }> {
  // One change at a time per meeting: the row is held while it is read, checked and written.
  return deps.unitOfWork.transaction((repositories) => changeChair({ repositories, clock: deps.clock }, input));
}

async function changeChair(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { meetingId: string; chairPersonId?: string | undefined },
): Promise<{ meeting: MeetingView }> {
  const repos = deps.repositories;
  const { meeting, member } = await meetingForStrategist(repos, input, input.meetingId, 'change who chairs');
  if (!mayChangeMeeting(meeting, deps.clock.now()))
    throw new AppError('conflict', 'The meeting has started, been held or been cancelled: its chair stays');
  const strategists = await strategistIds(repos, input.tenantId, member.group.id);
  let chair = input.chairPersonId;
  if (chair === undefined) {
    const [other, ...more] = strategists.filter((id) => id !== meeting.chairPersonId);
    if (other === undefined || more.length > 0) throw new AppError('invalid', 'chairPersonId: say which strategist chairs');
    chair = other;
  }
  if (!strategists.includes(chair)) throw new AppError('invalid', 'chairPersonId: only a strategist of the group chairs');

  const people = await repos.people.listByGroup(input.tenantId, member.group.id);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  if (chair === meeting.chairPersonId) return { meeting: describeMeeting(meeting, peopleById) };
  const changed = { ...meeting, chairPersonId: chair };
  await repos.meetings.save(changed);
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: member.group.id,
    actorPersonId: input.personId,
    action: 'meeting.chair-changed',
    subject: `meeting:${meeting.id}`,
    at: deps.clock.now(),
    detail: { from: meeting.chairPersonId, to: chair },
  });
  return { meeting: describeMeeting(changed, peopleById) };
}
