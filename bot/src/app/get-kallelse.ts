/** The kallelse of a meeting — by default the next one — for a member, with their own answer. */
import { nextMeeting, type Meeting } from '../domain/meeting';
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
  if (requested) {
    const member = await findMember(repos, input, requested.groupId);
    return buildKallelseView(repos, member.group, requested, member.person.id);
  }
  // The next meeting of any of the caller's groups: someone in two groups gets the nearer one.
  const now = deps.clock.now();
  let best: { meeting: Meeting; groupId: string } | null = null;
  for (const membership of await repos.memberships.listByPerson(input.tenantId, input.personId)) {
    const next = nextMeeting(await repos.meetings.listByGroup(input.tenantId, membership.groupId), now);
    if (next && (!best || next.startsAt < best.meeting.startsAt)) best = { meeting: next, groupId: membership.groupId };
  }
  if (!best) {
    await findMember(repos, input); // a stranger is refused, not told "no meeting"
    return null;
  }
  const member = await findMember(repos, input, best.groupId);
  return buildKallelseView(repos, member.group, best.meeting, member.person.id);
}
