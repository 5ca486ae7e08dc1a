/** The view of a meeting every door shows: when, where, who chairs. */
import type { Meeting } from '../domain/meeting';
import type { Person } from '../domain/person';

export interface MeetingView {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  onlineUrl: string | null;
  status: Meeting['status'];
  chair: { id: string; name: string } | null;
}

export function describeMeeting(meeting: Meeting, peopleById: ReadonlyMap<string, Person>): MeetingView {
  const chair = meeting.chairPersonId ? peopleById.get(meeting.chairPersonId) : undefined;
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    status: meeting.status,
    chair: chair ? { id: chair.id, name: chair.name } : null,
  };
}
