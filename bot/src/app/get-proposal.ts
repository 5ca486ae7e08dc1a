/**
 * One proposal, for its proposer (the receipt card refreshes from this) or a strategist of its
 * group. Everyone else gets the same "forbidden" as for an id that does not exist.
 */
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import { loadProposalContext } from './load-proposal-context';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { describeProposal, type ProposalView } from './proposal-view';

export async function getProposal(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { proposalId: string },
): Promise<ProposalView> {
  const proposal = await deps.repositories.proposals.find(input.tenantId, input.proposalId);
  if (!proposal) throw new AppError('forbidden', 'No such proposal for this caller');
  const member = await findMember(deps.repositories, input, proposal.groupId);
  if (proposal.proposerPersonId !== input.personId && !isStrategist(member))
    throw new AppError('forbidden', 'No such proposal for this caller');
  return describeProposal(proposal, await loadProposalContext(deps.repositories, deps.clock, member.group));
}
