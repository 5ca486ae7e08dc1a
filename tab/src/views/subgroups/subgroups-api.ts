/** The Delgrupper view's calls: the group's sub-groups, start one from an agenda item, change one. */
import type { ApiClient } from '../../api';

export type SubGroupStatus = 'active' | 'reported' | 'closed';
export const SUB_GROUP_STATUSES: readonly SubGroupStatus[] = ['active', 'reported', 'closed'];

export interface SubGroupEntry {
  id: string;
  name: string;
  mandate: string;
  status: SubGroupStatus;
  /** Klart senast, "YYYY-MM-DD". */
  deadline: string;
  origin: { meetingId: string; meetingTitle: string; meetingStartsAt: string | null; agendaItemId: string; itemTitle: string };
  convenor: { personId: string; name: string } | null;
  organisations: { name: string | null; members: { personId: string; name: string }[] }[];
  memberPersonIds: string[];
  warnings: ('one-organisation' | 'no-convenor')[];
  reportBack: { meetingId: string; title: string; startsAt: string; past: boolean } | null;
}

export interface SubGroupList {
  subGroups: SubGroupEntry[];
  canManage: boolean;
  people: { id: string; name: string; organisation: string | null }[];
  startFrom: { meetingId: string; title: string; startsAt: string; items: { id: string; title: string }[] }[];
}

export interface NewSubGroup {
  name: string;
  mandate: string;
  deadline: string;
  memberPersonIds: string[];
  convenorPersonId: string;
}

export type SubGroupChange = Partial<NewSubGroup & { status: SubGroupStatus }>;

const base = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;

export function listSubGroups(api: ApiClient, groupId: string, signal?: AbortSignal): Promise<SubGroupList> {
  return api.request(`${base(groupId)}/sub-groups`, { signal });
}

export function startSubGroup(api: ApiClient, groupId: string, itemId: string, body: NewSubGroup): Promise<SubGroupEntry> {
  return api.request(`${base(groupId)}/agenda-items/${encodeURIComponent(itemId)}/sub-groups`, { method: 'POST', body });
}

export function changeSubGroup(api: ApiClient, groupId: string, subGroupId: string, body: SubGroupChange): Promise<SubGroupEntry> {
  return api.request(`${base(groupId)}/sub-groups/${encodeURIComponent(subGroupId)}`, { method: 'PATCH', body });
}
