/**
 * A strategist chooses the goals of an agenda item or an action (maybe none), or with null lets
 * it follow its proposal or agenda item again. Goals must be the group's: shared or its own, not
 * retired — except one the thing already carries.
 */
import { checkGoalChoice } from '../domain/goal-tags';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { GoalTagTarget, GoalTagTargetKind } from './ports/goal-tag-repository';
import type { Repositories, UnitOfWork } from './ports/repositories';

const AUDIT: Record<GoalTagTargetKind, { action: string; subject: string }> = {
  agendaItem: { action: 'goals.agenda-item-tagged', subject: 'agenda-item' },
  action: { action: 'goals.action-tagged', subject: 'action' },
};

export async function chooseGoalTags(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock },
  input: Actor & { groupId: string; kind: GoalTagTargetKind; id: string; goalIds: readonly string[] | null },
): Promise<GoalTagTarget> {
  const member = await findMember(deps.repositories, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Bara hållbarhetsstrategerna väljer mål för punkter och åtgärder.');
  const { tenantId, id: groupId } = member.group;
  return deps.unitOfWork.transaction(async (repos) => {
    const target = await repos.goalTags.findTarget(tenantId, input.kind, input.id);
    // Another group's item and no item at all get the same answer.
    if (!target || target.groupId !== groupId) throw notAMember();
    if (input.goalIds !== null) {
      const selectable = new Set((await repos.goals.listForGroup(tenantId, groupId)).map((g) => g.id));
      const problem = checkGoalChoice(input.goalIds, { selectable, current: target.goalIds });
      if (problem === 'too-many') throw new AppError('invalid', 'Välj högst tio mål.');
      if (problem) throw new AppError('invalid', 'Ett av målen finns inte bland gruppens mål.');
    }
    const at = deps.clock.now();
    await repos.goalTags.choose(tenantId, input.kind, input.id, input.goalIds === null ? null : [...new Set(input.goalIds)], at);
    await repos.audit.record({
      tenantId,
      groupId,
      actorPersonId: input.personId,
      action: AUDIT[input.kind].action,
      subject: `${AUDIT[input.kind].subject}:${input.id}`,
      at,
      detail: { meetingId: target.meetingId, count: input.goalIds === null ? null : new Set(input.goalIds).size },
    });
    const stored = await repos.goalTags.findTarget(tenantId, input.kind, input.id);
    if (!stored) throw notAMember();
    return stored;
  });
}
