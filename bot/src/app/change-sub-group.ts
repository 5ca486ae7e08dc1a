/**
 * A strategist changes a sub-group: its name, mandate, deadline, members, convenor or status
 * (active → reported → closed, or back). A new deadline or status moves the report-back item and
 * the convenor's reminder by itself: both are derived from the sub-group when next needed.
 */
import { checkSubGroup, type SubGroup, type SubGroupStatus } from '../domain/sub-group';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories, UnitOfWork } from './ports/repositories';
import { record } from './start-sub-group';
import { subGroupRefusal } from './sub-group-problems';
import type { SubGroupView } from './sub-group-view';

export interface SubGroupChange {
  name?: string;
  mandate?: string;
  deadline?: string;
  memberPersonIds?: string[];
  convenorPersonId?: string;
  status?: SubGroupStatus;
}

const FIELDS = ['name', 'mandate', 'deadline', 'memberPersonIds', 'convenorPersonId', 'status'] as const;

export async function changeSubGroup(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock },
  input: Actor & { groupId: string; subGroupId: string; change: SubGroupChange },
): Promise<SubGroupView> {
  return deps.unitOfWork.transaction(async (repos) => {
    const member = await findMember(repos, input, input.groupId);
    if (!isStrategist(member)) throw new AppError('forbidden', 'Bara hållbarhetsstrategerna kan ändra en delgrupp.');
    const before = await repos.subGroups.find(member.group.tenantId, input.subGroupId);
    if (!before || before.groupId !== member.group.id) throw notAMember();
    const { change } = input;
    const after: SubGroup = {
      ...before,
      ...(change.name !== undefined ? { name: change.name.trim() } : {}),
      ...(change.mandate !== undefined ? { mandate: change.mandate.trim() } : {}),
      ...(change.deadline !== undefined ? { deadline: change.deadline } : {}),
      ...(change.memberPersonIds !== undefined ? { memberPersonIds: [...new Set(change.memberPersonIds)].sort() } : {}),
      ...(change.convenorPersonId !== undefined ? { convenorPersonId: change.convenorPersonId } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
    };
    const changed = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    // Members who have left the group may stay on a sub-group, but nobody new joins from outside.
    const memberships = await repos.memberships.listByGroup(before.tenantId, before.groupId);
    const allowed = new Set([...memberships.map((m) => m.personId), ...before.memberPersonIds]);
    const problem = checkSubGroup(after, allowed, { allowNoConvenor: change.convenorPersonId === undefined });
    if (problem) throw subGroupRefusal(problem);
    const now = deps.clock.now();
    if (changed.length === 0) return record(repos, after, input.personId, now, []);
    const saved = { ...after, updatedAt: now };
    await repos.subGroups.save(saved);
    return record(repos, saved, input.personId, now, [...changed]);
  });
}
