/**
 * One goal's lists: the proposals, agenda items, decisions and actions that carry it, with their
 * meeting and date, optionally in a period. Every member may read them. A goal the group does not
 * see (another group's local goal, or none at all) gets one answer.
 */
import { countByGoal, TAGGED_KINDS, type GoalCounts, type TaggedKind } from '../domain/goal-tags';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import { goalView, periodFrom, thingView, type GoalView, type TaggedThingView } from './goal-overview-view';
import type { Repositories } from './ports/repositories';

export interface GoalDetail {
  from: string | null;
  to: string | null;
  goal: GoalView;
  counts: GoalCounts;
  lists: Record<TaggedKind, TaggedThingView[]>;
}

export async function getGoalDetail(
  deps: { repositories: Repositories },
  input: Actor & { groupId: string; goalId: string; from?: string | null; to?: string | null },
): Promise<GoalDetail> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const { period, from, to } = periodFrom(input);
  const { tenantId, id: groupId } = member.group;
  const goal = await repos.goals.find(tenantId, input.goalId);
  if (!goal || (goal.groupId !== null && goal.groupId !== groupId)) throw new AppError('not-found', 'Målet finns inte i gruppen.');
  const [entries, meetings] = await Promise.all([
    repos.goalTags.listTaggedForPeriod(tenantId, groupId, period),
    repos.meetings.listByGroup(tenantId, groupId),
  ]);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const tagged = entries.filter((e) => e.goalIds.includes(goal.id));
  const lists = Object.fromEntries(
    TAGGED_KINDS.map((kind) => [kind, tagged.filter((e) => e.kind === kind).map((e) => thingView(e, meetingById))]),
  ) as Record<TaggedKind, TaggedThingView[]>;
  return {
    from,
    to,
    goal: goalView(goal, groupId),
    counts: countByGoal([goal.id], tagged).get(goal.id) ?? { proposal: 0, agendaItem: 0, decision: 0, action: 0 },
    lists,
  };
}
