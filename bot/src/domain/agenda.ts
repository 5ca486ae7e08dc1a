/**
 * An agenda's times: each item starts when the one before it ends, from the meeting's start.
 * Until the agenda builder arrives (the tab issue), the kallelse lists the accepted proposals in
 * the order they were accepted.
 */
export interface AgendaEntry {
  title: string;
  minutes: number;
  presenterName: string | null;
}

export interface TimedAgendaEntry extends AgendaEntry {
  startsAt: Date;
}

export function timeAgenda(meetingStartsAt: Date, entries: readonly AgendaEntry[]): TimedAgendaEntry[] {
  let offset = 0;
  return entries.map((entry) => {
    const timed = { ...entry, startsAt: new Date(meetingStartsAt.getTime() + offset * 60_000) };
    offset += entry.minutes;
    return timed;
  });
}
