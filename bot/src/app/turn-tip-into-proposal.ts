/**
 * A member makes an agenda proposal of a tip (*Gör till förslag*): a proposal of the kind
 * omvärldsbevakning, in the caller's name, for the next open meeting — stored through the very
 * same submit-proposal as the form's — and the tip marked as proposed, both or neither. A tip
 * someone else was first with answers "conflict"; the same form sent twice answers the proposal.
 */
import { mayMakeProposal } from '../domain/tip';
import { AppError } from './errors';
import { findMember, notAMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';
import type { ProposalFormView } from './open-proposal-form';
import type { ProposalView } from './proposal-view';
import { submitProposal } from './submit-proposal';

export interface TurnTipIntoProposalInput extends Actor {
  groupId: string;
  tipId: string;
  submissionKey: string;
  draft: { title: string; description: string; minutesNeeded: number };
}

export type TurnTipIntoProposalResult =
  { kind: 'stored'; created: boolean; proposal: ProposalView } | { kind: 'invalid'; errors: ProposalFormView['errors'] };

export async function turnTipIntoProposal(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  input: TurnTipIntoProposalInput,
): Promise<TurnTipIntoProposalResult> {
  const member = await findMember(deps.repositories, input, input.groupId);
  const tip = await deps.repositories.tips.find(input.tenantId, input.tipId);
  if (!tip || tip.groupId !== member.group.id) throw notAMember();

  return deps.unitOfWork.transaction(async (repositories) => {
    const organisations = await repositories.organisations.listByGroup(input.tenantId, member.group.id);
    const organisationId = organisations.some((o) => o.id === member.person.organisationId) ? member.person.organisationId : null;
    const result = await submitProposal(
      { repositories, clock: deps.clock, ids: deps.ids },
      {
        ...input,
        proposalId: null,
        draft: {
          title: input.draft.title,
          description: input.draft.description,
          minutesNeeded: input.draft.minutesNeeded,
          kind: 'omvarldsbevakning',
          organisationId,
          goalIds: [],
          // The next open meeting: the strategists place it on an agenda from there.
          meetingId: null,
        },
      },
    );
    if (result.kind === 'invalid') return { kind: 'invalid', errors: result.form.errors };
    // The same form sent again: its proposal is the one the tip already points at.
    if (!result.created) {
      if (tip.proposalId === result.proposal.id) return result;
      throw new AppError('conflict', 'The form was used for another proposal');
    }
    if (!mayMakeProposal(tip)) throw new AppError('conflict', 'The tip is already handled');
    const now = deps.clock.now();
    const settled = await repositories.tips.settle(input.tenantId, tip.id, { status: 'proposed', proposalId: result.proposal.id, at: now });
    // Someone else was first (or a strategist dismissed it meanwhile): the proposal is rolled back too.
    if (!settled) throw new AppError('conflict', 'The tip is already handled');
    await repositories.audit.record({
      tenantId: input.tenantId,
      groupId: member.group.id,
      actorPersonId: input.personId,
      action: 'tip.proposed',
      subject: `tip:${tip.id}`,
      at: now,
      detail: { proposalId: result.proposal.id },
    });
    return result;
  });
}
