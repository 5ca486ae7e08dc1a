/** The kallelse of a meeting — by default the next one — for a member, with their own answer. */
import { nextMeeting } from '../domain/meeting';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import { buildKallelseView, type KallelseView } from './kallelse-view';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export async function getKallelse(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { meetingId?: string | null },
): Promise<KallelseView | null> {
  const repos = deps.repositories;
  const requested = input.meetingId ? await repos.meetings.find(input.tenantId, input.meetingId) : null;
  if (input.meetingId && !requested) throw new AppError('forbidden', 'No such meeting for this caller');
  const member = await findMember(repos, input, requested?.groupId);
  const meeting = requested ?? nextMeeting(await repos.meetings.listByGroup(input.tenantId, member.group.id), deps.clock.now());
  return meeting ? buildKallelseView(repos, member.group, meeting, member.person.id) : null;
}
