/**
 * Where a proposal is written, new or changed: the caller as a member of the group, the group's
 * context, and — for a change — the proposal itself, checked to be the caller's and still open
 * to change. The form and the submit both start here, so they apply one rule.
 */
import { proposerMayChange, type Proposal } from '../domain/proposal';
import { AppError } from './errors';
import { findMember, type Actor, type Member } from './find-member';
import { loadProposalContext } from './load-proposal-context';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import type { ProposalContext } from './proposal-view';

export async function proposalWorkspace(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { proposalId?: string | null; groupId?: string | null },
): Promise<{ existing: Proposal | null; member: Member; context: ProposalContext }> {
  const repos = deps.repositories;
  const existing = input.proposalId ? await repos.proposals.find(input.tenantId, input.proposalId) : null;
  if (input.proposalId && (!existing || existing.proposerPersonId !== input.personId)) {
    throw new AppError('forbidden', 'Only the proposer can change a proposal');
  }
  const member = await findMember(repos, input, existing?.groupId ?? input.groupId);
  const context = await loadProposalContext(repos, deps.clock, member.group);
  if (existing) {
    const meeting = context.meetings.find((m) => m.id === existing.meetingId) ?? null;
    if (!proposerMayChange(existing, meeting, member.group.settings, context.now))
      throw new AppError('conflict', 'The proposal can no longer be changed');
  }
  return { existing, member, context };
}
