/**
 * Omvärldsbevakning in the tab's API: the group's tips (members), a new tip from the tab
 * (members), a proposal made of a tip (members) and a tip set aside (strategists). Bodies are
 * checked here for shape and size; the use cases check the rules and who may do what.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { AddTipInput, AddTipResult } from '../../../app/add-tip';
import type { TipList } from '../../../app/list-tips';
import type { Logger } from '../../../app/ports/logger';
import type { TipView } from '../../../app/tip-view';
import type { TurnTipIntoProposalInput, TurnTipIntoProposalResult } from '../../../app/turn-tip-into-proposal';
import { PROPOSAL_LIMITS } from '../../../domain/proposal';
import { TIP_LIMITS } from '../../../domain/tip';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, plainText } from './tab-api';

type Who = SessionIdentity;

export interface TipsApiUseCases {
  listTips(input: Who & { groupId: string }): Promise<TipList>;
  addTip(input: Who & Omit<AddTipInput, keyof Who>): Promise<AddTipResult>;
  dismissTip(input: Who & { groupId: string; tipId: string }): Promise<TipView>;
  turnTipIntoProposal(input: Who & Omit<TurnTipIntoProposalInput, keyof Who>): Promise<TurnTipIntoProposalResult>;
}

/** Generous outer limits: the domain gives the per-field answer (too long, not https) below them. */
const tipBody = z
  .object({
    submissionKey: idParam,
    url: plainText(TIP_LIMITS.urlMax * 2),
    comment: plainText(TIP_LIMITS.commentMax * 2),
  })
  .strict();

const proposalBody = z
  .object({
    submissionKey: idParam,
    title: plainText(PROPOSAL_LIMITS.titleMax * 2),
    description: plainText(PROPOSAL_LIMITS.descriptionMax * 2),
    minutesNeeded: z.number().int().min(0).max(1000),
  })
  .strict();

const noBody = z.object({}).strict();

export function registerTipsApi(server: Server, deps: { authenticator: Authenticator; useCases: TipsApiUseCases; logger: Logger }): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/tips',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      noBody.parse(req.query ?? {});
      res.json(await deps.useCases.listTips({ ...who, groupId }));
    }),
  );

  server.post(
    '/api/groups/:groupId/tips',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const { submissionKey, url, comment } = tipBody.parse(req.body ?? {});
      const result = await deps.useCases.addTip({ ...who, groupId, submissionKey, source: 'tab', draft: { url, comment, quote: null } });
      if (result.kind === 'invalid') {
        res.status(400);
        res.json({ code: 'invalid_tip', message: 'Tipset följer inte reglerna: se errors', errors: result.errors });
        return;
      }
      res.status(result.created ? 201 : 200);
      res.json({ tip: result.tip });
    }),
  );

  server.post(
    '/api/groups/:groupId/tips/:tipId/proposal',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const tipId = idParam.parse(req.params.tipId);
      const { submissionKey, ...draft } = proposalBody.parse(req.body ?? {});
      const result = await deps.useCases.turnTipIntoProposal({ ...who, groupId, tipId, submissionKey, draft });
      if (result.kind === 'invalid') {
        res.status(400);
        res.json({ code: 'invalid_proposal', message: 'Förslaget följer inte reglerna: se errors', errors: result.errors });
        return;
      }
      res.status(result.created ? 201 : 200);
      res.json({ proposal: result.proposal });
    }),
  );

  server.post(
    '/api/groups/:groupId/tips/:tipId/dismiss',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const tipId = idParam.parse(req.params.tipId);
      noBody.parse(req.body ?? {});
      res.json({ tip: await deps.useCases.dismissTip({ ...who, groupId, tipId }) });
    }),
  );
}
