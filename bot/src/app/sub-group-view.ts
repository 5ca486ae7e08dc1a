/**
 * The sub-groups as the tab shows them: mandate, members by organisation, convenor, deadline and
 * the meeting the report-back is on (derived, never stored), with a warning when the members all
 * come from one organisation or the convenor is gone.
 */
import type { Meeting } from '../domain/meeting';
import type { Organisation } from '../domain/organisation';
import type { Person } from '../domain/person';
import { reportBackMeeting, subGroupWarnings, type SubGroup, type SubGroupStatus } from '../domain/sub-group';

export type SubGroupViewWarning = 'one-organisation' | 'no-convenor';

export interface SubGroupView {
  id: string;
  name: string;
  mandate: string;
  status: SubGroupStatus;
  deadline: string;
  origin: { meetingId: string; meetingTitle: string; meetingStartsAt: Date | null; agendaItemId: string; itemTitle: string };
  convenor: { personId: string; name: string } | null;
  /** Members grouped by their organisation, in name order; `name` null: no organisation on record. */
  organisations: { name: string | null; members: { personId: string; name: string }[] }[];
  memberPersonIds: string[];
  warnings: SubGroupViewWarning[];
  /** The first meeting after the deadline (not cancelled); null: none planned yet. */
  reportBack: { meetingId: string; title: string; startsAt: Date; past: boolean } | null;
}

export function describeSubGroup(
  subGroup: SubGroup,
  context: {
    meetings: readonly Meeting[];
    people: ReadonlyMap<string, Person>;
    organisations: ReadonlyMap<string, Organisation>;
    now: Date;
  },
): SubGroupView {
  const origin = context.meetings.find((m) => m.id === subGroup.originMeetingId);
  const members = subGroup.memberPersonIds
    .map((id) => context.people.get(id))
    .filter((p): p is Person => p !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const byOrganisation = new Map<string | null, { personId: string; name: string }[]>();
  for (const person of members) {
    const name = person.organisationId ? (context.organisations.get(person.organisationId)?.name ?? null) : null;
    byOrganisation.set(name, [...(byOrganisation.get(name) ?? []), { personId: person.id, name: person.name }]);
  }
  const organisations = [...byOrganisation]
    .map(([name, people]) => ({ name, members: people }))
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'sv')));
  const convenor = subGroup.convenorPersonId ? context.people.get(subGroup.convenorPersonId) : undefined;
  const meeting = reportBackMeeting(subGroup.deadline, context.meetings);
  return {
    id: subGroup.id,
    name: subGroup.name,
    mandate: subGroup.mandate,
    status: subGroup.status,
    deadline: subGroup.deadline,
    origin: {
      meetingId: subGroup.originMeetingId,
      meetingTitle: origin?.title ?? '',
      meetingStartsAt: origin?.startsAt ?? null,
      agendaItemId: subGroup.originAgendaItemId,
      itemTitle: subGroup.originItemTitle,
    },
    convenor: convenor ? { personId: convenor.id, name: convenor.name } : null,
    organisations,
    memberPersonIds: members.map((p) => p.id),
    warnings: [...subGroupWarnings(members.map((p) => p.organisationId)), ...(convenor ? [] : (['no-convenor'] as const))],
    reportBack: meeting
      ? {
          meetingId: meeting.id,
          title: meeting.title,
          startsAt: meeting.startsAt,
          past: meeting.startsAt.getTime() <= context.now.getTime(),
        }
      : null,
  };
}
