/**
 * Sub-groups (*Delgrupper*): every member reads the list; strategists start one from an agenda
 * item and change it. Shapes and sizes are checked here; who, which members and which item are
 * checked by the use cases against what is stored.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { SubGroupChange } from '../../../app/change-sub-group';
import type { SubGroupList } from '../../../app/list-sub-groups';
import type { Logger } from '../../../app/ports/logger';
import type { SubGroupFields } from '../../../app/start-sub-group';
import type { SubGroupView } from '../../../app/sub-group-view';
import { SUB_GROUP_LIMITS, SUB_GROUP_STATUSES } from '../../../domain/sub-group';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, plainText } from './tab-api';

export interface SubGroupApiUseCases {
  listSubGroups(input: SessionIdentity & { groupId: string }): Promise<SubGroupList>;
  startSubGroup(input: SessionIdentity & { groupId: string; agendaItemId: string } & SubGroupFields): Promise<SubGroupView>;
  changeSubGroup(input: SessionIdentity & { groupId: string; subGroupId: string; change: SubGroupChange }): Promise<SubGroupView>;
}

const name = plainText(SUB_GROUP_LIMITS.nameMax).refine((v) => v.trim() !== '', 'ett namn');
const mandate = plainText(SUB_GROUP_LIMITS.mandateMax).refine((v) => v.trim() !== '', 'ett uppdrag');
const deadline = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ett datum som 2026-05-31');
const members = z.array(idParam).min(1).max(SUB_GROUP_LIMITS.membersMax);

const startBody = z.object({ name, mandate, deadline, memberPersonIds: members, convenorPersonId: idParam }).strict();

const changeBody = z
  .object({
    name: name.optional(),
    mandate: mandate.optional(),
    deadline: deadline.optional(),
    memberPersonIds: members.optional(),
    convenorPersonId: idParam.optional(),
    status: z.enum(SUB_GROUP_STATUSES as [string, ...string[]]).optional(),
  })
  .strict();

export function registerSubGroupApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: SubGroupApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/sub-groups',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      res.json(await deps.useCases.listSubGroups({ ...who, groupId }));
    }),
  );

  server.post(
    '/api/groups/:groupId/agenda-items/:itemId/sub-groups',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const agendaItemId = idParam.parse(req.params.itemId);
      const body = startBody.parse(req.body ?? {});
      res.status(201);
      res.json(await deps.useCases.startSubGroup({ ...who, groupId, agendaItemId, ...body }));
    }),
  );

  server.patch(
    '/api/groups/:groupId/sub-groups/:subGroupId',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const subGroupId = idParam.parse(req.params.subGroupId);
      const body = changeBody.parse(req.body ?? {});
      const change = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as SubGroupChange;
      res.json(await deps.useCases.changeSubGroup({ ...who, groupId, subGroupId, change }));
    }),
  );
}
