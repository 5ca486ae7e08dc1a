/**
 * A strategist adds a local goal to the group, numbered after its last one. The global goals and
 * the miljökvalitetsmål are shared by every group and are not changed here.
 */
import type { Goal } from '../domain/goal';
import type { Actor } from './find-member';
import { checkedName, localGoalStrategist, refuseTakenName, type LocalGoalDeps } from './local-goal-rules';

export async function addLocalGoal(deps: LocalGoalDeps, input: Actor & { groupId: string; name: string }): Promise<Goal> {
  const member = await localGoalStrategist(deps.repositories, input, input.groupId);
  const { tenantId, id: groupId } = member.group;
  const name = checkedName(input.name);
  return deps.unitOfWork.transaction(async (repos) => {
    await refuseTakenName(repos, tenantId, groupId, name, null);
    const goal = await repos.goals.addLocal({ id: deps.ids(), tenantId, groupId, name });
    await repos.audit.record({
      tenantId,
      groupId,
      actorPersonId: input.personId,
      action: 'goal.added',
      subject: `goal:${goal.id}`,
      at: deps.clock.now(),
      detail: {},
    });
    return goal;
  });
}
