/**
 * The goal overview (the tab's *Mål*): for every goal the group sees, by framework in official
 * order, how many proposals, agenda items, decisions and actions carry it — optionally in a
 * period. Every member may read it. The agenda items and actions come along with their goals so
 * that strategists can tag them in the same view.
 */
import type { GoalFramework } from '../domain/goal';
import { byFramework, countByGoal, type GoalCounts } from '../domain/goal-tags';
import { findMember, isStrategist, type Actor } from './find-member';
import { goalView, periodFrom, thingView, type GoalView, type TaggedThingView } from './goal-overview-view';
import type { Repositories } from './ports/repositories';

export interface GoalOverview {
  from: string | null;
  to: string | null;
  /** Strategists choose goals for items and actions and keep the local goals. */
  canEdit: boolean;
  frameworks: { framework: GoalFramework; goals: (GoalView & { counts: GoalCounts })[] }[];
  /** The period's agenda items and actions with their goals (tagged or not), for tagging. */
  taggable: TaggedThingView[];
}

export async function getGoalOverview(
  deps: { repositories: Repositories },
  input: Actor & { groupId: string; from?: string | null; to?: string | null },
): Promise<GoalOverview> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const { period, from, to } = periodFrom(input);
  const { tenantId, id: groupId } = member.group;
  const [goals, entries, meetings] = await Promise.all([
    repos.goals.listWithRetired(tenantId, groupId),
    repos.goalTags.listTaggedForPeriod(tenantId, groupId, period),
    repos.meetings.listByGroup(tenantId, groupId),
  ]);
  const counts = countByGoal(
    goals.map((g) => g.id),
    entries,
  );
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  return {
    from,
    to,
    canEdit: isStrategist(member),
    frameworks: byFramework(goals).map(({ framework, goals: inFramework }) => ({
      framework,
      goals: inFramework.map((goal) => ({
        ...goalView(goal, groupId),
        counts: counts.get(goal.id) ?? { proposal: 0, agendaItem: 0, decision: 0, action: 0 },
      })),
    })),
    taggable: entries.filter((e) => e.kind === 'agendaItem' || e.kind === 'action').map((e) => thingView(e, meetingById)),
  };
}
