/**
 * The group's sub-groups (*Delgrupper*): every member may read them. Strategists also get what
 * the form to start one needs: the group's members and the agenda items of its meetings.
 */
import { findMember, isStrategist, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { describeSubGroup, type SubGroupView } from './sub-group-view';

export interface SubGroupList {
  subGroups: SubGroupView[];
  canManage: boolean;
  /** Strategists only: who may be a member (the group's members), with their organisation. */
  people: { id: string; name: string; organisation: string | null }[];
  /** Strategists only: meetings (not cancelled) whose agenda is stored, with their items to start from. */
  startFrom: { meetingId: string; title: string; startsAt: Date; items: { id: string; title: string }[] }[];
}

export async function listSubGroups(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string },
): Promise<SubGroupList> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const { tenantId, id: groupId } = member.group;
  const [subGroups, meetings, people, organisations, memberships] = await Promise.all([
    repos.subGroups.listByGroup(tenantId, groupId),
    repos.meetings.listByGroup(tenantId, groupId),
    repos.people.listByGroup(tenantId, groupId),
    repos.organisations.listByGroup(tenantId, groupId),
    repos.memberships.listByGroup(tenantId, groupId),
  ]);
  // Former members still named in a sub-group are looked up one by one.
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const others = new Set(
    subGroups.flatMap((s) => [...s.memberPersonIds, s.convenorPersonId ?? '']).filter((id) => id && !peopleById.has(id)),
  );
  for (const person of await Promise.all([...others].map((id) => repos.people.find(tenantId, id))))
    if (person) peopleById.set(person.id, person);
  const organisationById = new Map(organisations.map((o) => [o.id, o]));
  const context = { meetings, people: peopleById, organisations: organisationById, now: deps.clock.now() };
  const strategist = isStrategist(member);
  const memberIds = new Set(memberships.map((m) => m.personId));
  const startFrom = strategist
    ? (
        await Promise.all(
          meetings
            .filter((m) => m.status !== 'cancelled')
            .map(async (m) => ({
              meetingId: m.id,
              title: m.title,
              startsAt: m.startsAt,
              items: (await repos.agendaItems.listByMeeting(tenantId, m.id)).map((i) => ({ id: i.id, title: i.title })),
            })),
        )
      ).filter((m) => m.items.length > 0)
    : [];
  return {
    subGroups: subGroups.map((s) => describeSubGroup(s, context)),
    canManage: strategist,
    people: strategist
      ? people
          .filter((p) => memberIds.has(p.id))
          .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
          .map((p) => ({
            id: p.id,
            name: p.name,
            organisation: p.organisationId ? (organisationById.get(p.organisationId)?.name ?? null) : null,
          }))
      : [],
    startFrom,
  };
}
