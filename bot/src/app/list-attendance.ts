/**
 * For strategists: who answered the kallelse how, by organisation, and which organisations will
 * not be represented (no one coming, no substitute).
 */
import type { Group } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import type { Repositories } from './ports/repositories';

export interface AttendanceOverview {
  answers: {
    personId: string;
    name: string;
    organisationName: string | null;
    rsvp: 'yes' | 'no' | 'substitute' | null;
    substituteName: string | null;
  }[];
  unrepresented: string[];
}

export async function listAttendance(repos: Repositories, input: Actor & { meetingId: string }): Promise<AttendanceOverview> {
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) throw notAMember();
  const member = await findMember(repos, input, meeting.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists see the attendance');
  return attendanceOverview(repos, member.group, meeting);
}

/** The overview itself, for callers that have already decided who may see it (the scheduler). */
export async function attendanceOverview(repos: Repositories, group: Group, meeting: Meeting): Promise<AttendanceOverview> {
  const tenantId = group.tenantId;
  const [people, memberships, organisations, answers] = await Promise.all([
    repos.people.listByGroup(tenantId, group.id),
    repos.memberships.listByGroup(tenantId, group.id),
    repos.organisations.listByGroup(tenantId, group.id),
    repos.attendance.listByMeeting(tenantId, meeting.id),
  ]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const members = people.filter((p) => memberships.some((m) => m.personId === p.id));
  const rows = members.map((p) => {
    const answer = answers.find((a) => a.personId === p.id);
    return {
      personId: p.id,
      name: p.name,
      organisationName: p.organisationId ? (orgName.get(p.organisationId) ?? null) : null,
      rsvp: answer?.rsvp ?? null,
      substituteName: answer?.substituteName ?? null,
    };
  });
  const represented = new Set(rows.filter((r) => r.rsvp === 'yes' || r.rsvp === 'substitute').map((r) => r.organisationName));
  const unrepresented = organisations.filter((o) => o.kind === 'forvaltning' && !represented.has(o.name)).map((o) => o.name);
  return { answers: rows, unrepresented };
}
