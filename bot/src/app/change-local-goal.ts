/**
 * A strategist renames a local goal of the group, retires it (it is offered no more; its tags
 * stay and still count) or restores it.
 */
import type { GoalWithState } from '../domain/goal';
import { AppError } from './errors';
import type { Actor } from './find-member';
import { checkedName, localGoalStrategist, refuseTakenName, type LocalGoalDeps } from './local-goal-rules';

export async function changeLocalGoal(
  deps: LocalGoalDeps,
  input: Actor & { groupId: string; goalId: string; name?: string; retired?: boolean },
): Promise<GoalWithState> {
  const member = await localGoalStrategist(deps.repositories, input, input.groupId);
  const { tenantId, id: groupId } = member.group;
  const name = input.name === undefined ? undefined : checkedName(input.name);
  return deps.unitOfWork.transaction(async (repos) => {
    const goal = await repos.goals.find(tenantId, input.goalId);
    // Shared goals, another group's and none at all: one answer.
    if (!goal || goal.groupId !== groupId || goal.framework !== 'local')
      throw new AppError('not-found', 'Gruppen har inget sådant lokalt mål.');
    if (name !== undefined) await refuseTakenName(repos, tenantId, groupId, name, goal.id);
    const at = deps.clock.now();
    const retiredAt = input.retired === undefined || input.retired === goal.retired ? undefined : input.retired ? at : null;
    await repos.goals.update(tenantId, goal.id, {
      ...(name !== undefined ? { name } : {}),
      ...(retiredAt !== undefined ? { retiredAt } : {}),
    });
    await repos.audit.record({
      tenantId,
      groupId,
      actorPersonId: input.personId,
      action: 'goal.changed',
      subject: `goal:${goal.id}`,
      at,
      detail: { renamed: name !== undefined && name !== goal.name, ...(retiredAt !== undefined ? { retired: retiredAt !== null } : {}) },
    });
    const stored = await repos.goals.find(tenantId, goal.id);
    if (!stored) throw new AppError('not-found', 'Gruppen har inget sådant lokalt mål.');
    return stored;
  });
}
