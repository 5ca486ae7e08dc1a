/** The Mål view's calls: counts per goal, one goal's lists, tags of items and actions, local goals. */
import type { ApiClient } from '../../api';

export type GoalFramework = 'sdg' | 'miljomal' | 'local';
export const GOAL_FRAMEWORKS: readonly GoalFramework[] = ['sdg', 'miljomal', 'local'];
export type TaggedKind = 'proposal' | 'agendaItem' | 'decision' | 'action';
export const TAGGED_KINDS: readonly TaggedKind[] = ['proposal', 'agendaItem', 'decision', 'action'];
/** As many goals as the service accepts on one item or action. */
export const GOAL_TAGS_MAX = 10;
export const LOCAL_GOAL_NAME_MAX = 120;

export type GoalCounts = Record<TaggedKind, number>;

export interface GoalInfo {
  id: string;
  framework: GoalFramework;
  number: number;
  name: string;
  /** The group's own local goal. */
  own: boolean;
  retired: boolean;
}

export interface TaggedThing {
  kind: TaggedKind;
  id: string;
  title: string;
  text: string | null;
  meeting: { id: string; title: string; startsAt: string } | null;
  date: string;
  goalIds: string[];
  /** own: chosen; proposal/agendaItem: followed; none: carries none. */
  source: 'own' | 'proposal' | 'agendaItem' | 'none';
  agendaItemId: string | null;
}

export interface GoalOverview {
  from: string | null;
  to: string | null;
  canEdit: boolean;
  frameworks: { framework: GoalFramework; goals: (GoalInfo & { counts: GoalCounts })[] }[];
  taggable: TaggedThing[];
}

export interface GoalDetail {
  from: string | null;
  to: string | null;
  goal: GoalInfo;
  counts: GoalCounts;
  lists: Record<TaggedKind, TaggedThing[]>;
}

export interface Period {
  from: string;
  to: string;
}

const base = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;
const query = (period: Period | null) => (period ? `?${new URLSearchParams({ from: period.from, to: period.to }).toString()}` : '');

export function getGoalOverview(api: ApiClient, groupId: string, period: Period | null, signal?: AbortSignal): Promise<GoalOverview> {
  return api.request(`${base(groupId)}/goals${query(period)}`, { signal });
}

export function getGoalDetail(
  api: ApiClient,
  groupId: string,
  goalId: string,
  period: Period | null,
  signal?: AbortSignal,
): Promise<GoalDetail> {
  return api.request(`${base(groupId)}/goals/${encodeURIComponent(goalId)}${query(period)}`, { signal });
}

/** null: follow the proposal (an agenda item) or the agenda item (an action) again. */
export function chooseGoals(
  api: ApiClient,
  groupId: string,
  kind: 'agendaItem' | 'action',
  id: string,
  goalIds: string[] | null,
): Promise<unknown> {
  const segment = kind === 'agendaItem' ? 'agenda-items' : 'actions';
  return api.request(`${base(groupId)}/${segment}/${encodeURIComponent(id)}/goals`, { method: 'PUT', body: { goalIds } });
}

export function addLocalGoal(api: ApiClient, groupId: string, name: string): Promise<unknown> {
  return api.request(`${base(groupId)}/goals`, { method: 'POST', body: { name } });
}

export function changeLocalGoal(
  api: ApiClient,
  groupId: string,
  goalId: string,
  change: { name?: string; retired?: boolean },
): Promise<unknown> {
  return api.request(`${base(groupId)}/goals/${encodeURIComponent(goalId)}`, { method: 'PATCH', body: change });
}
