/**
 * Is every förvaltning in the group? Two warnings for the strategists: a förvaltning with no
 * delegate at all, and one that nobody represented at the last two meetings held. The same rule
 * (`representationAt`) gives the meetings × organisations grid (`representationGrid`, the tab's
 * *Representation* and the committee report's heat map) and the nudge to a förvaltning's
 * delegates after two meetings missed in a row (`representationNudges`, representation-nudge.ts).
 */
import type { Rsvp } from './attendance';
import type { Meeting } from './meeting';
import type { ActionItem } from './minutes';
import type { Membership } from './membership';
import type { Organisation } from './organisation';
import type { Person } from './person';
import type { Proposal } from './proposal';

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

/** How an organisation was represented at a meeting: by one of its own people, or by an ersättare. */
export type RepresentedBy = 'delegate' | 'substitute';

/**
 * Who represented which organisation at one meeting, or null when nothing at all is recorded for
 * it (no one noted as present or absent, no one answered the kallelse): then we do not know, and
 * an unknown meeting must not raise a warning or a nudge.
 *
 * The rule: once presence is noted for the meeting (anyone's `present` is set), presence decides —
 * an organisation is represented by a person of it who was there, or by someone who was there as
 * a substitute for one of its people. Until then the answers to the kallelse stand in: "kommer"
 * ('yes') from a person of the organisation, or "ersättare kommer" ('substitute'), which sends
 * someone in that person's place.
 *
 * How: someone standing in for one of its people, someone who answered "ersättare kommer", and a
 * person whose role in the group is ersättare (`isSubstitute`) count as 'substitute'; any other
 * person of the organisation (a delegate, or a strategist who works there, also one standing in
 * for another organisation's member) as 'delegate', which wins when both were there.
 */
export function representationAt(
  records: readonly AttendanceRecord[],
  organisationOf: (personId: string) => string | null,
  isSubstitute: (personId: string) => boolean = () => false,
): Map<string, RepresentedBy> | null {
  const noted = records.some((r) => r.present !== null);
  if (!noted && !records.some((r) => r.rsvp !== null)) return null;
  const represented = new Map<string, RepresentedBy>();
  const add = (personId: string | null, by: RepresentedBy): void => {
    const organisationId = personId ? organisationOf(personId) : null;
    if (organisationId && represented.get(organisationId) !== 'delegate') represented.set(organisationId, by);
  };
  const own = (personId: string): RepresentedBy => (isSubstitute(personId) ? 'substitute' : 'delegate');
  for (const record of records) {
    if (noted) {
      if (record.present !== true) continue;
      const standsInFor = record.substituteForPersonId;
      add(standsInFor, 'substitute');
      // Standing in for a colleague is the ersättare's role; for another organisation's member,
      // the person is still there for their own.
      if (!standsInFor || organisationOf(standsInFor) !== organisationOf(record.personId)) add(record.personId, own(record.personId));
    } else if (record.rsvp === 'yes') {
      add(record.personId, own(record.personId));
    } else if (record.rsvp === 'substitute') {
      add(record.personId, 'substitute');
    }
  }
  return represented;
}

/** The organisations represented at one meeting (by anyone), or null when nothing is recorded: `representationAt`'s rule. */
export function representedAt(
  records: readonly AttendanceRecord[],
  organisationOf: (personId: string) => string | null,
): Set<string> | null {
  const represented = representationAt(records, organisationOf);
  return represented === null ? null : new Set(represented.keys());
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

/** One cell of the meetings × organisations grid: how the organisation was there, what it proposed, what it still owns. */
export type RepresentationMark = RepresentedBy | 'absent' | 'unknown';

export interface RepresentationCell {
  organisationId: string;
  /** 'unknown': nothing at all was recorded for the meeting (see `representationAt`). */
  mark: RepresentationMark;
  /** Proposals for this meeting from the organisation (withdrawn ones left out). */
  proposals: number;
  /** Actions decided at this meeting that the organisation owns and has not marked done. */
  openActions: number;
}

export interface OrganisationRepresentationTotals {
  organisationId: string;
  /** Meetings at which it was represented, by a delegate or a substitute. */
  represented: number;
  bySubstitute: number;
  absent: number;
  unknown: number;
  proposals: number;
  openActions: number;
}

export interface RepresentationGrid {
  /** One row per meeting, in the order given; the cells in the organisations' order. */
  meetings: { meetingId: string; cells: RepresentationCell[] }[];
  /** One per organisation, in the organisations' order: the sums of its cells. */
  totals: OrganisationRepresentationTotals[];
}

/** Who is whose: the people's organisations and who is an ersättare in the group. */
export function whoIsWhose(
  people: readonly Pick<Person, 'id' | 'organisationId'>[],
  memberships: readonly Pick<Membership, 'personId' | 'role'>[],
): { organisationOf: (personId: string | null) => string | null; isSubstitute: (personId: string) => boolean } {
  const organisationOfPerson = new Map(people.map((p) => [p.id, p.organisationId]));
  const substitutes = new Set(memberships.filter((m) => m.role === 'substitute').map((m) => m.personId));
  return {
    organisationOf: (personId) => (personId ? (organisationOfPerson.get(personId) ?? null) : null),
    isSubstitute: (personId) => substitutes.has(personId),
  };
}

/**
 * Representation per meeting and organisation, with proposals and open actions: the tab's
 * *Representation* view and the committee report's heat map both read this. The caller picks
 * the meetings (held ones, not cancelled: `heldMeetingsIn`) and passes their attendance, the
 * proposals for them and the group's open actions; organisations not given are left out.
 * A proposal counts for its organisation, else its proposer's; an action for its organisation,
 * else its owner's.
 */
export function representationGrid(input: {
  organisations: readonly Pick<Organisation, 'id'>[];
  people: readonly Pick<Person, 'id' | 'organisationId'>[];
  memberships: readonly Pick<Membership, 'personId' | 'role'>[];
  meetings: readonly Pick<Meeting, 'id'>[];
  attendance: readonly AttendanceRecord[];
  proposals: readonly Pick<Proposal, 'meetingId' | 'organisationId' | 'proposerPersonId' | 'status'>[];
  actions: readonly Pick<ActionItem, 'meetingId' | 'organisationId' | 'ownerPersonId' | 'status'>[];
}): RepresentationGrid {
  const { organisationOf, isSubstitute } = whoIsWhose(input.people, input.memberships);
  const count = new Map<string, number>();
  const bump = (kind: string, meetingId: string | null, organisationId: string | null): void => {
    if (!meetingId || !organisationId) return;
    const key = `${kind} ${meetingId} ${organisationId}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  };
  for (const p of input.proposals)
    if (p.status !== 'withdrawn') bump('p', p.meetingId, p.organisationId ?? organisationOf(p.proposerPersonId));
  for (const a of input.actions) if (a.status !== 'done') bump('a', a.meetingId, a.organisationId ?? organisationOf(a.ownerPersonId));

  const meetings = input.meetings.map((meeting) => {
    const represented = representationAt(
      input.attendance.filter((r) => r.meetingId === meeting.id),
      organisationOf,
      isSubstitute,
    );
    const cells = input.organisations.map((o): RepresentationCell => ({
      organisationId: o.id,
      mark: represented === null ? 'unknown' : (represented.get(o.id) ?? 'absent'),
      proposals: count.get(`p ${meeting.id} ${o.id}`) ?? 0,
      openActions: count.get(`a ${meeting.id} ${o.id}`) ?? 0,
    }));
    return { meetingId: meeting.id, cells };
  });
  const totals = input.organisations.map((o): OrganisationRepresentationTotals => {
    const cells = meetings.flatMap((m) => m.cells.filter((c) => c.organisationId === o.id));
    const marked = (mark: RepresentationMark) => cells.filter((c) => c.mark === mark).length;
    return {
      organisationId: o.id,
      represented: marked('delegate') + marked('substitute'),
      bySubstitute: marked('substitute'),
      absent: marked('absent'),
      unknown: marked('unknown'),
      proposals: cells.reduce((sum, c) => sum + c.proposals, 0),
      openActions: cells.reduce((sum, c) => sum + c.openActions, 0),
    };
  });
  return { meetings, totals };
}

/** The meetings held in [from, to): over by `now` and not cancelled, oldest first (the grid's rows). */
export function heldMeetingsIn<M extends Pick<Meeting, 'startsAt' | 'durationMinutes' | 'status'>>(
  meetings: readonly M[],
  range: { from: Date; to: Date },
  now: Date,
): M[] {
  return lastHeldMeetings(meetings, now, Number.MAX_SAFE_INTEGER)
    .filter((m) => m.startsAt.getTime() >= range.from.getTime() && m.startsAt.getTime() < range.to.getTime())
    .reverse();
}
