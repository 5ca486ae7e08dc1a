/** The Åtgärder view's calls: the group's actions (filtered on the server), one with its history, a change. */
import type { ApiClient } from '../../api';

export type ActionStatus = 'open' | 'in_progress' | 'blocked' | 'done';
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'blocked', 'done'];
export type StatusFilter = ActionStatus | 'not_done';
export type ActionField = 'status' | 'dueDate' | 'owner';

export interface OrganisationRef {
  id: string;
  name: string;
}
export interface MeetingRef {
  id: string;
  title: string;
  startsAt: string;
}
export interface PersonRef {
  id: string;
  /** Null: someone the group no longer knows. */
  name: string | null;
  organisation: OrganisationRef | null;
}

export interface ActionEntry {
  id: string;
  title: string;
  owner: PersonRef | null;
  organisation: OrganisationRef | null;
  dueDate: string | null;
  status: ActionStatus;
  overdue: boolean;
  decidedAt: MeetingRef;
  latestAnswer: { status: Exclude<ActionStatus, 'open'>; comment: string; answeredAt: string; forMeeting: MeetingRef | null } | null;
  changeable: ActionField[];
}

export interface ActionListPage {
  today: string;
  total: number;
  actions: ActionEntry[];
  choices: { owners: PersonRef[]; organisations: OrganisationRef[]; meetings: MeetingRef[] };
  members: PersonRef[];
}

type Change<T> = { from: T; to: T };

export type HistoryEntry =
  | { kind: 'decided'; at: string; meeting: MeetingRef }
  | {
      kind: 'answered';
      at: string;
      by: PersonRef | null;
      status: Exclude<ActionStatus, 'open'>;
      comment: string;
      forMeeting: MeetingRef | null;
    }
  | {
      kind: 'changed';
      at: string;
      by: PersonRef | null;
      status?: Change<ActionStatus>;
      dueDate?: Change<string | null>;
      owner?: Change<PersonRef | null>;
    };

export interface ActionDetail {
  action: ActionEntry;
  history: HistoryEntry[];
}

export interface ActionFilter {
  status: StatusFilter | null;
  owner: string | null;
  organisation: string | null;
  meeting: string | null;
  overdue: boolean;
}

export const DEFAULT_FILTER: ActionFilter = { status: 'not_done', owner: null, organisation: null, meeting: null, overdue: false };

/** The list is bounded: a group has some forty actions a year. */
export const ACTIONS_LIMIT = 500;

export interface ActionChanges {
  status?: ActionStatus;
  dueDate?: string | null;
  ownerPersonId?: string | null;
}

const base = (groupId: string) => `/groups/${encodeURIComponent(groupId)}/actions`;

export function listActions(api: ApiClient, groupId: string, filter: ActionFilter, signal?: AbortSignal): Promise<ActionListPage> {
  const query = new URLSearchParams({ limit: String(ACTIONS_LIMIT) });
  if (filter.status) query.set('status', filter.status);
  if (filter.owner) query.set('owner', filter.owner);
  if (filter.organisation) query.set('organisation', filter.organisation);
  if (filter.meeting) query.set('meeting', filter.meeting);
  if (filter.overdue) query.set('overdue', 'true');
  return api.request(`${base(groupId)}?${query.toString()}`, { signal });
}

export function getAction(api: ApiClient, groupId: string, actionId: string, signal?: AbortSignal): Promise<ActionDetail> {
  return api.request(`${base(groupId)}/${encodeURIComponent(actionId)}`, { signal });
}

export function changeAction(api: ApiClient, groupId: string, actionId: string, changes: ActionChanges): Promise<ActionDetail> {
  return api.request(`${base(groupId)}/${encodeURIComponent(actionId)}`, { method: 'PATCH', body: changes });
}
