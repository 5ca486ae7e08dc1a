/**
 * Stores a proposal from the form — new, or a change by its proposer — and answers with the
 * receipt; or, when the draft breaks a rule, with the same form, the values kept and the error
 * at each field. The form's one-time key makes a double click or a retried submit store once.
 */
import { checkProposalDraft, nextStamp, placeProposal, type Proposal, type ProposalDraft } from '../domain/proposal';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import { loadProposalContext } from './load-proposal-context';
import { buildProposalForm, type ProposalFormView } from './open-proposal-form';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';
import { describeProposal, type ProposalView } from './proposal-view';
import { proposalWorkspace } from './proposal-workspace';

export interface SubmitProposalInput extends Actor {
  groupId: string;
  proposalId: string | null;
  submissionKey: string;
  draft: ProposalDraft;
}

export type SubmitProposalResult =
  { kind: 'stored'; created: boolean; proposal: ProposalView } | { kind: 'invalid'; form: ProposalFormView };

export async function submitProposal(
  deps: { repositories: Repositories; clock: Clock; ids: IdGenerator; unitOfWork?: UnitOfWork },
  input: SubmitProposalInput,
): Promise<SubmitProposalResult> {
  const repos = deps.repositories;
  if (!input.proposalId) {
    const already = await repos.proposals.findBySubmissionKey(input.tenantId, input.submissionKey);
    if (already) return receipt(deps, input, already, false);
  }
  const { existing, member, context } = await proposalWorkspace(deps, input);

  const checked = checkProposalDraft(input.draft, {
    organisationIds: new Set(context.organisations.map((o) => o.id)),
    goalIds: new Set(context.goals.map((g) => g.id)),
    meetingIds: new Set(context.meetings.map((m) => m.id)),
  });
  if (!checked.ok) {
    const form = buildProposalForm(context, member.group, {
      proposalId: existing?.id ?? null,
      submissionKey: input.submissionKey,
      values: input.draft,
      errors: checked.errors,
    });
    return { kind: 'invalid', form };
  }

  // A late proposal edited for the meeting it was moved to stays late, with the meeting it missed.
  const keepsLate = existing?.late === true && checked.draft.meetingId === existing.meetingId;
  const placement = keepsLate
    ? { meetingId: existing.meetingId, late: true }
    : placeProposal(context.meetings, checked.draft.meetingId, member.group.settings, context.now);
  const now = context.now;
  const proposal: Proposal = {
    id: existing?.id ?? deps.ids(),
    tenantId: input.tenantId,
    groupId: member.group.id,
    title: checked.draft.title,
    description: checked.draft.description,
    kind: checked.draft.kind,
    organisationId: checked.draft.organisationId,
    proposerPersonId: existing?.proposerPersonId ?? input.personId,
    meetingId: placement.meetingId,
    requestedMeetingId: keepsLate ? existing.requestedMeetingId : checked.draft.meetingId,
    late: placement.late,
    minutesNeeded: checked.draft.minutesNeeded,
    goalIds: checked.draft.goalIds,
    status: 'submitted',
    decisionNote: null,
    submissionKey: existing?.submissionKey ?? input.submissionKey,
    createdAt: existing?.createdAt ?? now,
    updatedAt: existing ? nextStamp(existing.updatedAt, now) : now,
  };
  // The proposal and its audit record are stored together or not at all. A caller already in a
  // transaction (a tip turned into a proposal) passes no unit of work: its transaction holds both.
  const writeTogether = <T>(work: (repositories: Repositories) => Promise<T>): Promise<T> =>
    deps.unitOfWork ? deps.unitOfWork.transaction(work) : work(repos);
  const audit = (tx: Repositories) =>
    tx.audit.record({
      tenantId: input.tenantId,
      groupId: member.group.id,
      actorPersonId: input.personId,
      action: existing ? 'proposal.changed' : 'proposal.submitted',
      subject: `proposal:${proposal.id}`,
      at: now,
      detail: { meetingId: proposal.meetingId, late: proposal.late },
    });
  if (existing) {
    // A strategist may have decided on it since it was read: then the change is refused.
    const saved = await writeTogether(async (tx) => {
      if (!(await tx.proposals.saveIfUnchanged(proposal, existing.updatedAt))) return false;
      await audit(tx);
      return true;
    });
    if (!saved) throw new AppError('conflict', 'The proposal changed meanwhile');
  } else {
    try {
      await writeTogether(async (tx) => {
        await tx.proposals.save(proposal);
        await audit(tx);
      });
    } catch (error) {
      // Two submits with one key raced past the look-up above: the first one stored it.
      const winner = await repos.proposals.findBySubmissionKey(input.tenantId, input.submissionKey);
      if (winner) return receipt(deps, input, winner, false);
      throw error;
    }
  }
  return { kind: 'stored', created: !existing, proposal: describeProposal(proposal, context) };
}

async function receipt(
  deps: { repositories: Repositories; clock: Clock },
  actor: Actor,
  proposal: Proposal,
  created: boolean,
): Promise<SubmitProposalResult> {
  if (proposal.proposerPersonId !== actor.personId) throw new AppError('forbidden', 'Not your proposal');
  const member = await findMember(deps.repositories, actor, proposal.groupId);
  const context = await loadProposalContext(deps.repositories, deps.clock, member.group);
  return { kind: 'stored', created, proposal: describeProposal(proposal, context) };
}
