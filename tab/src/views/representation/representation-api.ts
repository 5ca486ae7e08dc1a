/** The Representation view's call: a year's meetings held × the group's organisations. */
import type { ApiClient } from '../../api';

export type RepresentationMark = 'delegate' | 'substitute' | 'absent' | 'unknown';

export interface RepresentationCell {
  organisationId: string;
  mark: RepresentationMark;
  proposals: number;
  openActions: number;
}

export interface RepresentationTotals {
  organisationId: string;
  represented: number;
  bySubstitute: number;
  absent: number;
  unknown: number;
  proposals: number;
  openActions: number;
}

export interface RepresentationOverview {
  group: { id: string; name: string };
  year: number;
  organisations: { id: string; name: string; kind: 'forvaltning' | 'bolag' | 'other' }[];
  /** Oldest first; the cells in the organisations' order. */
  meetings: { id: string; title: string; startsAt: string; cells: RepresentationCell[] }[];
  totals: RepresentationTotals[];
  ownOrganisationId: string | null;
}

export function getRepresentation(
  api: ApiClient,
  groupId: string,
  year: number | null,
  signal?: AbortSignal,
): Promise<RepresentationOverview> {
  const query = year === null ? '' : `?year=${year}`;
  return api.request(`/groups/${encodeURIComponent(groupId)}/representation${query}`, { signal });
}
