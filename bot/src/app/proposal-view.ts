/** A proposal as the proposer's receipt and the tab show it. */
import type { Goal } from '../domain/goal';
import type { GroupSettings } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import type { Organisation } from '../domain/organisation';
import type { Person } from '../domain/person';
import { lastDayToPropose, proposerMayChange, type Proposal } from '../domain/proposal';
import { describeMeeting, type MeetingView } from './describe-meeting';

export interface ProposalView {
  id: string;
  groupId: string;
  title: string;
  description: string;
  kind: Proposal['kind'];
  status: Proposal['status'];
  minutesNeeded: number;
  organisationName: string | null;
  proposerName: string | null;
  goals: { id: string; framework: Goal['framework']; number: number; name: string }[];
  meeting: MeetingView | null;
  /** The meeting asked for, when the proposal came too late for it. */
  missedMeeting: { title: string; startsAt: Date } | null;
  /** The last day to change it, while it can still be changed. */
  lastDayToChange: Date | null;
  mayChange: boolean;
  decisionNote: string | null;
  createdAt: Date;
}

export interface ProposalContext {
  meetings: readonly Meeting[];
  people: readonly Person[];
  organisations: readonly Organisation[];
  goals: readonly Goal[];
  settings: GroupSettings;
  now: Date;
}

export function describeProposal(proposal: Proposal, context: ProposalContext): ProposalView {
  const meeting = context.meetings.find((m) => m.id === proposal.meetingId) ?? null;
  const requested = proposal.late ? context.meetings.find((m) => m.id === proposal.requestedMeetingId) : undefined;
  const peopleById = new Map(context.people.map((p) => [p.id, p]));
  const mayChange = proposerMayChange(proposal, meeting, context.settings, context.now);
  const goalOrder = new Map(context.goals.map((g, i) => [g.id, i]));
  return {
    id: proposal.id,
    groupId: proposal.groupId,
    title: proposal.title,
    description: proposal.description,
    kind: proposal.kind,
    status: proposal.status,
    minutesNeeded: proposal.minutesNeeded,
    organisationName: context.organisations.find((o) => o.id === proposal.organisationId)?.name ?? null,
    proposerName: peopleById.get(proposal.proposerPersonId)?.name ?? null,
    goals: context.goals
      .filter((g) => proposal.goalIds.includes(g.id))
      .sort((a, b) => (goalOrder.get(a.id) ?? 0) - (goalOrder.get(b.id) ?? 0))
      .map((g) => ({ id: g.id, framework: g.framework, number: g.number, name: g.name })),
    meeting: meeting ? describeMeeting(meeting, peopleById) : null,
    missedMeeting: requested ? { title: requested.title, startsAt: requested.startsAt } : null,
    lastDayToChange: mayChange && meeting ? lastDayToPropose(meeting.startsAt, context.settings) : null,
    mayChange,
    decisionNote: proposal.decisionNote,
    createdAt: proposal.createdAt,
  };
}
