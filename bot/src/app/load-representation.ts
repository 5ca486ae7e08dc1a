/**
 * Representation over a period, read from storage with no access check: the meetings held in
 * it (not cancelled) × the group's organisations, each cell saying whether the organisation was
 * represented by a delegate, by an ersättare, not at all, or unknown (nothing recorded), with the
 * proposals it made for that meeting and the actions from it that it still owns; and each
 * organisation's totals. `getRepresentation` (the tab) and the committee report (its heat map)
 * call this after checking who asks.
 */
import type { Group } from '../domain/group';
import type { OrganisationKind } from '../domain/organisation';
import {
  heldMeetingsIn,
  representationGrid,
  type OrganisationRepresentationTotals,
  type RepresentationCell,
} from '../domain/representation';
import { attendanceRecordsOf } from './attendance-records';
import type { Repositories } from './ports/repositories';

export interface RepresentationData {
  /** Förvaltningar first, then bolag, then others; by name within each: the grid's columns. */
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  /** The meetings held in the period, oldest first: the grid's rows, cells in the organisations' order. */
  meetings: { id: string; title: string; startsAt: Date; cells: RepresentationCell[] }[];
  /** Per organisation, in the same order: meetings represented (by ersättare among them), proposals, open actions. */
  totals: OrganisationRepresentationTotals[];
}

const KIND_ORDER: Record<OrganisationKind, number> = { forvaltning: 0, bolag: 1, other: 2 };

export async function loadRepresentation(
  repos: Repositories,
  group: Pick<Group, 'tenantId' | 'id'>,
  range: { from: Date; to: Date },
  now: Date,
): Promise<RepresentationData> {
  const { tenantId, id: groupId } = group;
  const [organisations, people, memberships, meetings, proposals, actions] = await Promise.all([
    repos.organisations.listByGroup(tenantId, groupId),
    repos.people.listByGroup(tenantId, groupId),
    repos.memberships.listByGroup(tenantId, groupId),
    repos.meetings.listByGroup(tenantId, groupId, range),
    repos.proposals.listByGroup(tenantId, groupId),
    repos.actionItems.listOpenByGroup(tenantId, groupId),
  ]);
  const held = heldMeetingsIn(meetings, range, now);
  const sorted = [...organisations].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'sv'));
  const grid = representationGrid({
    organisations: sorted,
    people,
    memberships,
    meetings: held,
    attendance: await attendanceRecordsOf(repos, tenantId, held),
    proposals,
    actions,
  });
  return {
    organisations: sorted.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    meetings: held.map((m) => ({
      id: m.id,
      title: m.title,
      startsAt: m.startsAt,
      cells: grid.meetings.find((row) => row.meetingId === m.id)?.cells ?? [],
    })),
    totals: grid.totals,
  };
}
