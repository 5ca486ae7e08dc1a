/** The caller's own proposals, newest first, across their groups (`mina förslag`). */
import { findMember, type Actor } from './find-member';
import { loadProposalContext } from './load-proposal-context';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { describeProposal, type ProposalView } from './proposal-view';
import type { ProposalContext } from './proposal-view';

export async function listMyProposals(deps: { repositories: Repositories; clock: Clock }, actor: Actor): Promise<ProposalView[]> {
  const proposals = await deps.repositories.proposals.listByProposer(actor.tenantId, actor.personId);
  const contexts = new Map<string, ProposalContext>();
  const views: ProposalView[] = [];
  for (const proposal of proposals) {
    let context = contexts.get(proposal.groupId);
    if (!context) {
      const member = await findMember(deps.repositories, actor, proposal.groupId).catch(() => null);
      if (!member) continue; // no longer a member of that group: its proposals are not shown here
      context = await loadProposalContext(deps.repositories, deps.clock, member.group);
      contexts.set(proposal.groupId, context);
    }
    views.push(describeProposal(proposal, context));
  }
  return views;
}
