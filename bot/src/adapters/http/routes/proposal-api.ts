/**
 * Proposals in the tab's API: the group's list (filterable) and a strategist's decision. The
 * bodies are checked here for shape and size; the use cases check who may do what.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { ProposalDecision } from '../../../app/decide-proposal';
import type { Logger } from '../../../app/ports/logger';
import type { ProposalView } from '../../../app/proposal-view';
import type { SubmitProposalResult } from '../../../app/submit-proposal';
import { PROPOSAL_LIMITS, PROPOSAL_STATUSES, type ProposalDraft, type ProposalStatus } from '../../../domain/proposal';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, plainText } from './tab-api';

export interface ProposalApiUseCases {
  listGroupProposals(
    input: SessionIdentity & { groupId: string; meetingId?: string; statuses?: readonly ProposalStatus[] },
  ): Promise<ProposalView[]>;
  decideProposal(input: SessionIdentity & { proposalId: string } & ProposalDecision): Promise<ProposalView>;
  submitProposal(
    input: SessionIdentity & { groupId: string; proposalId: null; submissionKey: string; draft: ProposalDraft },
  ): Promise<SubmitProposalResult>;
}

/** The tab's proposal form: the same fields and rules as the card's (the use case checks the rules). */
const submitBody = z
  .object({
    submissionKey: idParam,
    title: plainText(PROPOSAL_LIMITS.titleMax * 2),
    description: plainText(PROPOSAL_LIMITS.descriptionMax * 2),
    kind: plainText(40),
    organisationId: idParam.nullable(),
    goalIds: z.array(idParam).max(PROPOSAL_LIMITS.goalsMax * 2),
    minutesNeeded: z.number().int().min(0).max(1000),
    meetingId: idParam.nullable(),
  })
  .strict();

const listQuery = z
  .object({
    meetingId: idParam.optional(),
    status: z
      .string()
      .max(100)
      .optional()
      .transform((value) => (value ? value.split(',') : undefined))
      .pipe(z.array(z.enum(PROPOSAL_STATUSES)).max(5).optional()),
  })
  .strict();

const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), meetingId: idParam.optional() }).strict(),
  z.object({ decision: z.literal('defer'), meetingId: idParam, note: plainText(PROPOSAL_LIMITS.declineReasonMax).optional() }).strict(),
  z.object({ decision: z.literal('decline'), reason: plainText(PROPOSAL_LIMITS.declineReasonMax).trim().min(1) }).strict(),
]);

export function registerProposalApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: ProposalApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/proposals',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const query = listQuery.parse(req.query ?? {});
      res.json({
        proposals: await deps.useCases.listGroupProposals({
          ...who,
          groupId,
          ...(query.meetingId ? { meetingId: query.meetingId } : {}),
          ...(query.status ? { statuses: query.status } : {}),
        }),
      });
    }),
  );

  server.post(
    '/api/groups/:groupId/proposals',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const { submissionKey, ...draft } = submitBody.parse(req.body ?? {});
      const result = await deps.useCases.submitProposal({ ...who, groupId, proposalId: null, submissionKey, draft });
      if (result.kind === 'invalid') {
        // The fields and what is wrong with each, as the card's form shows them.
        res.status(400);
        res.json({ code: 'invalid_proposal', message: 'The proposal breaks a rule: see errors', errors: result.form.errors });
        return;
      }
      res.status(result.created ? 201 : 200);
      res.json({ proposal: result.proposal });
    }),
  );

  server.post(
    '/api/proposals/:proposalId/decision',
    authed(async (req, res, who) => {
      const proposalId = idParam.parse(req.params.proposalId);
      const decision = decisionBody.parse(req.body ?? {});
      res.json({ proposal: await deps.useCases.decideProposal({ ...who, proposalId, ...decision }) });
    }),
  );
}
