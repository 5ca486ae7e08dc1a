/**
 * The tab's *Representation*: a year's meetings held × the group's organisations (see
 * `loadRepresentation`), for every member of the group. Access is the members view's: the group's
 * make-up and who came are no secret within the group (the minutes list who was there), and the
 * view shows counts per organisation, never names or titles. Strategists read it to follow up;
 * a delegate finds their own förvaltning (`ownOrganisationId`).
 */
import { fromStockholm, toStockholm } from '../domain/stockholm-time';
import { findMember, type Actor } from './find-member';
import { loadRepresentation, type RepresentationData } from './load-representation';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export interface RepresentationOverview extends RepresentationData {
  group: { id: string; name: string };
  year: number;
  /** The caller's own organisation, to point out in the grid; null when they have none. */
  ownOrganisationId: string | null;
}

export async function getRepresentation(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string; year?: number },
): Promise<RepresentationOverview> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const group = member.group;
  const now = deps.clock.now();
  // By default the year of the latest meeting held: early in January the past year still matters.
  let year = input.year;
  if (year === undefined) {
    const meetings = await repos.meetings.listByGroup(group.tenantId, group.id, { from: new Date(0), to: now });
    const latest = meetings.filter((m) => m.status !== 'cancelled').at(-1);
    year = toStockholm(latest?.startsAt ?? now).year;
  }
  const range = {
    from: fromStockholm({ year, month: 1, day: 1, hour: 0, minute: 0 }),
    to: fromStockholm({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0 }),
  };
  const data = await loadRepresentation(repos, group, range, now);
  return {
    group: { id: group.id, name: group.name },
    year,
    ...data,
    ownOrganisationId: member.person.organisationId,
  };
}
