/**
 * The nudge to a förvaltning's delegates after two meetings missed in a row: which förvaltningar
 * are due one now, by the same rule as the strategists' warning and the grid (representation.ts).
 */
import type { Meeting } from './meeting';
import type { Membership } from './membership';
import type { Organisation } from './organisation';
import type { Person } from './person';
import { MISSED_MEETINGS_FOR_WARNING, representationAt, whoIsWhose, type AttendanceRecord } from './representation';

/** How many held meetings back the nudge looks for the start of a run of misses. */
export const NUDGE_LOOKBACK_MEETINGS = 12;

/** A förvaltning that missed the last meetings in a row, and its delegates to tell. */
export interface RepresentationNudge {
  organisationId: string;
  /** The meetings missed in a row, newest first (at least MISSED_MEETINGS_FOR_WARNING). */
  missedMeetingIds: string[];
  /**
   * The first meeting of the run of misses: the nudge's delivery key names it, so a förvaltning
   * is nudged once per run of misses however often the check runs, and again only after it has
   * been represented (or the record is unknown) and then misses two more in a row.
   */
  runStartedAt: string;
  /** Every delegate of the förvaltning: any of them can answer the kallelse or send an ersättare. */
  delegatePersonIds: string[];
}

/**
 * The nudges due now. A förvaltning is nudged when nobody represented it — no delegate, no
 * ersättare — at each of the last MISSED_MEETINGS_FOR_WARNING meetings held, and every one of
 * them has attendance recorded: an unknown meeting ends the run (we do not nudge on a guess).
 * Only förvaltningar (bolag and other bodies are welcome but not required, as for the warning),
 * only delegates (never strategists or ersättare, who are not the förvaltning's own voice), and
 * no nudge for a förvaltning without a delegate (the strategists' "no delegate" warning covers it).
 */
export function representationNudges(input: {
  organisations: readonly Pick<Organisation, 'id' | 'kind'>[];
  people: readonly Pick<Person, 'id' | 'organisationId'>[];
  memberships: readonly Pick<Membership, 'personId' | 'role'>[];
  /** The meetings held, newest first, as `lastHeldMeetings` picks them (NUDGE_LOOKBACK_MEETINGS of them). */
  heldMeetings: readonly Pick<Meeting, 'id'>[];
  attendance: readonly AttendanceRecord[];
}): RepresentationNudge[] {
  const { organisationOf, isSubstitute } = whoIsWhose(input.people, input.memberships);
  const perMeeting = input.heldMeetings.map((meeting) => ({
    meetingId: meeting.id,
    represented: representationAt(
      input.attendance.filter((r) => r.meetingId === meeting.id),
      organisationOf,
      isSubstitute,
    ),
  }));
  const delegates = new Set(input.memberships.filter((m) => m.role === 'delegate').map((m) => m.personId));
  const nudges: RepresentationNudge[] = [];
  for (const organisation of input.organisations.filter((o) => o.kind === 'forvaltning')) {
    const missed: string[] = [];
    for (const { meetingId, represented } of perMeeting) {
      if (represented === null || represented.has(organisation.id)) break;
      missed.push(meetingId);
    }
    const runStartedAt = missed.at(-1);
    if (runStartedAt === undefined || missed.length < MISSED_MEETINGS_FOR_WARNING) continue;
    const delegatePersonIds = input.people.filter((p) => p.organisationId === organisation.id && delegates.has(p.id)).map((p) => p.id);
    if (delegatePersonIds.length === 0) continue;
    nudges.push({ organisationId: organisation.id, missedMeetingIds: missed, runStartedAt, delegatePersonIds });
  }
  return nudges;
}
