/**
 * The group's proposals for its members (the tab's *Förslag* and the strategists' backlog):
 * a working group's proposals are open to the whole group. Filters by meeting and status.
 */
import type { ProposalStatus } from '../domain/proposal';
import { findMember, type Actor } from './find-member';
import { loadProposalContext } from './load-proposal-context';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { describeProposal, type ProposalView } from './proposal-view';

export async function listGroupProposals(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string; meetingId?: string; statuses?: readonly ProposalStatus[] },
): Promise<ProposalView[]> {
  const member = await findMember(deps.repositories, input, input.groupId);
  const proposals = await deps.repositories.proposals.listByGroup(input.tenantId, member.group.id, {
    ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    ...(input.statuses ? { statuses: input.statuses } : {}),
  });
  const context = await loadProposalContext(deps.repositories, deps.clock, member.group);
  return proposals.map((proposal) => describeProposal(proposal, context));
}
