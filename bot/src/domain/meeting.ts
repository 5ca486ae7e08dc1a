export type MeetingStatus = 'planned' | 'called' | 'held' | 'minutes_published' | 'cancelled';

export const MEETING_STATUSES: readonly MeetingStatus[] = ['planned', 'called', 'held', 'minutes_published', 'cancelled'];

export interface Meeting {
  id: string;
  tenantId: string;
  groupId: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  onlineUrl: string | null;
  chairPersonId: string | null;
  status: MeetingStatus;
}

/** The first meeting that has not started yet and is not cancelled, by start time. */
export function nextMeeting<M extends Meeting>(meetings: readonly M[], now: Date): M | null {
  const upcoming = meetings
    .filter((m) => m.status !== 'cancelled' && m.startsAt.getTime() >= now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return upcoming[0] ?? null;
}
