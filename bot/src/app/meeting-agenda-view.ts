/** The agenda builder's view of one meeting, shared by reading and saving it. */
import { timeAgenda } from '../domain/agenda';
import { AGENDA_LIMITS, totalMinutes, type AgendaItem } from '../domain/agenda-item';
import type { StandingItemTemplate } from '../domain/standing-items';
import type { Group } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import { describeMeeting, type MeetingView } from './describe-meeting';
import type { LoadedAgenda } from './load-meeting-agenda';
import { describeProposal, type ProposalContext, type ProposalView } from './proposal-view';
import type { Proposal } from '../domain/proposal';

export interface MeetingAgendaView {
  groupId: string;
  meeting: MeetingView;
  /** Strategists may change the agenda of a meeting still to come that is planned or called. */
  canEdit: boolean;
  revision: string;
  items: {
    id: string;
    position: number;
    title: string;
    durationMinutes: number;
    startsAt: Date;
    presenter: { id: string; name: string } | null;
    proposalId: string | null;
    standing: boolean;
  }[];
  totalMinutes: number;
  limits: typeof AGENDA_LIMITS;
  /** Standing items of the group's template not on the agenda now, to add back. */
  missingStandingItems: StandingItemTemplate[];
  /** Who can present: the group's members. */
  presenters: { id: string; name: string; organisationName: string | null }[];
  /** Strategists only (empty for others): proposals waiting for a decision for this meeting, or for none. */
  backlog: ProposalView[];
  /** Meetings still to come, to defer a proposal to (strategists only). */
  deferTargets: { id: string; title: string; startsAt: Date }[];
}

export function mayEditAgenda(meeting: Meeting, now: Date): boolean {
  return (meeting.status === 'planned' || meeting.status === 'called') && meeting.startsAt.getTime() > now.getTime();
}

export function describeMeetingAgenda(input: {
  group: Group;
  meeting: Meeting;
  agenda: LoadedAgenda;
  context: ProposalContext;
  memberIds: ReadonlySet<string>;
  strategist: boolean;
  proposals: readonly Proposal[];
}): MeetingAgendaView {
  const { group, meeting, agenda, context } = input;
  const peopleById = new Map(context.people.map((p) => [p.id, p]));
  const orgName = new Map(context.organisations.map((o) => [o.id, o.name]));
  const timed = timeAgenda(
    meeting.startsAt,
    agenda.items.map((item) => ({ title: item.title, minutes: item.durationMinutes, presenterName: null })),
  );
  const person = (id: string | null): { id: string; name: string } | null => {
    const found = id ? peopleById.get(id) : undefined;
    return found ? { id: found.id, name: found.name } : null;
  };
  const onAgenda = new Set(agenda.items.filter((i: AgendaItem) => i.standing).map((i) => i.title));
  const now = context.now.getTime();
  return {
    groupId: group.id,
    meeting: describeMeeting(meeting, peopleById),
    canEdit: input.strategist && mayEditAgenda(meeting, context.now),
    revision: agenda.revision,
    items: agenda.items.map((item, index) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      durationMinutes: item.durationMinutes,
      startsAt: timed[index]?.startsAt ?? meeting.startsAt,
      presenter: person(item.presenterPersonId),
      proposalId: item.proposalId,
      standing: item.standing,
    })),
    totalMinutes: totalMinutes(agenda.items),
    limits: AGENDA_LIMITS,
    missingStandingItems: group.settings.standingItems.filter((t) => !onAgenda.has(t.title)),
    presenters: context.people
      .filter((p) => input.memberIds.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, organisationName: p.organisationId ? (orgName.get(p.organisationId) ?? null) : null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    backlog: input.strategist
      ? input.proposals
          .filter(
            (p) =>
              (p.meetingId === meeting.id && (p.status === 'submitted' || p.status === 'deferred')) ||
              (p.meetingId === null && p.status === 'submitted'),
          )
          .map((p) => describeProposal(p, context))
      : [],
    deferTargets: input.strategist
      ? context.meetings
          .filter((m) => (m.status === 'planned' || m.status === 'called') && m.startsAt.getTime() > now)
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
          .map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt }))
      : [],
  };
}
