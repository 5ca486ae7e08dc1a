/**
 * The group's meetings with where their minutes stand (none, a draft, published in version N),
 * for choosing which minutes to open. Cancelled meetings have none and are left out.
 */
import type { MinutesStatus } from '../domain/minutes';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { findMember, type Actor } from './find-member';
import type { Repositories } from './ports/repositories';

export interface MeetingMinutesSummary extends MeetingView {
  minutes: { version: number; status: MinutesStatus; publishedAt: Date | null } | null;
}

export async function listMeetingMinutes(
  deps: { repositories: Repositories },
  input: Actor & { groupId: string },
): Promise<{ meetings: MeetingMinutesSummary[] }> {
  const repos = deps.repositories;
  const { group } = await findMember(repos, input, input.groupId);
  const [meetings, latest, people] = await Promise.all([
    repos.meetings.listByGroup(input.tenantId, group.id),
    repos.minutes.listLatestByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const byMeeting = new Map(latest.map((m) => [m.meetingId, m]));
  return {
    meetings: meetings
      .filter((m) => m.status !== 'cancelled')
      .map((m) => {
        const minutes = byMeeting.get(m.id);
        return {
          ...describeMeeting(m, peopleById),
          minutes: minutes ? { version: minutes.version, status: minutes.status, publishedAt: minutes.publishedAt } : null,
        };
      }),
  };
}
