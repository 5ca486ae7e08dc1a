/**
 * The tab's *Åtgärder*: the group's actions across meetings, filtered and a page at a time
 * (`?status=open|in_progress|blocked|done|not_done&owner=<person>&organisation=<id>&meeting=<id>
 * &overdue=true&limit=1..500&offset=0..`), one action with its history, and a change of its status,
 * due date or owner. Every member reads; the use cases decide who may change what.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { ActionChanges } from '../../../app/change-action';
import type { ActionDetail } from '../../../app/get-action-history';
import { ACTION_PAGE, type ActionListPage, type ListGroupActionsInput } from '../../../app/list-group-actions';
import type { Logger } from '../../../app/ports/logger';
import { isDueDate, type ACTION_STATUS_FILTERS } from '../../../domain/action-list';
import type { ACTION_STATUSES } from '../../../domain/minutes';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam } from './tab-api';

export interface ActionsApiUseCases {
  listGroupActions(input: SessionIdentity & Omit<ListGroupActionsInput, keyof SessionIdentity>): Promise<ActionListPage>;
  getActionHistory(input: SessionIdentity & { groupId: string; actionId: string }): Promise<ActionDetail>;
  changeAction(input: SessionIdentity & ActionChanges & { groupId: string; actionId: string }): Promise<ActionDetail>;
}

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `a whole number up to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

const listQuery = z
  .object({
    status: z.enum(['open', 'in_progress', 'blocked', 'done', 'not_done'] as const satisfies typeof ACTION_STATUS_FILTERS).optional(),
    owner: idParam.optional(),
    organisation: idParam.optional(),
    meeting: idParam.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    limit: wholeNumber(ACTION_PAGE.maxLimit).pipe(z.number().min(1)).optional(),
    offset: wholeNumber(ACTION_PAGE.maxOffset).optional(),
  })
  .strict();

const changeBody = z
  .object({
    status: z.enum(['open', 'in_progress', 'blocked', 'done'] as const satisfies typeof ACTION_STATUSES).optional(),
    dueDate: z.string().max(10).refine(isDueDate, 'a date like 2026-05-31, in the years 2000 to 2100').nullable().optional(),
    ownerPersonId: idParam.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

export function registerActionsApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: ActionsApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/actions',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const q = listQuery.parse(req.query ?? {});
      res.json(
        await deps.useCases.listGroupActions({
          ...who,
          groupId,
          ...(q.status ? { status: q.status } : {}),
          ...(q.owner ? { ownerPersonId: q.owner } : {}),
          ...(q.organisation ? { organisationId: q.organisation } : {}),
          ...(q.meeting ? { meetingId: q.meeting } : {}),
          ...(q.overdue === 'true' ? { overdueOnly: true } : {}),
          ...(q.limit !== undefined ? { limit: q.limit } : {}),
          ...(q.offset !== undefined ? { offset: q.offset } : {}),
        }),
      );
    }),
  );

  server.get(
    '/api/groups/:groupId/actions/:actionId',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const actionId = idParam.parse(req.params.actionId);
      res.json(await deps.useCases.getActionHistory({ ...who, groupId, actionId }));
    }),
  );

  server.patch(
    '/api/groups/:groupId/actions/:actionId',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const actionId = idParam.parse(req.params.actionId);
      const body: ActionChanges = changeBody.parse(req.body ?? {});
      res.json(await deps.useCases.changeAction({ ...who, groupId, actionId, ...body }));
    }),
  );
}
