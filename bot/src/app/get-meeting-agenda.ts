/**
 * A meeting's agenda for the tab: every member may read it; strategists also get the proposals
 * waiting for a decision and may edit. A strategist's read stores the completed agenda, so the
 * items they edit keep their ids.
 */
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import { loadMeetingAgenda } from './load-meeting-agenda';
import { loadProposalContext } from './load-proposal-context';
import { describeMeetingAgenda, mayEditAgenda, type MeetingAgendaView } from './meeting-agenda-view';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';

export async function getMeetingAgenda(
  deps: { repositories: Repositories; clock: Clock; ids: IdGenerator; unitOfWork: UnitOfWork },
  input: Actor & { meetingId: string },
): Promise<MeetingAgendaView> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) throw notAMember();
  const member = await findMember(repos, input, meeting.groupId);
  const strategist = isStrategist(member);
  const store = strategist && mayEditAgenda(meeting, deps.clock.now());
  const agenda = store
    ? await deps.unitOfWork.transaction((tx) => loadMeetingAgenda(tx, deps.ids, member.group, meeting, { store: true }))
    : await loadMeetingAgenda(repos, deps.ids, member.group, meeting, { store: false });
  const [context, memberships, proposals] = await Promise.all([
    loadProposalContext(repos, deps.clock, member.group),
    repos.memberships.listByGroup(input.tenantId, member.group.id),
    strategist ? repos.proposals.listBacklog(input.tenantId, member.group.id, meeting.id) : Promise.resolve([]),
  ]);
  return describeMeetingAgenda({
    group: member.group,
    meeting,
    agenda,
    context,
    memberIds: new Set(memberships.map((m) => m.personId)),
    strategist,
    proposals,
  });
}
