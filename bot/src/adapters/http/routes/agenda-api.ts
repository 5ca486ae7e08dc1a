/**
 * The agenda builder's API: read a meeting's agenda and its follow-up of actions (every member),
 * save an edited one (strategists). The body is checked for shape and size here; the use case checks the rest
 * (who, which items, which proposals) against what is stored.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { FollowUpAction } from '../../../app/get-action-follow-up';
import type { MeetingAgendaView } from '../../../app/meeting-agenda-view';
import type { Logger } from '../../../app/ports/logger';
import { AGENDA_LIMITS, type AgendaItemDraft } from '../../../domain/agenda-item';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, isStorableText } from './tab-api';

export interface AgendaApiUseCases {
  getMeetingAgenda(input: SessionIdentity & { meetingId: string }): Promise<MeetingAgendaView>;
  saveMeetingAgenda(
    input: SessionIdentity & { meetingId: string; expectedRevision: string; items: readonly AgendaItemDraft[] },
  ): Promise<MeetingAgendaView>;
  getActionFollowUp(input: SessionIdentity & { meetingId: string }): Promise<FollowUpAction[]>;
}

const itemBody = z
  .object({
    id: idParam.nullable(),
    title: z.string().trim().min(1).max(AGENDA_LIMITS.titleMax).refine(isStorableText, 'no NUL characters or broken surrogate pairs'),
    durationMinutes: z.number().int().min(AGENDA_LIMITS.minutesMin).max(AGENDA_LIMITS.minutesMax),
    presenterPersonId: idParam.nullable(),
    proposalId: idParam.nullable(),
    standing: z.boolean(),
  })
  .strict();

const saveBody = z
  .object({
    expectedRevision: z.string().min(1).max(40),
    items: z.array(itemBody).max(AGENDA_LIMITS.itemsMax),
  })
  .strict();

export function registerAgendaApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: AgendaApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/meetings/:meetingId/agenda',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      res.json(await deps.useCases.getMeetingAgenda({ ...who, meetingId }));
    }),
  );

  // The follow-up section: open actions from earlier minutes and their owners' answers.
  server.get(
    '/api/meetings/:meetingId/follow-up',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      res.json({ actions: await deps.useCases.getActionFollowUp({ ...who, meetingId }) });
    }),
  );

  server.put(
    '/api/meetings/:meetingId/agenda',
    authed(async (req, res, who) => {
      const meetingId = idParam.parse(req.params.meetingId);
      const body = saveBody.parse(req.body ?? {});
      res.json(await deps.useCases.saveMeetingAgenda({ ...who, meetingId, ...body }));
    }),
  );
}
