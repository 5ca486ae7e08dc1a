/**
 * A strategist's decision on a proposal: accept it for its meeting, defer it to another meeting,
 * or decline it with a reason the proposer will read. Withdrawn proposals are left alone.
 */
import { nextStamp, PROPOSAL_LIMITS, type Proposal } from '../domain/proposal';
import { AppError } from './errors';
import { fanOut, type FanOutDeps, type Pacer } from './fan-out';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import { refreshSentKallelse } from './refresh-sent-kallelse';
import { loadProposalContext } from './load-proposal-context';
import { describeProposal, type ProposalView } from './proposal-view';

export type ProposalDecision =
  // `meetingId` on accept: take it onto that meeting's agenda (a proposal from the backlog, or from another meeting).
  | { decision: 'accept'; meetingId?: string }
  | { decision: 'defer'; meetingId: string; note?: string }
  | { decision: 'decline'; reason: string };

export async function decideProposal(
  deps: FanOutDeps,
  pacer: Pacer,
  input: Actor & { proposalId: string } & ProposalDecision,
): Promise<ProposalView> {
  const repos = deps.repositories;
  const proposal = await repos.proposals.find(input.tenantId, input.proposalId);
  if (!proposal) throw notAMember();
  const member = await findMember(repos, input, proposal.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists decide on proposals');
  if (proposal.status === 'withdrawn') throw new AppError('conflict', 'The proposer has withdrawn this proposal');
  const context = await loadProposalContext(repos, deps.clock, member.group);

  // Only to a meeting still to come: deciding for one that has been held would lose the item.
  const upcoming = (meetingId: string) =>
    context.meetings.find(
      (m) => m.id === meetingId && (m.status === 'planned' || m.status === 'called') && m.startsAt.getTime() > context.now.getTime(),
    );
  let decided: Proposal;
  if (input.decision === 'accept') {
    const meetingId = input.meetingId ?? proposal.meetingId;
    if (!meetingId) throw new AppError('conflict', 'Choose a meeting first: defer it to one');
    if (input.meetingId && !upcoming(input.meetingId)) throw new AppError('not-found', 'No such meeting in this group');
    decided = { ...proposal, status: 'accepted', meetingId, decisionNote: null };
  } else if (input.decision === 'defer') {
    const target = upcoming(input.meetingId);
    if (!target) throw new AppError('not-found', 'No such meeting in this group');
    decided = {
      ...proposal,
      status: 'deferred',
      meetingId: target.id,
      decisionNote: input.note?.trim().slice(0, PROPOSAL_LIMITS.declineReasonMax) || null,
    };
  } else {
    const reason = input.reason.trim();
    if (reason === '' || [...reason].length > PROPOSAL_LIMITS.declineReasonMax)
      throw new AppError('invalid', 'A decline needs a reason of at most 1000 characters');
    decided = { ...proposal, status: 'declined', decisionNote: reason };
  }
  // The same decision again (a double click) changes nothing and tells no one twice.
  if (decided.status === proposal.status && decided.meetingId === proposal.meetingId && decided.decisionNote === proposal.decisionNote) {
    return describeProposal(proposal, context);
  }
  decided = { ...decided, updatedAt: nextStamp(proposal.updatedAt, context.now) };
  // The proposer may have changed or withdrawn it since it was read: then the decision is refused.
  if (!(await repos.proposals.saveIfUnchanged(decided, proposal.updatedAt)))
    throw new AppError('conflict', 'The proposal changed meanwhile');
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: proposal.groupId,
    actorPersonId: input.personId,
    action: `proposal.${decided.status}`,
    subject: `proposal:${proposal.id}`,
    at: context.now,
    detail: { meetingId: decided.meetingId },
  });
  const view = describeProposal(decided, context);
  // Tell the proposer in their chat; the decision stands even when they cannot be reached.
  const proposer = context.people.find((p) => p.id === proposal.proposerPersonId);
  await fanOut(deps, pacer, {
    tenantId: input.tenantId,
    groupId: proposal.groupId,
    kind: 'proposal-decided',
    subjectId: `${proposal.id}:${decided.status}:${decided.updatedAt.getTime()}`,
    notice: { kind: 'proposal-decided', proposal: view },
    recipients: [
      {
        target: `person:${proposal.proposerPersonId}`,
        name: proposer?.name ?? '',
        email: proposer?.email ?? null,
        conversation: await repos.conversations.findPersonal(input.tenantId, proposal.proposerPersonId),
      },
    ],
  });
  // A kallelse already sent for the meeting the item left or joined shows the new agenda.
  for (const meetingId of new Set([proposal.meetingId, decided.meetingId])) {
    if (meetingId) await refreshSentKallelse(deps, pacer, { tenantId: input.tenantId, meetingId });
  }
  return view;
}
