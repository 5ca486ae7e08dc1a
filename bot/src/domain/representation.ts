/**
 * Is every förvaltning in the group? Two warnings for the strategists: a förvaltning with no
 * delegate at all, and one that nobody represented at the last two meetings held.
 */
import type { Rsvp } from './attendance';
import type { Meeting } from './meeting';
import type { Membership } from './membership';
import type { Organisation } from './organisation';
import type { Person } from './person';

/** One row of a meeting's attendance: the answer to the kallelse and what was noted at the meeting. */
export interface AttendanceRecord {
  meetingId: string;
  personId: string;
  rsvp: Rsvp | null;
  /** Null until someone notes at (or after) the meeting who was there. */
  present: boolean | null;
  /** The member this person stood in for, when they came as a substitute. */
  substituteForPersonId: string | null;
}

export type RepresentationWarning =
  { kind: 'no-delegate'; organisationId: string } | { kind: 'unrepresented'; organisationId: string; meetingIds: string[] };

/** How many of the latest meetings a förvaltning may miss in a row before the warning shows. */
export const MISSED_MEETINGS_FOR_WARNING = 2;

/**
 * The meetings held most recently, newest first: over (started and their time has run out) and
 * not cancelled. A meeting still going on is not counted: its attendance is not complete.
 */
export function lastHeldMeetings<M extends Pick<Meeting, 'startsAt' | 'durationMinutes' | 'status'>>(
  meetings: readonly M[],
  now: Date,
  count = MISSED_MEETINGS_FOR_WARNING,
): M[] {
  return meetings
    .filter((m) => m.status !== 'cancelled' && m.startsAt.getTime() + m.durationMinutes * 60_000 <= now.getTime())
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())
    .slice(0, count);
}

/**
 * The organisations represented at one meeting, or null when nothing at all is recorded for it
 * (no one noted as present or absent, no one answered the kallelse): then we do not know, and an
 * unknown meeting must not raise a warning.
 *
 * The rule: once presence is noted for the meeting (anyone's `present` is set), presence decides —
 * an organisation is represented by a person of it who was there, or by someone who was there as
 * a substitute for one of its people. Until then the answers to the kallelse stand in: "kommer"
 * ('yes') from a person of the organisation, or "ersättare kommer" ('substitute'), which sends
 * someone in that person's place.
 */
export function representedAt(
  records: readonly AttendanceRecord[],
  organisationOf: (personId: string) => string | null,
): Set<string> | null {
  const noted = records.some((r) => r.present !== null);
  if (!noted && !records.some((r) => r.rsvp !== null)) return null;
  const represented = new Set<string>();
  const add = (personId: string | null): void => {
    const organisationId = personId ? organisationOf(personId) : null;
    if (organisationId) represented.add(organisationId);
  };
  for (const record of records) {
    if (noted) {
      if (record.present !== true) continue;
      add(record.personId);
      add(record.substituteForPersonId);
    } else if (record.rsvp === 'yes' || record.rsvp === 'substitute') {
      add(record.personId);
    }
  }
  return represented;
}

/**
 * Every warning about the group's förvaltningar, in the organisations' order: first "no
 * delegate" for each one that lacks one, then "unrepresented" for each one missing from every
 * one of the last `MISSED_MEETINGS_FOR_WARNING` meetings held. With fewer meetings held than
 * that, or with one of them unknown (nothing recorded), there is no "unrepresented" warning.
 * Bolag and other bodies are welcome but not required, so they never raise a warning.
 */
export function representationWarnings(input: {
  organisations: readonly Pick<Organisation, 'id' | 'kind'>[];
  people: readonly Pick<Person, 'id' | 'organisationId'>[];
  memberships: readonly Pick<Membership, 'personId' | 'role'>[];
  /** The last meetings held, newest first, as `lastHeldMeetings` picks them. */
  heldMeetings: readonly Pick<Meeting, 'id'>[];
  attendance: readonly AttendanceRecord[];
}): RepresentationWarning[] {
  const forvaltningar = input.organisations.filter((o) => o.kind === 'forvaltning');
  const organisationOfPerson = new Map(input.people.map((p) => [p.id, p.organisationId]));
  const delegateOrganisations = new Set(
    input.memberships.filter((m) => m.role === 'delegate').map((m) => organisationOfPerson.get(m.personId) ?? null),
  );
  const warnings: RepresentationWarning[] = forvaltningar
    .filter((o) => !delegateOrganisations.has(o.id))
    .map((o) => ({ kind: 'no-delegate' as const, organisationId: o.id }));

  if (input.heldMeetings.length < MISSED_MEETINGS_FOR_WARNING) return warnings;
  const perMeeting: Set<string>[] = [];
  for (const meeting of input.heldMeetings) {
    const represented = representedAt(
      input.attendance.filter((r) => r.meetingId === meeting.id),
      (personId) => organisationOfPerson.get(personId) ?? null,
    );
    if (represented === null) return warnings;
    perMeeting.push(represented);
  }
  for (const organisation of forvaltningar) {
    if (perMeeting.every((represented) => !represented.has(organisation.id))) {
      warnings.push({ kind: 'unrepresented', organisationId: organisation.id, meetingIds: input.heldMeetings.map((m) => m.id) });
    }
  }
  return warnings;
}
