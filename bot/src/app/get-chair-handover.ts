/**
 * What the incoming chair of a meeting takes over: proposals that came late (after an earlier
 * meeting's deadline, or with no meeting at all), proposals still waiting for a decision, the
 * group's action items not yet done, and whether the minutes of the meeting before are
 * published (the report status). Every member may read it; strategists act on it.
 */
import { stockholmDateAndTime } from '../domain/meeting-plan';
import type { MeetingView } from './describe-meeting';
import { describeMeeting } from './describe-meeting';
import { isStrategist, type Actor } from './find-member';
import { loadProposalContext } from './load-proposal-context';
import { meetingForMember } from './meeting-access';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { describeProposal, type ProposalView } from './proposal-view';

export interface HandoverAction {
  id: string;
  title: string;
  status: 'open' | 'in_progress' | 'blocked';
  ownerName: string | null;
  organisationName: string | null;
  /** "YYYY-MM-DD", or null. */
  dueDate: string | null;
  /** Due before the meeting's day. */
  overdue: boolean;
  /** The meeting that decided it. */
  meeting: { id: string; title: string; startsAt: Date };
}

export interface ChairHandover {
  meeting: MeetingView;
  canChange: boolean;
  /** The last meeting before this one that was not cancelled, and its minutes. */
  previousMeeting: (MeetingView & { minutes: 'published' | 'draft' | 'none' }) | null;
  lateProposals: ProposalView[];
  undecidedProposals: ProposalView[];
  openActions: HandoverAction[];
}

export async function getChairHandover(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { meetingId: string },
): Promise<ChairHandover> {
  const repos = deps.repositories;
  const { meeting, member } = await meetingForMember(repos, input, input.meetingId);
  const group = member.group;
  const [context, proposals] = await Promise.all([
    loadProposalContext(repos, deps.clock, group),
    repos.proposals.listByGroup(input.tenantId, group.id, { statuses: ['submitted', 'accepted', 'deferred'] }),
  ]);
  const peopleById = new Map(context.people.map((p) => [p.id, p]));
  const orgName = new Map(context.organisations.map((o) => [o.id, o.name]));

  const earlier = context.meetings.filter((m) => m.status !== 'cancelled' && m.startsAt.getTime() < meeting.startsAt.getTime());
  const previous = earlier.at(-1) ?? null;
  const versions = previous ? await repos.minutes.listVersions(input.tenantId, previous.id) : [];
  const minutes = versions.some((v) => v.status === 'published') ? 'published' : versions.length > 0 ? 'draft' : 'none';

  const late = proposals.filter((p) => (p.meetingId === meeting.id && p.late) || (p.meetingId === null && p.status === 'submitted'));
  const undecided = proposals.filter((p) => p.meetingId === meeting.id && !p.late && (p.status === 'submitted' || p.status === 'deferred'));

  const meetingDay = stockholmDateAndTime(meeting.startsAt).date;
  const openActions: HandoverAction[] = [];
  for (const from of earlier) {
    for (const action of await repos.actionItems.listByMeeting(input.tenantId, from.id)) {
      if (action.status === 'done') continue;
      const owner = action.ownerPersonId ? peopleById.get(action.ownerPersonId) : undefined;
      const organisationId = action.organisationId ?? owner?.organisationId ?? null;
      openActions.push({
        id: action.id,
        title: action.title,
        status: action.status,
        ownerName: owner?.name ?? null,
        organisationName: organisationId ? (orgName.get(organisationId) ?? null) : null,
        dueDate: action.dueDate,
        overdue: action.dueDate !== null && action.dueDate < meetingDay,
        meeting: { id: from.id, title: from.title, startsAt: from.startsAt },
      });
    }
  }
  // Soonest due first; those without a date last, oldest meeting first.
  openActions.sort(
    (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime(),
  );

  return {
    meeting: describeMeeting(meeting, peopleById),
    canChange: isStrategist(member),
    previousMeeting: previous ? { ...describeMeeting(previous, peopleById), minutes } : null,
    lateProposals: late.map((p) => describeProposal(p, context)),
    undecidedProposals: undecided.map((p) => describeProposal(p, context)),
    openActions,
  };
}
