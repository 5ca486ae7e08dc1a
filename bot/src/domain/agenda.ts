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
 * A short fingerprint of an agenda's content (FNV-1a over titles, lengths and presenters): the
 * same agenda gives the same value, so "this version was already sent to this person" can be
 * keyed on it.
 */
export function agendaFingerprint(entries: readonly AgendaEntry[]): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(entries.map((e) => [e.title, e.minutes, e.presenterName]))) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
