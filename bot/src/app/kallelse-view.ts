/**
 * The kallelse as every door shows it: the meeting, its agenda with times and presenters, and —
 * for one member — their answer. Built once here for the send, the card refresh and the tab.
 */
import { timeAgenda, type TimedAgendaEntry } from '../domain/agenda';
import type { Attendance } from '../domain/attendance';
import type { Group } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { loadMeetingAgenda } from './load-meeting-agenda';
import type { Repositories } from './ports/repositories';

function draftIds(): () => string {
  let next = 0;
  return () => `draft-${(next += 1)}`;
}

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
  const [people, agenda, answer] = await Promise.all([
    repos.people.listByGroup(group.tenantId, group.id),
    // Read only: items not stored yet get throwaway ids, which a kallelse never shows.
    loadMeetingAgenda(repos, draftIds(), group, meeting, { store: false }),
    readerPersonId ? repos.attendance.find(group.tenantId, meeting.id, readerPersonId) : Promise.resolve(null),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  return {
    groupId: group.id,
    groupName: group.name,
    meeting: describeMeeting(meeting, peopleById),
    agenda: timeAgenda(
      meeting.startsAt,
      agenda.items.map((item) => ({
        title: item.title,
        minutes: item.durationMinutes,
        presenterName: item.presenterPersonId ? (peopleById.get(item.presenterPersonId)?.name ?? null) : null,
      })),
    ),
    answer: answer ? { rsvp: answer.rsvp, substituteName: answer.substituteName } : null,
  };
}
