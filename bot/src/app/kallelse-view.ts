/**
 * The kallelse as every door shows it: the meeting, its agenda with times and presenters, and —
 * for one member — their answer. Built once here for the send, the card refresh and the tab.
 */
import { timeAgenda, type TimedAgendaEntry } from '../domain/agenda';
import type { Attendance } from '../domain/attendance';
import type { Group } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import { describeMeeting, type MeetingView } from './describe-meeting';
import type { Repositories } from './ports/repositories';

/** The delivery kind of a kallelse (its keys start with `kallelse:<meeting id>:`). */
export const KALLELSE = 'kallelse';

export interface KallelseView {
  groupId: string;
  groupName: string;
  meeting: MeetingView;
  agenda: TimedAgendaEntry[];
  /** The reader's own answer, when the view is for one member. */
  answer: Pick<Attendance, 'rsvp' | 'substituteName'> | null;
}

export async function buildKallelseView(
  repos: Repositories,
  group: Group,
  meeting: Meeting,
  readerPersonId: string | null,
): Promise<KallelseView> {
  const [people, accepted, answer] = await Promise.all([
    repos.people.listByGroup(group.tenantId, group.id),
    repos.proposals.listByGroup(group.tenantId, group.id, { meetingId: meeting.id, statuses: ['accepted'] }),
    readerPersonId ? repos.attendance.find(group.tenantId, meeting.id, readerPersonId) : Promise.resolve(null),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const ordered = [...accepted].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id));
  return {
    groupId: group.id,
    groupName: group.name,
    meeting: describeMeeting(meeting, peopleById),
    agenda: timeAgenda(
      meeting.startsAt,
      ordered.map((p) => ({ title: p.title, minutes: p.minutesNeeded, presenterName: peopleById.get(p.proposerPersonId)?.name ?? null })),
    ),
    answer: answer ? { rsvp: answer.rsvp, substituteName: answer.substituteName } : null,
  };
}
