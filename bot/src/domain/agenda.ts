/**
 * An agenda's times: each item starts when the one before it ends, from the meeting's start.
 * The items themselves, and their order, come from agenda-item.ts.
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

/**
 * A short fingerprint (FNV-1a) of a whole kallelse: its agenda and what a reader acts on — when,
 * how long, where, and whether the meeting is still on. The same kallelse gives the same value,
 * so "this version was already sent to this person" can be keyed on it; a moved or cancelled
 * meeting is a new version.
 */
export function kallelseFingerprint(
  meeting: { startsAt: Date; durationMinutes: number; place: string; onlineUrl: string | null; status: string },
  entries: readonly AgendaEntry[],
): string {
  const when = [meeting.startsAt.toISOString(), meeting.durationMinutes, meeting.place, meeting.onlineUrl, meeting.status];
  return fnv1a(JSON.stringify([when, entries.map((e) => [e.title, e.minutes, e.presenterName])]));
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
