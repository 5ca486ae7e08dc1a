/**
 * A strategist saves the agenda as edited in the builder: order, lengths, titles, presenters,
 * standing and free items. The edit names the revision it started from; if the agenda changed
 * since (the other strategist, a decision on a proposal), nothing is written and the caller is
 * told to reload. A kallelse already sent is updated in place.
 */
import { agendaRevision, checkAgendaDraft, type AgendaItem, type AgendaItemDraft, type AgendaProblem } from '../domain/agenda-item';
import { AppError } from './errors';
import type { FanOutDeps, Pacer } from './fan-out';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import { loadMeetingAgenda } from './load-meeting-agenda';
import { loadProposalContext } from './load-proposal-context';
import { describeMeetingAgenda, mayEditAgenda, type MeetingAgendaView } from './meeting-agenda-view';
import type { UnitOfWork } from './ports/repositories';
import { refreshSentKallelse } from './refresh-sent-kallelse';

function describeProblem(problem: AgendaProblem): string {
  const at = 'index' in problem ? `item ${problem.index + 1}: ` : '';
  switch (problem.code) {
    case 'empty':
      return 'An agenda needs at least one item';
    case 'too_many_items':
      return `An agenda has at most ${problem.max} items`;
    case 'bad_title':
      return `${at}a title of 1–200 characters is needed`;
    case 'bad_duration':
      return `${at}the length must be 1–480 minutes`;
    case 'unknown_item':
      return `${at}not an item of this agenda`;
    case 'duplicate_item':
      return `${at}listed twice`;
    case 'proposal_not_accepted':
      return `${at}the proposal is not accepted for this meeting`;
    case 'duplicate_proposal':
      return `${at}the proposal is on the agenda twice`;
    case 'presenter_not_member':
      return `${at}the presenter is not a member of the group`;
    case 'proposal_missing':
      return 'An accepted proposal is missing: defer or decline it instead of removing it';
  }
}

export async function saveMeetingAgenda(
  deps: FanOutDeps & { unitOfWork: UnitOfWork },
  pacer: Pacer,
  input: Actor & { meetingId: string; expectedRevision: string; items: readonly AgendaItemDraft[] },
): Promise<MeetingAgendaView> {
  const result = await deps.unitOfWork.transaction(async (repos) => {
    const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
    if (!meeting) throw notAMember();
    const member = await findMember(repos, input, meeting.groupId);
    if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists change the agenda');
    const now = deps.clock.now();
    if (!mayEditAgenda(meeting, now)) throw new AppError('conflict', 'The meeting has been held or cancelled: its agenda is closed');

    const current = await loadMeetingAgenda(repos, deps.ids, member.group, meeting, { store: true });
    if (current.revision !== input.expectedRevision)
      throw new AppError('conflict', 'The agenda changed since it was opened: reload it and make the change again');

    const [memberships, accepted] = await Promise.all([
      repos.memberships.listByGroup(input.tenantId, member.group.id),
      repos.proposals.listByGroup(input.tenantId, member.group.id, { meetingId: meeting.id, statuses: ['accepted'] }),
    ]);
    const memberIds = new Set(memberships.map((m) => m.personId));
    const problem = checkAgendaDraft(input.items, {
      storedIds: new Set(current.items.map((i) => i.id)),
      acceptedProposalIds: new Set(accepted.map((p) => p.id)),
      memberIds,
    });
    if (problem) throw new AppError('invalid', describeProblem(problem));

    const items: AgendaItem[] = input.items.map((draft, index) => ({
      id: draft.id ?? deps.ids(),
      tenantId: input.tenantId,
      groupId: member.group.id,
      meetingId: meeting.id,
      position: index + 1,
      title: draft.title.trim(),
      durationMinutes: draft.durationMinutes,
      presenterPersonId: draft.presenterPersonId,
      proposalId: draft.proposalId,
      standing: draft.standing,
    }));
    const revision = agendaRevision(items);
    if (revision !== current.revision) {
      await repos.agendaItems.replaceForMeeting(input.tenantId, meeting.id, items);
      // A sent kallelse's agenda is also in the calendar event and the library: bring them up to date.
      if (meeting.status === 'called') await repos.meetingCalendar.want(input.tenantId, meeting.groupId, meeting.id, now);
      await repos.audit.record({
        tenantId: input.tenantId,
        groupId: member.group.id,
        actorPersonId: input.personId,
        action: 'agenda.saved',
        subject: `meeting:${meeting.id}`,
        at: now,
        detail: { items: items.length },
      });
    }
    const [context, proposals] = await Promise.all([
      loadProposalContext(repos, deps.clock, member.group),
      repos.proposals.listByGroup(input.tenantId, member.group.id),
    ]);
    return {
      changed: revision !== current.revision,
      view: describeMeetingAgenda({
        group: member.group,
        meeting,
        agenda: { items, revision },
        context,
        memberIds,
        strategist: true,
        proposals,
      }),
    };
  });
  if (result.changed && result.view.meeting.status === 'called') {
    await refreshSentKallelse(deps, pacer, { tenantId: input.tenantId, meetingId: input.meetingId });
  }
  return result.view;
}
