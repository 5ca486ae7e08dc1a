/**
 * The goal overview's API: counts and lists per goal (every member; `?from=YYYY-MM-DD&to=…` for a
 * period), the goals of an agenda item or an action, and the group's local goals (strategists).
 * Shapes and sizes are checked here; the use cases check who and which goals.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { GoalDetail } from '../../../app/get-goal-detail';
import type { GoalOverview } from '../../../app/get-goal-overview';
import type { GoalTagTarget, GoalTagTargetKind } from '../../../app/ports/goal-tag-repository';
import type { Logger } from '../../../app/ports/logger';
import type { Goal, GoalWithState } from '../../../domain/goal';
import { GOAL_TAGS_MAX, LOCAL_GOAL_NAME_MAX } from '../../../domain/goal-tags';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, plainText } from './tab-api';

type Period = { from?: string | null; to?: string | null };

export interface GoalsApiUseCases {
  getGoalOverview(input: SessionIdentity & { groupId: string } & Period): Promise<GoalOverview>;
  getGoalDetail(input: SessionIdentity & { groupId: string; goalId: string } & Period): Promise<GoalDetail>;
  chooseGoalTags(
    input: SessionIdentity & { groupId: string; kind: GoalTagTargetKind; id: string; goalIds: readonly string[] | null },
  ): Promise<GoalTagTarget>;
  addLocalGoal(input: SessionIdentity & { groupId: string; name: string }): Promise<Goal>;
  changeLocalGoal(input: SessionIdentity & { groupId: string; goalId: string; name?: string; retired?: boolean }): Promise<GoalWithState>;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-05');
const periodQuery = z.object({ from: day.optional(), to: day.optional() }).strict();
/** null: follow the proposal (an item) or the agenda item (an action) again. */
const tagsBody = z.object({ goalIds: z.array(idParam).max(GOAL_TAGS_MAX).nullable() }).strict();
const name = plainText(LOCAL_GOAL_NAME_MAX * 2);
const addBody = z.object({ name }).strict();
const changeBody = z
  .object({ name: name.optional(), retired: z.boolean().optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.retired !== undefined, 'name or retired');

export function registerGoalsApi(server: Server, deps: { authenticator: Authenticator; useCases: GoalsApiUseCases; logger: Logger }): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/goals',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const period = periodQuery.parse(req.query ?? {});
      res.json(await deps.useCases.getGoalOverview({ ...who, groupId, from: period.from ?? null, to: period.to ?? null }));
    }),
  );

  server.get(
    '/api/groups/:groupId/goals/:goalId',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const goalId = idParam.parse(req.params.goalId);
      const period = periodQuery.parse(req.query ?? {});
      res.json(await deps.useCases.getGoalDetail({ ...who, groupId, goalId, from: period.from ?? null, to: period.to ?? null }));
    }),
  );

  server.post(
    '/api/groups/:groupId/goals',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const body = addBody.parse(req.body ?? {});
      res.status(201);
      res.json(await deps.useCases.addLocalGoal({ ...who, groupId, name: body.name }));
    }),
  );

  server.patch(
    '/api/groups/:groupId/goals/:goalId',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const goalId = idParam.parse(req.params.goalId);
      const body = changeBody.parse(req.body ?? {});
      res.json(await deps.useCases.changeLocalGoal({ ...who, groupId, goalId, ...body }));
    }),
  );

  for (const [kind, path, param] of [
    ['agendaItem', '/api/groups/:groupId/agenda-items/:itemId/goals', 'itemId'],
    ['action', '/api/groups/:groupId/actions/:actionId/goals', 'actionId'],
  ] as const) {
    server.put(
      path,
      authed(async (req, res, who) => {
        const groupId = idParam.parse(req.params.groupId);
        const id = idParam.parse(req.params[param]);
        const { goalIds } = tagsBody.parse(req.body ?? {});
        res.json(await deps.useCases.chooseGoalTags({ ...who, groupId, kind, id, goalIds }));
      }),
    );
  }
}
