/** The proposer takes a proposal back while it can still be changed. It is kept, as withdrawn. */
import { nextStamp, proposerMayChange } from '../domain/proposal';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import { loadProposalContext } from './load-proposal-context';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { describeProposal, type ProposalView } from './proposal-view';

export async function withdrawProposal(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { proposalId: string },
): Promise<ProposalView> {
  const repos = deps.repositories;
  const proposal = await repos.proposals.find(input.tenantId, input.proposalId);
  if (!proposal || proposal.proposerPersonId !== input.personId)
    throw new AppError('forbidden', 'Only the proposer can withdraw a proposal');
  const member = await findMember(repos, input, proposal.groupId);
  const context = await loadProposalContext(repos, deps.clock, member.group);
  if (proposal.status === 'withdrawn') return describeProposal(proposal, context);
  const meeting = context.meetings.find((m) => m.id === proposal.meetingId) ?? null;
  if (!proposerMayChange(proposal, meeting, member.group.settings, context.now))
    throw new AppError('conflict', 'The proposal can no longer be withdrawn');
  const withdrawn = { ...proposal, status: 'withdrawn' as const, updatedAt: nextStamp(proposal.updatedAt, context.now) };
  if (!(await repos.proposals.saveIfUnchanged(withdrawn, proposal.updatedAt)))
    throw new AppError('conflict', 'The proposal changed meanwhile');
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: proposal.groupId,
    actorPersonId: input.personId,
    action: 'proposal.withdrawn',
    subject: `proposal:${proposal.id}`,
    at: context.now,
    detail: {},
  });
  return describeProposal(withdrawn, context);
}
